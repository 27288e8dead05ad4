namespace Numbana.IR;

/// <summary>
/// An instruction of the typed IR. Every instruction records the IL offset it came from, so that
/// errors and dumps can point at the user's code. Operands live in <see cref="Operands"/> so that
/// passes can rewrite uses without knowing each instruction's shape.
/// </summary>
internal abstract class Instruction : Value
{
    protected Instruction(NType type, int ilOffset, params Value[] operands) : base(type)
    {
        IlOffset = ilOffset;
        Operands = operands;
    }

    public Value[] Operands { get; }

    public int IlOffset { get; }

    public Block? Block { get; internal set; }

    public bool HasResult => Type != NType.Void;

    /// <summary>The mnemonic the printer writes.</summary>
    public abstract string Mnemonic { get; }

    /// <summary>Text printed after the operands (types, conditions, callee).</summary>
    public virtual string? Detail => null;
}

/// <summary>An integer or float constant of a stack type.</summary>
internal sealed class ConstantInstruction : Instruction
{
    public ConstantInstruction(NType type, long bits, int ilOffset) : base(type, ilOffset) => Bits = bits;

    /// <summary>The value's bits: the integer (sign-extended), or the float's IEEE bits.</summary>
    public long Bits { get; }

    public double AsDouble => Type == NType.F32 ? BitConverter.Int32BitsToSingle((int)Bits) : BitConverter.Int64BitsToDouble(Bits);

    public override string Mnemonic => "const";

    public override string Detail => Type.IsFloat
        ? $"{Type} {AsDouble.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"
        : $"{Type} {Bits}";
}

internal enum BinaryOp
{
    Add, Sub, Mul,
    /// <summary>Signed (or float) division; integers check for zero and MinValue / -1.</summary>
    Div,
    DivUnsigned,
    /// <summary>Signed remainder (float: fmod); integers check for zero and MinValue % -1.</summary>
    Rem,
    RemUnsigned,
    And, Or, Xor,
    /// <summary>Shifts take the count modulo the width, as RyuJIT does.</summary>
    Shl, Shr, ShrUnsigned,
}

internal sealed class BinaryInstruction : Instruction
{
    public BinaryInstruction(BinaryOp op, NType type, Value left, Value right, int ilOffset)
        : base(type, ilOffset, left, right) => Op = op;

    public BinaryOp Op { get; }
    public Value Left => Operands[0];
    public Value Right => Operands[1];
    public override string Mnemonic => Op switch
    {
        BinaryOp.DivUnsigned => "div.un", BinaryOp.RemUnsigned => "rem.un", BinaryOp.ShrUnsigned => "shr.un",
        _ => Op.ToString().ToLowerInvariant(),
    };
}

internal enum UnaryOp { Neg, Not }

internal sealed class UnaryInstruction : Instruction
{
    public UnaryInstruction(UnaryOp op, Value operand, int ilOffset) : base(operand.Type, ilOffset, operand) => Op = op;

    public UnaryOp Op { get; }
    public Value Operand => Operands[0];
    public override string Mnemonic => Op == UnaryOp.Neg ? "neg" : "not";
}

/// <summary>
/// Comparison conditions. The "Unordered" float forms are true when either operand is NaN (CIL's
/// .un comparisons on floats); on integers the Unsigned forms compare as unsigned.
/// </summary>
internal enum Condition
{
    Equal, NotEqual,
    Less, LessOrEqual, Greater, GreaterOrEqual,
    LessUnsigned, LessOrEqualUnsigned, GreaterUnsigned, GreaterOrEqualUnsigned,
}

/// <summary>Compares two values of one stack type; the result is an i32 of 0 or 1, as CIL's ceq/clt/cgt.</summary>
internal sealed class CompareInstruction : Instruction
{
    public CompareInstruction(Condition condition, Value left, Value right, int ilOffset)
        : base(NType.I32, ilOffset, left, right) => Condition = condition;

    public Condition Condition { get; }
    public Value Left => Operands[0];
    public Value Right => Operands[1];
    public override string Mnemonic => "cmp";
    public override string Detail => Condition.ToString().ToLowerInvariant();
}

