using System.Text.RegularExpressions;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Backends.Cuda.Nvptx;

/// <summary>
/// The NVPTX target: an LLVM target machine for <c>nvptx64-nvidia-cuda</c> that turns a module into
/// PTX text for one GPU architecture (sm_XX) and PTX ISA version. This is the whole CUDA backend for
/// now; the driver loader, device memory and kernel launch come with the CUDA issue.
/// </summary>
/// <remarks>
/// LLVM only warns about a PTX version it does not know and silently emits an older <c>.version</c>
/// (LLVM-NOTES.md), so <see cref="EmitPtx"/> checks the emitted version and throws when it differs.
/// </remarks>
internal sealed partial class NvptxTarget : IDisposable
{
    public const string Triple = "nvptx64-nvidia-cuda";

    /// <summary>The calling convention that marks a function as a kernel (.entry): ptx_kernel.</summary>
    public const uint KernelCallingConvention = 71;

    private readonly LlvmTargetMachine _machine;

    private NvptxTarget(LlvmTargetMachine machine, int smVersion, int ptxVersion)
    {
        _machine = machine;
        SmVersion = smVersion;
        PtxVersion = ptxVersion;
    }

    /// <summary>The GPU architecture, as in sm_80 (80).</summary>
    public int SmVersion { get; }

    /// <summary>The PTX ISA version times ten, as in ptx80 (80 = PTX 8.0).</summary>
    public int PtxVersion { get; }

    public string Architecture => $"sm_{SmVersion}";

    public LlvmTargetMachine TargetMachine => _machine;

    /// <summary>Creates the target for compute capability <paramref name="smVersion"/> (e.g. 80 for A100, 90 for H100).</summary>
    /// <param name="smVersion">The sm_XX number.</param>
    /// <param name="ptxVersion">The PTX ISA version times ten; LLVM 19 knows up to 85.</param>
    public static NvptxTarget Create(int smVersion = 80, int ptxVersion = 80)
    {
        if (smVersion < 30) throw new ArgumentOutOfRangeException(nameof(smVersion), smVersion, "NVPTX needs sm_30 or newer.");
        var machine = LlvmTargetMachine.Create(Triple, $"sm_{smVersion}", $"+ptx{ptxVersion}",
            LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive, LLVMRelocMode.LLVMRelocDefault, LLVMCodeModel.LLVMCodeModelDefault);
        return new NvptxTarget(machine, smVersion, ptxVersion);
    }

    /// <summary>Marks <paramref name="function"/> as a kernel, callable from the host (PTX .entry).</summary>
    public static void MarkKernel(LLVMValueRef function) => LLVMSetFunctionCallConv(function, KernelCallingConvention);

    /// <summary>Sets the module's triple and data layout to this target's, as optimization and emission need.</summary>
    public void Prepare(LlvmModule module) => module.SetTargetFrom(_machine);

    /// <summary>Emits the module as PTX text, and checks that LLVM honoured the requested PTX version.</summary>
    public string EmitPtx(LlvmModule module)
    {
        var ptx = _machine.EmitToText(module, LLVMCodeGenFileType.LLVMAssemblyFile);
        var version = VersionDirective().Match(ptx);
        var expected = $"{PtxVersion / 10}.{PtxVersion % 10}";
        if (!version.Success || version.Groups[1].Value != expected)
            throw new LlvmException($"LLVM emitted PTX {(version.Success ? version.Groups[1].Value : "without a .version")} instead of {expected}: " +
                $"this libLLVM does not support +ptx{PtxVersion}; choose an older PTX version.");
        return ptx;
    }

    public void Dispose() => _machine.Dispose();

    [GeneratedRegex(@"^\.version\s+(\d+\.\d+)", RegexOptions.Multiline)]
    private static partial Regex VersionDirective();
}
