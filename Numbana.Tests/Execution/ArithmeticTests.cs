using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.ArithmeticKernels;

namespace Numbana.Tests.Execution;

/// <summary>Arithmetic, bitwise, shifts, comparisons and bool logic on every pair of edge values.</summary>
public abstract class ArithmeticTests(ExecutionTarget target) : ExecutionFixture(target)
{
    // ---- int ----
    [Test] public void IntAdd() => Diff.Check(K.AddInt, Pairs(Ints));
    [Test] public void IntSub() => Diff.Check(K.SubInt, Pairs(Ints));
    [Test] public void IntMul() => Diff.Check(K.MulInt, Pairs(Ints));
    [Test] public void IntDivIncludingByZeroAndMinValueByMinusOne() => Diff.Check(K.DivInt, Pairs(Ints));
    [Test] public void IntRemIncludingByZeroAndMinValueByMinusOne() => Diff.Check(K.RemInt, Pairs(Ints));
    [Test] public void IntNeg() => Diff.Check(K.NegInt, Ints);
    [Test] public void IntAnd() => Diff.Check(K.AndInt, Pairs(Ints));
    [Test] public void IntOr() => Diff.Check(K.OrInt, Pairs(Ints));
    [Test] public void IntXor() => Diff.Check(K.XorInt, Pairs(Ints));
    [Test] public void IntNot() => Diff.Check(K.NotInt, Ints);
    [Test] public void IntShl() => Diff.Check(K.ShlInt, Pairs(Ints, ShiftCounts));
    [Test] public void IntShr() => Diff.Check(K.ShrInt, Pairs(Ints, ShiftCounts));
    [Test] public void IntShrUnsigned() => Diff.Check(K.ShrUnInt, Pairs(Ints, ShiftCounts));
    [Test] public void IntShiftsByConstants()
    {
        Diff.Check(K.ShlIntConst, Ints);
        Diff.Check(K.ShrIntConst, Ints);
        Diff.Check(K.ShrUnIntConst, Ints);
    }
    [Test] public void IntUncheckedWraps() => Diff.Check(K.UncheckedMulInt, Pairs(Ints));
    [Test] public void IntThreeOperands() => Diff.Check(K.MulAddInt, Triples(Ints));
    [Test] public void IntFourOperands() =>
        Diff.Check(K.MixInt, Triples(Ints).SelectMany(t => new[] { 0, -1, 5, int.MinValue }.Select(d => (t.Item1, t.Item2, t.Item3, d))));
    [Test] public void IntDivisionByConstants()
    {
        Diff.Check(K.DivConstInt, Ints);
        Diff.Check(K.RemConstInt, Ints);
        Diff.Check(K.DivByMinusOneInt, Ints);
    }

    // ---- long ----
    [Test] public void LongAdd() => Diff.Check(K.AddLong, Pairs(Longs));
    [Test] public void LongSub() => Diff.Check(K.SubLong, Pairs(Longs));
    [Test] public void LongMul() => Diff.Check(K.MulLong, Pairs(Longs));
    [Test] public void LongDivIncludingByZeroAndMinValueByMinusOne() => Diff.Check(K.DivLong, Pairs(Longs));
    [Test] public void LongRemIncludingByZeroAndMinValueByMinusOne() => Diff.Check(K.RemLong, Pairs(Longs));
    [Test] public void LongNeg() => Diff.Check(K.NegLong, Longs);
    [Test] public void LongAnd() => Diff.Check(K.AndLong, Pairs(Longs));
    [Test] public void LongOr() => Diff.Check(K.OrLong, Pairs(Longs));
    [Test] public void LongXor() => Diff.Check(K.XorLong, Pairs(Longs));
    [Test] public void LongNot() => Diff.Check(K.NotLong, Longs);
    [Test] public void LongShl() => Diff.Check(K.ShlLong, Pairs(Longs, ShiftCounts));
    [Test] public void LongShr() => Diff.Check(K.ShrLong, Pairs(Longs, ShiftCounts));
    [Test] public void LongShrUnsigned() => Diff.Check(K.ShrUnLong, Pairs(Longs, ShiftCounts));
    [Test] public void LongShiftByConstant() => Diff.Check(K.ShlLongConst, Longs);
    [Test] public void LongUncheckedWraps() => Diff.Check(K.UncheckedMulLong, Pairs(Longs));
    [Test] public void LongThreeOperands() => Diff.Check(K.MulAddLong, Triples(Longs));
    [Test] public void IntPlusLongSignExtends() => Diff.Check(K.AddMixed, Pairs(Ints, Longs));
    [Test] public void LongRemByNegativeConstant() => Diff.Check(K.RemConstLong, Longs);

