using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>
/// A reference to an ORC thread-safe context: a reference-counted LLVM context plus a lock. Every
/// thread-safe module made on it holds a further reference, so disposing this wrapper after
/// <see cref="OrcThreadSafeModule.Create"/> is fine: the context lives as long as its modules.
/// </summary>
/// <remarks>
/// The C API changed in LLVM 21: up to 20 the context is created inside
/// (<see cref="Create"/> + <see cref="GetContext"/>); from 21 an existing context is wrapped
/// (<see cref="Wrap"/>). <c>Numbana.Backends.Cpu.OrcJit.JitModuleContext</c> picks the right way.
/// </remarks>
internal sealed class OrcThreadSafeContext : LlvmOwningHandle
{
    private OrcThreadSafeContext(LLVMOrcThreadSafeContextRef context)
        : base(context.Handle, dependsOn: null)
    {
    }

    private static readonly Lazy<bool> canGetContext = new(() => LlvmLibrary.HasExport(nameof(LLVMOrcThreadSafeContextGetContext)));
    private static readonly Lazy<bool> canWrap = new(() => LlvmLibrary.HasExport(nameof(LLVMOrcCreateNewThreadSafeContextFromLLVMContext)));

    /// <summary>The borrowed handle for the raw API.</summary>
    public LLVMOrcThreadSafeContextRef Ref => new(Live);

    /// <summary>Whether this libLLVM has <c>LLVMOrcThreadSafeContextGetContext</c> (LLVM 20 and older).</summary>
    public static bool CanGetContext => canGetContext.Value;

    /// <summary>Whether this libLLVM has <c>LLVMOrcCreateNewThreadSafeContextFromLLVMContext</c> (LLVM 21 and later).</summary>
    public static bool CanWrap => canWrap.Value;

    /// <summary>Creates a thread-safe context around a new LLVM context.</summary>
    public static OrcThreadSafeContext Create()
    {
        LlvmLibrary.EnsureLoaded();
        return new OrcThreadSafeContext(LLVMOrcCreateNewThreadSafeContext());
    }

    /// <summary>
    /// Wraps <paramref name="context"/>, taking ownership of it (LLVM 21 and later). The
    /// <paramref name="context"/> wrapper is closed afterwards; get a borrowed one with
    /// <see cref="LlvmContext.Borrow"/>(ref, this).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">The loaded libLLVM is older than 21.</exception>
    public static OrcThreadSafeContext Wrap(LlvmContext context)
    {
        if (!CanWrap)
            throw new PlatformNotSupportedException($"LLVM {LlvmLibrary.Version} has no LLVMOrcCreateNewThreadSafeContextFromLLVMContext (added in 21).");
        return new OrcThreadSafeContext(LLVMOrcCreateNewThreadSafeContextFromLLVMContext(context.ReleaseOwnership()));
    }

    /// <summary>
    /// The wrapped LLVM context, borrowed (LLVM 20 and older); the returned wrapper keeps this
    /// thread-safe context alive.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">The loaded libLLVM is 21 or later.</exception>
    public LlvmContext GetContext()
    {
        if (!CanGetContext)
            throw new PlatformNotSupportedException($"LLVM {LlvmLibrary.Version} has no LLVMOrcThreadSafeContextGetContext (removed in 21).");
        return LlvmContext.Borrow(LLVMOrcThreadSafeContextGetContext(Ref), this);
    }

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject) => LLVMOrcDisposeThreadSafeContext(new LLVMOrcThreadSafeContextRef(nativeObject));
}
