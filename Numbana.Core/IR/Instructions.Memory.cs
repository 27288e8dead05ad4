namespace Numbana.IR;

/// <summary>
/// <c>new T[length]</c> (CIL's newarr): a zeroed array on the .NET pinned object heap, allocated through
/// the host's allocation callback, so that the caller can receive it as an ordinary array. A negative
/// length (or one above int.MaxValue) raises OverflowException, one above Array.MaxLength
/// OutOfMemoryException, as .NET does.
/// </summary>
internal sealed class NewArrayInstruction : Instruction
{
    public NewArrayInstruction(NType element, Value length, int ilOffset) : base(NType.ArrayOf(element), ilOffset, length) => Element = element;

    public NType Element { get; }
    public Value Length => Operands[0];
    public override string Mnemonic => "array.new";
    public override string Detail => $"{Element}";
}

/// <summary>
/// A stack slot for a local or parameter whose address is taken (ldloca, ldarga: <c>ref x</c>, <c>out x</c>,
/// <c>in x</c>): its value is the slot's address, and the variable's reads and writes become loads and
/// stores. LLVM's mem2reg turns the slot back into SSA values wherever the address does not escape.
/// </summary>
internal sealed class LocalSlotInstruction : Instruction
{
    public LocalSlotInstruction(NType element, int ilOffset) : base(NType.ByRefOf(element), ilOffset) => Element = element;

    public NType Element { get; }
    public override string Mnemonic => "slot";
    public override string Detail => $"{Element}";
}

/// <summary>
/// 1 when an array is not null, else 0 (<c>row != null</c>, <c>row is null</c>: brtrue/brfalse on an array). Only a
/// row of a jagged array can be null in compiled code (its data pointer is then null; an empty array's is not).
/// </summary>
internal sealed class ArrayIsNotNullInstruction : Instruction
{
    public ArrayIsNotNullInstruction(Value array, int ilOffset) : base(NType.I32, ilOffset, array) { }

    public Value Array => Operands[0];
    public override string Mnemonic => "array.notnull";
}
