using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Analysis.h: the verifier.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Verifier ----

    /// <summary>Returns 1 when the module is broken. <c>OutMessage</c> is allocated even on success: always free it with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMVerifyModule(LLVMModuleRef M, LLVMVerifierFailureAction Action, out IntPtr OutMessage);

    /// <summary>Returns 1 when the function is broken; with <c>LLVMPrintMessageAction</c> the text goes to stderr.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMVerifyFunction(LLVMValueRef Fn, LLVMVerifierFailureAction Action);
}
