using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// TargetMachine.h: targets and target machines. A target machine is not thread-safe: one per thread, or a lock.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Targets ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetRef LLVMGetFirstTarget();

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetRef LLVMGetNextTarget(LLVMTargetRef T);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetRef LLVMGetTargetFromName(string Name);

    /// <summary>Returns 1 on failure with <c>ErrorMessage</c> set (free it with <see cref="LLVMDisposeMessage"/>).</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMGetTargetFromTriple(string Triple, out LLVMTargetRef T, out IntPtr ErrorMessage);

    /// <summary>Borrowed.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetTargetName(LLVMTargetRef T);

    /// <summary>Borrowed.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetTargetDescription(LLVMTargetRef T);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMTargetHasJIT(LLVMTargetRef T);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMTargetHasTargetMachine(LLVMTargetRef T);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMTargetHasAsmBackend(LLVMTargetRef T);

    // ---- Target machines ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetMachineRef LLVMCreateTargetMachine(LLVMTargetRef T, string Triple, string CPU, string Features, LLVMCodeGenOptLevel Level, LLVMRelocMode Reloc, LLVMCodeModel CodeModel);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDisposeTargetMachine(LLVMTargetMachineRef T);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetRef LLVMGetTargetMachineTarget(LLVMTargetMachineRef T);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetTargetMachineTriple(LLVMTargetMachineRef T);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetTargetMachineCPU(LLVMTargetMachineRef T);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetTargetMachineFeatureString(LLVMTargetMachineRef T);

    /// <summary>Owned: free with <see cref="LLVMDisposeTargetData"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetDataRef LLVMCreateTargetDataLayout(LLVMTargetMachineRef T);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetTargetMachineAsmVerbosity(LLVMTargetMachineRef T, int VerboseAsm);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetTargetMachineFastISel(LLVMTargetMachineRef T, int Enable);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetTargetMachineGlobalISel(LLVMTargetMachineRef T, int Enable);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetTargetMachineMachineOutliner(LLVMTargetMachineRef T, int Enable);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMTargetMachineEmitToFile(LLVMTargetMachineRef T, LLVMModuleRef M, string Filename, LLVMCodeGenFileType codegen, out IntPtr ErrorMessage);

    /// <summary>Runs code generation over the module (which it changes). Returns 1 on failure with <c>ErrorMessage</c> set; on success <c>OutMemBuf</c> is owned by the caller.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMTargetMachineEmitToMemoryBuffer(LLVMTargetMachineRef T, LLVMModuleRef M, LLVMCodeGenFileType codegen, out IntPtr ErrorMessage, out LLVMMemoryBufferRef OutMemBuf);

    // ---- Host ----

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetDefaultTargetTriple();

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMNormalizeTargetTriple(string triple);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetHostCPUName();

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetHostCPUFeatures();
}
