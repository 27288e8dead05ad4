using System.Reflection;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>A library method recognized as a <see cref="MathInstruction"/>: the function, and the types the call works on.</summary>
/// <param name="Function">The function.</param>
/// <param name="ResultType">The declared return type (bool, int, a float, ...).</param>
/// <param name="OperandType">The declared type of the first parameter (u32 for Math.Min(uint, uint)).</param>
/// <param name="ParameterTypes">Each parameter's type; an enum parameter (MidpointRounding) is its underlying integer.</param>
internal sealed record MathCall(MathFunction Function, NType ResultType, NType OperandType, NType[] ParameterTypes);

/// <summary>
/// The numeric library methods compiled as <see cref="MathInstruction"/>s rather than from their IL:
/// the numeric methods of System.Math and System.MathF, double's and float's IsNaN, IsInfinity,
/// IsFinite, IsNegative, IsPositiveInfinity, IsNegativeInfinity, IsSubnormal, IsNormal, and
/// BitConverter's bit casts between double/long, float/int and their unsigned forms.
/// </summary>
/// <remarks>
/// Intrinsics rather than compiled CoreLib bodies: the bodies use what compiled code does not (hardware
/// intrinsic classes, Unsafe, throw helpers with formatted messages), and an intrinsic lowers to one
/// LLVM instruction or C library call that LLVM understands. The lowering reproduces the managed
/// algorithms of CoreLib where .NET has one (Round with digits, IEEERemainder, ILogB, BitIncrement, ...).
/// The out forms Math.DivRem(int/long, b, out rem) and Math.BigMul(long/ulong, b, out low) are matched by
/// <see cref="MatchOutForm"/> and imported as the steps CoreLib takes (Importer.Math.cs).
/// Not recognized (the call is then rejected with the method's name): decimal overloads, methods with
/// tuple or Int128 results (DivRem(a, b), SinCos, BigMul(long, long)), and the estimate
/// methods (ReciprocalEstimate), whose x64 results depend on the instruction .NET picks.
/// </remarks>
internal static class MathFunctions
{
    private static readonly Dictionary<string, MathFunction> MathByName = new()
    {
        ["Sqrt"] = MathFunction.Sqrt, ["Abs"] = MathFunction.Abs, ["Min"] = MathFunction.Min, ["Max"] = MathFunction.Max,
        ["Floor"] = MathFunction.Floor, ["Ceiling"] = MathFunction.Ceiling, ["Truncate"] = MathFunction.Truncate,
        ["Round"] = MathFunction.Round, ["Sign"] = MathFunction.Sign, ["Clamp"] = MathFunction.Clamp,
        ["CopySign"] = MathFunction.CopySign, ["FusedMultiplyAdd"] = MathFunction.FusedMultiplyAdd, ["ScaleB"] = MathFunction.ScaleB,
        ["BitIncrement"] = MathFunction.BitIncrement, ["BitDecrement"] = MathFunction.BitDecrement,
        ["IEEERemainder"] = MathFunction.IEEERemainder, ["MaxMagnitude"] = MathFunction.MaxMagnitude,
        ["MinMagnitude"] = MathFunction.MinMagnitude, ["ILogB"] = MathFunction.ILogB, ["BigMul"] = MathFunction.BigMul,
        ["Exp"] = MathFunction.Exp, ["Log"] = MathFunction.Log, ["Log2"] = MathFunction.Log2, ["Log10"] = MathFunction.Log10,
        ["Pow"] = MathFunction.Pow, ["Cbrt"] = MathFunction.Cbrt, ["Sin"] = MathFunction.Sin, ["Cos"] = MathFunction.Cos,
        ["Tan"] = MathFunction.Tan, ["Asin"] = MathFunction.Asin, ["Acos"] = MathFunction.Acos, ["Atan"] = MathFunction.Atan,
        ["Atan2"] = MathFunction.Atan2, ["Sinh"] = MathFunction.Sinh, ["Cosh"] = MathFunction.Cosh, ["Tanh"] = MathFunction.Tanh,
        ["Asinh"] = MathFunction.Asinh, ["Acosh"] = MathFunction.Acosh, ["Atanh"] = MathFunction.Atanh,
    };

    private static readonly Dictionary<string, MathFunction> ClassificationByName = new()
    {
        ["IsNaN"] = MathFunction.IsNaN, ["IsInfinity"] = MathFunction.IsInfinity, ["IsFinite"] = MathFunction.IsFinite,
        ["IsNegative"] = MathFunction.IsNegative, ["IsPositiveInfinity"] = MathFunction.IsPositiveInfinity,
        ["IsNegativeInfinity"] = MathFunction.IsNegativeInfinity, ["IsSubnormal"] = MathFunction.IsSubnormal,
        ["IsNormal"] = MathFunction.IsNormal,
    };

    private static readonly HashSet<string> BitConverterCasts =
    [
        "DoubleToInt64Bits", "Int64BitsToDouble", "SingleToInt32Bits", "Int32BitsToSingle",
        "DoubleToUInt64Bits", "UInt64BitsToDouble", "SingleToUInt32Bits", "UInt32BitsToSingle",
    ];

    private static readonly HashSet<Type> SignedIntegers = [typeof(sbyte), typeof(short), typeof(int), typeof(long), typeof(nint)];

    private static readonly HashSet<Type> Integers =
        [.. SignedIntegers, typeof(byte), typeof(ushort), typeof(uint), typeof(ulong), typeof(nuint)];

    /// <summary>The function <paramref name="method"/> stands for, or null (see <see cref="Match"/> for the types too).</summary>
    public static MathFunction? TryMatch(MethodInfo method) => Match(method)?.Function;

