using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Core.h: memory buffers.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Memory buffers ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMCreateMemoryBufferWithContentsOfFile(string Path, out LLVMMemoryBufferRef OutMemBuf, out IntPtr OutMessage);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMMemoryBufferRef LLVMCreateMemoryBufferWithMemoryRange(byte* InputData, nuint InputDataLength, string BufferName, int RequiresNullTerminator);

    /// <summary>Copies the bytes; the buffer is owned by the caller (or by whatever it is handed to).</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMMemoryBufferRef LLVMCreateMemoryBufferWithMemoryRangeCopy(byte* InputData, nuint InputDataLength, string BufferName);

    /// <summary>Borrowed pointer to the buffer's bytes.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetBufferStart(LLVMMemoryBufferRef MemBuf);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nuint LLVMGetBufferSize(LLVMMemoryBufferRef MemBuf);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDisposeMemoryBuffer(LLVMMemoryBufferRef MemBuf);
}
