using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.RealWorldKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Realistic kernels on random data (fixed seeds), at lengths around vector widths. By default bit for bit
/// (reductions in sequential order, no fused multiply-add); under FastMath, reductions of well-conditioned
/// data (positive values) within relative 1e-12 (double) or 1e-5 (float).
/// </summary>
public abstract class RealWorldTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly Tolerance DoubleSums = Tolerance.RelativeOf(1e-12);
    private static readonly Tolerance FloatSums = Tolerance.RelativeOf(1e-5);

    /// <summary>Under FastMath: positive data, so sums are well conditioned. Otherwise signed data with edge values.</summary>
    private double[] DoubleData(int seed, int n) =>
        Options.FastMath ? TestData.Doubles(seed, n, 0.5, 1.5) : TestData.DoublesWithEdges(seed, n);

    private float[] FloatData(int seed, int n) =>
        Options.FastMath ? TestData.Floats(seed, n, 0.5f, 1.5f) : TestData.FloatsWithEdges(seed, n);

    private double[] PlainDoubles(int seed, int n) =>
        Options.FastMath ? TestData.Doubles(seed, n, 0.5, 1.5) : TestData.Doubles(seed, n);

    [Test] public void SumOfDoubles()
    {
        Diff.Check(K.Sum, Lengths.Select(n => DoubleData(n, n)), DoubleSums);
        Diff.Check(K.Sum, Lengths.Select(n => PlainDoubles(n + 1, n)), DoubleSums);
    }

    [Test] public void SumOfFloats()
    {
        Diff.Check(K.SumFloat, Lengths.Select(n => FloatData(n, n)), FloatSums);
        Diff.Check(K.SumFloat, Lengths.Select(n => Options.FastMath ? TestData.Floats(n, n, 0.5f, 1.5f) : TestData.Floats(n, n)), FloatSums);
    }

    [Test] public void SumOfIntsWraps()
    {
        Diff.Check(K.SumInt, Lengths.Select(n => TestData.Ints(n, n)));
        Diff.Check(K.SumInt, Lengths.Select(n => TestData.IntsWithEdges(n, n)));
    }

    [Test] public void SumOfLongsWraps() => Diff.Check(K.SumLong, Lengths.Select(n => TestData.Longs(n, n)));

    [Test] public void DotProduct() =>
        Diff.Check(K.Dot, Lengths.Select(n => (PlainDoubles(n, n), PlainDoubles(n + 7, n))), DoubleSums);

    [Test] public void DotProductOfFloats() =>
        Diff.Check(K.DotFloat, Lengths.Select(n => (FloatData(n, n), FloatData(n + 7, n))), FloatSums);

    [Test] public void DotProductWithShorterSecondVectorThrows()
    {
        RequireBoundsCheck();
        Diff.Check(K.Dot, from n in new[] { 1, 8, 100 } from m in new[] { 0, n - 1, n / 2 } select (PlainDoubles(n, n), PlainDoubles(m, m)));
    }

    /// <summary>Under FastMath a is positive (with positive data, no cancellation: fma or not stays within 1e-12).</summary>
    [Test] public void Daxpy() =>
        Diff.CheckVoid(K.Daxpy, from n in Lengths from a in new[] { 0.0, 1.0, Options.FastMath ? 2.5 : -2.5, 1.0 / 3.0 } select (a, PlainDoubles(n, n), PlainDoubles(n + 1, n)),
            DoubleSums);

    [Test] public void DaxpyWithEdgeValues()
    {
        RequireExactFloats();
        Diff.CheckVoid(K.Daxpy, from n in new[] { 7, 64 } from a in Doubles select (a, DoubleData(n, n), DoubleData(n + 3, n)));
    }

    [Test] public void SaxpyThrowsWhenXIsShorter() =>
        Diff.CheckVoid(K.Saxpy, from n in new[] { 0, 5, 33 } from m in new[] { 0, 4, 33 } select (1.5f, FloatData(m, m), FloatData(n, n)), FloatSums);

    [Test] public void MatrixMultiply() =>
        Diff.CheckVoid(K.MatMul, new[] { 0, 1, 2, 3, 7, 16, 33 }.Select(n => (PlainDoubles(n, n * n), PlainDoubles(n + 50, n * n), PlainDoubles(n + 99, n * n), n)),
            DoubleSums);

    [Test] public void MatrixMultiplyWithWrongSizeThrowsAfterPartialStores()
    {
        RequireBoundsCheck();
        Diff.CheckVoid(K.MatMul, new[] { (PlainDoubles(1, 16), PlainDoubles(2, 16), new double[12], 4), (PlainDoubles(3, 9), PlainDoubles(4, 16), new double[16], 4) });
    }

    [Test] public void IntegerMatrixMultiplyWraps() =>
        Diff.CheckVoid(K.MatMulInt, new[] { 1, 4, 9, 17 }.Select(n => (TestData.Ints(n, n * n), TestData.Ints(n + 1, n * n), TestData.Ints(n + 2, n * n, -9, 9), n)));

    [Test] public void PrefixSumInPlace() => Diff.CheckVoid(K.PrefixSum, Lengths.Select(n => TestData.LongsWithEdges(n, n)));

    [Test] public void PrefixSumIntoAnotherArray() =>
        Diff.CheckVoid(K.PrefixSumInto, from n in Lengths from m in new[] { n, n / 2 } select (DoubleData(n, n), new double[m]), DoubleSums);

    [Test] public void MaxElementIncludingNaNAndEmpty() => Diff.Check(K.MaxElement, Lengths.Select(n => DoubleData(n + 3, n)));

    [Test] public void ArgMax() => Diff.Check(K.ArgMax, Lengths.Select(n => TestData.Ints(n, n, -50, 50)));

    [Test] public void CountAboveThreshold() =>
        Diff.Check(K.CountAbove, from n in Lengths from t in new[] { 0f, -1f, 0.999f, float.NaN, float.NegativeInfinity } select (FloatData(n, n), t));

    [Test] public void PolynomialByHorner() =>
        Diff.Check(K.Horner, from n in new[] { 0, 1, 2, 5, 16 } from x in new[] { 0.0, 1.0, 0.5, 0.999, 0.1, 0.75 }
                             select (TestData.Doubles(n, n, 0.5, 1.5), Options.FastMath ? x : -x), DoubleSums);

    [Test] public void PolynomialByHornerAtEdgeValues()
    {
        RequireExactFloats();
        Diff.Check(K.Horner, Pairs(new[] { new[] { 1.0, -2.0, 3.0 }, TestData.Doubles(9, 9) }, Doubles));
    }

    [Test] public void PartialWriteThenThrowMidLoop() =>
        Diff.CheckVoid(K.ScaleInto, from a in new[] { 0, 10, 40 } from b in new[] { 0, 10, 40 } from n in new[] { 5, 10, 40, 41 }
                                    select (PlainDoubles(a, a), new double[b], n, 3.0));

    [Test] public void HistogramThrowsOnABadValueKeepingEarlierCounts() =>
        Diff.CheckVoid(K.Histogram, from n in new[] { 0, 10, 100 } from bad in new[] { -1, 0, 10, 5 }
                                    select (TestData.Ints(n, n, 0, 9).Append(bad).Concat(TestData.Ints(n + 1, 5, 0, 9)).ToArray(), new int[10]));

    [Test] public void MeanAndVarianceWithCalls()
    {
        Diff.Check(K.Mean, Lengths.Select(n => PlainDoubles(n, n)), DoubleSums);
        Diff.Check(K.Variance, Lengths.Select(n => PlainDoubles(n, n)), Tolerance.RelativeOf(1e-9));
    }

    [Test] public void ThreePointStencil() =>
        Diff.CheckVoid(K.Stencil3, from n in Lengths from m in new[] { n, n - 1 } where m >= 0 select (DoubleData(n, n), new double[m]), DoubleSums);

    /// <summary>The same array passed as two arguments: .NET's semantics hold; no "noalias" may be assumed.</summary>
    [Test] public void AliasedArguments()
    {
        Diff.CheckVoid(K.Daxpy, Lengths.Select(n => (0.5, PlainDoubles(n, n), PlainDoubles(n, n))).Select(t => (t.Item1, t.Item2, t.Item2)), DoubleSums);
        Diff.CheckVoid(K.Stencil3, Lengths.Select(n => DoubleData(n, n)).Select(a => (a, a)), DoubleSums);
        Diff.CheckVoid(K.PrefixSumInto, Lengths.Select(n => DoubleData(n, n)).Select(a => (a, a)), DoubleSums);
        Diff.CheckVoid(K.MatMul, new[] { 1, 2, 5, 16 }.Select(n => PlainDoubles(n, n * n)).Select(a => (a, a, a, (int)Math.Sqrt(a.Length))), DoubleSums);
        Diff.CheckVoid(K.MatMulInt, new[] { 1, 3, 8 }.Select(n => TestData.Ints(n, n * n, -5, 5)).Select(a => (a, TestData.Ints(7, a.Length, -5, 5), a, (int)Math.Sqrt(a.Length))));
        Diff.CheckVoid(K.ScaleInto, from n in new[] { 0, 10, 33 } from m in new[] { n, n + 1 } let a = PlainDoubles(n, n) select (a, a, m, -2.0));
    }

    // ---- element-wise loops the vectorizer transforms: each lane keeps .NET's scalar semantics ----

    private static readonly int[] VectorLengths = [0, 1, 7, 16, 33, 100, 1001];

    private static long[] LongsForConversion(int seed, int n)
    {
        var edges = EdgeValues.Longs;
        var random = TestData.Longs(seed, n);
        for (var i = 0; i < n; i++)
            if (i % 3 == 0) random[i] = edges[i / 3 % edges.Length];
            else if (i % 3 == 1) random[i] = (random[i] >> (i % 40)) | 1; // all magnitudes, odd: many rounding cases
        return random;
    }

    [Test] public void ConversionsInLoops()
    {
        Diff.CheckVoid(K.DoublesToInts, VectorLengths.Select(n => (DoubleData(n, n), new int[n])));
        Diff.CheckVoid(K.FloatsToLongs, VectorLengths.Select(n => (FloatData(n, n), new long[n])));
        Diff.CheckVoid(K.LongsToFloats, VectorLengths.Select(n => (LongsForConversion(n, n), new float[n])));
        Diff.CheckVoid(K.LongsToDoubles, VectorLengths.Select(n => (LongsForConversion(n + 1, n), new double[n])));
        Diff.CheckVoid(K.FloatsToDoubles, VectorLengths.Select(n => (FloatData(n, n), new double[n])));
        Diff.CheckVoid(K.DoublesToFloats, VectorLengths.Select(n => (DoubleData(n, n), new float[n])));
    }

    [Test] public void MinMaxReductionsWithNaNAndSignedZeros()
    {
        Diff.Check(K.MaxReduction, VectorLengths.Select(n => DoubleData(n, n)));
        Diff.Check(K.MaxReduction, VectorLengths.Select(n => Options.FastMath ? PlainDoubles(n, n) : [.. PlainDoubles(n, n), -0.0, 0.0, -0.0]));
        Diff.Check(K.MinReductionFloat, VectorLengths.Select(n => FloatData(n, n)));
        Diff.Check(K.MaxReductionInt, VectorLengths.Select(n => TestData.IntsWithEdges(n, n)));
    }

    [Test] public void DivisionInALoopThrowsAtTheRightElement() =>
        Diff.CheckVoid(K.DivideElementwise,
            from n in new[] { 1, 16, 100 } from bad in new[] { -1, 0, 5, n - 1 } from kind in new[] { 0, 1 }
            let a = TestData.Ints(n, n).Select((v, i) => i == bad && kind == 1 ? int.MinValue : v).ToArray()
            let b = TestData.Ints(n + 1, n, -9, 9).Select((v, i) => i == bad ? (kind == 0 ? 0 : -1) : v == 0 ? 3 : v).ToArray()
            select (a, b, new int[n]));

    [Test] public void RemainderByConstantInALoop() => Diff.CheckVoid(K.RemainderByConstant, VectorLengths.Select(n => (TestData.IntsWithEdges(n, n), new int[n])));

    [Test] public void VariableShiftCountsPerElement() =>
        Diff.CheckVoid(K.ShiftElementwise, VectorLengths.Select(n =>
            (TestData.Ints(n, n), TestData.Ints(n + 1, n, -70, 70), TestData.Longs(n + 2, n))));

    [Test] public void AbsInALoopThrowsOnMinValueAfterEarlierStores() =>
        Diff.CheckVoid(K.AbsElementwise, from n in VectorLengths from at in new[] { -1, 0, n / 2, n - 1 }
                                         select TestData.Longs(n, n, -1000, 1000).Select((v, i) => i == at ? long.MinValue : v).ToArray());

    /// <summary>
    /// These expressions combine a NaN with Math.Abs of the same NaN (opposite signs): which one survives is
    /// RyuJIT's operand order, so here NaNs compare as NaNs (see <see cref="Tolerance.AnyNaN"/>).
    /// </summary>
    [Test] public void MathFunctionsInLoopsUseTheScalarLibrary()
    {
        var diff = Diff.AnyNaNPayload;
        diff.CheckVoid(K.SinElementwise, VectorLengths.Select(n => (Options.FastMath ? TestData.Doubles(n, n, 0.5, 100) : TestData.DoublesWithEdges(n, n), new double[n])));
        diff.CheckVoid(K.PowElementwise, VectorLengths.Select(n => (TestData.Doubles(n, n, 0.1, 10), TestData.Doubles(n + 1, n, -3, 3))));
        diff.CheckVoid(K.FloorCeilSqrt, VectorLengths.Select(n => (DoubleData(n, n), new double[n])));
    }

    [Test] public void SelectsInALoop() =>
        Diff.CheckVoid(K.SelectElementwise, VectorLengths.Select(n => (FloatData(n, n), FloatData(n + 1, n), TestData.Bools(n, n))));

    [Test] public void FloatRemaindersInALoop()
    {
        RequireExactFloats();
        Diff.CheckVoid(K.FloatRemainders, VectorLengths.Select(n => (FloatData(n, n), FloatData(n + 1, n))));
    }

    [Test] public void LongProductWraps() => Diff.Check(K.ProductWraps, VectorLengths.Select(n => TestData.Longs(n, n)));

    [Test] public void LargeArrays()
    {
        const int n = 100_003;
        Diff.Check(K.Sum, new[] { DoubleData(1, n) }, DoubleSums);
        Diff.Check(K.Dot, new[] { (PlainDoubles(2, n), PlainDoubles(3, n)) }, Tolerance.RelativeOf(1e-10));
        Diff.CheckVoid(K.Daxpy, new[] { (0.75, PlainDoubles(4, n), PlainDoubles(5, n)) }, DoubleSums);
        Diff.CheckVoid(K.PrefixSum, new[] { TestData.Longs(6, n) });
        Diff.Check(K.SumInt, new[] { TestData.Ints(7, n) });
        Diff.Check(K.CountAbove, new[] { (FloatData(8, n), 0.25f) });
    }

    [Test] public void SieveOfEratosthenes() =>
        Diff.Check(K.CountPrimes, from limit in new[] { 0, 2, 3, 100, 10000 } from size in new[] { limit, limit / 2 }
                                  select (limit, new bool[size]));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuRealWorldTests(ExecutionTarget target) : RealWorldTests(target);
