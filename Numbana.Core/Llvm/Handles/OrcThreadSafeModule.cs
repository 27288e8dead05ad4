using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>
/// An ORC thread-safe module: a module plus a reference to its thread-safe context. The LLJIT
/// takes it whole (<see cref="ReleaseOwnership"/>); disposing one that was never added frees the
/// module.
/// </summary>
internal sealed class OrcThreadSafeModule : LlvmOwningHandle
{
    private OrcThreadSafeModule(LLVMOrcThreadSafeModuleRef module)
        : base(module.Handle, dependsOn: null)
    {
    }

    /// <summary>The borrowed handle for the raw API.</summary>
    public LLVMOrcThreadSafeModuleRef Ref => new(Live);

    /// <summary>
    /// Wraps <paramref name="module"/> (which must live in <paramref name="context"/>'s LLVM context),
    /// taking ownership of it: <paramref name="module"/> is closed afterwards. Adds a reference to the
    /// context, so <paramref name="context"/> may be disposed right after.
    /// </summary>
    public static OrcThreadSafeModule Create(LlvmModule module, OrcThreadSafeContext context)
    {
        LLVMOrcThreadSafeContextRef tsc = context.Ref; // throws before the module is taken if disposed
        if (OrcThreadSafeContext.CanGetContext && LLVMGetModuleContext(module.Ref) != LLVMOrcThreadSafeContextGetContext(tsc))
            throw new ArgumentException("The module does not live in the thread-safe context's LLVM context.", nameof(module));
        LLVMModuleRef m = module.ReleaseOwnership();
        return new OrcThreadSafeModule(LLVMOrcCreateNewThreadSafeModule(m, tsc));
    }

    /// <summary>Hands the module to the LLJIT (which takes it even when adding fails); this wrapper is closed.</summary>
    public LLVMOrcThreadSafeModuleRef ReleaseOwnership() => new(TakeOwnership());

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject) => LLVMOrcDisposeThreadSafeModule(new LLVMOrcThreadSafeModuleRef(nativeObject));
}
