using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using static Numbana.Tests.Execution.PrimitiveEdges;
using K = Numbana.Tests.Execution.Kernels.MathCompleteKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Every numeric method of Math and MathF, the classifications of double and float, and BitConverter's
/// bit casts, bit for bit against .NET on edge values (NaN, ±Infinity, ±0, subnormals, ties, the limits)
/// and on random arguments in each function's interesting range. Under FastMath within 4 ULP.
/// </summary>
public abstract class MathCompleteTests(ExecutionTarget target) : ExecutionFixture(target)
{
    /// <summary>The double edge values plus ties, near-ties and arguments that are hard for the functions.</summary>
    private static readonly double[] Arguments =
    [
        .. Doubles,
        0.49999999999999994, -0.49999999999999994, 0.5000000000000001, 1.4999999999999998, 3.5, -3.5, 4.5, -4.5, 1e15 + 0.5, 1e16, 1e16 + 2, 9.999999999999998e15,
        1.005, 2.675, -2.675, 0.125, 0.375, 1.115, 1234.5678, -0.015, 0.045, 709.78, -745.2, 1e-10, 1e22, 1.5707963267948966, 0.7853981633974483,
        0.9999999999999999, -0.9999999999999999, 1.0000000000000002, 2.0, 1e-320, -1e-320, 1e308, 4.9406564584124654E-324 * 3,
    ];

    private static readonly float[] FloatArguments =
    [
        .. Floats,
        0.49999997f, -0.49999997f, 0.50000006f, 3.5f, -3.5f, 4.5f, 1e7f + 0.5f, 1e8f, 1.00000012e8f, 9.9999992e7f, 1.005f, 2.675f, -2.675f,
        0.125f, 0.375f, 1234.5678f, -0.015f, 88.72f, -103.9f, 1e-10f, 1e20f, 1.5707964f, 0.7853982f, 1e-44f, -1e-44f, 1.17549421E-38f,
    ];

    private static IEnumerable<double> Random(int seed, int count, double low, double high) => TestData.Doubles(seed, count, low, high);

    private static IEnumerable<float> RandomF(int seed, int count, float low, float high) => TestData.Floats(seed, count, low, high);

    private static readonly int[] ScaleExponents = [0, 1, -1, 2, 52, 53, -52, -53, 1023, 1024, -1022, -1023, -1074, -1075, 2000, -2000, 2046, 2098, -2098, int.MaxValue, int.MinValue];

    private static readonly MidpointRounding[] Modes = Enum.GetValues<MidpointRounding>();

    // ---- rounding ----
    [Test] public void TruncateAndRound()
    {
        Diff.Check(K.Truncate, Arguments);
        Diff.Check(K.Round, Arguments.Concat(Random(1, 200, -100, 100)));
    }
    [Test] public void RoundWithEachMidpointRounding()
    {
        var inputs = Arguments.Concat(Random(2, 200, -10, 10).Select(x => Math.Floor(x * 4) / 4));
        Diff.Check(K.RoundToEven, inputs);
        Diff.Check(K.RoundAwayFromZero, inputs);
        Diff.Check(K.RoundToZero, inputs);
        Diff.Check(K.RoundToNegativeInfinity, inputs);
        Diff.Check(K.RoundToPositiveInfinity, inputs);
        Diff.Check(K.RoundMode, Pairs(Arguments, [0, 1, 2, 3, 4, 5, -1]));
    }
    [Test] public void RoundWithDigits()
    {
        var inputs = Arguments.Concat(Random(3, 200, -1000, 1000));
        Diff.Check(K.RoundTwoDigits, inputs);
        Diff.Check(K.RoundTwoDigitsAwayFromZero, inputs);
        Diff.Check(K.RoundDigits, Pairs([.. inputs], [0, 1, 2, 3, 7, 15, 16, -1, int.MinValue]));
        Diff.Check(K.RoundDigitsMode, Triples(Arguments, [0, 1, 3, 15, 16, -1], [0, 1, 2, 3, 4, 5, -1]));
    }
    [Test] public void RoundFloat()
    {
        var inputs = FloatArguments.Concat(RandomF(4, 200, -100, 100));
        Diff.Check(K.RoundF, inputs);
        Diff.Check(K.RoundAwayFromZeroF, inputs);
        Diff.Check(K.RoundTwoDigitsF, inputs);
        Diff.Check(K.RoundModeF, Pairs(FloatArguments, [0, 1, 2, 3, 4, 5, -1]));
        Diff.Check(K.RoundDigitsModeF, Triples(FloatArguments, [0, 1, 3, 6, 7, -1], [0, 1, 2, 3, 4, 5, -1]));
        Diff.Check(K.TruncateF, FloatArguments);
        Diff.Check(K.FloorF, FloatArguments);
        Diff.Check(K.CeilingF, FloatArguments);
    }

