using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Target.h: data layouts. The target initializers (LLVMInitialize*) are declared by hand at the end: the header defines them through macros.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Data layouts ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetDataRef LLVMGetModuleDataLayout(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetModuleDataLayout(LLVMModuleRef M, LLVMTargetDataRef DL);

    /// <summary>Owned: free with <see cref="LLVMDisposeTargetData"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTargetDataRef LLVMCreateTargetData(string StringRep);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDisposeTargetData(LLVMTargetDataRef TD);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMCopyStringRepOfTargetData(LLVMTargetDataRef TD);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMByteOrdering LLVMByteOrder(LLVMTargetDataRef TD);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMPointerSize(LLVMTargetDataRef TD);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMPointerSizeForAS(LLVMTargetDataRef TD, uint AS);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMIntPtrTypeInContext(LLVMContextRef C, LLVMTargetDataRef TD);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMIntPtrTypeForASInContext(LLVMContextRef C, LLVMTargetDataRef TD, uint AS);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong LLVMSizeOfTypeInBits(LLVMTargetDataRef TD, LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong LLVMStoreSizeOfType(LLVMTargetDataRef TD, LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong LLVMABISizeOfType(LLVMTargetDataRef TD, LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMABIAlignmentOfType(LLVMTargetDataRef TD, LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMCallFrameAlignmentOfType(LLVMTargetDataRef TD, LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMPreferredAlignmentOfType(LLVMTargetDataRef TD, LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMPreferredAlignmentOfGlobal(LLVMTargetDataRef TD, LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMElementAtOffset(LLVMTargetDataRef TD, LLVMTypeRef StructTy, ulong Offset);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong LLVMOffsetOfElement(LLVMTargetDataRef TD, LLVMTypeRef StructTy, uint Element);

    // ---- Target initializers (exported functions; LLVMInitializeNativeTarget and LLVMInitializeAll* are
    // static inline in the headers and not exported). Verified with nm -D on libLLVM.so.19.1. ----

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeX86TargetInfo();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeX86Target();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeX86TargetMC();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeX86AsmPrinter();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeX86AsmParser();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeX86Disassembler();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeAArch64TargetInfo();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeAArch64Target();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeAArch64TargetMC();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeAArch64AsmPrinter();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeAArch64AsmParser();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeAArch64Disassembler();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeNVPTXTargetInfo();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeNVPTXTarget();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeNVPTXTargetMC();

    [LibraryImport(LibraryName)]
    internal static partial void LLVMInitializeNVPTXAsmPrinter();
}
