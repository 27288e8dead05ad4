using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// IRReader.h, BitReader.h, BitWriter.h, Linker.h: reading and writing modules.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Text and bitcode ----

    /// <summary>Parses IR text or bitcode. Takes ownership of <c>MemBuf</c> (also on failure); returns 1 on failure with <c>OutMessage</c> set (free it).</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMParseIRInContext(LLVMContextRef ContextRef, LLVMMemoryBufferRef MemBuf, out LLVMModuleRef OutM, out IntPtr OutMessage);

    /// <summary>Does not take ownership of <c>MemBuf</c>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMParseBitcodeInContext2(LLVMContextRef ContextRef, LLVMMemoryBufferRef MemBuf, out LLVMModuleRef OutModule);

    /// <summary>The buffer is owned by the caller.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMMemoryBufferRef LLVMWriteBitcodeToMemoryBuffer(LLVMModuleRef M);

    /// <summary>Links <c>Src</c> into <c>Dest</c> and destroys <c>Src</c>; returns 1 on error.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMLinkModules2(LLVMModuleRef Dest, LLVMModuleRef Src);
}
