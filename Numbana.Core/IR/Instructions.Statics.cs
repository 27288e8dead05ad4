using System.Reflection;

namespace Numbana.IR;

/// <summary>
/// ldsfld of a <c>static readonly</c> array of numbers: the array the field holds, whose data pointer and
/// length compiled code reads from the field's cell (<see cref="Runtime.StaticArrays"/>). The reference
/// cannot change after the class's static constructor; the elements can, and are read at each use.
/// </summary>
internal sealed class StaticArrayInstruction : Instruction
{
    public StaticArrayInstruction(FieldInfo field, ArrayType type, int ilOffset) : base(type, ilOffset) => Field = field;

    public FieldInfo Field { get; }

    public override string Mnemonic => "static.array";
    public override string Detail => $"{Field.DeclaringType?.Name}.{Field.Name}";
}
