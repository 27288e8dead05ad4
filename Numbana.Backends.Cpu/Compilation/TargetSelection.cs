using Numbana.Backends.Cpu.OrcJit;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Backends.Cpu.Compilation;

/// <summary>
/// The target a specialization is compiled for, from <see cref="JitOptions.TargetCpu"/> and
/// <see cref="JitOptions.TargetTriple"/>: the host's CPU and features by default, or a named CPU
/// (portable code such as <c>x86-64-v2</c>).
/// </summary>
/// <remarks>
/// A named CPU reaches the JIT's code generator as the <c>target-cpu</c> and <c>target-features</c>
/// attributes of every function (they override the JIT's host target machine, function by function);
/// the optimizer sees a target machine for that CPU.
/// </remarks>
internal static class TargetSelection
{
    /// <summary>True when the options target this host (the default).</summary>
    public static bool IsHost(JitOptions options) => options.TargetTriple is null;

    /// <summary>A target machine for the options' target (the caller owns it).</summary>
    public static LlvmTargetMachine CreateTargetMachine(HostJit jit, JitOptions options,
        LLVMRelocMode relocMode = LLVMRelocMode.LLVMRelocDefault, LLVMCodeModel codeModel = LLVMCodeModel.LLVMCodeModelJITDefault)
    {
        var triple = options.TargetTriple ?? jit.TargetTriple;
        var (cpu, features) = CpuAndFeatures(jit, options);
        return LlvmTargetMachine.Create(triple, cpu, features, LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive, relocMode, codeModel);
    }

    /// <summary>The CPU name and feature string for the options.</summary>
    public static (string Cpu, string Features) CpuAndFeatures(HostJit jit, JitOptions options)
    {
        if (options.TargetTriple is not null)
            return (options.TargetCpu == "host" ? "generic" : options.TargetCpu, "");
        return options.TargetCpu == "host" ? (jit.HostCpu, jit.HostFeatures) : (options.TargetCpu, "");
    }

    /// <summary>
    /// The alignment in bytes at which the options' CPU stores a vector in one piece, which
    /// <see cref="Transforms.StoreAlignmentPeeling"/> aligns loops' stores to: 32 for x86-64 CPUs with AVX
    /// (LLVM vectorizes with 256-bit registers, AVX-512 CPUs included by default); 16 without AVX, on
    /// AArch64 (NEON), and on AMD CPUs whose 256-bit operations run as two 128-bit halves (Bulldozer,
    /// Jaguar, Zen 1), where a 16-byte-aligned 256-bit store never crosses a cache line.
    /// </summary>
    public static int VectorStoreAlignment(HostJit jit, JitOptions options)
    {
        var triple = options.TargetTriple ?? jit.TargetTriple;
        if (!triple.StartsWith("x86_64", StringComparison.Ordinal)) return 16;
        var (cpu, features) = CpuAndFeatures(jit, options);
        if (RunsWideVectorsAsHalves(cpu)) return 16;
        // The host's features say it; a named CPU comes without them, and only a few names predate AVX.
        // A wrong guess costs a few scalar iterations or split stores, never a wrong result.
        var hasAvx = features.Length > 0
            ? features.Split(',').Contains("+avx")
            : cpu is not ("generic" or "x86-64" or "x86-64-v2" or "core2" or "nehalem" or "westmere" or "silvermont" or "goldmont" or "btver1");
        return hasAvx ? 32 : 16;
    }

    /// <summary>
    /// The widest vectors, in bits, that LLVM's vectorizers should use for the options' CPU (the function attribute
    /// <c>prefer-vector-width</c>, clang's <c>-mprefer-vector-width</c>), or null for LLVM's own choice.
    /// </summary>
    /// <remarks>
    /// 128 on the AMD CPUs that run a 256-bit operation as two 128-bit halves (Bulldozer, Jaguar, Zen 1): 256-bit
    /// vectors bring them no throughput, and LLVM's cost model underestimates the shuffles of 256-bit interleaved
    /// accesses there. Measured on Zen 1 (docs/performance.md, "Arrays of structs"): a loop over
    /// <c>{ double X, Y }[]</c> went from 1.3x slower than RyuJIT to 1.5x faster, and matmul did not lose. GCC's
    /// tuning for these CPUs makes the same choice (X86_TUNE_AVX128_OPTIMAL).
    /// </remarks>
    public static int? PreferredVectorWidth(HostJit jit, JitOptions options)
    {
        var triple = options.TargetTriple ?? jit.TargetTriple;
        return triple.StartsWith("x86_64", StringComparison.Ordinal) && RunsWideVectorsAsHalves(CpuAndFeatures(jit, options).Cpu) ? 128 : null;
    }

    /// <summary>AMD CPUs whose 256-bit AVX operations run as two 128-bit halves.</summary>
    private static bool RunsWideVectorsAsHalves(string cpu) => cpu is "znver1" or "btver2" or "bdver1" or "bdver2" or "bdver3" or "bdver4";

    /// <summary>
    /// Puts the options' target on every function defined in the module: a named CPU (nothing for "host", which the
    /// JIT's target machine already is) and the preferred vector width (<see cref="PreferredVectorWidth"/>).
    /// </summary>
    public static void ApplyCpu(LlvmModule module, JitOptions options, LlvmTargetMachine targetMachine, HostJit jit)
    {
        var namedCpu = !(options.TargetCpu == "host" && options.TargetTriple is null);
        var vectorWidth = PreferredVectorWidth(jit, options);
        if (!namedCpu && vectorWidth is null) return;
        var context = LLVMGetModuleContext(module.Ref);
        for (var function = LLVMGetFirstFunction(module.Ref); !function.IsNull; function = LLVMGetNextFunction(function))
        {
            if (LLVMIsDeclaration(function) != 0) continue;
            if (namedCpu)
            {
                LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(context, "target-cpu", targetMachine.Cpu));
                LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(context, "target-features", targetMachine.Features));
            }
            if (vectorWidth is { } bits)
                LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(context, "prefer-vector-width", bits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
