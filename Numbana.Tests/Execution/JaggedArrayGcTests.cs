using NUnit.Framework;
using K = Numbana.Tests.Execution.Kernels.JaggedArrayKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// The GC safety of jagged arguments (JaggedArgument): compiled code runs in preemptive GC mode, so a compacting
/// GC on another thread may run in the middle of a call. The rows sit among garbage, so a compaction moves every
/// row that is not pinned; compiled code reading a moved row through a stale pointer would see other data.
/// </summary>
public class JaggedArrayGcTests
{
    /// <remarks>
    /// Explicit (run it with <c>--filter Name~RowsStayInPlace</c>): in the full suite it hung about one run in
    /// four (2026-11-26: the blame collector's hang dump showed the threads waiting for a GC to finish and the
    /// busy thread to be this test's collector, inside the runtime's GC: one forced compaction running for over a
    /// minute with 2000 pinned rows on the full suite's heap), while it passes alone. Whether that is this test's back-to-back
    /// forced compactions starving the process or a real suspension problem with pinned rows is not known
    /// yet: see the note on issue 3. It must not stall CI meanwhile.
    /// </remarks>
    [Test, Explicit("hangs intermittently in the full suite: see the remarks")]
    public void RowsStayInPlaceWhileCompactingCollectionsRunDuringTheCall()
    {
        var rng = new Random(12345);
        var garbage = new List<double[]>();
        var rows = new double[2000][];
        for (var i = 0; i < rows.Length; i++)
        {
            garbage.Add(new double[rng.Next(1, 64)]); // between the rows: freed below, so compaction slides the rows
            rows[i] = Enumerable.Range(0, 256).Select(j => Math.Sin(i * 256 + j)).ToArray();
        }
        garbage.Clear();
        var expected = K.SumIndexed(rows);
        var sum = Jit.Compile<Func<double[][], double>>(K.SumIndexed);
        Assert.That(BitConverter.DoubleToInt64Bits(sum(rows)), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)));

        using var stop = new CancellationTokenSource();
        var collections = 0;
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Fresh garbage each time, so each collection has something to compact away.
                for (var k = 0; k < 200; k++) _ = new double[rng.Next(1, 64)];
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                collections++;
            }
        }) { IsBackground = true };
        collector.Start();
        try
        {
            // At most 600 calls or 5 seconds: alone this runs about 2 s; in the full suite, with a larger heap, each forced
            // compaction is slower. Left unpinned, rows were read after a move within about 200 calls here.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var call = 0; call < 600 && clock.Elapsed < TimeSpan.FromSeconds(5); call++)
                Assert.That(BitConverter.DoubleToInt64Bits(sum(rows)), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), $"call {call}");
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
        Assert.That(collections, Is.GreaterThan(10), "collections ran during the calls");
    }

    /// <summary>Calls on many threads at once: each thread pins into tables of its own (JaggedArgument's per-thread pool).</summary>
    [Test]
    public void ManyThreadsCallAtOnce()
    {
        var matVec = Jit.Compile<Action<double[][], double[], double[]>>(K.MatVec);
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            var rows = Enumerable.Range(0, 50 + thread).Select(i => Enumerable.Range(0, 30 + i % 7).Select(j => (double)(thread * 1000 + i * 31 + j)).ToArray()).ToArray();
            var x = Enumerable.Range(0, 40).Select(j => 1.0 / (j + 1)).ToArray();
            var (expected, actual) = (new double[rows.Length], new double[rows.Length]);
            K.MatVec(rows, x, expected);
            for (var call = 0; call < 200; call++)
            {
                matVec(rows, x, actual);
                if (!expected.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(actual.Select(BitConverter.DoubleToInt64Bits))) Interlocked.Increment(ref failures);
            }
            if (Backends.Cpu.Runtime.JaggedArgument.PinnedOnThisThread != 0) Interlocked.Increment(ref failures);
        });
        Assert.That(failures, Is.Zero);
    }
}
