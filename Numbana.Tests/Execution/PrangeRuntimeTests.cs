using NUnit.Framework;
using K = Numbana.Tests.Execution.PrangeKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Prange beyond the differential fixture: float sums of arbitrary values (a parallel sum is a
/// reassociation, so within a stated tolerance; with Parallel = false bit for bit), and the thread
/// count and chunk size settings of the runtime.
/// </summary>
public sealed class PrangeRuntimeTests
{
    /// <summary>A parallel float sum adds the chunks' partial sums: for n values in [-1, 1] the error stays far below 1e-10 relative to n.</summary>
    private const double SumTolerance = 1e-10;

    private static readonly int[] Sizes = [0, 1, 2, 3, 1001, 100_003, 1_000_000];

    /// <summary>Each iteration allocates a 1 MiB scratch array (on whichever thread runs it).</summary>
    public static void ScratchPerIteration(double[] result)
    {
        foreach (int i in Prange.Range(result.Length))
        {
            var scratch = new double[1 << 17];
            scratch[i] = i;
            result[i] = scratch[i] + scratch.Length;
        }
    }

    [Test]
    public void ArraysThatBodiesAllocateOnPoolThreadsAreReleasedWhenTheLoopEnds()
    {
        var scratch = Jit.Compile<Action<double[]>>(ScratchPerIteration);
        var result = new double[64];
        scratch(result); // compile, and warm the pool
        var before = GC.GetTotalMemory(forceFullCollection: true);
        scratch(result);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.That(result, Is.EqualTo(Enumerable.Range(0, 64).Select(i => i + (double)(1 << 17))));
        // 64 MiB were allocated; a pool thread that kept its share until its next call would hold about half of it.
        Assert.That(retained, Is.LessThan(8 << 20), $"{retained >> 20} MiB still reachable after the call");
    }

    [Test]
    public void ParallelFloatSumsAreWithinTheStatedTolerance()
    {
        var parallel = Jit.Compile<Func<double[], double>>(K.SumOfDoubles);
        foreach (var n in Sizes)
        {
            var a = TestData.Doubles(n, n);
            var expected = K.SumOfDoubles(a);
            var actual = parallel(a);
            Assert.That(Math.Abs(actual - expected), Is.LessThanOrEqualTo(SumTolerance * Math.Max(1, n)), $"n = {n}");
        }
        var parallelFloat = Jit.Compile<Func<float[], float>>(K.SumOfFloats);
        foreach (var n in Sizes)
        {
            var a = TestData.Floats(n, n);
            Assert.That(parallelFloat(a), Is.EqualTo(K.SumOfFloats(a)).Within(1e-3 * Math.Max(1, Math.Sqrt(n))), $"n = {n}");
        }
    }

    [Test]
    public void ParallelFalseGivesTheSequentialBits()
    {
        var sequential = Jit.Compile<Func<double[], double>>(K.SumOfDoubles, new JitOptions { Parallel = false });
        var sequentialFloat = Jit.Compile<Func<float[], float>>(K.SumOfFloats, new JitOptions { Parallel = false });
        foreach (var n in Sizes)
        {
            var a = TestData.Doubles(n, n);
            Assert.That(BitConverter.DoubleToInt64Bits(sequential(a)), Is.EqualTo(BitConverter.DoubleToInt64Bits(K.SumOfDoubles(a))), $"n = {n}");
            var f = TestData.Floats(n, n);
            Assert.That(BitConverter.SingleToInt32Bits(sequentialFloat(f)), Is.EqualTo(BitConverter.SingleToInt32Bits(K.SumOfFloats(f))), $"n = {n}");
        }
    }

    [Test]
    public void ResultsDoNotDependOnTheThreadCountOrChunkSize()
    {
        var statistics = Jit.Compile<Func<int[], long>>(K.Statistics);
        var mixed = Jit.Compile<Func<int[], int[], int[], long>>(K.IndexAndDivide);
        var input = TestData.IntsWithEdges(5, 100_003);
        var indices = Enumerable.Range(0, 10_000).Select(i => i % 50).ToArray();
        var divisors = Enumerable.Range(0, 10_000).Select(i => i % 7 + 1).ToArray();
        indices[6000] = 50;
        divisors[9000] = 0;
        var values = Enumerable.Range(0, 50).ToArray();
        var (threads, chunkSize) = (Jit.Threads, Jit.ParallelChunkSize);
        try
        {
            foreach (var t in new[] { 1, 2, 3, 8 })
                foreach (var chunk in new long[] { 0, 1, 7, 1000, 1_000_000 })
                {
                    Jit.Threads = t;
                    Jit.ParallelChunkSize = chunk;
                    Assert.That(statistics(input), Is.EqualTo(K.Statistics(input)), $"threads {t}, chunk {chunk}");
                    Assert.Throws<IndexOutOfRangeException>(() => mixed(values, indices, divisors), $"threads {t}, chunk {chunk}");
                }
        }
        finally
        {
            Jit.Threads = threads;
            Jit.ParallelChunkSize = chunkSize;
        }
    }

    [Test]
    public void SettingsAreValidated()
    {
        Assert.That(Jit.Threads, Is.GreaterThanOrEqualTo(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Jit.Threads = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Jit.Threads = -3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Jit.Threads = int.MaxValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => Jit.ParallelChunkSize = -1);
        Assert.Throws<ArgumentException>(() => Jit.ParallelDiagnostics(new Func<int, int>(x => x)));
    }

    [Test]
    public void RunByDotNetPrangeIsASequentialLoop()
    {
        Assert.That(Prange.Range(5).AsList(), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(Prange.Range(5, 0, -2).AsList(), Is.EqualTo(new[] { 5, 3, 1 }));
        Assert.That(Prange.Range(-3).AsList(), Is.Empty);
        Assert.That(Prange.Range(int.MaxValue - 1, int.MaxValue, 5).AsList(), Is.EqualTo(new[] { int.MaxValue - 1 }));
        Assert.That(Prange.Range(int.MinValue, int.MaxValue, int.MaxValue).AsList(), Is.EqualTo(new[] { int.MinValue, -1, int.MaxValue - 1 }));
        var longs = new List<long>();
        foreach (var i in Prange.Range(long.MaxValue - 2, long.MaxValue)) longs.Add(i);
        Assert.That(longs, Is.EqualTo(new[] { long.MaxValue - 2, long.MaxValue - 1 }));
        Assert.Throws<ArgumentException>(() => Prange.Range(0, 5, 0));
        Assert.Throws<ArgumentException>(() => Prange.Range(0L, 5L, 0L));
        Assert.That(typeof(PrangeEnumerator).GetMethod("Dispose"), Is.Null, "no Dispose: foreach must compile without try/finally");
    }
}

internal static class PrangeRangeExtensions
{
    public static List<int> AsList(this PrangeRange range)
    {
        var list = new List<int>();
        foreach (var i in range) list.Add(i);
        return list;
    }
}