    // ---- float ----
    [Test] public void FloatAdd() => Diff.Check(K.AddFloat, Pairs(Floats));
    [Test] public void FloatSub() => Diff.Check(K.SubFloat, Pairs(Floats));
    [Test] public void FloatMul() => Diff.Check(K.MulFloat, Pairs(Floats));
    [Test] public void FloatDivIncludingByZero() => Diff.Check(K.DivFloat, Pairs(Floats));
    [Test] public void FloatRemainderIsFmod() => Diff.Check(K.RemFloat, Pairs(Floats));
    [Test] public void FloatNeg() => Diff.Check(K.NegFloat, Floats);

    // ---- double ----
    [Test] public void DoubleAdd() => Diff.Check(K.AddDouble, Pairs(Doubles));
    [Test] public void DoubleSub() => Diff.Check(K.SubDouble, Pairs(Doubles));
    [Test] public void DoubleMul() => Diff.Check(K.MulDouble, Pairs(Doubles));
    [Test] public void DoubleDivIncludingByZero() => Diff.Check(K.DivDouble, Pairs(Doubles));
    [Test] public void DoubleRemainderIsFmod() => Diff.Check(K.RemDouble, Pairs(Doubles));
    [Test] public void DoubleNeg() => Diff.Check(K.NegDouble, Doubles);
    [Test] public void DoubleZeroMinusIsNotNegation() => Diff.Check(K.SubFromZero, Doubles);
    [Test] public void DoubleMultiplyAddIsNotFused()
    {
        RequireExactFloats(); // fast math allows contraction into fma
        Diff.Check(K.MulAddDouble, Triples(Doubles).Concat(FusionWitnesses()));
    }
    [Test] public void DoubleFourOperands() =>
        Diff.Check(K.MixDouble, Triples(Doubles).Select(t => (t.Item1, t.Item2, t.Item3, 0.75)));

    /// <summary>Inputs where a fused multiply-add gives a different result from multiply then add.</summary>
    private static IEnumerable<(double, double, double)> FusionWitnesses()
    {
        var x = TestData.Doubles(11, 300);
        for (var i = 0; i < 100; i++)
        {
            yield return (x[i], x[i + 100], x[i + 200]);
            yield return (x[i], x[i], -(x[i] * x[i])); // fma gives the rounding error of x*x, not 0
        }
        yield return (1.0 + Math.Pow(2, -30), 1.0 - Math.Pow(2, -30), -1.0);
    }

