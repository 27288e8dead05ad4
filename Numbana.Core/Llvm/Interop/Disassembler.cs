using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Disassembler.h: the MC disassembler (needs the target's Disassembler initializer).
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Disassembler ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMDisasmContextRef LLVMCreateDisasmCPUFeatures(string Triple, string CPU, string Features, IntPtr DisInfo, int TagType, IntPtr GetOpInfo, IntPtr SymbolLookUp);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMSetDisasmOptions(LLVMDisasmContextRef DC, ulong Options);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDisasmDispose(LLVMDisasmContextRef DC);

    /// <summary>Disassembles one instruction into <c>OutString</c>; returns its size in bytes, 0 if invalid.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nuint LLVMDisasmInstruction(LLVMDisasmContextRef DC, byte* Bytes, ulong BytesSize, ulong PC, byte* OutString, nuint OutStringSize);
}