/// <summary>
/// Converts a value to <see cref="Target"/> (any primitive) and widens the result back to the
/// target's stack type: conv.i1 gives an i32 holding a sign-extended byte. Float to integer
/// conversions saturate (NaN gives 0), as .NET 9 and later do on every platform.
/// </summary>
internal sealed class ConvertInstruction : Instruction
{
    public ConvertInstruction(NType target, Value operand, bool sourceUnsigned, bool checkOverflow, int ilOffset)
        : base(target.StackType, ilOffset, operand)
    {
        Target = target;
        SourceUnsigned = sourceUnsigned;
        CheckOverflow = checkOverflow;
    }

    public NType Target { get; }

    /// <summary>The operand is read as unsigned (conv.r.un, conv.ovf.*.un).</summary>
    public bool SourceUnsigned { get; }

    /// <summary>Out-of-range values raise OverflowException (conv.ovf.*).</summary>
    public bool CheckOverflow { get; }

    public Value Operand => Operands[0];
    public override string Mnemonic => CheckOverflow ? "conv.ovf" : "conv";
    public override string Detail => (SourceUnsigned ? "from unsigned " : "") + "to " + Target;
}

/// <summary>The length of an array, as a nint (CIL's ldlen), or of a span.</summary>
internal sealed class ArrayLengthInstruction : Instruction
{
    public ArrayLengthInstruction(Value array, int ilOffset) : base(NType.NInt, ilOffset, array) { }

    public Value Array => Operands[0];
    public override string Mnemonic => "array.length";
}

/// <summary>Loads an element, widened to its stack type; checks the index unless bounds checks are off.</summary>
internal sealed class ArrayLoadInstruction : Instruction
{
    public ArrayLoadInstruction(Value array, Value index, int ilOffset)
        : base(((ContiguousType)array.Type).Element.StackType, ilOffset, array, index) { }

    public Value Array => Operands[0];
    public Value Index => Operands[1];
    public NType ElementType => ((ContiguousType)Array.Type).Element;
    public override string Mnemonic => "array.load";
    public override string Detail => $"{ElementType}";
}

/// <summary>Stores a stack value into an element, narrowing it to the element type.</summary>
internal sealed class ArrayStoreInstruction : Instruction
{
    public ArrayStoreInstruction(Value array, Value index, Value value, int ilOffset)
        : base(NType.Void, ilOffset, array, index, value) { }

    public Value Array => Operands[0];
    public Value Index => Operands[1];
    public Value StoredValue => Operands[2];
    public NType ElementType => ((ContiguousType)Array.Type).Element;
    public override string Mnemonic => "array.store";
    public override string Detail => $"{ElementType}";
}

/// <summary>The address of array[index] (CIL's ldelema), after the bounds check.</summary>
internal sealed class ElementAddressInstruction : Instruction
{
    public ElementAddressInstruction(Value array, Value index, int ilOffset)
        : base(NType.ByRefOf(((ContiguousType)array.Type).Element), ilOffset, array, index) { }

    public Value Array => Operands[0];
    public Value Index => Operands[1];
    public NType ElementType => ((ContiguousType)Array.Type).Element;
    public override string Mnemonic => "array.address";
    public override string Detail => $"{ElementType}";
}

/// <summary>Loads the value a reference points to, widened to its stack type (ldind, ldobj).</summary>
internal sealed class LoadInstruction : Instruction
{
    public LoadInstruction(Value address, int ilOffset)
        : base(((ByRefType)address.Type).Element.StackType, ilOffset, address) { }

    public Value Address => Operands[0];
    public NType ElementType => ((ByRefType)Address.Type).Element;
    public override string Mnemonic => "load";
    public override string Detail => $"{ElementType}";
}

/// <summary>Stores a stack value where a reference points, narrowed to the element type (stind, stobj).</summary>
internal sealed class StoreInstruction : Instruction
{
    public StoreInstruction(Value address, Value value, int ilOffset)
        : base(NType.Void, ilOffset, address, value) { }

    public Value Address => Operands[0];
    public Value StoredValue => Operands[1];
    public NType ElementType => ((ByRefType)Address.Type).Element;
    public override string Mnemonic => "store";
    public override string Detail => $"{ElementType}";
}

/// <summary>Calls another function of the same compilation unit; its exceptions propagate.</summary>
internal sealed class CallInstruction : Instruction
{
    public CallInstruction(Function callee, Value[] arguments, int ilOffset)
        : base(callee.ReturnType.StackType, ilOffset, arguments) => Callee = callee;

    public Function Callee { get; }
    public override string Mnemonic => "call";
    public override string Detail => "@" + Callee.Name;
}
