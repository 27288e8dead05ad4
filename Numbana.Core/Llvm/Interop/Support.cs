using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Support.h: dynamic symbols and command-line options.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Support ----

    /// <summary>Makes a shared library's symbols visible to <see cref="LLVMSearchForAddressOfSymbol"/> and to the JIT's process-symbol lookup (a <c>NativeLibrary.Load</c> is not). Returns 1 on failure.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMLoadLibraryPermanently(string Filename);

    /// <summary>Sets LLVM's global <c>cl::opt</c>s, process-wide; an option may be set only once per process.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMParseCommandLineOptions(int argc, byte** argv, string Overview);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMSearchForAddressOfSymbol(string symbolName);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMAddSymbol(string symbolName, IntPtr symbolValue);
}
