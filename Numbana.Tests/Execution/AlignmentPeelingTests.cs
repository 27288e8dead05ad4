using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.PeelingKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Loops split by StoreAlignmentPeeling give .NET's results: the same values, the same exception at the
/// same iteration, and the same stores before it, whichever iteration the split falls on. Arrays of many
/// lengths are allocated one after another, so their elements lie at different alignments.
/// </summary>
public abstract class AlignmentPeelingTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] Starts = [0, 1, 2, 3, 4, 5, 7, 8, 9];

    [Test] public void DaxpyOverEveryStartAndEnd() =>
        Diff.CheckVoid(K.DaxpyRange,
            from n in new[] { 0, 1, 3, 8, 17, 40 }
            from start in Starts.Append(-1)
            from end in new[] { start, start + 1, start + 5, n, n + 1 }
            select (TestData.Doubles(n, n, 0.5, 1), TestData.Doubles(n + 7, n, 0.5, 1), start, end)); // positive: FastMath's contraction stays within 4 ULP

    [Test] public void FloatStoresAtAnOffset() =>
        Diff.CheckVoid(K.ScaleFloatsAtOffset,
            from n in new[] { 0, 1, 6, 7, 8, 9, 33 }
            from offset in new[] { 0, 1, 3, 7, 8, -1, 5 }
            select (TestData.Floats(n, n), new float[n + 6], offset));

    [Test] public void ValuesCarriedAcrossTheSplit() =>
        Diff.Check(K.PrefixSums, Lengths.Select(n => (TestData.DoublesWithEdges(n, n), new double[n])));

    [Test] public void MatMulRowsEachWithTheirOwnPeel() =>
        Diff.CheckVoid(K.MatMulIkj,
            from n in new[] { 0, 1, 2, 3, 5, 8, 13, 21 }
            select (TestData.Doubles(n, n * n, 0.5, 1), TestData.Doubles(n + 1, n * n, 0.5, 1), TestData.Doubles(n + 2, n * n, 0.5, 1), n));

    [Test] public void MatMulWithShortArraysThrowsAtTheSameElement() =>
        Diff.CheckVoid(K.MatMulIkj,
            from n in new[] { 3, 5, 9 }
            from shortBy in new[] { 0, 1, 4 }
            select (TestData.Doubles(n, n * n, 0.5, 1), TestData.Doubles(n + 1, n * n, 0.5, 1), TestData.Doubles(n + 2, n * n - shortBy, 0.5, 1), n));

    [Test] public void NativeIntegerInduction() =>
        Diff.CheckVoid(K.NativeIndexLoop,
            from length in new[] { 0, 1, 4, 9, 100 }
            from n in new nint[] { 0, 1, 3, 4, 9, 100, 101 }
            select (TestData.Longs(length, length, -1000, 1000), n));

    [Test] public void CheckedOverflowAtEachIteration() =>
        Diff.CheckVoid(K.CheckedIncrements,
            from at in new[] { 0, 1, 2, 3, 4, 5, 8, 30 }
            let values = Enumerable.Range(0, 32).Select(i => i == at ? int.MaxValue : i).ToArray()
            select (values, 1));

    [Test] public void DivideByZeroAtEachIteration() =>
        Diff.CheckVoid(K.DivideInts,
            from zeroAt in new[] { 0, 1, 2, 3, 6, 7, 8, 20, 100 }
            select (TestData.Ints(zeroAt, 24, -50, 50), new int[24], zeroAt));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuAlignmentPeelingTests(ExecutionTarget target) : AlignmentPeelingTests(target);
