namespace Numbana.IR;

/// <summary>
/// How many elements lie between <c>&amp;array[index]</c> and the next address that is a multiple of
/// <see cref="AlignmentBytes"/>: 0 when it is aligned already, else 1 to AlignmentBytes / element size - 1.
/// It computes an address and reads no memory, so it never checks the index and never throws.
/// </summary>
/// <remarks>
/// <see cref="Transforms.StoreAlignmentPeeling"/> runs that many iterations of a loop before the copy
/// that LLVM vectorizes, so the vector stores of the rest start on an aligned address.
/// </remarks>
internal sealed class AlignmentPeelCountInstruction : Instruction
{
    public AlignmentPeelCountInstruction(Value array, Value index, int alignmentBytes, int ilOffset)
        : base(index.Type, ilOffset, array, index) => AlignmentBytes = alignmentBytes;

    public Value Array => Operands[0];
    public Value Index => Operands[1];
    public int AlignmentBytes { get; }
    public NType ElementType => ((ContiguousType)Array.Type).Element;
    public override string Mnemonic => "align.peel";
    public override string Detail => $"{ElementType} to {AlignmentBytes}";
}
