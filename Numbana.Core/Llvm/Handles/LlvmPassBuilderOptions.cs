using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>Options for <c>LLVMRunPasses</c>; <see cref="LlvmPasses"/> creates one per run from <see cref="LlvmPassOptions"/>.</summary>
internal sealed class LlvmPassBuilderOptions : LlvmOwningHandle
{
    private LlvmPassBuilderOptions(LLVMPassBuilderOptionsRef options)
        : base(options.Handle, dependsOn: null)
    {
    }

    /// <summary>The borrowed handle for the raw API.</summary>
    public LLVMPassBuilderOptionsRef Ref => new(Live);

    /// <summary>Creates options set as <paramref name="settings"/> says.</summary>
    public static LlvmPassBuilderOptions Create(LlvmPassOptions settings)
    {
        LlvmLibrary.EnsureLoaded();
        var options = new LlvmPassBuilderOptions(LLVMCreatePassBuilderOptions());
        LLVMPassBuilderOptionsRef o = options.Ref;
        LLVMPassBuilderOptionsSetLoopVectorization(o, settings.LoopVectorization ? 1 : 0);
        LLVMPassBuilderOptionsSetSLPVectorization(o, settings.SlpVectorization ? 1 : 0);
        LLVMPassBuilderOptionsSetLoopUnrolling(o, settings.LoopUnrolling ? 1 : 0);
        LLVMPassBuilderOptionsSetLoopInterleaving(o, settings.LoopInterleaving ? 1 : 0);
        LLVMPassBuilderOptionsSetVerifyEach(o, settings.VerifyEach ? 1 : 0);
        LLVMPassBuilderOptionsSetDebugLogging(o, settings.DebugLogging ? 1 : 0);
        LLVMPassBuilderOptionsSetMergeFunctions(o, settings.MergeFunctions ? 1 : 0);
        if (settings.InlinerThreshold is int threshold)
            LLVMPassBuilderOptionsSetInlinerThreshold(o, threshold);
        return options;
    }

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject) => LLVMDisposePassBuilderOptions(new LLVMPassBuilderOptionsRef(nativeObject));
}
