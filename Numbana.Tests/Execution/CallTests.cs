using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.CallKernels;

namespace Numbana.Tests.Execution;

/// <summary>Calls between static methods of the subset, and exceptions raised inside callees.</summary>
public abstract class CallTests(ExecutionTarget target) : ExecutionFixture(target)
{
    [Test] public void CalleeInALoop() => Diff.Check(K.SumOfSquares, TripCounts.Concat([46340, 46341]));
    [Test] public void CalleeResultAsArgument() => Diff.Check(K.Norm, Pairs(Doubles));
    [Test] public void IndexOutOfRangeInsideACalleeReachesTheCaller() =>
        Diff.Check(K.SumAt, from n in new[] { 0, 1, 4 } from i in Indices(n) from j in new[] { 0, n - 1, n, -1 }
                            select (TestData.IntsWithEdges(n, n), i, j));
    [Test] public void DivideByZeroInsideACalleeReachesTheCaller() =>
        Diff.Check(K.AverageBy, from n in new[] { 0, 1, 10 } from d in new[] { 0, 1, -1, 3, int.MinValue }
                                select (n == 0 ? [] : TestData.IntsWithEdges(n, n).Append(int.MinValue).ToArray(), d));
    [Test] public void VoidCalleeStoresThenTheCallerThrows() =>
        Diff.CheckVoid(K.FillThroughCallee, from n in new[] { 0, 3, 17 } from count in new[] { -1, 0, 3, 17, 18 }
                                            select (new double[n], count, 0.25));
    [Test] public void BoolCalleeInACondition() => Diff.Check(K.CountOdd, Lengths.Select(n => TestData.LongsWithEdges(n, n)));
    [Test] public void ThreeLevelsWithExceptionsAtTheBottom() => Diff.Check(K.Level1, Pairs(Ints));
    [Test] public void MathAbsOverflowInsideACalleeAfterStores() =>
        Diff.Check(K.NegateAll, new[] { Array.Empty<int>(), [1, -2, 3], [5, int.MinValue, 7], [int.MinValue], [int.MaxValue, -int.MaxValue] });
    [Test] public void ConvertedArguments() =>
        Diff.Check(K.MixedCallArguments, Triples(Ints, [0L, -3L, long.MaxValue, long.MinValue], [1.5f, float.NaN, -0f, float.MaxValue]));
    [Test] public void TwoVoidCallsOnTheSameArray() =>
        Diff.CheckVoid(K.IncrementTwice, from n in new[] { 1, 3 } from i in Indices(n) from j in new[] { 0, n - 1, n }
                                         select (TestData.LongsWithEdges(n, n), i, j));
    [Test] public void ShortCircuitInsideACallee() =>
        Diff.Check(K.CountBetween, from n in new[] { 0, 7, 100 } from lo in new[] { -1.0, double.NaN, double.NegativeInfinity }
                                   from hi in new[] { 1.0, double.NaN, 50.0 } select (TestData.DoublesWithEdges(n, n), lo, hi));
    /// <summary>The two calls give NaNs of opposite sign for a NaN input, and their sum keeps one of them: NaNs compare as NaNs.</summary>
    [Test] public void SixParameterCallee() => Diff.AnyNaNPayload.Check(K.CallsSix, Pairs(Ints, [0.0, -0.0, 1.5, double.NaN, 1e300]));
    [Test] public void NestedCallsAsArguments() => Diff.Check(K.NestedCallsAsArguments, Ints);
    [Test] public void OverflowInsideACallee() => Diff.Check(K.CallerOfOverflow, Pairs(Longs));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuCallTests(ExecutionTarget target) : CallTests(target);