    // ---- sign, clamp, magnitude, bits ----
    [Test] public void SignThrowsOnNaN()
    {
        Diff.Check(K.Sign, Arguments);
        Diff.Check(K.SignF, FloatArguments);
        Diff.Check(K.SignOfFloatThroughMath, FloatArguments);
    }
    [Test] public void ClampThrowsWhenMinIsAboveMax()
    {
        double[] bounds = [-1.0, 0.0, -0.0, 1.0, double.NaN, double.NegativeInfinity, double.PositiveInfinity];
        Diff.Check(K.Clamp, Triples(Doubles, bounds, bounds));
        float[] boundsF = [-1f, 0f, -0f, 1f, float.NaN, float.PositiveInfinity];
        Diff.Check(K.ClampF, Triples(Floats, boundsF, boundsF));
    }
    [Test] public void CopySignAndFusedMultiplyAdd()
    {
        RequireExactFloats(); // the sign of zero and NaN are the point
        Diff.Check(K.CopySign, Pairs(Doubles));
        Diff.Check(K.CopySignF, Pairs(Floats));
        Diff.Check(K.FusedMultiplyAdd, Triples(Doubles.Take(24).ToArray()).Concat(Triples([0.1, 1.0 / 3, 1e308, -1e308, 1 + 1e-16], [10.0, 3.0, 2.0], [-1.0, 1e-17, -1e308])));
        Diff.Check(K.FusedMultiplyAddF, Triples(Floats.Take(22).ToArray()));
    }
    [Test] public void ScaleB()
    {
        Diff.Check(K.ScaleB, Pairs(Arguments, ScaleExponents));
        Diff.Check(K.ScaleBF, Pairs(FloatArguments, [0, 1, -1, 23, 24, 127, 128, -126, -127, -149, -150, 254, 300, -300, int.MaxValue, int.MinValue]));
    }
    [Test] public void BitIncrementAndBitDecrement()
    {
        RequireExactFloats(); // they step through infinities, zeros and NaN
        Diff.Check(K.BitIncrement, Arguments);
        Diff.Check(K.BitDecrement, Arguments);
        Diff.Check(K.BitIncrementF, FloatArguments);
        Diff.Check(K.BitDecrementF, FloatArguments);
    }
    [Test] public void IEEERemainder()
    {
        double[] divisors = [1.0, -1.0, 2.0, 3.0, -3.0, 0.5, 0.1, 0.0, -0.0, 1e300, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, Math.PI];
        Diff.Check(K.IEEERemainder, Pairs(Arguments, divisors).Concat(Pairs(Random(5, 30, -100, 100).ToArray(), [2.5, 0.7, -1.5])));
        float[] divisorsF = [1f, -1f, 2f, 3f, -3f, 0.5f, 0.1f, 0f, -0f, float.Epsilon, float.NaN, float.PositiveInfinity, MathF.PI];
        Diff.Check(K.IEEERemainderF, Pairs(FloatArguments, divisorsF));
    }
    [Test] public void MaxMagnitudeAndMinMagnitude()
    {
        RequireExactFloats();
        Diff.Check(K.MaxMagnitude, Pairs(Doubles));
        Diff.Check(K.MinMagnitude, Pairs(Doubles));
        Diff.Check(K.MaxMagnitudeF, Pairs(Floats));
        Diff.Check(K.MinMagnitudeF, Pairs(Floats));
        Diff.Check(K.MinF, Pairs(Floats));
        Diff.Check(K.MaxF, Pairs(Floats));
    }
    [Test] public void ILogB()
    {
        Diff.Check(K.ILogB, Arguments.Concat([1e-310, 1e-323, 3e-320, -2.5e-315]));
        Diff.Check(K.ILogBF, FloatArguments.Concat([1e-40f, 1e-45f, -3e-39f]));
    }
    [Test] public void BigMul()
    {
        Diff.Check(K.BigMul, Pairs(Ints));
        Diff.Check(K.BigMulUnsigned, Pairs(UInts));
    }

