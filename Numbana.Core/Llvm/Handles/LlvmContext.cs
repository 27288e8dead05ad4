using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>
/// An LLVM context (types, constants and metadata live in it). Use one context per module and per
/// thread: a context is not thread-safe.
/// </summary>
/// <remarks>
/// A context either is owned (<see cref="Create"/>: disposing frees it) or borrowed
/// (<see cref="Borrow"/>: e.g. the context inside an ORC thread-safe context, which owns it; the
/// borrowed wrapper keeps that owner alive).
/// </remarks>
internal sealed class LlvmContext : LlvmOwningHandle
{
    private LlvmContext(LLVMContextRef context, System.Runtime.InteropServices.SafeHandle? owner, bool owns)
        : base(context.Handle, owner, owns)
    {
    }

    /// <summary>The borrowed handle for the raw API.</summary>
    /// <exception cref="ObjectDisposedException">Disposed or handed over.</exception>
    public LLVMContextRef Ref => new(Live);

    /// <summary>Creates a new, owned context.</summary>
    /// <exception cref="LlvmException">libLLVM cannot be loaded.</exception>
    public static LlvmContext Create()
    {
        LlvmLibrary.EnsureLoaded();
        LLVMContextRef context = LLVMContextCreate();
        if (context.IsNull)
            throw new LlvmException("LLVMContextCreate returned null.");
        return new LlvmContext(context, owner: null, owns: true);
    }

    /// <summary>
    /// Wraps a context owned by someone else. <paramref name="owner"/> (if given) is kept alive for
    /// as long as this wrapper lives; disposing the wrapper never frees the context.
    /// </summary>
    public static LlvmContext Borrow(LLVMContextRef context, System.Runtime.InteropServices.SafeHandle? owner)
    {
        if (context.IsNull)
            throw new ArgumentException("The context is null.", nameof(context));
        return new LlvmContext(context, owner, owns: false);
    }

    /// <summary>
    /// Hands the context to a new owner (e.g. <c>LLVMOrcCreateNewThreadSafeContextFromLLVMContext</c>);
    /// this wrapper is closed afterwards.
    /// </summary>
    public LLVMContextRef ReleaseOwnership() => new(TakeOwnership());

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject) => LLVMContextDispose(new LLVMContextRef(nativeObject));
}