    /// <summary>The call <paramref name="method"/> stands for, or null when it is not one of the recognized methods.</summary>
    public static MathCall? Match(MethodInfo method)
    {
        if (!method.IsStatic || method.IsGenericMethod) return null;
        var declaring = method.DeclaringType;
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var result = method.ReturnType;
        MathFunction? function = null;

        // double.Abs and double.Sqrt (generic math, called by CoreLib's own algorithms such as double.Hypot) are Math's.
        var floatAlias = IsFloat(declaring!) && method.Name is "Abs" or "Sqrt" && parameters.Length == 1 && parameters[0] == declaring;
        if (declaring == typeof(Math) || declaring == typeof(MathF) || floatAlias)
        {
            if (MathByName.TryGetValue(method.Name, out var byName) && Fits(byName, parameters, result))
                function = byName;
            if (function == MathFunction.Log && parameters.Length == 2) function = MathFunction.LogWithBase;
            if (function == MathFunction.Round && parameters.Length > 1)
                function = parameters.Length == 2 && parameters[1] == typeof(MidpointRounding) ? MathFunction.RoundWithMode : MathFunction.RoundDigits;
        }
        else if ((declaring == typeof(double) || declaring == typeof(float)) && ClassificationByName.TryGetValue(method.Name, out var test)
                 && parameters.Length == 1 && parameters[0] == declaring && result == typeof(bool))
        {
            function = test;
        }
        else if (declaring == typeof(BitConverter) && BitConverterCasts.Contains(method.Name) && parameters.Length == 1
                 && IsFloat(parameters[0]) != IsFloat(result) && SizeOf(parameters[0]) == SizeOf(result))
        {
            function = MathFunction.BitCast;
        }
        if (function is null) return null;

        var parameterTypes = parameters.Select(p => ClrTypes.TryMap(p.IsEnum ? Enum.GetUnderlyingType(p) : p, out _)).ToArray();
        if (ClrTypes.TryMap(result, out _) is not { } resultType || parameterTypes.Any(t => t is null)) return null;
        return new MathCall(function.Value, resultType, parameterTypes[0]!, parameterTypes!);
    }

    /// <summary>
    /// Math.DivRem(int, int, out int), DivRem(long, long, out long), BigMul(long, long, out long) and
    /// BigMul(ulong, ulong, out ulong): the function and the IR type of the operands (the out parameter is
    /// a reference to the same type), or null for any other method. .NET has no out form of DivRem for
    /// the unsigned and native integers (only tuple results).
    /// </summary>
    public static (MathFunction Function, NType OperandType)? MatchOutForm(MethodInfo method)
    {
        if (method.DeclaringType != typeof(Math) || method.IsGenericMethod) return null;
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        if (parameters.Length != 3 || parameters[1] != parameters[0] || parameters[2] != parameters[0].MakeByRefType()
            || method.ReturnType != parameters[0])
            return null;
        var operand = parameters[0];
        MathFunction? function = method.Name switch
        {
            "DivRem" when operand == typeof(int) || operand == typeof(long) => MathFunction.DivRem,
            "BigMul" when operand == typeof(long) || operand == typeof(ulong) => MathFunction.BigMul,
            _ => null,
        };
        return function is { } found ? (found, ClrTypes.TryMap(operand, out _)!) : null;
    }

    /// <summary>Whether an overload has the shape the lowering implements (decimal and out parameters never do).</summary>
    private static bool Fits(MathFunction function, Type[] parameters, Type result)
    {
        if (parameters.Length == 0 || parameters.Any(p => p.IsByRef || p == typeof(decimal))) return false;
        var x = parameters[0];
        bool AllAre(Type type) => parameters.All(p => p == type) && result == type;
        return function switch
        {
            MathFunction.Abs => parameters.Length == 1 && AllAre(x) && (IsFloat(x) || SignedIntegers.Contains(x)),
            MathFunction.Min or MathFunction.Max => parameters.Length == 2 && AllAre(x) && (IsFloat(x) || Integers.Contains(x)),
            MathFunction.Clamp => parameters.Length == 3 && AllAre(x) && (IsFloat(x) || Integers.Contains(x)),
            MathFunction.Sign => parameters.Length == 1 && result == typeof(int) && (IsFloat(x) || SignedIntegers.Contains(x)),
            MathFunction.BigMul => parameters.Length == 2 && parameters[1] == x
                && ((x == typeof(int) && result == typeof(long)) || (x == typeof(uint) && result == typeof(ulong))),
            MathFunction.ILogB => parameters.Length == 1 && IsFloat(x) && result == typeof(int),
            MathFunction.ScaleB => parameters.Length == 2 && IsFloat(x) && result == x && parameters[1] == typeof(int),
            MathFunction.Round => IsFloat(x) && result == x && parameters.Length switch
            {
                1 => true,
                2 => parameters[1] == typeof(int) || parameters[1] == typeof(MidpointRounding),
                3 => parameters[1] == typeof(int) && parameters[2] == typeof(MidpointRounding),
                _ => false,
            },
            MathFunction.Log => IsFloat(x) && parameters.Length <= 2 && AllAre(x),
            MathFunction.CopySign or MathFunction.Pow or MathFunction.Atan2
                or MathFunction.IEEERemainder or MathFunction.MaxMagnitude or MathFunction.MinMagnitude =>
                parameters.Length == 2 && IsFloat(x) && AllAre(x),
            MathFunction.FusedMultiplyAdd => parameters.Length == 3 && IsFloat(x) && AllAre(x),
            _ => parameters.Length == 1 && IsFloat(x) && AllAre(x),
        };
    }

    private static bool IsFloat(Type type) => type == typeof(double) || type == typeof(float);

    private static int SizeOf(Type type) => type.IsPrimitive ? System.Runtime.InteropServices.Marshal.SizeOf(type) : -1;
}