    // ---- the C library functions ----
    [Test] public void LogarithmsAndRoots()
    {
        var positive = Arguments.Concat(Random(6, 100, 0, 10)).Concat(Random(7, 50, 0, 1e10)).ToArray();
        Diff.Check(K.Log2, positive);
        Diff.Check(K.Log10, positive);
        Diff.Check(K.Cbrt, positive);
        double[] bases = [2.0, 10.0, Math.E, 0.5, 1.0, 0.0, -0.0, -2.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-300];
        Diff.Check(K.LogWithBase, Pairs(Arguments, bases));
    }
    [Test] public void Trigonometric()
    {
        var angles = Arguments.Concat(Random(8, 200, -10, 10)).Concat(Random(9, 30, -1e10, 1e10)).ToArray();
        var unit = Arguments.Concat(Random(10, 200, -1.1, 1.1)).ToArray();
        Diff.Check(K.Tan, angles);
        Diff.Check(K.Asin, unit);
        Diff.Check(K.Acos, unit);
        Diff.Check(K.Atan, angles);
        Diff.Check(K.Atan2, Pairs(Doubles).Concat(Random(11, 100, -5, 5).Zip(Random(12, 100, -5, 5))));
    }
    [Test] public void Hyperbolic()
    {
        var inputs = Arguments.Concat(Random(13, 200, -20, 20)).Concat(Random(14, 50, -1.1, 1.1)).ToArray();
        Diff.Check(K.Sinh, inputs);
        Diff.Check(K.Cosh, inputs);
        Diff.Check(K.Tanh, inputs);
        Diff.Check(K.Asinh, inputs);
        Diff.Check(K.Acosh, inputs);
        Diff.Check(K.Atanh, inputs);
    }
    [Test] public void MathFUsesTheFloatLibrary()
    {
        var inputs = FloatArguments.Concat(RandomF(15, 200, -10, 10)).Concat(RandomF(16, 50, -1e6f, 1e6f)).ToArray();
        var unit = FloatArguments.Concat(RandomF(17, 100, -1.1f, 1.1f)).ToArray();
        float[] exponents = [0f, -0f, 1f, -1f, 2f, 0.5f, -0.5f, 3f, 1.5f, 1e10f, -1e10f, float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        Diff.Check(K.SqrtF, inputs);
        Diff.Check(K.AbsF, inputs);
        Diff.Check(K.ExpF, inputs);
        Diff.Check(K.LogF, inputs);
        Diff.Check(K.Log2F, inputs);
        Diff.Check(K.Log10F, inputs);
        Diff.Check(K.CbrtF, inputs);
        Diff.Check(K.PowF, Pairs(FloatArguments, exponents).Concat(Pairs(exponents, FloatArguments)));
        Diff.Check(K.LogWithBaseF, Pairs(FloatArguments, [2f, 10f, 0.5f, 1f, 0f, -2f, float.PositiveInfinity, float.NaN]));
        Diff.Check(K.SinF, inputs);
        Diff.Check(K.CosF, inputs);
        Diff.Check(K.TanF, inputs);
        Diff.Check(K.AsinF, unit);
        Diff.Check(K.AcosF, unit);
        Diff.Check(K.AtanF, inputs);
        Diff.Check(K.Atan2F, Pairs(Floats));
        Diff.Check(K.SinhF, inputs);
        Diff.Check(K.CoshF, inputs);
        Diff.Check(K.TanhF, inputs);
        Diff.Check(K.AsinhF, inputs);
        Diff.Check(K.AcoshF, inputs);
        Diff.Check(K.AtanhF, unit);
    }

    // ---- integers ----
    [Test] public void IntegerAbsOfEveryWidthThrowsOnMinValue()
    {
        Diff.Check(K.AbsSByte, SBytes);
        Diff.Check(K.AbsShort, Shorts);
        Diff.Check(K.AbsNInt, NInts);
    }
    [Test] public void IntegerMinAndMaxCompareByTheirSignedness()
    {
        Diff.Check(K.MinByte, Pairs(Bytes));
        Diff.Check(K.MaxSByte, Pairs(SBytes));
        Diff.Check(K.MinShort, Pairs(Shorts));
        Diff.Check(K.MaxUShort, Pairs(UShorts));
        Diff.Check(K.MinUInt, Pairs(UInts));
        Diff.Check(K.MaxUInt, Pairs(UInts));
        Diff.Check(K.MinULong, Pairs(ULongs));
        Diff.Check(K.MaxULong, Pairs(ULongs));
        Diff.Check(K.MinNInt, Pairs(NInts));
        Diff.Check(K.MaxNUInt, Pairs(NUInts));
    }
    [Test] public void IntegerClampThrowsWhenMinIsAboveMax()
    {
        Diff.Check(K.ClampInt, Triples(Ints, [-10, 0, int.MinValue, 5], [10, 0, int.MaxValue, -20]));
        Diff.Check(K.ClampUInt, Triples(UInts, [0u, 10u, uint.MaxValue], [5u, 100u, uint.MaxValue, (uint)int.MaxValue + 1]));
        Diff.Check(K.ClampLong, Triples(Longs, [-10L, long.MinValue, 0L], [10L, long.MaxValue, -1L]));
        Diff.Check(K.ClampULong, Triples(ULongs, [0UL, 1000UL, ulong.MaxValue], [7UL, (ulong)long.MaxValue + 1, ulong.MaxValue]));
        Diff.Check(K.ClampByte, Triples(Bytes, [(byte)0, (byte)100, (byte)200], [(byte)50, (byte)150, byte.MaxValue]));
    }
    [Test] public void IntegerSign()
    {
        Diff.Check(K.SignInt, Ints);
        Diff.Check(K.SignLong, Longs);
        Diff.Check(K.SignShort, Shorts);
        Diff.Check(K.SignSByte, SBytes);
        Diff.Check(K.SignNInt, NInts);
    }

    // ---- classification and bit casts ----
    [Test] public void ClassificationOfDoubleAndFloat()
    {
        RequireExactFloats(); // NaN and infinities are the inputs
        double[] nans = [BitConverter.Int64BitsToDouble(0x7FF8000000000000), BitConverter.Int64BitsToDouble(0x7FF0000000000001), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF0000000000001))];
        Diff.Check(K.ClassifyDouble, Arguments.Concat(nans));
        Diff.Check(K.ClassifyFloat, FloatArguments.Concat([BitConverter.Int32BitsToSingle(0x7F800001), BitConverter.Int32BitsToSingle(0x7FC00000)]));
        Diff.Check(K.IsNaN, Arguments);
        Diff.Check(K.IsNegativeF, FloatArguments);
        Diff.Check(K.CountFinite, Lengths.Select(n => TestData.DoublesWithEdges(n + 40, n)));
    }
    [Test] public void BitConverterCasts()
    {
        RequireExactFloats();
        Diff.Check(K.DoubleToInt64Bits, Arguments);
        Diff.Check(K.Int64BitsToDouble, Longs.Concat(Arguments.Select(BitConverter.DoubleToInt64Bits)));
        Diff.Check(K.SingleToInt32Bits, FloatArguments);
        Diff.Check(K.Int32BitsToSingle, Ints.Concat(FloatArguments.Select(BitConverter.SingleToInt32Bits)));
        Diff.Check(K.DoubleToUInt64Bits, Arguments);
        Diff.Check(K.UInt64BitsToDouble, ULongs);
        Diff.Check(K.SingleToUInt32Bits, FloatArguments);
        Diff.Check(K.UInt32BitsToSingle, UInts);
        Diff.Check(K.NextUpThroughBits, Arguments);
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuMathCompleteTests(ExecutionTarget target) : MathCompleteTests(target);
