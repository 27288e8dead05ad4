using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// llvm-c/DebugInfo.h: the temporary metadata nodes that self-referential nodes (an llvm.loop ID,
// whose first operand is the node itself) are built with.
internal static unsafe partial class LlvmNative
{
    [LibraryImport(LibraryName)]
    internal static partial LLVMMetadataRef LLVMTemporaryMDNode(LLVMContextRef Ctx, LLVMMetadataRef* Data, nuint NumElements);

    [LibraryImport(LibraryName)]
    internal static partial void LLVMDisposeTemporaryMDNode(LLVMMetadataRef TempNode);

    [LibraryImport(LibraryName)]
    internal static partial void LLVMMetadataReplaceAllUsesWith(LLVMMetadataRef TempTargetMetadata, LLVMMetadataRef Replacement);
}
