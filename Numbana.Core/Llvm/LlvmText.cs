using System.Runtime.InteropServices;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm;

/// <summary>
/// The one place where LLVM's strings and errors become .NET strings and exceptions. LLVM hands out
/// three kinds of text, and each needs its own treatment:
/// <list type="bullet">
/// <item>owned <c>char*</c> (print functions, out-parameter error messages, host CPU name...):
/// <see cref="TakeMessage"/> copies it and frees it with <c>LLVMDisposeMessage</c>;</item>
/// <item>borrowed <c>const char*</c> (names, triples of a module or JIT): <see cref="Borrow(IntPtr)"/> copies it only;</item>
/// <item><c>LLVMErrorRef</c>: <see cref="TakeErrorMessage"/> consumes the error and frees its text;
/// <see cref="ThrowIfError"/> turns it into an <see cref="LlvmException"/>.</item>
/// </list>
/// </summary>
internal static class LlvmText
{
    /// <summary>Copies an owned LLVM message and frees it; a null pointer gives <c>""</c>.</summary>
    /// <example><c>string ir = LlvmText.TakeMessage(LLVMPrintModuleToString(module));</c></example>
    public static string TakeMessage(IntPtr message)
    {
        if (message == IntPtr.Zero)
            return string.Empty;
        try
        {
            return Marshal.PtrToStringUTF8(message) ?? string.Empty;
        }
        finally
        {
            LLVMDisposeMessage(message);
        }
    }

    /// <summary>Copies a borrowed NUL-terminated LLVM string without freeing it; a null pointer gives <c>""</c>.</summary>
    public static string Borrow(IntPtr text) =>
        text == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(text) ?? string.Empty;

    /// <summary>Copies a borrowed LLVM string of <paramref name="length"/> bytes (it may lack a NUL or contain one).</summary>
    public static unsafe string Borrow(IntPtr text, nuint length) =>
        text == IntPtr.Zero || length == 0
            ? string.Empty
            : System.Text.Encoding.UTF8.GetString((byte*)text, checked((int)length));

    /// <summary>
    /// Consumes <paramref name="error"/> and returns its text (<c>""</c> for the null "success" error).
    /// After this call the error must not be used again.
    /// </summary>
    public static string TakeErrorMessage(LLVMErrorRef error)
    {
        if (error.IsNull)
            return string.Empty;
        IntPtr text = LLVMGetErrorMessage(error); // consumes the error
        try
        {
            return Marshal.PtrToStringUTF8(text) ?? string.Empty;
        }
        finally
        {
            LLVMDisposeErrorMessage(text);
        }
    }

    /// <summary>
    /// Does nothing for the null (success) error; otherwise consumes it and throws
    /// <see cref="LlvmException"/> with the message <c>"&lt;whatWasBeingDone&gt;: &lt;LLVM's text&gt;"</c>.
    /// </summary>
    /// <example><c>LlvmText.ThrowIfError(LLVMRunPasses(m, "default&lt;O3&gt;", tm, opts), "running default&lt;O3&gt;");</c></example>
    public static void ThrowIfError(LLVMErrorRef error, string whatWasBeingDone)
    {
        if (error.IsNull)
            return;
        throw new LlvmException($"{whatWasBeingDone}: {TakeErrorMessage(error)}");
    }

    /// <summary>Consumes an error whose text nobody needs (in cleanup paths); null is fine.</summary>
    public static void Consume(LLVMErrorRef error)
    {
        if (!error.IsNull)
            LLVMConsumeError(error);
    }
}
