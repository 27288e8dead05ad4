using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>The quiet NaN with the sign bit clear (0x7FF8000000000000); double.NaN has it set.</summary>
    private static readonly double PositiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    /// <summary>
    /// The numeric library methods with .NET's results, bit for bit: exact IEEE operations become LLVM
    /// intrinsics; Min and Max of floats propagate NaN and order -0.0 below +0.0 (llvm.minimum/maximum);
    /// CoreLib's managed algorithms (Round with digits, IEEERemainder, ILogB, BitIncrement, Log with a
    /// base, MaxMagnitude, ...) are reproduced step by step; the transcendental functions call the C
    /// library that .NET calls on Linux (sin for double, sinf for float).
    /// </summary>
    private LLVMValueRef LowerMath(MathInstruction math)
    {
        var arguments = math.Operands.Select(Get).ToArray();
        switch (math.Function)
        {
            case MathFunction.BitCast:
                return LLVMBuildBitCast(_builder, arguments[0], _types.ValueType(math.Type), "");
            case MathFunction.IsNaN or MathFunction.IsInfinity or MathFunction.IsFinite or MathFunction.IsNegative
                or MathFunction.IsPositiveInfinity or MathFunction.IsNegativeInfinity or MathFunction.IsSubnormal or MathFunction.IsNormal:
                return LLVMBuildZExt(_builder, Classify(math.Function, arguments[0], math.Operands[0].Type), _types.I32, "");
            case MathFunction.ILogB:
                return ILogB(arguments[0], math.Operands[0].Type);
            case MathFunction.Sign when math.OperandType.IsFloat:
                return FloatSign(arguments[0]);
        }
        if (!math.OperandType.IsFloat) return IntegerMath(math, arguments);

        var type = _types.ValueType(math.Type);
        var isFloat32 = math.Type == NType.F32;
        LLVMValueRef result;
        switch (math.Function)
        {
            case MathFunction.Sqrt: result = Call(_module.Intrinsic("llvm.sqrt", type), arguments); break;
            case MathFunction.Abs: result = Call(_module.Intrinsic("llvm.fabs", type), arguments); break;
            case MathFunction.Floor: result = Call(_module.Intrinsic("llvm.floor", type), arguments); break;
            case MathFunction.Ceiling: result = Call(_module.Intrinsic("llvm.ceil", type), arguments); break;
            case MathFunction.Truncate: result = Call(_module.Intrinsic("llvm.trunc", type), arguments); break;
            case MathFunction.Round: result = Call(_module.Intrinsic("llvm.roundeven", type), arguments); break;
            case MathFunction.Min: result = Call(_module.Intrinsic("llvm.minimum", type), arguments); break;
            case MathFunction.Max: result = Call(_module.Intrinsic("llvm.maximum", type), arguments); break;
            case MathFunction.CopySign: result = Call(_module.Intrinsic("llvm.copysign", type), arguments); break;
            case MathFunction.FusedMultiplyAdd: result = Call(_module.Intrinsic("llvm.fma", type), arguments); break;
            // Math.ScaleB is musl's scalbn: x * 2^n rounded once, which is ldexp.
            case MathFunction.ScaleB: result = Call(_module.Intrinsic("llvm.ldexp", type, _types.I32), arguments); break;
            case MathFunction.RoundDigits: result = RoundDigits(type, isFloat32, arguments[0], arguments[1], arguments[2], checkModeFirst: false); break;
            case MathFunction.RoundWithMode: result = RoundDigits(type, isFloat32, arguments[0], Const32(0), arguments[1], checkModeFirst: true); break;
            case MathFunction.Clamp: result = Clamp(arguments[0], arguments[1], arguments[2], isFloat: true, signed: true); break;
            case MathFunction.BitIncrement: result = BitStep(type, math.Type.BitWidth, arguments[0], up: true); break;
            case MathFunction.BitDecrement: result = BitStep(type, math.Type.BitWidth, arguments[0], up: false); break;
            case MathFunction.IEEERemainder: result = IeeeRemainder(type, isFloat32, arguments[0], arguments[1]); break;
            case MathFunction.MaxMagnitude: result = Magnitude(type, arguments[0], arguments[1], max: true); break;
            case MathFunction.MinMagnitude: result = Magnitude(type, arguments[0], arguments[1], max: false); break;
            case MathFunction.Log: result = Log(type, isFloat32, arguments[0]); break;
            case MathFunction.Log2: result = Log(type, isFloat32, arguments[0], "log2"); break;
            case MathFunction.Log10: result = Log(type, isFloat32, arguments[0], "log10"); break;
            case MathFunction.LogWithBase: result = LogWithBase(type, isFloat32, arguments[0], arguments[1]); break;
            default:
                result = LibraryCall(LibraryName(math.Function) + (isFloat32 ? "f" : ""), type, arguments);
                break;
        }
        ApplyFastMath(result);
        return result;
    }

    /// <summary>The C library function for a transcendental function (double form; the float form adds 'f').</summary>
    private static string LibraryName(MathFunction function) => function switch
    {
        MathFunction.Exp => "exp", MathFunction.Log2 => "log2", MathFunction.Log10 => "log10", MathFunction.Pow => "pow",
        MathFunction.Cbrt => "cbrt", MathFunction.Sin => "sin", MathFunction.Cos => "cos", MathFunction.Tan => "tan",
        MathFunction.Asin => "asin", MathFunction.Acos => "acos", MathFunction.Atan => "atan", MathFunction.Atan2 => "atan2",
        MathFunction.Sinh => "sinh", MathFunction.Cosh => "cosh", MathFunction.Tanh => "tanh", MathFunction.Asinh => "asinh",
        MathFunction.Acosh => "acosh", MathFunction.Atanh => "atanh",
        _ => throw new InvalidOperationException($"no lowering for Math.{function} on floats"),
    };

    /// <summary>
    /// log, log2 and log10 of a double: glibc gives -NaN for x &lt; 0, .NET (the runtime's wrappers)
    /// the positive default NaN; keep .NET's bits. MathF's logf, log2f and log10f are glibc's, -NaN included.
    /// </summary>
    private LLVMValueRef Log(LLVMTypeRef type, bool isFloat32, LLVMValueRef x, string name = "log")
    {
        var log = LibraryCall(isFloat32 ? name + "f" : name, type, [x]);
        if (isFloat32) return log;
        var negative = LLVMBuildFCmp(_builder, LLVMRealPredicate.LLVMRealOLT, x, LLVMConstReal(type, 0), "");
        return LLVMBuildSelect(_builder, negative, LLVMConstReal(type, PositiveNaN), log, "");
    }

    /// <summary>Math.Log(a, newBase), as CoreLib computes it: NaN arguments pass through, bases 1, 0 and +Infinity give NaN.</summary>
    private LLVMValueRef LogWithBase(LLVMTypeRef type, bool isFloat32, LLVMValueRef a, LLVMValueRef newBase)
    {
        var quotient = LLVMBuildFDiv(_builder, Log(type, isFloat32, a), Log(type, isFloat32, newBase), "");
        var one = LLVMConstReal(type, 1);
        var baseIsOne = FCompare(LLVMRealPredicate.LLVMRealOEQ, newBase, one);
        var badBase = LLVMBuildAnd(_builder, FCompare(LLVMRealPredicate.LLVMRealUNE, a, one),
            LLVMBuildOr(_builder, FCompare(LLVMRealPredicate.LLVMRealOEQ, newBase, LLVMConstReal(type, 0)),
                FCompare(LLVMRealPredicate.LLVMRealOEQ, newBase, LLVMConstReal(type, double.PositiveInfinity)), ""), "");
        var result = LLVMBuildSelect(_builder, LLVMBuildOr(_builder, baseIsOne, badBase, ""), DotNetNaN(type, isFloat32), quotient, "");
        result = LLVMBuildSelect(_builder, IsNaN(newBase), newBase, result, "");
        return LLVMBuildSelect(_builder, IsNaN(a), a, result, "");
    }

    /// <summary>Math.Sign(double): -1, 0 or 1; NaN raises ArithmeticException.</summary>
    private LLVMValueRef FloatSign(LLVMValueRef x)
    {
        ThrowIf(IsNaN(x), ExceptionStatus.ArithmeticNaN);
        var zero = LLVMConstReal(LLVMTypeOf(x), 0);
        return LLVMBuildSub(_builder,
            LLVMBuildZExt(_builder, FCompare(LLVMRealPredicate.LLVMRealOGT, x, zero), _types.I32, ""),
            LLVMBuildZExt(_builder, FCompare(LLVMRealPredicate.LLVMRealOLT, x, zero), _types.I32, ""), "");
    }

    /// <summary>
    /// Math.Clamp as CoreLib writes it: ArgumentException when min &gt; max, then
    /// <c>value &lt; min ? min : value &gt; max ? max : value</c> (so a NaN value stays NaN, a NaN bound is ignored).
    /// </summary>
    private LLVMValueRef Clamp(LLVMValueRef value, LLVMValueRef min, LLVMValueRef max, bool isFloat, bool signed)
    {
        LLVMValueRef Less(LLVMValueRef a, LLVMValueRef b) => isFloat
            ? FCompare(LLVMRealPredicate.LLVMRealOLT, a, b)
            : LLVMBuildICmp(_builder, signed ? LLVMIntPredicate.LLVMIntSLT : LLVMIntPredicate.LLVMIntULT, a, b, "");
        ThrowIf(Less(max, min), ExceptionStatus.ClampMinGreaterThanMax);
        return LLVMBuildSelect(_builder, Less(value, min), min, LLVMBuildSelect(_builder, Less(max, value), max, value, ""), "");
    }

    /// <summary>
    /// Math.Round(x, digits, mode), CoreLib's algorithm: digits outside [0, 15] (MathF: [0, 6]) raise
    /// ArgumentOutOfRangeException; values at or above 1e16 (1e8f) and NaN are returned as they are;
    /// otherwise an unknown mode raises ArgumentException, and x * 10^digits is rounded by the mode and divided back.
    /// AwayFromZero is CoreLib's modf step (add the sign when the fraction is at least 0.5), not llvm.round.
    /// </summary>
    private LLVMValueRef RoundDigits(LLVMTypeRef type, bool isFloat32, LLVMValueRef x, LLVMValueRef digits, LLVMValueRef mode, bool checkModeFirst)
    {
        var maxDigits = isFloat32 ? 6 : 15;
        ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGT, digits, Const32(maxDigits), ""), ExceptionStatus.RoundingDigitsOutOfRange);
        // Round(x, digits, mode) checks the mode only in the switch it reaches for values below the limit
        // (Round(1e300, 0, (MidpointRounding)5) is 1e300); Round(x, mode) checks it first.
        var small = FCompare(LLVMRealPredicate.LLVMRealOLT, Call(_module.Intrinsic("llvm.fabs", type), x), LLVMConstReal(type, isFloat32 ? 1e8 : 1e16));
        var badMode = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGT, mode, Const32((int)MidpointRounding.ToPositiveInfinity), "");
        ThrowIf(checkModeFirst ? badMode : LLVMBuildAnd(_builder, small, badMode, ""), ExceptionStatus.InvalidMidpointRounding);

        var powers = Enumerable.Range(0, maxDigits + 1).Select(i => LLVMConstReal(type, double.Parse("1e" + i, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        LLVMValueRef table;
        unsafe
        {
            fixed (LLVMValueRef* p = powers) table = LLVMConstVector(p, (uint)powers.Length);
        }
        var power = LLVMBuildExtractElement(_builder, table, digits, "");
        var scaled = LLVMBuildFMul(_builder, x, power, "");

        var truncated = Call(_module.Intrinsic("llvm.trunc", type), scaled);
        var fraction = LLVMBuildFSub(_builder, scaled, truncated, "");
        var awayFromZero = LLVMBuildSelect(_builder,
            FCompare(LLVMRealPredicate.LLVMRealOGE, Call(_module.Intrinsic("llvm.fabs", type), fraction), LLVMConstReal(type, 0.5)),
            LLVMBuildFAdd(_builder, truncated, Call(_module.Intrinsic("llvm.copysign", type), LLVMConstReal(type, 1), fraction), ""),
            truncated, "");
        LLVMValueRef[] byMode =
        [
            Call(_module.Intrinsic("llvm.roundeven", type), scaled), // ToEven
            awayFromZero,                                            // AwayFromZero
            truncated,                                               // ToZero
            Call(_module.Intrinsic("llvm.floor", type), scaled),     // ToNegativeInfinity
            Call(_module.Intrinsic("llvm.ceil", type), scaled),      // ToPositiveInfinity
        ];
        var rounded = byMode[4];
        for (var i = 3; i >= 0; i--)
            rounded = LLVMBuildSelect(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, mode, Const32(i), ""), byMode[i], rounded, "");
        var result = LLVMBuildFDiv(_builder, rounded, power, "");
        return LLVMBuildSelect(_builder, small, result, x, "");
    }

    /// <summary>
    /// Math.BitIncrement / BitDecrement, CoreLib's algorithm on the bits: the next representable value
    /// up (down); NaN stays (payload kept), -Infinity (+Infinity) goes to MinValue (MaxValue), -0.0 (+0.0) to ±Epsilon.
    /// </summary>
    private LLVMValueRef BitStep(LLVMTypeRef type, int width, LLVMValueRef x, bool up)
    {
        var intType = _types.Int(width);
        var bits = LLVMBuildBitCast(_builder, x, intType, "");
        var exponentMask = width == 64 ? 0x7FF0000000000000L : 0x7F800000L;
        var signBit = width == 64 ? long.MinValue : int.MinValue;
        LLVMValueRef IntConst(long value) => ConstOf(intType, value);
        LLVMValueRef Equal(LLVMValueRef a, long b) => LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, a, IntConst(b), "");

        var special = Equal(LLVMBuildAnd(_builder, bits, IntConst(exponentMask), ""), exponentMask);
        // Infinity toward the finite numbers: -Infinity up is MinValue, +Infinity down is MaxValue.
        var infinity = up ? signBit | exponentMask : exponentMask;
        var finiteEnd = LLVMConstReal(type, up ? (width == 64 ? double.MinValue : float.MinValue) : (width == 64 ? double.MaxValue : float.MaxValue));
        var specialResult = LLVMBuildSelect(_builder, Equal(bits, infinity), finiteEnd, x, "");
        // Zero of the other sign: -0.0 up is +Epsilon, +0.0 down is -Epsilon.
        var zero = up ? signBit : 0;
        var epsilon = LLVMConstReal(type, (up ? 1 : -1) * (width == 64 ? double.Epsilon : float.Epsilon));
        var negative = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSLT, bits, IntConst(0), "");
        var step = LLVMBuildSelect(_builder, negative, IntConst(up ? -1 : 1), IntConst(up ? 1 : -1), "");
        var next = LLVMBuildBitCast(_builder, LLVMBuildAdd(_builder, bits, step, ""), type, "");
        return LLVMBuildSelect(_builder, special, specialResult, LLVMBuildSelect(_builder, Equal(bits, zero), epsilon, next, ""), "");
    }

    /// <summary>Math.IEEERemainder, CoreLib's algorithm: from fmod, pick the remainder of smaller magnitude, ties to the even quotient.</summary>
    private LLVMValueRef IeeeRemainder(LLVMTypeRef type, bool isFloat32, LLVMValueRef x, LLVMValueRef y)
    {
        LLVMValueRef Abs(LLVMValueRef v) => Call(_module.Intrinsic("llvm.fabs", type), v);
        var zero = LLVMConstReal(type, 0);
        var regularMod = LLVMBuildFRem(_builder, x, y, "");
        var signOfX = LLVMBuildSelect(_builder, FCompare(LLVMRealPredicate.LLVMRealOLT, x, zero), LLVMConstReal(type, -1),
            LLVMBuildSelect(_builder, FCompare(LLVMRealPredicate.LLVMRealOGT, x, zero), LLVMConstReal(type, 1), zero, ""), "");
        var alternative = LLVMBuildFSub(_builder, regularMod, LLVMBuildFMul(_builder, Abs(y), signOfX, ""), "");
        var division = LLVMBuildFDiv(_builder, x, y, "");
        var rounded = Call(_module.Intrinsic("llvm.roundeven", type), division);
        var tie = LLVMBuildSelect(_builder, FCompare(LLVMRealPredicate.LLVMRealOGT, Abs(rounded), Abs(division)), alternative, regularMod, "");
        var nearer = LLVMBuildSelect(_builder, FCompare(LLVMRealPredicate.LLVMRealOLT, Abs(alternative), Abs(regularMod)), alternative, regularMod, "");
        var result = LLVMBuildSelect(_builder, FCompare(LLVMRealPredicate.LLVMRealOEQ, Abs(alternative), Abs(regularMod)), tie, nearer, "");
        var negativeZero = LLVMBuildAnd(_builder, FCompare(LLVMRealPredicate.LLVMRealOEQ, regularMod, zero), SignBitSet(x), "");
        result = LLVMBuildSelect(_builder, negativeZero, LLVMConstReal(type, -0.0), result, "");
        result = LLVMBuildSelect(_builder, IsNaN(regularMod), DotNetNaN(type, isFloat32), result, "");
        result = LLVMBuildSelect(_builder, IsNaN(y), y, result, "");
        return LLVMBuildSelect(_builder, IsNaN(x), x, result, "");
    }

    /// <summary>Math.MaxMagnitude / MinMagnitude (IEEE 754:2019 maximumMagnitude / minimumMagnitude), as CoreLib writes them.</summary>
    private LLVMValueRef Magnitude(LLVMTypeRef type, LLVMValueRef x, LLVMValueRef y, bool max)
    {
        var ax = Call(_module.Intrinsic("llvm.fabs", type), x);
        var ay = Call(_module.Intrinsic("llvm.fabs", type), y);
        var pickX = LLVMBuildOr(_builder, FCompare(max ? LLVMRealPredicate.LLVMRealOGT : LLVMRealPredicate.LLVMRealOLT, ax, ay), IsNaN(ax), "");
        var equal = LLVMBuildSelect(_builder, SignBitSet(x), max ? y : x, max ? x : y, "");
        return LLVMBuildSelect(_builder, pickX, x, LLVMBuildSelect(_builder, FCompare(LLVMRealPredicate.LLVMRealOEQ, ax, ay), equal, y, ""), "");
    }

    /// <summary>Math.ILogB, CoreLib's (musl's) algorithm on the bits: NaN gives int.MaxValue, 0 int.MinValue, infinities int.MaxValue.</summary>
    private LLVMValueRef ILogB(LLVMValueRef x, NType type)
    {
        var width = type.BitWidth;
        var mantissaBits = width == 64 ? 52 : 23;
        var exponentMax = width == 64 ? 0x7FF : 0xFF;
        var bias = width == 64 ? 0x3FF : 0x7F;
        var intType = _types.Int(width);
        var bits = LLVMBuildBitCast(_builder, x, intType, "");
        var exponent = LLVMBuildAnd(_builder, LLVMBuildLShr(_builder, bits, ConstOf(intType, mantissaBits), ""), ConstOf(intType, exponentMax), "");
        exponent = ResizeInteger(exponent, width, 32, signExtend: false);
        // A subnormal: the exponent of its leading one, found by counting the zeros above it.
        var significand = LLVMBuildShl(_builder, bits, ConstOf(intType, width - mantissaBits), "");
        var leadingZeros = ResizeInteger(Call(_module.Intrinsic("llvm.ctlz", intType), significand, LLVMConstInt(_types.I1, 0, 0)), width, 32, signExtend: false);
        var subnormal = LLVMBuildSub(_builder, Const32(-bias), leadingZeros, "");
        var zeroOrSubnormal = LLVMBuildSelect(_builder,
            LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, significand, ConstOf(intType, 0), ""), Const32(int.MinValue), subnormal, "");
        var result = LLVMBuildSub(_builder, exponent, Const32(bias), "");
        result = LLVMBuildSelect(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, exponent, Const32(exponentMax), ""), Const32(int.MaxValue), result, "");
        result = LLVMBuildSelect(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, exponent, Const32(0), ""), zeroOrSubnormal, result, "");
        return LLVMBuildSelect(_builder, IsNaN(x), Const32(int.MaxValue), result, "");
    }

    /// <summary>double.IsNaN and friends, on the bits (so FastMath's no-NaN assumption cannot fold them away).</summary>
    private LLVMValueRef Classify(MathFunction function, LLVMValueRef x, NType type)
    {
        var width = type.BitWidth;
        var intType = _types.Int(width);
        var bits = LLVMBuildBitCast(_builder, x, intType, "");
        var magnitude = LLVMBuildAnd(_builder, bits, ConstOf(intType, width == 64 ? long.MaxValue : int.MaxValue), "");
        var infinity = width == 64 ? 0x7FF0000000000000L : 0x7F800000L;
        var smallestNormal = width == 64 ? 0x0010000000000000L : 0x00800000L;
        LLVMValueRef Unsigned(LLVMIntPredicate predicate, LLVMValueRef a, long b) => LLVMBuildICmp(_builder, predicate, a, ConstOf(intType, b), "");
        return function switch
        {
            MathFunction.IsNaN => Unsigned(LLVMIntPredicate.LLVMIntUGT, magnitude, infinity),
            MathFunction.IsInfinity => Unsigned(LLVMIntPredicate.LLVMIntEQ, magnitude, infinity),
            MathFunction.IsFinite => Unsigned(LLVMIntPredicate.LLVMIntULT, magnitude, infinity),
            MathFunction.IsNegative => Unsigned(LLVMIntPredicate.LLVMIntSLT, bits, 0),
            MathFunction.IsPositiveInfinity => Unsigned(LLVMIntPredicate.LLVMIntEQ, bits, infinity),
            MathFunction.IsNegativeInfinity => Unsigned(LLVMIntPredicate.LLVMIntEQ, bits, infinity | (width == 64 ? long.MinValue : int.MinValue)),
            // magnitude - 1 < smallestNormal - 1 (unsigned): not zero, below the smallest normal.
            MathFunction.IsSubnormal => Unsigned(LLVMIntPredicate.LLVMIntULT, LLVMBuildSub(_builder, magnitude, ConstOf(intType, 1), ""), smallestNormal - 1),
            MathFunction.IsNormal => Unsigned(LLVMIntPredicate.LLVMIntULT, LLVMBuildSub(_builder, magnitude, ConstOf(intType, smallestNormal), ""), infinity - smallestNormal),
            _ => throw new InvalidOperationException(function.ToString()),
        };
    }

    private LLVMValueRef FCompare(LLVMRealPredicate predicate, LLVMValueRef a, LLVMValueRef b) => LLVMBuildFCmp(_builder, predicate, a, b, "");

    private LLVMValueRef IsNaN(LLVMValueRef x) => FCompare(LLVMRealPredicate.LLVMRealUNO, x, x);

    /// <summary>The sign bit of a float (true for -0.0 and negative NaNs too), as double.IsNegative.</summary>
    private LLVMValueRef SignBitSet(LLVMValueRef x)
    {
        var intType = _types.Int(LLVMTypeOf(x) == _types.F32 ? 32 : 64);
        return LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSLT, LLVMBuildBitCast(_builder, x, intType, ""), ConstOf(intType, 0), "");
    }

    /// <summary>double.NaN (0xFFF8000000000000) or float.NaN (0xFFC00000): the negative quiet NaN that x86 produces.</summary>
    private LLVMValueRef DotNetNaN(LLVMTypeRef type, bool isFloat32) => isFloat32
        ? LLVMBuildBitCast(_builder, Const32(unchecked((int)0xFFC00000)), type, "")
        : LLVMBuildBitCast(_builder, ConstOf(_types.I64, unchecked((long)0xFFF8000000000000)), type, "");

    private LLVMValueRef LibraryCall(string name, LLVMTypeRef type, LLVMValueRef[] arguments)
    {
        var callee = _module.LibraryFunction(name, type, [.. arguments.Select(_ => type)]);
        var call = Call(callee, arguments);
        // Exact mode: keep the very libm call .NET makes; LLVM would otherwise rewrite some
        // (pow(2, x) into exp2(x), for one), which can differ in the last bit.
        if (!FastMath) LLVMAddCallSiteAttribute(call, LLVMAttributeIndex.LLVMAttributeFunctionIndex, _module.EnumAttribute("nobuiltin"));
        return call;
    }

    /// <summary>Abs, Min, Max, Clamp, Sign, BigMul and BigMulHigh of integers; signedness comes from the declared operand type.</summary>
    private LLVMValueRef IntegerMath(MathInstruction math, LLVMValueRef[] arguments)
    {
        var type = _types.ValueType(math.Operands[0].Type);
        var signed = math.OperandType.IsSigned;
        switch (math.Function)
        {
            case MathFunction.Min: return Call(_module.Intrinsic(signed ? "llvm.smin" : "llvm.umin", type), arguments);
            case MathFunction.Max: return Call(_module.Intrinsic(signed ? "llvm.smax" : "llvm.umax", type), arguments);
            case MathFunction.Clamp: return Clamp(arguments[0], arguments[1], arguments[2], isFloat: false, signed);
            case MathFunction.Abs:
            {
                // Math.Abs(int.MinValue) (and short.MinValue, ...) has no positive counterpart: .NET throws OverflowException.
                var minimum = ConstOf(type, IntegerRange(math.OperandType).Minimum);
                ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, arguments[0], minimum, ""), ExceptionStatus.Overflow);
                return Call(_module.Intrinsic("llvm.abs", type), arguments[0], LLVMConstInt(_types.I1, 1, 0));
            }
            case MathFunction.Sign:
            {
                var zero = ConstOf(type, 0);
                return LLVMBuildSub(_builder,
                    LLVMBuildZExt(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSGT, arguments[0], zero, ""), _types.I32, ""),
                    LLVMBuildZExt(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSLT, arguments[0], zero, ""), _types.I32, ""), "");
            }
            case MathFunction.BigMul:
            {
                var wide = arguments.Select(a => signed ? LLVMBuildSExt(_builder, a, _types.I64, "") : LLVMBuildZExt(_builder, a, _types.I64, "")).ToArray();
                return LLVMBuildMul(_builder, wide[0], wide[1], "");
            }
            case MathFunction.BigMulHigh:
            {
                // The exact 128-bit product: no overflow is possible, so the high half is exact too.
                var i128 = _types.Int(128);
                var wide = arguments.Select(a => signed ? LLVMBuildSExt(_builder, a, i128, "") : LLVMBuildZExt(_builder, a, i128, "")).ToArray();
                var product = LLVMBuildMul(_builder, wide[0], wide[1], "");
                return LLVMBuildTrunc(_builder, LLVMBuildLShr(_builder, product, LLVMConstInt(i128, 64, 0), ""), _types.I64, "");
            }
            default:
                throw new InvalidOperationException($"no lowering for Math.{math.Function} on integers");
        }
    }
}
