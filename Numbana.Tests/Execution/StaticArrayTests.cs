using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.StaticArrayKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// static readonly arrays of numbers: compiled code reads the .NET array itself (pinned), so writes into its
/// elements between calls are seen by the next call and writes from compiled code are seen by .NET; an
/// index out of its range raises IndexOutOfRangeException; callees and Prange bodies read it too.
/// </summary>
public abstract class StaticArrayTests(ExecutionTarget target) : ExecutionFixture(target)
{
    [Test] public void ReadByTheKernel() =>
        Diff.Check(K.WeightedSum, Lengths.Take(8).Select(n => TestData.Doubles(n, n, -4, 4)), fastMath: Tolerance.RelativeOf(1e-9));

    [Test] public void ReadByACalleeAndItsLengthComputedAtRunTime() =>
        Diff.Check(K.LookUp, Lengths.Take(10).Select(n => TestData.Ints(n, n, 0, K.Table.Length)));

    [Test] public void AnIndexOutOfItsRangeRaises()
    {
        RequireBoundsCheck();
        Diff.Check(K.LookUp, new int[][] { [K.Table.Length], [-1], [0, 1, K.Table.Length + 5] });
        Diff.Check(K.SumOfEmpty, Ints);
    }

    [Test] public void SmallElementTypes() => Diff.Check(K.SumOfBytes, Ints);

    [Test] public void WritesBetweenCallsAreSeenByTheNextCall()
    {
        var compiled = Jit.Compile<Func<float, float>>(K.SumOfMutable, Options);
        var original = (float[])K.Mutable.Clone();
        try
        {
            foreach (var value in new[] { 10f, -0.5f, 1e30f })
            {
                K.Mutable[1] = value;
                Assert.That(compiled(0.25f), Is.EqualTo(K.SumOfMutable(0.25f)), $"Mutable[1] = {value}");
            }
        }
        finally
        {
            original.CopyTo(K.Mutable, 0);
        }
    }

    [Test] public void WritesFromCompiledCodeAreSeenByDotNet()
    {
        var store = Jit.Compile<Action<int, float>>(K.StoreIntoMutable, Options);
        var original = (float[])K.Mutable.Clone();
        try
        {
            store(2, -7.5f);
            Assert.That(K.Mutable[2], Is.EqualTo(-7.5f));
            if (Options.BoundsCheck) Assert.Throws<IndexOutOfRangeException>(() => store(3, 1f));
            Assert.That(K.Mutable, Is.EqualTo(new[] { original[0], original[1], -7.5f }), "nothing else written");
        }
        finally
        {
            original.CopyTo(K.Mutable, 0);
        }
    }

    [Test] public void ReadByAPrangeBody() =>
        Diff.CheckVoid(K.ScaleByWeights, Lengths.Select(n => TestData.Doubles(n + 3, n)));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuStaticArrayTests(ExecutionTarget target) : StaticArrayTests(target);
