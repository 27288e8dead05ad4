namespace Numbana.IR;

/// <summary>
/// The numeric library methods compiled as <see cref="MathInstruction"/>s: System.Math and System.MathF,
/// the classification methods of double and float (IsNaN, ...) and BitConverter's bit casts.
/// </summary>
internal enum MathFunction
{
    // Exact IEEE operations and .NET's own managed algorithms, lowered inline.
    Sqrt, Abs, Min, Max, Floor, Ceiling, Truncate,
    /// <summary>Math.Round(x): round half to even.</summary>
    Round,
    /// <summary>Math.Round(x, digits, mode) (and the overloads that default digits to 0 or the mode to ToEven).</summary>
    RoundDigits,
    /// <summary>Math.Round(x, mode): unlike RoundDigits, an unknown mode raises ArgumentException whatever x is.</summary>
    RoundWithMode,
    Sign, Clamp, CopySign, FusedMultiplyAdd, ScaleB, BitIncrement, BitDecrement, IEEERemainder,
    MaxMagnitude, MinMagnitude, ILogB, BigMul,
    /// <summary>
    /// The high 64 bits of the 128-bit product of two 64-bit integers (signed or unsigned by the operand
    /// type): Math.BigMul(long, long, out long low)'s result; the importer computes low as the wrapped product.
    /// </summary>
    BigMulHigh,
    /// <summary>Math.DivRem(a, b, out rem): only recognized, imported as CoreLib's steps (a / b, then a - q * b).</summary>
    DivRem,
    /// <summary>Math.Log(a, newBase).</summary>
    LogWithBase,

    // The C library's functions, called as .NET calls them on Linux.
    Exp, Log, Log2, Log10, Pow, Cbrt,
    Sin, Cos, Tan, Asin, Acos, Atan, Atan2, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,

    // double.IsNaN and friends (float too): a bool (an i32 of 0 or 1 on the stack).
    IsNaN, IsInfinity, IsFinite, IsNegative, IsPositiveInfinity, IsNegativeInfinity, IsSubnormal, IsNormal,

    /// <summary>BitConverter.DoubleToInt64Bits, Int64BitsToDouble and the other same-width reinterpretations.</summary>
    BitCast,
}

/// <summary>
/// A call of a numeric library function with .NET's semantics (for example Math.Abs(int.MinValue)
/// raises OverflowException, Math.Max of doubles propagates NaN, Math.Sign(double.NaN) raises
/// ArithmeticException). <see cref="OperandType"/> is the declared type of the first parameter, which
/// the stack type loses: Math.Min(uint, uint) compares unsigned, Math.Abs(short) overflows at -32768.
/// </summary>
internal sealed class MathInstruction : Instruction
{
    public MathInstruction(MathFunction function, NType type, Value[] arguments, int ilOffset, NType? operandType = null)
        : base(type, ilOffset, arguments)
    {
        Function = function;
        OperandType = operandType ?? (arguments.Length > 0 ? arguments[0].Type : type);
    }

    public MathFunction Function { get; }

    /// <summary>The declared (not the stack) type of the first argument: u32 for Math.Min(uint, uint).</summary>
    public NType OperandType { get; }

    public override string Mnemonic => "math";
    public override string Detail => Function.ToString().ToLowerInvariant() + (OperandType != OperandType.StackType ? " " + OperandType : "");

    /// <summary>True when the call can raise a .NET exception, so dead code elimination must keep it.</summary>
    public bool CanThrow => Function switch
    {
        MathFunction.Abs => OperandType.IsInteger,
        MathFunction.Sign => OperandType.IsFloat,
        MathFunction.Clamp or MathFunction.RoundDigits or MathFunction.RoundWithMode => true,
        _ => false,
    };

    /// <summary>What is wrong with the operand and result types, or null when they fit the function (for the verifier).</summary>
    public string? SignatureError()
    {
        var first = Operands.Length > 0 ? Operands[0].Type : NType.Void;
        bool Arity(int n) => Operands.Length == n;
        bool Same() => Operands.All(o => o.Type == Type);
        var fits = Function switch
        {
            MathFunction.IsNaN or MathFunction.IsInfinity or MathFunction.IsFinite or MathFunction.IsNegative
                or MathFunction.IsPositiveInfinity or MathFunction.IsNegativeInfinity or MathFunction.IsSubnormal
                or MathFunction.IsNormal or MathFunction.ILogB => Arity(1) && first.IsFloat && Type == NType.I32,
            MathFunction.BitCast => Arity(1) && first.IsFloat != Type.IsFloat && first.BitWidth == Type.BitWidth,
            MathFunction.ScaleB => Arity(2) && first.IsFloat && first == Type && Operands[1].Type == NType.I32,
            MathFunction.RoundDigits => Arity(3) && first.IsFloat && first == Type && Operands[1].Type == NType.I32 && Operands[2].Type == NType.I32,
            MathFunction.RoundWithMode => Arity(2) && first.IsFloat && first == Type && Operands[1].Type == NType.I32,
            MathFunction.Sign => Arity(1) && first.IsNumeric && Type == NType.I32,
            MathFunction.BigMul => Arity(2) && first == NType.I32 && Operands[1].Type == NType.I32 && Type == NType.I64,
            MathFunction.BigMulHigh => Arity(2) && first == NType.I64 && Operands[1].Type == NType.I64 && Type == NType.I64,
            MathFunction.Abs or MathFunction.Min or MathFunction.Max or MathFunction.Clamp => Same() && Type.IsNumeric,
            _ => Same() && Type.IsFloat,
        };
        return fits ? null : $"math {Function} does not take ({string.Join(", ", Operands.Select(o => o.Type))}) -> {Type}";
    }
}
