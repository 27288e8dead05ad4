using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Plain C structs of Orc.h, laid out exactly as the C compiler lays them out (sequential, natural
// alignment). The unit tests check their sizes and field offsets.

/// <summary><c>LLVMJITSymbolFlags</c>: two bytes, <c>{ uint8_t GenericFlags; uint8_t TargetFlags; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LLVMJITSymbolFlags
{
    /// <summary>A combination of <see cref="LLVMJITSymbolGenericFlags"/>.</summary>
    public LLVMJITSymbolGenericFlags GenericFlags;

    /// <summary>Target-specific flags (<c>LLVMJITSymbolTargetFlags</c>, a <c>uint8_t</c>).</summary>
    public byte TargetFlags;
}

/// <summary>
/// <c>LLVMJITEvaluatedSymbol</c>: <c>{ LLVMOrcExecutorAddress Address; LLVMJITSymbolFlags Flags; }</c>,
/// 16 bytes on 64-bit targets (the flags sit at offset 8, then 6 bytes of padding).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LLVMJITEvaluatedSymbol
{
    /// <summary>The symbol's address in the executor (this process).</summary>
    public ulong Address;

    /// <summary>The symbol's flags.</summary>
    public LLVMJITSymbolFlags Flags;
}

/// <summary>
/// <c>LLVMOrcCSymbolMapPair</c>: <c>{ LLVMOrcSymbolStringPoolEntryRef Name; LLVMJITEvaluatedSymbol Sym; }</c>,
/// 24 bytes on 64-bit targets. <c>LLVMOrcAbsoluteSymbols</c> takes over the reference held by <see cref="Name"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LLVMOrcCSymbolMapPair
{
    /// <summary>The interned (already mangled) name.</summary>
    public LLVMOrcSymbolStringPoolEntryRef Name;

    /// <summary>The address and flags.</summary>
    public LLVMJITEvaluatedSymbol Sym;
}

/// <summary><c>LLVMOrcCSymbolFlagsMapPair</c>: <c>{ LLVMOrcSymbolStringPoolEntryRef Name; LLVMJITSymbolFlags Flags; }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LLVMOrcCSymbolFlagsMapPair
{
    /// <summary>The interned name.</summary>
    public LLVMOrcSymbolStringPoolEntryRef Name;

    /// <summary>The flags.</summary>
    public LLVMJITSymbolFlags Flags;
}
