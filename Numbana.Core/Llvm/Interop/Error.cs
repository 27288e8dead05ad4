using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Error.h: llvm::Error. Every non-null LLVMErrorRef must be consumed exactly once (LLVMGetErrorMessage or LLVMConsumeError).
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Errors ----

    /// <summary>Does not consume the error.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetErrorTypeId(LLVMErrorRef Err);

    /// <summary>Consumes (frees) the error without reading it.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMConsumeError(LLVMErrorRef Err);

    /// <summary>Consumes the error; free the returned text with <see cref="LLVMDisposeErrorMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetErrorMessage(LLVMErrorRef Err);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDisposeErrorMessage(IntPtr ErrMsg);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetStringErrorTypeId();

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMErrorRef LLVMCreateStringError(string ErrMsg);
}
