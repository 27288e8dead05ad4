using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Core.h: version, messages, contexts, diagnostics, attribute and metadata kinds.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Version and messages ----

    /// <summary>The loaded library's version (exported since LLVM 16).</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGetVersion(out uint Major, out uint Minor, out uint Patch);

    /// <summary>Copies a string into memory that <see cref="LLVMDisposeMessage"/> frees.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMCreateMessage(string Message);

    /// <summary>Frees every <c>char*</c> that LLVM returns as owned (print functions, error messages of out parameters).</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDisposeMessage(IntPtr Message);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMShutdown();

    // ---- Contexts ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMContextRef LLVMContextCreate();

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMContextDispose(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMContextSetDiscardValueNames(LLVMContextRef C, int Discard);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMContextShouldDiscardValueNames(LLVMContextRef C);

    /// <summary>Handler runs on the thread that raised the diagnostic; <c>DiagnosticContext</c> is passed back to it.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMContextSetDiagnosticHandler(LLVMContextRef C, delegate* unmanaged[Cdecl]<LLVMDiagnosticInfoRef, IntPtr, void> Handler, IntPtr DiagnosticContext);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetDiagInfoDescription(LLVMDiagnosticInfoRef DI);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMDiagnosticSeverity LLVMGetDiagInfoSeverity(LLVMDiagnosticInfoRef DI);

    // ---- Attribute and metadata kinds ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetMDKindIDInContext(LLVMContextRef C, byte* Name, uint SLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetEnumAttributeKindForName(byte* Name, nuint SLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetLastEnumAttributeKind();

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMAttributeRef LLVMCreateEnumAttribute(LLVMContextRef C, uint KindID, ulong Val);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetEnumAttributeKind(LLVMAttributeRef A);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong LLVMGetEnumAttributeValue(LLVMAttributeRef A);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMAttributeRef LLVMCreateTypeAttribute(LLVMContextRef C, uint KindID, LLVMTypeRef type_ref);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMGetTypeAttributeValue(LLVMAttributeRef A);

    /// <summary>A <c>range(iN lo, hi)</c> attribute; words are little-endian 64-bit chunks of <c>NumBits</c>-bit integers.</summary>
    [LlvmVersionRange(19)]
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMAttributeRef LLVMCreateConstantRangeAttribute(LLVMContextRef C, uint KindID, uint NumBits, ulong* LowerWords, ulong* UpperWords);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMAttributeRef LLVMCreateStringAttribute(LLVMContextRef C, byte* K, uint KLength, byte* V, uint VLength);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetStringAttributeKind(LLVMAttributeRef A, out uint Length);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetStringAttributeValue(LLVMAttributeRef A, out uint Length);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsEnumAttribute(LLVMAttributeRef A);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsStringAttribute(LLVMAttributeRef A);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsTypeAttribute(LLVMAttributeRef A);
}
