using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm;

/// <summary>
/// Settings of the new pass manager's pipeline tuning (<c>LLVMPassBuilderOptions</c>). The defaults
/// turn loop and SLP vectorization, interleaving and unrolling on, as clang's -O2/-O3 do.
/// </summary>
internal sealed record LlvmPassOptions
{
    /// <summary>The defaults.</summary>
    public static LlvmPassOptions Default { get; } = new();

    /// <summary>Run the loop vectorizer.</summary>
    public bool LoopVectorization { get; init; } = true;

    /// <summary>Run the SLP (straight-line) vectorizer.</summary>
    public bool SlpVectorization { get; init; } = true;

    /// <summary>Unroll loops.</summary>
    public bool LoopUnrolling { get; init; } = true;

    /// <summary>Interleave vectorized loops.</summary>
    public bool LoopInterleaving { get; init; } = true;

    /// <summary>Run the verifier after every pass (slow; for debugging passes).</summary>
    public bool VerifyEach { get; init; }

    /// <summary>Print each pass as it runs (to stderr).</summary>
    public bool DebugLogging { get; init; }

    /// <summary>Merge identical functions.</summary>
    public bool MergeFunctions { get; init; }

    /// <summary>The inliner threshold; null keeps the pipeline's own.</summary>
    public int? InlinerThreshold { get; init; }
}

/// <summary>Runs textual new-pass-manager pipelines over a module.</summary>
internal static class LlvmPasses
{
    /// <summary>
    /// Runs <paramref name="pipeline"/> (e.g. <c>"default&lt;O3&gt;"</c>, or
    /// <c>"function(loop(loop-rotate),irce),default&lt;O3&gt;"</c>) over <paramref name="module"/> with the
    /// cost model of <paramref name="targetMachine"/> (whose <see cref="LlvmTargetMachine.Gate"/> is held
    /// meanwhile). A module without a target triple first gets the machine's triple and data layout:
    /// optimizing without them loses target knowledge, and the JIT rejects the mismatch.
    /// </summary>
    /// <exception cref="LlvmException">The pipeline text is invalid or a pass failed; the message has LLVM's text.</exception>
    public static void Run(LLVMModuleRef module, LlvmTargetMachine targetMachine, string pipeline, LlvmPassOptions? options = null)
    {
        if (LlvmText.Borrow(LLVMGetTarget(module)).Length == 0)
        {
            LLVMSetTarget(module, targetMachine.Triple);
            LLVMSetDataLayout(module, targetMachine.DataLayout);
        }
        using LlvmPassBuilderOptions builderOptions = LlvmPassBuilderOptions.Create(options ?? LlvmPassOptions.Default);
        LLVMErrorRef error;
        lock (targetMachine.Gate)
            error = LLVMRunPasses(module, pipeline, targetMachine.Ref, builderOptions.Ref);
        LlvmText.ThrowIfError(error, $"running the LLVM pass pipeline '{pipeline}'");
    }

    /// <inheritdoc cref="Run(LLVMModuleRef, LlvmTargetMachine, string, LlvmPassOptions?)"/>
    public static void Run(LlvmModule module, LlvmTargetMachine targetMachine, string pipeline, LlvmPassOptions? options = null) =>
        Run(module.Ref, targetMachine, pipeline, options);
}
