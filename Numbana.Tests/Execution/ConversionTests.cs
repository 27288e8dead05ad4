using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.ConversionKernels;

namespace Numbana.Tests.Execution;

/// <summary>Conversions among the subset's types, on every edge value of the source type.</summary>
public abstract class ConversionTests(ExecutionTarget target) : ExecutionFixture(target)
{
    /// <summary>Doubles next to the integer limits, ties, and the edge values.</summary>
    private static readonly double[] DoublesNearLimits =
    [
        .. Doubles,
        2147483646.5, 2147483647.4, 2147483647.9999998, -2147483648.9999995, 2147483648.5, 4294967296.0, -4294967296.0,
        9.2233720368547758E18 * 2, -9.2233720368547758E18 * 2, 1e19, -1e19, 4503599627370497.0, -0.9999999999999999, 0.9999999999999999,
        3.4028234663852886E38, 3.4028235677973366E38 /* rounds to float.MaxValue */, 3.4028235677973370E38 /* rounds to infinity */,
        1.401298464324817E-45 /* float.Epsilon */, 7.006492321624085E-46 /* half of it: ties to even -> 0 */, 7.0064923216240862E-46,
        1.0000000596046448 /* a float tie */, 1.0000000596046450,
    ];

    private static readonly float[] FloatsNearLimits =
    [
        .. Floats,
        2147483520f, -2147483520f, 4294967296f, 9.223372E18f, 1e19f, -1e19f, 0.99999994f, -0.99999994f, 1.5f, -1.5f, 33554432f,
    ];

    private static readonly long[] LongsForRounding =
    [
        .. Longs,
        (1L << 24) + 1, (1L << 24) + 3, (1L << 53) + 3, (1L << 54) + 2, (1L << 54) + 6, -((1L << 60) + (1L << 36) + 1),
        (1L << 62) + (1L << 38) + 1, (1L << 62) + (1L << 38), long.MaxValue - 511, long.MaxValue - 512, long.MinValue + 1,
    ];

    private static readonly int[] IntsForRounding =
        [.. Ints, (1 << 24) + 1, (1 << 24) + 3, -(1 << 24) - 1, (1 << 25) + 2, (1 << 25) + 6, int.MaxValue - 64, int.MaxValue - 63];

    [Test] public void IntToLongSignExtends() => Diff.Check(K.IntToLong, Ints);
    [Test] public void LongToIntWraps()
    {
        Diff.Check(K.LongToInt, Longs);
        Diff.Check(K.LongToIntUnchecked, Longs);
    }
    [Test] public void IntToFloatRoundsToNearestEven() => Diff.Check(K.IntToFloat, IntsForRounding);
    [Test] public void IntToDouble() => Diff.Check(K.IntToDouble, IntsForRounding);
    [Test] public void LongToFloatRoundsOnce() => Diff.Check(K.LongToFloat, LongsForRounding);
    [Test] public void LongToDoubleRoundsToNearestEven() => Diff.Check(K.LongToDouble, LongsForRounding);
    [Test] public void FloatToIntSaturatesAndNaNIsZero() => Diff.Check(K.FloatToInt, FloatsNearLimits);
    [Test] public void FloatToLongSaturatesAndNaNIsZero() => Diff.Check(K.FloatToLong, FloatsNearLimits);
    [Test] public void DoubleToIntSaturatesAndNaNIsZero() => Diff.Check(K.DoubleToInt, DoublesNearLimits);
    [Test] public void DoubleToLongSaturatesAndNaNIsZero() => Diff.Check(K.DoubleToLong, DoublesNearLimits);
    [Test] public void FloatToDouble() => Diff.Check(K.FloatToDouble, FloatsNearLimits);
    [Test] public void DoubleToFloatRoundsOverflowsAndUnderflows() => Diff.Check(K.DoubleToFloat, DoublesNearLimits);
    [Test] public void BoolToIntAndBack()
    {
        Diff.Check(K.BoolToInt, Bools);
        Diff.Check(K.IntToBool, Ints);
        Diff.Check(K.LongToBool, Longs);
    }
    [Test] public void DoubleToBoolNaNIsTrue() => Diff.Check(K.DoubleToBool, Doubles);
    [Test] public void IntDividedAsDouble() => Diff.Check(K.IntDivToDouble, Pairs(Ints));
    [Test] public void WideningBeforeOrAfterTheMultiply()
    {
        Diff.Check(K.IntProductWidenedAfter, Pairs(Ints));
        Diff.Check(K.IntProductWidenedBefore, Pairs(Ints));
    }
    [Test] public void FloatArithmeticThroughDouble() => Diff.Check(K.FloatThroughDouble, Pairs(FloatsNearLimits));
    [Test] public void RoundTrips()
    {
        Diff.Check(K.DoubleRoundTrip, IntsForRounding);
        Diff.Check(K.LongThroughDouble, LongsForRounding);
        Diff.Check(K.LongThroughFloatToInt, LongsForRounding);
    }
    [Test] public void ComparisonsAcrossTypesConvertFirst()
    {
        Diff.Check(K.IntLessThanDouble, Pairs(IntsForRounding, DoublesNearLimits));
        Diff.Check(K.LongEqualsDouble, Pairs(LongsForRounding, DoublesNearLimits));
        Diff.Check(K.LongLessThanFloat, Pairs(LongsForRounding, FloatsNearLimits));
    }

    [Test] public void FloatArithmeticStaysInSinglePrecision()
    {
        RequireExactFloats(); // fast math may fuse a * b + c
        var random = TestData.Floats(31, 600, -4f, 4f);
        var witnesses = Enumerable.Range(0, 200).Select(i => (random[i], random[i + 200], random[i + 400]))
            .Concat(Enumerable.Range(0, 200).Select(i => (random[i], random[i], -(random[i] * random[i]))));
        Diff.Check(K.FloatMulAdd, Triples(Floats).Concat(witnesses));
        Diff.Check(K.FloatChain, Pairs(FloatsNearLimits).Concat(Enumerable.Range(0, 300).Select(i => (random[i], random[i + 300]))));
    }

    [Test] public void MixedTypesInOneExpression()
    {
        var inputs =
            from i in new[] { 0, 1, -7, int.MaxValue, int.MinValue }
            from l in new[] { 0L, 3L, -1L << 40, long.MaxValue, long.MinValue }
            from f in new[] { 1f, -0.5f, 0f, float.NaN, 3.4e38f }
            from d in new[] { 0.25, -0.0, 1e308, double.NegativeInfinity }
            select (i, l, f, d);
        Diff.Check(K.MixedExpression, inputs, Tolerance.UlpsOf(8));
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuConversionTests(ExecutionTarget target) : ConversionTests(target);
