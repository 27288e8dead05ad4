using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using static Numbana.Tests.Execution.PrimitiveEdges;
using K = Numbana.Tests.Execution.Kernels.MathOutFormKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Math.DivRem(int/long, b, out rem) and Math.BigMul(long/ulong, b, out low), bit for bit against .NET:
/// DivideByZeroException and OverflowException (MinValue / -1) with the stores made before them, the
/// exact 128-bit products at the limits.
/// </summary>
public abstract class MathOutFormTests(ExecutionTarget target) : ExecutionFixture(target)
{
    [Test] public void DivRemOfInts() => Diff.Check(K.DivRemInt, Pairs(Ints));

    [Test] public void DivRemOfLongsIntoArrayElements() =>
        Diff.CheckVoid(K.DivRemLong, from pair in Pairs(Longs) select (pair.Item1, pair.Item2, new long[] { 11, 22 }));

    [Test] public void DivRemStopsAtTheFaultingElement()
    {
        int[] values = [7, -7, int.MinValue, 100, int.MinValue, 5];
        foreach (var divisors in new[] { new[] { 2, 2, 3, 0, -1, 1 }, [2, 2, -1, 0, 3, 1], [3, -3, 5, 7, -1, 2], [1, 1, 1, 1, 1, 1] })
            Diff.CheckVoid(K.DivRemEach, [((int[])values.Clone(), divisors, new int[6])]);
    }

    [Test] public void BigMulOfLongs() =>
        Diff.CheckVoid(K.BigMulSigned, from pair in Pairs(Longs) select (pair.Item1, pair.Item2, new long[2]));

    [Test] public void BigMulOfULongs() =>
        Diff.CheckVoid(K.BigMulUnsigned, from pair in Pairs(ULongs) select (pair.Item1, pair.Item2, new ulong[2]));

    [Test] public void BigMulInALoop() =>
        Diff.Check(K.SumOfHighHalves, Lengths.Select(n => (Random(n, n), Random(n + 1000, n))));

    private static ulong[] Random(int seed, int length) => TestData.Longs(seed, length).Select(l => (ulong)l).ToArray();
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuMathOutFormTests(ExecutionTarget target) : MathOutFormTests(target);
