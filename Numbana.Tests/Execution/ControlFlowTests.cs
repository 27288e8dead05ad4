using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.ControlFlowKernels;

namespace Numbana.Tests.Execution;

/// <summary>Branches, loops, ?:, early returns, short-circuit &amp;&amp; and ||.</summary>
public abstract class ControlFlowTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] Small = [-5, -1, 0, 1, 2, 3, 4, 5, 10, 17, 100];

    [Test] public void IfElseChain() => Diff.Check(K.Clamp, Triples(Ints, [-10, 0, int.MinValue], [10, 0, int.MaxValue, -20]));
    [Test] public void IfWithNaN() => Diff.Check(K.Sign, Doubles);
    [Test] public void ForLoop() => Diff.Check(K.SumTo, TripCounts);
    [Test] public void WhileLoop() => Diff.Check(K.SumDownWhile, TripCounts.Concat([46340, 46341, 100000]));
    [Test] public void DoWhileLoop() => Diff.Check(K.CountDigits, Ints);
    [Test] public void WhileWithTwoConditions() =>
        Diff.Check(K.CollatzSteps, Pairs(new long[] { -5, 0, 1, 2, 3, 7, 27, 97, 871, 1L << 40, long.MaxValue / 3, long.MinValue }, new[] { 0, 10, 1000 }));
    [Test] public void BreakAndContinue() => Diff.Check(K.BreakAndContinue, Pairs(TripCounts, [-1, 0, 5, 50, int.MaxValue]));
    [Test] public void ConditionalOperator()
    {
        Diff.Check(K.Max3, Triples(Ints));
        Diff.Check(K.MaxNaNAware, Pairs(Doubles));
    }
    [Test] public void EarlyReturnFromLoop() =>
        Diff.Check(K.FirstDivisor, Ints.Concat([49, 97, 221, 7919, 65537, 2147483629, 2147395600, 1000003]));
    [Test] public void NestedLoopsWithBreak() => Diff.Check(K.CountCoprimePairs, Pairs(Small));
    [Test] public void NestedLoopsWithEarlyReturn() => Diff.Check(K.NestedEarlyReturn, Pairs(Small, [-1, 0, 1, 6, 12, 99]));
    [Test] public void ShortCircuitAnd() => Diff.Check(K.InRange, Triples(Ints, [int.MinValue, -1, 0, 5], [int.MaxValue, 0, 5, -3]));
    [Test] public void ShortCircuitOrWithNaN() => Diff.Check(K.OutsideOrNaN, Triples(Doubles, [-1.0, double.NaN, double.NegativeInfinity], [1.0, double.NaN]));
    [Test] public void ShortCircuitSkipsTheDivision() => Diff.Check(K.QuotientAbove, Triples(Ints, [0, -1, 1, 3], [0, -1, int.MinValue]));
    [Test] public void ShortCircuitOrStillThrowsWhenEvaluated() => Diff.Check(K.ZeroOrQuotientSmall, Pairs(Ints));
    [Test] public void BoolReturningMethods()
    {
        Diff.Check(K.IsEven, Ints);
        Diff.Check(K.IsPowerOfTwo, Longs.Concat([1L << 62, 1L << 63, 3L << 40, 4096]));
        Diff.Check(K.CountEvens, TripCounts);
    }
    [Test] public void LoopWithDoubleCounter() =>
        Diff.Check(K.FloatLoopCount, Triples([0.0, -1.0, 1e16, double.NaN, double.NegativeInfinity], [1.0, 10.0, 1e16 + 4, double.PositiveInfinity, double.NaN], [0.1, 1.0, 0.5, -1.0, double.NaN]));
    [Test] public void GcdLoopIncludingOverflow() => Diff.Check(K.Gcd, Pairs(Longs));
    [Test] public void BoolParameterAndIfChain() => Diff.Check(K.PiecewiseWithBool, Pairs(Doubles, Bools));
    [Test] public void LoopConditionWithAndOr() => Diff.Check(K.LoopWithComplexCondition, Pairs(Small, Small));
    [Test] public void LocalsOfEveryTypeAcrossLoopsAndBranches() =>
        Diff.Check(K.LoopCarriedEveryType, Pairs(TripCounts.Concat([43, 44]).ToArray(), [0.0, -1.5, 1e300, double.NaN]), Tolerance.RelativeOf(1e-12));
    [Test] public void WhileTrueWithBreak() => Diff.Check(K.WhileTrueWithBreak, TripCounts.Concat([100000]));
    [Test] public void TernariesOfEveryType()
    {
        Diff.Check(K.TernaryOfFloats, Triples(Floats, [0f, -0f, float.NaN, 1f], Bools));
        Diff.Check(K.TernaryOfLongs, Pairs(Longs, Bools));
        Diff.Check(K.BoolFromComparisons, Triples(Doubles, [0.0, double.NaN, -1.0], [0, 1, -1]));
    }
    [Test] public void InductionVariablesThatWrap()
    {
        Diff.Check(K.WrappingInductionVariable, Pairs(new[] { int.MaxValue - 2, int.MaxValue, 0, -3 }, new[] { int.MinValue + 2, int.MinValue, 3, int.MaxValue }));
        Diff.Check(K.LoopEndsByOverflow, Pairs(new[] { int.MaxValue - 3, int.MaxValue, 1 << 30, 1 }, new[] { 1, 2, 1 << 29, 1 << 30, int.MaxValue }));
        // (no guard in this loop: every input must end within a few iterations under .NET too)
        Diff.Check(K.LongLoopEndsByOverflow, new[]
        {
            (long.MaxValue - 3, 1L), (long.MaxValue - 3, 2L), (long.MaxValue, 1L), (long.MaxValue, long.MaxValue),
            (1L << 62, 1L << 61), (1L << 62, long.MaxValue), (-5L, 1L), (0L, 1L),
        });
    }
    [Test] public void DoWhileWithBreakAndContinue() => Diff.Check(K.DoWhileBreakContinue, Longs);
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuControlFlowTests(ExecutionTarget target) : ControlFlowTests(target);
