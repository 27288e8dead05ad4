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

    /// <summary>Puts a named CPU on every function defined in the module (nothing for "host").</summary>
    public static void ApplyCpu(LlvmModule module, JitOptions options, LlvmTargetMachine targetMachine)
    {
        if (options.TargetCpu == "host" && options.TargetTriple is null) return;
        var context = LLVMGetModuleContext(module.Ref);
        for (var function = LLVMGetFirstFunction(module.Ref); !function.IsNull; function = LLVMGetNextFunction(function))
        {
            if (LLVMIsDeclaration(function) != 0) continue;
            LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(context, "target-cpu", targetMachine.Cpu));
            LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(context, "target-features", targetMachine.Features));
        }
    }
}
