using System.Runtime.InteropServices;

namespace Numbana.Llvm.Handles;

/// <summary>
/// The base of the owning LLVM wrappers: a <see cref="SafeHandle"/> that frees its LLVM object once,
/// can hand its ownership over explicitly, and keeps the object it depends on alive.
/// </summary>
/// <remarks>
/// <para><b>Dependencies.</b> A module must die before its context, a builder before its context, a borrowed
/// context before the thread-safe context that owns it. Finalizers run in no particular order, so each
/// wrapper holds a <see cref="SafeHandle.DangerousAddRef"/> on the handle it depends on and drops it only
/// after freeing its own object: the context cannot be freed while a module of it is alive, whether
/// disposed or finalized.</para>
/// <para><b>Borrowed wrappers</b> (<c>ownsObject: false</c>) never free the object but still hold their
/// dependency, e.g. the context that a thread-safe context owns.</para>
/// <para><b>Ownership transfer</b> (<see cref="TakeOwnership"/>) leaves the wrapper closed: disposing it then
/// does nothing, and <c>Ref</c> throws <see cref="ObjectDisposedException"/>.</para>
/// <para>A wrapper is not thread-safe: one owner at a time.</para>
/// </remarks>
internal abstract class LlvmOwningHandle : SafeHandle
{
    private readonly bool ownsObject;
    private SafeHandle? dependency;
    private volatile bool disposeRequested;

    /// <summary>Wraps <paramref name="nativeObject"/>; <paramref name="dependsOn"/> is kept alive until this handle is freed.</summary>
    protected LlvmOwningHandle(IntPtr nativeObject, SafeHandle? dependsOn, bool ownsObject = true)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        this.ownsObject = ownsObject;
        if (dependsOn is not null)
        {
            bool added = false;
            dependsOn.DangerousAddRef(ref added); // throws ObjectDisposedException if it is gone already
            dependency = dependsOn;
        }
        SetHandle(nativeObject);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Whether disposing this wrapper frees the LLVM object (false for borrowed wrappers).</summary>
    public bool OwnsObject => ownsObject;

    /// <summary>The live pointer; throws <see cref="ObjectDisposedException"/> once disposed or handed over.</summary>
    protected IntPtr Live
    {
        get
        {
            // SafeHandle stays open after Dispose while a dependent holds a reference (a context with a
            // live module): this wrapper must still count as disposed for its owner.
            if (disposeRequested || IsClosed || IsInvalid)
                throw new ObjectDisposedException(GetType().Name, $"This {GetType().Name} was disposed, or its LLVM object was handed over to another owner.");
            return handle;
        }
    }

    /// <summary>Frees the LLVM object (called once, only for owning wrappers).</summary>
    protected abstract void Free(IntPtr nativeObject);

    /// <summary>
    /// Hands the LLVM object to a new owner: returns the pointer and closes this wrapper without freeing
    /// the object. The dependency is released too: the new owner keeps what it needs alive.
    /// </summary>
    protected IntPtr TakeOwnership()
    {
        IntPtr h = Live;
        if (!ownsObject)
            throw new InvalidOperationException($"This {GetType().Name} borrows its LLVM object and cannot hand it over.");
        SetHandleAsInvalid();
        ReleaseDependency();
        return h;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        disposeRequested = true;
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected sealed override bool ReleaseHandle()
    {
        if (ownsObject)
            Free(handle);
        ReleaseDependency();
        return true;
    }

    private void ReleaseDependency()
    {
        SafeHandle? d = Interlocked.Exchange(ref dependency, null);
        d?.DangerousRelease();
    }
}
