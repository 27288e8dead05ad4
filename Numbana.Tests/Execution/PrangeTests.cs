using NUnit.Framework;
using K = Numbana.Tests.Execution.PrangeKernels;

namespace Numbana.Tests.Execution;

/// <summary>The option sets Prange runs under: every CPU set, plus Parallel = false (the loops run sequentially in compiled code).</summary>
public static class PrangeTargets
{
    public static OptionSet Sequential { get; } = new("Sequential", new JitOptions { Parallel = false });

    public static IEnumerable<TestFixtureData> Cpu()
    {
        foreach (var data in ExecutionTargets.Cpu()) yield return data;
        var target = new ExecutionTarget(CpuBackend.Instance, Sequential);
        yield return new TestFixtureData(target).SetArgDisplayNames(target.ToString());
    }
}

/// <summary>
/// Differential tests of Prange loops: whatever the threads do, the compiled result must be .NET's
/// sequential result, bit for bit for integers and min/max; float sums use inputs whose sums are exact
/// in any order (see <see cref="PrangeRuntimeTests"/> for arbitrary floats, within a stated tolerance).
/// </summary>
public abstract class PrangeTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] Sizes = [0, 1, 2, 3, 7, 100, 1001, 10_000, 100_003];

    private static IEnumerable<(int, int, int)> Ranges()
    {
        int[] starts = [0, 1, -5, 7, 100, int.MinValue, int.MaxValue - 3, int.MaxValue];
        int[] ends = [0, 1, 2, 8, 10, 11, -7, 1001, 100_000, int.MaxValue, int.MinValue, int.MinValue + 5];
        int[] steps = [1, 2, 3, -1, -2, -7, 1000, int.MaxValue, int.MinValue, -int.MaxValue];
        foreach (var start in starts)
            foreach (var end in ends)
                foreach (var step in steps)
                {
                    var count = step > 0 ? (end > start ? ((long)end - start - 1) / step + 1 : 0)
                                         : (start > end ? ((long)start - end - 1) / -(long)step + 1 : 0);
                    if (count <= 300_000) yield return (start, end, step);
                }
    }

    private static int[] Ints(int seed, int n, int low = int.MinValue, int high = int.MaxValue) => TestData.Ints(seed, n, low, high);

    // ---- element-wise --------------------------------------------------------------------------

    [Test] public void ElementWise() =>
        Diff.CheckVoid(K.Scale, Sizes.Select(n => (TestData.Doubles(n, n), new double[n], 1.5)));

    [Test] public void LongIndexElementWise() => Diff.CheckVoid(K.Squares, Sizes.Select(n => new long[n]));

    [Test] public void EmptyBody() => Diff.CheckVoid(K.EmptyBody, [-5, 0, 1, 1000]);

    // ---- ranges ---------------------------------------------------------------------------------

    [Test] public void RangesOfEveryShape() => Diff.Check(K.SumOfRange, Ranges());

    [Test] public void CountsOfEveryShape() => Diff.Check(K.CountAndXorOfRange, Ranges());

    [Test] public void StartEndRanges() =>
        Diff.Check(K.SumOfRangeTwo, from s in new[] { 0, 5, -3, int.MaxValue, int.MaxValue - 2, int.MinValue } from e in new[] { 0, 5, 6, 1000, -3, int.MinValue + 2, int.MaxValue }
                                    where (long)e - s < 1_000_000
                                    select (s, e));

    [Test] public void LongRanges() =>
        Diff.Check(K.SumOfLongRange, new (long, long, long)[]
        {
            (0, 0, 1), (0, 1, 1), (0, 7, 2), (10, -10, -3), (long.MaxValue - 5, long.MaxValue, 1), (long.MinValue, long.MinValue + 9, 4),
            (long.MaxValue, long.MaxValue - 100_000, -1), (5_000_000_000, 5_000_100_000, 7), (long.MinValue, long.MaxValue, long.MaxValue),
            (long.MaxValue, long.MinValue, long.MinValue), (-1, 1_000_001, 1), (3, 3, -1),
        });

    [Test] public void IntRangeIntoLongVariable() => Diff.Check(K.SumOfRangeIntoLong, [-1, 0, 1, 2, 3, 99_999]);

    [Test]
    public void ZeroStepThrowsArgumentExceptionAsDotNet()
    {
        var expected = Assert.Throws<ArgumentException>(() => K.SumOfRange(0, 10, 0))!;
        var actual = Assert.Throws<ArgumentException>(() => Diff.Compile<Func<int, int, int, long>>(K.SumOfRange)(0, 10, 0))!;
        Assert.That(actual.Message, Is.EqualTo(expected.Message));
        Assert.That(actual.ParamName, Is.EqualTo("step"));
    }

    // ---- reductions -----------------------------------------------------------------------------

    [Test] public void SumOfInts() => Diff.Check(K.SumInts, Sizes.Select(n => Ints(n, n)));
    [Test] public void WrappingSumOfInts() => Diff.Check(K.SumIntsWrapping, Sizes.Select(n => Ints(n + 1, n)));
    [Test] public void DifferenceOfLongs() => Diff.Check(K.DifferenceOfLongs, Sizes.Select(n => TestData.Longs(n, n)));
    [Test] public void ProductOfInts() => Diff.Check(K.ProductOfInts, Sizes.Select(n => Ints(n, n, -5, 6)));
    [Test] public void ProductOfLongs() => Diff.Check(K.ProductOfLongs, Sizes.Select(n => TestData.Longs(n, n)));
    [Test] public void AndOfInts() => Diff.Check(K.AndOfInts, Sizes.Select(n => Ints(n, n)));
    [Test] public void OrOfLongs() => Diff.Check(K.OrOfLongs, Sizes.Select(n => TestData.Longs(n, n)));
    [Test] public void XorOfInts() => Diff.Check(K.XorOfInts, Sizes.Select(n => Ints(n, n)));
    [Test] public void MinOfInts() => Diff.Check(K.MinOfInts, Sizes.Select(n => TestData.IntsWithEdges(n, n)));
    [Test] public void MaxOfLongs() => Diff.Check(K.MaxOfLongs, Sizes.Select(n => TestData.LongsWithEdges(n, n)));

    [Test]
    public void MinOfDoublesWithNaNAndSignedZeros()
    {
        RequireExactFloats();
        Diff.Check(K.MinOfDoubles, Sizes.Select(n => TestData.DoublesWithEdges(n, n))
            .Concat([[0.0, -0.0], [-0.0, 0.0], [1, double.NaN, -1], [5, 4, 3, double.NaN], [double.NegativeInfinity]]));
    }

    [Test]
    public void MaxOfDoublesWithNaNAndSignedZeros()
    {
        RequireExactFloats();
        Diff.Check(K.MaxOfDoubles, Sizes.Select(n => TestData.DoublesWithEdges(n, n))
            .Concat([[0.0, -0.0], [-0.0, 0.0], [1, double.NaN, -1], [double.NaN, 4, 3]]));
    }

    [Test]
    public void MinAndMaxOfFloats()
    {
        RequireExactFloats();
        Diff.Check(K.MinOfFloats, Sizes.Select(n => TestData.FloatsWithEdges(n, n)));
        Diff.Check(K.MaxOfFloats, Sizes.Select(n => TestData.FloatsWithEdges(n, n)));
    }

    /// <summary>Small integers in doubles: every partial sum is exact, so any order gives .NET's bits.</summary>
    [Test] public void SumOfDoublesExactInAnyOrder() =>
        Diff.Check(K.SumOfDoubles, Sizes.Select(n => Ints(n, n, -1000, 1000).Select(v => (double)v).ToArray()).Concat([[-0.0], [-0.0, -0.0], []]));

    [Test] public void SumOfFloatsExactInAnyOrder() =>
        Diff.Check(K.SumOfFloats, Sizes.Select(n => Ints(n, n, -100, 100).Select(v => (float)v).ToArray()));

    [Test] public void DifferenceOfDoublesExactInAnyOrder() =>
        Diff.Check(K.DifferenceOfDoubles, Sizes.Select(n => Ints(n + 3, n, -1000, 1000).Select(v => v * 0.25).ToArray()));

    /// <summary>Powers of two: products are exact in any order.</summary>
    [Test] public void ProductOfDoublesExactInAnyOrder() =>
        Diff.Check(K.ProductOfDoubles, Sizes.Select(n => Ints(n, n, -3, 4).Select(v => v switch { 0 => 1.0, 1 => 2.0, 2 => 0.5, -1 => -1.0, -2 => -2.0, _ => 1.0 }).ToArray()));

    [Test] public void SumOfBytes() => Diff.Check(K.SumOfBytes, Sizes.Select(n => Ints(n, n, 0, 256).Select(v => (byte)v).ToArray()));
    [Test] public void XorOfShorts() => Diff.Check(K.XorOfShorts, Sizes.Select(n => Ints(n, n, short.MinValue, short.MaxValue + 1).Select(v => (short)v).ToArray()));
    [Test] public void SumOfUInts() => Diff.Check(K.SumOfUInts, Sizes.Select(n => Ints(n, n).Select(v => (uint)v).ToArray()));
    [Test] public void ProductOfULongs() => Diff.Check(K.ProductOfULongs, Sizes.Select(n => TestData.Longs(n, n).Select(v => (ulong)v).ToArray()));
    [Test] public void SeveralReductionsInOneLoop() => Diff.Check(K.Statistics, Sizes.Select(n => TestData.IntsWithEdges(n, n)));

    [Test] public void ConditionalReduction() =>
        Diff.Check(K.SumOfPositives, Sizes.Select(n => Ints(n, n, -20, 20).Select(v => (double)v).ToArray()));

    // ---- nesting, calls, shapes -----------------------------------------------------------------

    [Test] public void NestedPrangeElementWise() =>
        Diff.CheckVoid(K.FillTable, from r in new[] { 0, 1, 3, 64 } from c in new[] { 0, 1, 5, 33 } select (new int[r * c], r, c));

    [Test] public void NestedPrangeReductions() =>
        Diff.Check(K.NestedSum, from r in new[] { 0, 1, 2, 7, 300 } from c in new[] { 0, 1, 9, 500 } select (r, c));

    [Test] public void SequentialLoopInsideAParallelBody() =>
        Diff.Check(K.SequentialInsideParallel, from n in new[] { 0, 1, 5, 1000 } from k in new[] { 0, 1, 4 } select (Ints(n, n), k));

    [Test] public void PrangeInACalleeOfAParallelBody() =>
        Diff.Check(K.CallsAPrangeFunction, from r in new[] { 0, 1, 2, 100 } from c in new[] { 0, 3, 1000 } select (r, c));

    [Test] public void TwoLoopsInSequence() => Diff.Check(K.TwoLoopsInSequence, Sizes.Select(n => Ints(n, n, -1000, 1000)));

    [Test] public void Stencil() =>
        Diff.CheckVoid(K.Stencil, from w in new[] { 1, 3, 17 } from h in new[] { 0, 1, 2, 3, 40 }
                                  select (TestData.Doubles(w * h, w * h), new double[w * h], w, h));

    [Test] public void Mandelbrot() =>
        Diff.CheckVoid(K.Mandelbrot, from w in new[] { 0, 1, 31 } from h in new[] { 0, 1, 29 } select (new int[w * h], w, h, 50));

    [Test] public void BreakRunsSequentiallyWithTheRightResult() =>
        Diff.Check(K.SumUntilNegative, Sizes.Select(n => Ints(n, n, -1, 1000)).Concat([[1, 2, -1, 4], [-1]]));

    // ---- exceptions -----------------------------------------------------------------------------

    /// <summary>
    /// An index out of range at one iteration and a division by zero at another: the caller gets the
    /// exception of the lower iteration, whichever thread failed first.
    /// </summary>
    [Test]
    public void LowestIterationsExceptionWins()
    {
        const int n = 1000;
        IEnumerable<(int[], int[], int[])> Inputs()
        {
            foreach (var (badIndex, zeroDivisor) in new[] { (10, 900), (900, 10), (499, 500), (500, 499), (-1, 999), (999, -1), (0, -1), (-1, 0), (-1, -1), (700, 700) })
            {
                var indices = Enumerable.Range(0, n).Select(i => i % 50).ToArray();
                var divisors = Enumerable.Range(0, n).Select(i => i % 7 + 1).ToArray();
                if (badIndex >= 0) indices[badIndex] = 50;
                if (zeroDivisor >= 0) divisors[zeroDivisor] = 0;
                yield return (Enumerable.Range(0, 50).ToArray(), indices, divisors);
            }
        }
        RequireBoundsCheck();
        Diff.Check(K.IndexAndDivide, Inputs());
    }

    [Test]
    public void StoresBeforeTheFaultStay()
    {
        RequireBoundsCheck();
        Diff.CheckVoid(K.StoreUpTo, new[] { 0, 1, 50, 100, 101, 150, 1000 }.Select(n => (new int[100], n)));
    }

    [Test]
    public void ExplicitThrowInABody()
    {
        var compiled = Diff.Compile<Func<int[], long>>(K.ThrowsOnNegative);
        var input = Enumerable.Range(0, 10_000).ToArray();
        Assert.That(compiled(input), Is.EqualTo(K.ThrowsOnNegative(input)));
        input[7777] = -1;
        input[12] = -5;
        var expected = Assert.Throws<ArgumentException>(() => K.ThrowsOnNegative(input))!;
        var actual = Assert.Throws<ArgumentException>(() => compiled(input))!;
        Assert.That(actual.Message, Is.EqualTo(expected.Message));
    }

    // ---- rejected writes ------------------------------------------------------------------------

    [Test]
    public void AWriteReadAfterTheLoopThatIsNotAReductionIsRejected()
    {
        if (!Options.Parallel)
        {
            Diff.Check(K.LastPositiveIndex, Sizes.Select(n => Ints(n, n)));
            return;
        }
        var error = Assert.Throws<UnsupportedIlException>(() => Jit.Compile<Func<int[], int>>(K.LastPositiveIndex, Options)([1, 2]))!;
        Assert.That(error.Message, Does.Contain("not a reduction").And.Contain("read after the loop").And.Contain("Prange"));
        Assert.That(error.Method?.Name, Is.EqualTo(nameof(K.LastPositiveIndex)));
    }

    [Test]
    public void AValueCarriedToTheNextIterationIsRejected()
    {
        if (!Options.Parallel)
        {
            Diff.CheckVoid(K.Shift, Sizes.Select(n => (TestData.Doubles(n, n), new double[n])));
            return;
        }
        var error = Assert.Throws<UnsupportedIlException>(() => Jit.Compile<Action<double[], double[]>>(K.Shift, Options)([1.0], [0.0]))!;
        Assert.That(error.Message, Does.Contain("not a reduction").And.Contain("later iteration"));
    }

    // ---- diagnostics ----------------------------------------------------------------------------

    [Test]
    public void DiagnosticsSayWhatRanInParallel()
    {
        var report = Jit.ParallelDiagnostics(Diff.Compile<Func<int[], long>>(K.Statistics));
        TestContext.Out.WriteLine(report);
        if (Options.Parallel)
            Assert.That(report, Does.Contain(": parallel, reductions: ").And.Contain("add i64").And.Contain("min i32").And.Contain("max i32").And.Contain("xor i32"));
        else
            Assert.That(report, Does.Contain("sequential: JitOptions.Parallel is false"));
    }

    [Test]
    public void DiagnosticsSayWhyALoopIsSequential()
    {
        var nested = Jit.ParallelDiagnostics(Diff.Compile<Func<int, int, long>>(K.NestedSum));
        var broken = Jit.ParallelDiagnostics(Diff.Compile<Func<int[], long>>(K.SumUntilNegative));
        TestContext.Out.WriteLine(nested + broken);
        if (!Options.Parallel) return;
        Assert.That(nested, Does.Contain("parallel, reductions: add i64").And.Contain("nested inside a parallel Prange loop"));
        Assert.That(broken, Does.Contain("sequential: the body leaves the loop"));
    }
}

[TestFixtureSource(typeof(PrangeTargets), nameof(PrangeTargets.Cpu))]
public sealed class CpuPrangeTests(ExecutionTarget target) : PrangeTests(target);
