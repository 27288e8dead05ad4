namespace Numbana.IR;

/// <summary>
/// The address of a field of the struct a reference points to (CIL's ldflda, and the address ldfld
/// and stfld use on a reference): the reference plus the field's byte offset.
/// </summary>
internal sealed class FieldAddressInstruction : Instruction
{
    public FieldAddressInstruction(Value structAddress, StructField field, int ilOffset)
        : base(NType.ByRefOf(field.Type), ilOffset, structAddress) => Field = field;

    public Value StructAddress => Operands[0];
    public StructField Field { get; }
    public StructType StructType => (StructType)((ByRefType)StructAddress.Type).Element;
    public override string Mnemonic => "field.address";
    public override string Detail => $"{StructType}.{Field.Name} +{Field.Offset}";
}

/// <summary>A field of a struct value (ldfld on a value rather than a reference), widened to its stack type.</summary>
internal sealed class ExtractFieldInstruction : Instruction
{
    public ExtractFieldInstruction(Value structValue, StructField field, int ilOffset)
        : base(field.Type.StackType, ilOffset, structValue) => Field = field;

    public Value StructValue => Operands[0];
    public StructField Field { get; }
    public StructType StructType => (StructType)StructValue.Type;
    public override string Mnemonic => "field.extract";
    public override string Detail => $"{StructType}.{Field.Name}";
}

/// <summary>
/// A struct value made of its fields' values, in field order (each of the field's stack type): the result
/// of the Vector2/3/4 operations, which build new vectors lane by lane.
/// </summary>
internal sealed class MakeStructInstruction : Instruction
{
    public MakeStructInstruction(StructType type, Value[] fields, int ilOffset) : base(type, ilOffset, fields) { }

    public StructType StructType => (StructType)Type;
    public override string Mnemonic => "struct.make";
    public override string Detail => $"{StructType}";
}
