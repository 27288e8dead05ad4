using System.Runtime.InteropServices;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm;

/// <summary>
/// Registers LLVM's targets with the target registry, each at most once per process (thread-safe,
/// idempotent). <c>LLVMInitializeNativeTarget</c> and <c>LLVMInitializeAll*</c> are static inline in
/// the headers and not exported, so each target's own initializers are called.
/// </summary>
internal static class LlvmTargets
{
    private static readonly object Gate = new();
    private static bool x86;
    private static bool aarch64;
    private static bool nvptx;

    /// <summary>X86 (info, target, MC, asm printer and parser, disassembler).</summary>
    public static void InitializeX86()
    {
        if (Volatile.Read(ref x86))
            return;
        lock (Gate)
        {
            if (x86)
                return;
            LlvmLibrary.EnsureLoaded();
            LLVMInitializeX86TargetInfo();
            LLVMInitializeX86Target();
            LLVMInitializeX86TargetMC();
            LLVMInitializeX86AsmPrinter();
            LLVMInitializeX86AsmParser();
            LLVMInitializeX86Disassembler();
            Volatile.Write(ref x86, true);
        }
    }

    /// <summary>AArch64 (info, target, MC, asm printer and parser, disassembler).</summary>
    public static void InitializeAArch64()
    {
        if (Volatile.Read(ref aarch64))
            return;
        lock (Gate)
        {
            if (aarch64)
                return;
            LlvmLibrary.EnsureLoaded();
            LLVMInitializeAArch64TargetInfo();
            LLVMInitializeAArch64Target();
            LLVMInitializeAArch64TargetMC();
            LLVMInitializeAArch64AsmPrinter();
            LLVMInitializeAArch64AsmParser();
            LLVMInitializeAArch64Disassembler();
            Volatile.Write(ref aarch64, true);
        }
    }

    /// <summary>NVPTX (info, target, MC, asm printer; it has no asm parser or disassembler).</summary>
    public static void InitializeNvptx()
    {
        if (Volatile.Read(ref nvptx))
            return;
        lock (Gate)
        {
            if (nvptx)
                return;
            LlvmLibrary.EnsureLoaded();
            LLVMInitializeNVPTXTargetInfo();
            LLVMInitializeNVPTXTarget();
            LLVMInitializeNVPTXTargetMC();
            LLVMInitializeNVPTXAsmPrinter();
            Volatile.Write(ref nvptx, true);
        }
    }

    /// <summary>The target of the process's CPU (x64 or Arm64).</summary>
    /// <exception cref="LlvmException">Another CPU architecture.</exception>
    public static void InitializeHost()
    {
        switch (RuntimeInformation.ProcessArchitecture)
        {
            case Architecture.X64:
            case Architecture.X86:
                InitializeX86();
                break;
            case Architecture.Arm64:
                InitializeAArch64();
                break;
            default:
                throw new LlvmException($"Numbana compiles for x64 and Arm64 hosts; this process runs on {RuntimeInformation.ProcessArchitecture}.");
        }
    }

    /// <summary>The target that <paramref name="triple"/>'s architecture names, if it is one Numbana uses; otherwise nothing.</summary>
    public static void InitializeForTriple(string triple)
    {
        string arch = triple.Split('-', 2)[0].ToLowerInvariant();
        if (arch is "x86_64" or "x86-64" or "amd64" or "i386" or "i486" or "i586" or "i686" or "x86")
            InitializeX86();
        else if (arch is "aarch64" or "arm64" or "aarch64_be" or "arm64_32" or "aarch64_32")
            InitializeAArch64();
        else if (arch is "nvptx" or "nvptx64")
            InitializeNvptx();
    }
}