    // ---- comparisons ----
    [Test] public void IntComparisons()
    {
        Diff.Check(K.EqInt, Pairs(Ints)); Diff.Check(K.NeInt, Pairs(Ints)); Diff.Check(K.LtInt, Pairs(Ints));
        Diff.Check(K.LeInt, Pairs(Ints)); Diff.Check(K.GtInt, Pairs(Ints)); Diff.Check(K.GeInt, Pairs(Ints));
    }
    [Test] public void LongComparisons()
    {
        Diff.Check(K.EqLong, Pairs(Longs)); Diff.Check(K.NeLong, Pairs(Longs)); Diff.Check(K.LtLong, Pairs(Longs));
        Diff.Check(K.LeLong, Pairs(Longs)); Diff.Check(K.GtLong, Pairs(Longs)); Diff.Check(K.GeLong, Pairs(Longs));
    }
    [Test] public void FloatComparisonsIncludingNaN()
    {
        Diff.Check(K.EqFloat, Pairs(Floats)); Diff.Check(K.NeFloat, Pairs(Floats)); Diff.Check(K.LtFloat, Pairs(Floats));
        Diff.Check(K.LeFloat, Pairs(Floats)); Diff.Check(K.GtFloat, Pairs(Floats)); Diff.Check(K.GeFloat, Pairs(Floats));
    }
    [Test] public void DoubleComparisonsIncludingNaN()
    {
        Diff.Check(K.EqDouble, Pairs(Doubles)); Diff.Check(K.NeDouble, Pairs(Doubles)); Diff.Check(K.LtDouble, Pairs(Doubles));
        Diff.Check(K.LeDouble, Pairs(Doubles)); Diff.Check(K.GtDouble, Pairs(Doubles)); Diff.Check(K.GeDouble, Pairs(Doubles));
    }
    [Test] public void NaNIsTheOnlyValueNotEqualToItself()
    {
        RequireExactFloats();
        Diff.Check(K.IsNaNByHand, Doubles);
    }
    [Test] public void DoubleComparisonBranchesIncludingNaN()
    {
        Diff.Check(K.BranchLtDouble, Pairs(Doubles)); Diff.Check(K.BranchLeDouble, Pairs(Doubles));
        Diff.Check(K.BranchGtDouble, Pairs(Doubles)); Diff.Check(K.BranchGeDouble, Pairs(Doubles));
        Diff.Check(K.BranchEqDouble, Pairs(Doubles)); Diff.Check(K.BranchNeDouble, Pairs(Doubles));
        Diff.Check(K.BranchNotLtDouble, Pairs(Doubles)); Diff.Check(K.BranchNotGeDouble, Pairs(Doubles));
    }
    [Test] public void FloatComparisonBranchesIncludingNaN()
    {
        Diff.Check(K.BranchLtFloat, Pairs(Floats)); Diff.Check(K.BranchNotLeFloat, Pairs(Floats));
        Diff.Check(K.BranchNotGtFloat, Pairs(Floats)); Diff.Check(K.BranchEqFloat, Pairs(Floats));
    }
    [Test] public void IntegerComparisonBranches()
    {
        Diff.Check(K.BranchLtInt, Pairs(Ints));
        Diff.Check(K.BranchGeLong, Pairs(Longs));
    }

    [Test] public void MoreDivisionsByConstants()
    {
        Diff.Check(K.DivByConstants, Ints.Concat(TestData.Ints(21, 500)));
        Diff.Check(K.DivByConstantsLong, Longs.Concat(TestData.Longs(22, 500)));
    }
    [Test] public void TheConstantMinusOne()
    {
        Diff.Check(K.MinusOneConstant, Ints);
        Diff.Check(K.MinusOneConstantLong, Longs);
    }
    [Test] public void ShiftCountsFromExpressions()
    {
        Diff.Check(K.ShiftByLongDerivedCount, Pairs(Longs, [0L, 1L, 63L, 64L, 65L, -1L, long.MinValue, 0x1_0000_0001L]));
        Diff.Check(K.ShiftBySum, Triples(Ints, [0, 1, 31, 32, -1], [0, 1, 33, -32]));
    }

    [Test] public void ConstantsInEveryForm()
    {
        Diff.Check(K.IntConstants, Ints);
        Diff.Check(K.LongConstants, Longs);
        Diff.Check(K.DoubleConstants, Pairs(Doubles, [0, 1, 2, 3, 4, 5, 6, 7, 8]));
        Diff.Check(K.FloatConstants, Pairs(Floats, [0, 1, 2, 3, 4, 5, 6]));
    }
    [Test] public void ChainedAssignmentsAndIncrements() => Diff.Check(K.ChainedAssignment, Pairs(Ints));

    // ---- bool ----
    [Test] public void BoolOperators()
    {
        Diff.Check(K.AndBool, Pairs(Bools)); Diff.Check(K.OrBool, Pairs(Bools)); Diff.Check(K.XorBool, Pairs(Bools));
        Diff.Check(K.NotBool, Bools); Diff.Check(K.EqBool, Pairs(Bools));
    }
    [Test] public void BoolExpressions()
    {
        Diff.Check(K.BoolExpression, Triples(Bools));
        Diff.Check(K.BoolToInt, Pairs(Bools));
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuArithmeticTests(ExecutionTarget target) : ArithmeticTests(target);
