using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.SpanKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Span&lt;T&gt; and ReadOnlySpan&lt;T&gt; of primitives: made from arrays (every way C# has), sliced with .NET's
/// ArgumentOutOfRangeException, indexed with IndexOutOfRangeException, passed to callees and taken as
/// parameters of the compiled method; stackalloc of constant and computed sizes.
/// </summary>
public abstract class SpanTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] Starts = [0, 1, 3, 4, 5, -1, int.MinValue, int.MaxValue];

    [Test] public void ConversionsFromArraysAndCallees() =>
        Diff.Check(K.ConvertAndPass, from n in Lengths from f in new[] { 1.0, -0.5 } select (TestData.DoublesWithEdges(n, n), f), fastMath: Tolerance.RelativeOf(1e-9));

    [Test] public void EveryWayToMakeASpanFromAnArray() =>
        Diff.Check(K.WaysToMakeASpan, from n in new[] { 0, 1, 4 } from s in Starts from l in new[] { 0, 1, 3, 4, -1, int.MaxValue }
                                      select (TestData.IntsWithEdges(n, n), s, l));

    [Test] public void SlicesThrowArgumentOutOfRangeAsDotNet() =>
        Diff.Check(K.Slices, from n in new[] { 0, 2, 5 } from s in Starts from l in new[] { 0, 1, 2, 5, -1, int.MinValue }
                             select (TestData.LongsWithEdges(n + 1, n), s, l));

    [Test] public void TheSliceExceptionIsDotNets()
    {
        var compiled = Jit.Compile<Func<long[], int, int, long>>(K.Slices, Options);
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => K.Slices([1, 2], 1, 2))!;
        var actual = Assert.Throws<ArgumentOutOfRangeException>(() => compiled([1, 2], 1, 2))!;
        Assert.That((actual.Message, actual.ParamName), Is.EqualTo((expected.Message, expected.ParamName)));
    }

    [Test] public void NestedSlicesOfAReadOnlySpan()
    {
        RequireBoundsCheck(); // the indexer reads past a slice of length 2 only through the checked path
        Diff.Check(K.NestedSlices, from first in new[] { 0, 1, 3, 5, -1 } from second in new[] { 0, 1, 2, 4 } select (TestData.FloatsWithEdges(3, 6), first, second));
    }

    [Test] public void TheIndexerIsBoundsChecked() =>
        Diff.CheckVoid(K.WriteThroughSpan, from n in new[] { 1, 2, 6 } from i in new[] { 0, 1, 4, 5, -1, int.MinValue } select (TestData.Ints(n, n), i, 42));

    [Test] public void RefsIntoASpan() =>
        Diff.Check(K.RefsIntoASpan, from n in new[] { 1, 2, 5 } from i in new[] { 0, 1, 4 } select (TestData.Ints(n, n, short.MinValue, short.MaxValue).Select(x => (short)x).ToArray(), i));

    [Test] public void FillAndClear() =>
        Diff.CheckVoid(K.FillAndClear, from n in new[] { 0, 1, 7, 40 } from v in new byte[] { 0, 1, 255 } from s in new[] { 0, 1, n, n + 1, -1 }
                                       select (new byte[n], v, s));

    [Test] public void CopyToAndTryCopyTo() =>
        Diff.Check(K.Copies, from n in new[] { 1, 4, 9 } from m in new[] { 0, 3, 9 } from shift in new[] { 0, 1, 3, 10 } from count in new[] { 0, 1, 4 }
                             where count <= n select (TestData.DoublesWithEdges(n, n), TestData.Doubles(m + 50, m), shift, count));

    [Test] public void TheCopyToExceptionIsDotNets()
    {
        var compiled = Jit.Compile<Func<double[], double[], int, int, int>>(K.Copies, Options);
        var expected = Assert.Throws<ArgumentException>(() => K.Copies(new double[4], new double[2], 0, 4))!;
        var actual = Assert.Throws<ArgumentException>(() => compiled(new double[4], new double[2], 0, 4))!;
        Assert.That((actual.GetType(), actual.Message, actual.ParamName), Is.EqualTo((expected.GetType(), expected.Message, expected.ParamName)));
    }

    [Test] public void ConstantStackallocIsZeroed() =>
        Diff.Check(K.Histogram, Lengths.Select(n => TestData.IntsWithEdges(n, n)));

    [Test] public void StackallocOfAComputedSize() =>
        Diff.Check(K.PrefixSums, from n in new[] { 0, 1, 5, 300 } from extra in new[] { 0, 3 } from probe in new[] { 0, n - 1, n, n + 2, n + 3, -1 }
                                 select (TestData.Doubles(n, n), extra, probe), fastMath: Tolerance.RelativeOf(1e-9));

    [Test] public void StackallocInALoop() =>
        Diff.Check(K.StackallocInALoop, new[] { 0, 1, 3, 20 }.Select(n => TestData.Ints(n, n, 0, 200)));

    [Test] public void IndicesFromTheEndAndRanges()
    {
        RequireBoundsCheck(); // span[^1] of an empty span is out of range
        Diff.Check(K.IndicesFromTheEndAndRanges, from n in new[] { 0, 1, 6 } from f in new[] { 0, 1, 3, 7, -1 } from t in new[] { 0, 2, 6, -1 }
                                                 select (TestData.IntsWithEdges(n, n), f, t));
    }

    [Test] public void ASpanInAParallelLoop() =>
        Diff.CheckVoid(K.ParallelScale, from n in new[] { 0, 1, 100, 5000 } select (TestData.Doubles(n, n), 2.5));

    [Test] public void ConstantDataLookupTables()
    {
        RequireExactFloats(); // the table holds NaN and -0.0
        Diff.Check(K.LookupTables, new[] { 0, 1, 2, 5, 9, 10, -1 });
    }

    [Test] public void EveryElementType()
    {
        var lengths = new[] { 0, 1, 9 };
        Diff.Check(K.WeightedTail, from n in lengths from step in new sbyte[] { 1, -128 } select (TestData.Ints(n, n).Select(x => (sbyte)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new byte[] { 1, 255 } select (TestData.Ints(n, n).Select(x => (byte)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new short[] { 1, short.MinValue } select (TestData.Ints(n, n).Select(x => (short)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new ushort[] { 1, ushort.MaxValue } select (TestData.Ints(n, n).Select(x => (ushort)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new[] { 1, int.MaxValue } select (TestData.IntsWithEdges(n, n), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new[] { 1u, uint.MaxValue } select (TestData.Ints(n, n).Select(x => (uint)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new[] { 1L, long.MinValue } select (TestData.LongsWithEdges(n, n), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new[] { 1UL, ulong.MaxValue } select (TestData.Longs(n, n).Select(x => (ulong)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new nint[] { 1, nint.MinValue } select (TestData.Longs(n, n).Select(x => (nint)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new nuint[] { 1, nuint.MaxValue } select (TestData.Longs(n, n).Select(x => (nuint)x).ToArray(), step));
        Diff.Check(K.WeightedTail, from n in lengths from step in new[] { 0.5f, -3f } select (TestData.Floats(n, n), step), fastMath: Tolerance.RelativeOf(1e-5));
        Diff.Check(K.WeightedTail, from n in lengths from step in new[] { 0.25, -1e300 } select (TestData.Doubles(n, n), step), fastMath: Tolerance.RelativeOf(1e-9));
    }

    [Test] public void SpansByReferenceToCallees() =>
        Diff.Check(K.SpansByReference, from n in new[] { 0, 1, 5 } from skip in new[] { 0, 1, 4, 6, -1 } select (TestData.DoublesWithEdges(n, n), skip));

    [Test] public void EmptySpans() => Diff.Check(K.EmptySpans, new[] { 0, 3 }.Select(n => new char[n]));

    [Test] public void SpansAsParametersOfTheCompiledMethod()
    {
        var dot = Jit.Compile<K.DotDelegate>(K.Dot, Options);
        var axpy = Jit.Compile<K.AxpyDelegate>(K.Axpy, Options);
        var x = TestData.DoublesWithEdges(1, 40);
        var y = TestData.Doubles(2, 40);
        var exact = Options.FastMath ? Tolerance.RelativeOf(1e-9) : Tolerance.Exact;
        foreach (var (start, length) in new[] { (0, 40), (3, 17), (39, 1), (40, 0), (5, 0) })
        {
            var expected = K.Dot(x.AsSpan(start, length), y.AsSpan(start, length));
            var actual = dot(x.AsSpan(start, length), y.AsSpan(start, length));
            if (!Options.FastMath || double.IsFinite(expected))
                Assert.That(exact.Accepts(expected, actual), $"Dot over [{start}, {start + length}): expected {expected}, actual {actual}");

            var expectedY = (double[])y.Clone();
            var actualY = (double[])y.Clone();
            K.Axpy(0.75, y.AsSpan(start, length), expectedY.AsSpan(start, length));
            axpy(0.75, y.AsSpan(start, length), actualY.AsSpan(start, length));
            if (!Values.Same(expectedY, actualY, exact))
                Assert.Fail($"Axpy over [{start}, {start + length}) wrote {Values.DescribeDifference(expectedY, actualY, exact)}");
        }
        Assert.That(dot(default, default), Is.EqualTo(0.0), "a default span is empty");
        var asFunc = Jit.Compile<Func<ReadOnlySpan<double>, ReadOnlySpan<double>, double>>(K.Dot, Options);
        Assert.That(exact.Accepts(K.Dot(x.AsSpan(0, 3), y.AsSpan(0, 3)), asFunc(x.AsSpan(0, 3), y.AsSpan(0, 3))), "Func<ReadOnlySpan<double>, ...> (ref struct type arguments)");
        Span<double> stack = stackalloc double[3];
        axpy(2.0, new double[] { 1, 2, 3 }, stack);
        Assert.That(stack.ToArray(), Is.EqualTo(new[] { 2.0, 4.0, 6.0 }), "a span over the caller's stack memory");
        if (Options.BoundsCheck)
        {
            Assert.Throws<IndexOutOfRangeException>(() => dot(new double[3], new double[2]));
            var shortY = new double[] { 1, 1, 1 };
            Assert.Throws<IndexOutOfRangeException>(() => axpy(1.0, new double[] { 5, 6 }, shortY));
            Assert.That(shortY, Is.EqualTo(new[] { 6.0, 7.0, 1.0 }), "the stores before the faulting index stay");
        }
    }

    [Test] public void SpanParametersThroughJitFunctionAs()
    {
        var dot = Jit.Compile(typeof(K).GetMethod(nameof(K.Dot))!, Options).As<K.DotDelegate>();
        double[] x = [1, 2, 3, 4], y = [0.5, -1, 2, 8];
        Assert.That(dot(x.AsSpan(1), y.AsSpan(1)), Is.EqualTo(K.Dot(x.AsSpan(1), y.AsSpan(1))));
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuSpanTests(ExecutionTarget target) : SpanTests(target);
