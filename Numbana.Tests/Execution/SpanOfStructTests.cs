using NUnit.Framework;
using Numbana.Tests.Execution.Kernels;
using K = Numbana.Tests.Execution.Kernels.SpanOfStructKernels;

namespace Numbana.Tests.Execution;

/// <summary>Span&lt;S&gt; and ReadOnlySpan&lt;S&gt; of blittable structs, as locals, slices, callee arguments and entry parameters.</summary>
public abstract class SpanOfStructTests(ExecutionTarget target) : ExecutionFixture(target)
{
    /// <summary>X in [1, 2], Y in [0, 0.5]: sums of X - Y are well conditioned, so FastMath's reordering stays within 1e-12.</summary>
    private static Point[] Points(int n) => TestData.Doubles(n, 2 * n, 0, 1).Chunk(2).Select(c => new Point(1 + c[0], c[1] / 2)).ToArray();

    [Test] public void FieldWritesThroughASliceOfStructs() =>
        Diff.Check(K.ScaleTail, from n in new[] { 0, 1, 5, 33 } from start in new[] { 0, 1, n, n + 1 } select (Points(n), start, 1.5), Tolerance.RelativeOf(1e-12));

    [Test] public void WholeRecordsWrittenThroughASpan() =>
        Diff.Check(K.DeactivateHeavy, new[] { 0, 1, 9 }.Select(n =>
            (TestData.Floats(n, n, 0, 2).Select((m, i) => new Particle(new Point(i, -i), new Point(0.5, 0.25), m, true)).ToArray(), 1f)));

    [Test] public void AReadOnlySpanOfThreeBytePixelsPassedToACallee() =>
        Diff.Check(K.Brightness, from n in new[] { 0, 4, 50 } from range in new[] { (0, n), (1, n - 1), (n, 0), (2, n) }
                                 select (TestData.Ints(n, 3 * n, 0, 255).Chunk(3).Select(c => new Pixel((byte)c[0], (byte)c[1], (byte)c[2])).ToArray(), range.Item1, range.Item2));

    [Test] public void ASpanOfStructsAsTheCompiledMethodsParameter()
    {
        var meanX = Jit.Compile<K.CentroidX>(K.MeanX, Options);
        foreach (var n in new[] { 0, 1, 7, 100 })
        {
            var points = Points(n);
            var (expected, actual) = (K.MeanX(points), meanX(points));
            Assert.That((Options.FastMath ? Tolerance.RelativeOf(1e-9) : Tolerance.Exact).Accepts(expected, actual), $"n = {n}: expected {expected:R}, actual {actual:R}");
        }
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuSpanOfStructTests(ExecutionTarget target) : SpanOfStructTests(target);
