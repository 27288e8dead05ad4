using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.ArrayKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Arrays as parameters: loads, stores (the caller sees them), Length, empty arrays, and bounds checks
/// (IndexOutOfRangeException raised in the caller, with exactly the stores .NET made before it).
/// Inputs that index out of range are skipped automatically under BoundsCheck = false.
/// </summary>
public abstract class ArrayTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] ProbeLengths = [0, 1, 2, 5, 17, 64];

    /// <summary>Every (array, index) pair: each length with every edge index, valid and invalid.</summary>
    private static IEnumerable<(T[], int)> Probes<T>(Func<int, int, T[]> make)
    {
        foreach (var length in ProbeLengths)
            foreach (var index in Indices(length))
                yield return (make(100 + length, length), index);
    }

    private static IEnumerable<(T[], int, T)> StoreProbes<T>(Func<int, int, T[]> make, IReadOnlyList<T> values)
    {
        foreach (var (array, index) in Probes(make))
            foreach (var value in values)
                yield return (array, index, value);
    }

    private static readonly double[] NaNPayloads =
    [
        double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF8000000000123), BitConverter.Int64BitsToDouble(unchecked((long)0xFFF80000DEADBEEF)),
        -0.0, double.Epsilon, double.NegativeInfinity,
    ];

    private static readonly float[] FloatNaNPayloads =
        [float.NaN, -float.NaN, BitConverter.Int32BitsToSingle(0x7FC00123), BitConverter.Int32BitsToSingle(unchecked((int)0xFFC0BEEF)), -0f, float.Epsilon];

    [Test] public void LoadBoolAtEveryIndex() => Diff.Check(K.LoadBool, Probes(TestData.Bools));
    [Test] public void LoadIntAtEveryIndex() => Diff.Check(K.LoadInt, Probes(TestData.IntsWithEdges));
    [Test] public void LoadLongAtEveryIndex() => Diff.Check(K.LoadLong, Probes(TestData.LongsWithEdges));
    [Test] public void LoadFloatAtEveryIndex() => Diff.Check(K.LoadFloat, Probes(TestData.FloatsWithEdges));
    [Test] public void LoadDoubleAtEveryIndex() => Diff.Check(K.LoadDouble, Probes(TestData.DoublesWithEdges));

    [Test] public void StoreBoolAtEveryIndex() => Diff.CheckVoid(K.StoreBool, StoreProbes(TestData.Bools, Bools));
    [Test] public void StoreIntAtEveryIndex() => Diff.CheckVoid(K.StoreInt, StoreProbes(TestData.IntsWithEdges, [0, -1, int.MinValue]));
    [Test] public void StoreLongAtEveryIndex() => Diff.CheckVoid(K.StoreLong, StoreProbes(TestData.LongsWithEdges, [1L, long.MaxValue, long.MinValue]));
    [Test] public void StoreFloatAtEveryIndex() => Diff.CheckVoid(K.StoreFloat, StoreProbes(TestData.FloatsWithEdges, FloatNaNPayloads));
    [Test] public void StoreDoubleAtEveryIndex() => Diff.CheckVoid(K.StoreDouble, StoreProbes(TestData.DoublesWithEdges, NaNPayloads));

    [Test] public void LengthOfEveryElementType()
    {
        Diff.Check(K.LengthBool, Lengths.Select(n => new bool[n]));
        Diff.Check(K.LengthInt, Lengths.Select(n => new int[n]));
        Diff.Check(K.LengthLong, Lengths.Select(n => new long[n]));
        Diff.Check(K.LengthFloat, Lengths.Select(n => new float[n]));
        Diff.Check(K.LengthDouble, Lengths.Select(n => new double[n]));
    }

    [Test] public void StoresBeforeAnOutOfRangeStoreAreKept() =>
        Diff.CheckVoid(K.StoreThenThrow, from n in new[] { 2, 3, 8 } from i in Indices(n) select (new int[n], i));

    [Test] public void EveryOutOfRangeIndexThrowsInTheCaller()
    {
        RequireBoundsCheck();
        var arrays = new[] { 0, 1, 3, 16 };
        Diff.Check(K.LoadInt, from n in arrays from i in BadIndices(n) select (TestData.Ints(n, n), i));
        Diff.Check(K.LoadDouble, from n in arrays from i in BadIndices(n) select (TestData.Doubles(n, n), i));
        Diff.Check(K.LoadBool, from n in arrays from i in BadIndices(n) select (TestData.Bools(n, n), i));
        Diff.CheckVoid(K.StoreLong, from n in arrays from i in BadIndices(n) select (TestData.Longs(n, n), i, 7L));
        Diff.CheckVoid(K.StoreFloat, from n in arrays from i in BadIndices(n) select (TestData.Floats(n, n), i, 7f));
    }

    [Test] public void ReadModifyWrite() =>
        Diff.Check(K.ReadModifyWrite, from n in new[] { 1, 4 } from i in Indices(n) from j in new[] { 0, n - 1, n, -1 }
                                      select (TestData.LongsWithEdges(n, n), i, j));

    [Test] public void FillLoop() => Diff.CheckVoid(K.Fill, Pairs(Lengths.Select(n => new double[n]).ToArray(), [1.5, -0.0, double.NaN]));
    [Test] public void ReverseInPlace() => Diff.CheckVoid(K.Reverse, Lengths.Select(n => TestData.Ints(n, n)));

    [Test] public void CopyThrowsMidLoopAndKeepsThePartialCopy() =>
        Diff.CheckVoid(K.CopyN,
            from s in new[] { 0, 3, 10, 33 } from d in new[] { 0, 3, 10, 33 } from n in new[] { -1, 0, 3, 10, 33, 34 }
            select (TestData.Floats(s, s), new float[d], n));

    [Test] public void CopyOntoItself() =>
        Diff.CheckVoid(K.CopyN, from n in new[] { 0, 5, 33 } from count in new[] { 0, n, n + 1 } let a = TestData.Floats(n, n) select (a, a, count));

    [Test] public void CompoundAssignmentsOnEveryElementType()
    {
        Diff.Check(K.CompoundAssignmentsIntegral,
            from n in new[] { 0, 1, 8, 33 } from m in new[] { n, n + 1, n == 0 ? 0 : n - 1 }
            select (TestData.Bools(n, m), TestData.IntsWithEdges(n, n), TestData.LongsWithEdges(n, m)));
        Diff.CheckVoid(K.CompoundAssignmentsFloating,
            from n in new[] { 0, 1, 8, 33 } from m in new[] { n, n + 1, n == 0 ? 0 : n - 1 }
            select (TestData.FloatsWithEdges(n, n), TestData.DoublesWithEdges(n, m), n));
    }

    [Test] public void HoistedBoundsChecksThrowAtTheFirstBadIteration() =>
        Diff.CheckVoid(K.OffsetCopy,
            from n in new[] { 0, 1, 8, 100 } from offset in new[] { 0, 1, -1, 5, -5, int.MaxValue, int.MinValue } from count in new[] { 0, n / 2, n, n + 1 }
            select (TestData.Doubles(n, n), new double[Math.Max(count, 0)], offset, count));

    [Test] public void StridedAccesses() =>
        Diff.Check(K.StridedSum, from start in new[] { 0, 5, 9, 19, -1 } from stride in new[] { 0, 1, 2, -1, 3, int.MaxValue, int.MinValue }
                                 select (TestData.LongsWithEdges(20, 20), start, stride));

    [Test] public void IndexArithmeticWrapsIn32Bits()
    {
        RequireBoundsCheck(); // a compiler that widens would read gigabytes out of range: with checks it throws instead of crashing
        Diff.Check(K.WrappingIndex, Lengths.Select(n => TestData.Ints(n, n)));
    }

    [Test] public void ReverseIntoAnotherArray() =>
        Diff.CheckVoid(K.ReverseInto, from n in Lengths from m in new[] { n, n - 1 } where m >= 0 select (TestData.IntsWithEdges(n, n), new int[m]));

    [Test] public void ExceptionOrderWithinOneStatement()
    {
        RequireBoundsCheck(); // most inputs end out of range
        static int[] WithAt(int[] values, int at, int value) => values.Select((v, i) => i == at ? value : v).ToArray();
        Diff.CheckVoid(K.DivideInto,
            from n in new[] { 4, 20 } from zeroAt in new[] { -1, 0, 3, n - 1 } from minAt in new[] { -1, 3 }
            from dLength in new[] { n, 3, 4 } from bLength in new[] { n, 3, 4 }
            select (WithAt(TestData.Ints(n, n), minAt, int.MinValue),
                    WithAt(WithAt(TestData.Ints(n + 1, dLength, 1, 9), zeroAt, 0), minAt, -1),
                    new int[bLength]));
        Diff.CheckVoid(K.AbsInto,
            from n in new[] { 4, 20 } from at in new[] { -1, 0, 3 } from bLength in new[] { n, 3 } from count in new[] { n, n + 1 }
            select (TestData.Longs(n, n, -9, 9).Select((v, i) => i == at ? long.MinValue : v).ToArray(), new long[bLength], count));
    }

    [Test] public void SwapElements() =>
        Diff.CheckVoid(K.Swap, from n in new[] { 1, 2, 9 } from i in Indices(n) from j in new[] { 0, n - 1, n }
                               select (TestData.LongsWithEdges(n, n), i, j));

    [Test] public void BoolArrays()
    {
        Diff.Check(K.CountTrue, Lengths.Select(n => TestData.Bools(n, n)));
        Diff.CheckVoid(K.InvertFlags, Lengths.Select(n => TestData.Bools(n, n)));
        Diff.CheckVoid(K.MarkNegatives, from v in new[] { 0, 5, 17 } from f in new[] { 0, 5, 17 }
                                        select (TestData.DoublesWithEdges(v, v), TestData.Bools(f, f)));
    }

    [Test] public void SearchWithEarlyReturn() =>
        Diff.Check(K.IndexOf, Pairs(Lengths.Select(n => TestData.Ints(n, n, -5, 5)).ToArray(), [-5, 0, 4, 99]));

    [Test] public void OffByOneReadThrowsAfterTheWholeLoop()
    {
        RequireBoundsCheck();
        Diff.Check(K.SumOffByOne, Lengths.Select(n => TestData.LongsWithEdges(n, n)));
    }

    [Test] public void BackwardWritesThrowAtTheStartAndKeepLaterElements() =>
        Diff.CheckVoid(K.ShiftRightInPlace, Pairs(Lengths.Select(n => TestData.DoublesWithEdges(n, n)).ToArray(), [0, 1, 3, -1]));

    [Test] public void ComputedIndexThatWraps() =>
        Diff.Check(K.LoadAtComputedIndex, from i in new[] { 0, 1, 2, 65536, int.MinValue } from j in new[] { 0, 1, 3, 65536, -1 }
                                          select (TestData.Doubles(7, 7), i, j));

    [Test] public void NaNPayloadsAndSignedZerosThroughMemory()
    {
        RequireExactFloats();
        var doubles = NaNPayloads.Concat(Doubles).ToArray();
        var floats = FloatNaNPayloads.Concat(Floats).ToArray();
        Diff.CheckVoid(K.StoreNaNs, [(doubles, floats)]);
        Diff.CheckVoid(K.CopyBits, [(Longs, new double[Longs.Length]), (Longs, new double[Longs.Length + 1])]);
    }

    [Test] public void EmptyArrays()
    {
        Diff.Check(K.EmptyAware, [Array.Empty<int>(), [5], [1, 2, 3]]);
        Diff.Check(K.CountTrue, [Array.Empty<bool>()]);
        Diff.CheckVoid(K.Fill, [(Array.Empty<double>(), 1.0)]);
        Diff.CheckVoid(K.Reverse, [Array.Empty<int>()]);
    }

    [Test] public void EmptyArrayAccessThrows()
    {
        RequireBoundsCheck();
        Diff.Check(K.LoadDouble, [(Array.Empty<double>(), 0)]);
        Diff.CheckVoid(K.StoreBool, [(Array.Empty<bool>(), 0, true)]);
    }

    /// <summary>
    /// A null array argument is the documented deviation: .NET throws NullReferenceException where the
    /// array is used; the compiled delegate throws ArgumentNullException at the call boundary.
    /// </summary>
    [Test] public void NullArrayArgumentThrowsArgumentNullException()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<NullReferenceException>(() => K.LengthInt(null!), ".NET itself");
            Assert.Throws<ArgumentNullException>(() => Diff.Compile<Func<int[], int>>(K.LengthInt)(null!), "LengthInt(null)");
            Assert.Throws<ArgumentNullException>(() => Diff.Compile<Func<double[], int, double>>(K.LoadDouble)(null!, 0), "LoadDouble(null, 0)");
            Assert.Throws<ArgumentNullException>(() => Diff.Compile<Action<bool[], int, bool>>(K.StoreBool)(null!, 0, true), "StoreBool(null, 0, true)");
            Assert.Throws<ArgumentNullException>(() => Diff.Compile<Action<float[], float[], int>>(K.CopyN)(new float[3], null!, 0), "CopyN(float[3], null, 0)");
            Assert.Throws<ArgumentNullException>(() => Diff.Compile<Action<int[], int>>(K.StoreThenThrow)(null!, 0), "StoreThenThrow(null, 0)");
        });
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuArrayTests(ExecutionTarget target) : ArrayTests(target);
