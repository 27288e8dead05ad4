using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using static Numbana.Tests.Execution.PrimitiveEdges;
using K = Numbana.Tests.Execution.Kernels.CheckedKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// C#'s <c>checked</c>: arithmetic (add.ovf, sub.ovf, mul.ovf and the .un forms) and casts (conv.ovf.*
/// and .un) raise OverflowException exactly where .NET does, on every pair of edge values; casts from
/// floats throw on NaN and out-of-range values and otherwise truncate toward zero.
/// </summary>
public abstract class CheckedArithmeticTests(ExecutionTarget target) : ExecutionFixture(target)
{
    [Test] public void IntAddSubMul()
    {
        Diff.Check(K.AddInt, Pairs(Ints));
        Diff.Check(K.SubInt, Pairs(Ints));
        Diff.Check(K.MulInt, Pairs(Ints));
        Diff.Check(K.NegInt, Ints);
    }
    [Test] public void UIntAddSubMulAreUnsigned()
    {
        Diff.Check(K.AddUInt, Pairs(UInts));
        Diff.Check(K.SubUInt, Pairs(UInts));
        Diff.Check(K.MulUInt, Pairs(UInts));
    }
    [Test] public void LongAddSubMul()
    {
        Diff.Check(K.AddLong, Pairs(Longs));
        Diff.Check(K.SubLong, Pairs(Longs));
        Diff.Check(K.MulLong, Pairs(Longs));
    }
    [Test] public void ULongAddSubMulAreUnsigned()
    {
        Diff.Check(K.AddULong, Pairs(ULongs));
        Diff.Check(K.SubULong, Pairs(ULongs));
        Diff.Check(K.MulULong, Pairs(ULongs));
    }
    [Test] public void NativeIntegers()
    {
        Diff.Check(K.AddNInt, Pairs(NInts));
        Diff.Check(K.MulNInt, Pairs(NInts));
        Diff.Check(K.SubNUInt, Pairs(NUInts));
        Diff.Check(K.MulNUInt, Pairs(NUInts));
        Diff.Check(K.AddIntToNInt, Pairs(NInts, Ints));
    }
    [Test] public void SmallTypesOverflowOnTheNarrowingCast()
    {
        Diff.Check(K.AddBytes, Pairs(Bytes));
        Diff.Check(K.MulShorts, Pairs(Shorts));
        Diff.Check(K.MulIntsWidened, Pairs(Ints));
    }
    [Test] public void CheckedLoopThrowsAtTheSameIterationAndKeepsEarlierStores()
    {
        Diff.Check(K.Factorial, [-1, 0, 1, 2, 5, 12, 13, 14, 100]);
        Diff.CheckVoid(K.CheckedPrefixSums, [[], [1, 2, 3], [long.MaxValue, 0, 0], [1, long.MaxValue, 5], [long.MinValue, -1, 7], TestData.Longs(7, 40)]);
    }

    [Test] public void CastsFromInt()
    {
        Diff.Check(K.IntToSByte, Ints.Concat(Shorts.Select(s => (int)s)));
        Diff.Check(K.IntToByte, Ints.Concat(Shorts.Select(s => (int)s)));
        Diff.Check(K.IntToShort, Ints.Concat(UInts.Select(u => (int)u)));
        Diff.Check(K.IntToUShort, Ints.Concat(UInts.Select(u => (int)u)));
        Diff.Check(K.IntToChar, Ints.Concat(UInts.Select(u => (int)u)));
        Diff.Check(K.IntToUInt, Ints);
        Diff.Check(K.IntToULong, Ints);
        Diff.Check(K.IntToNUInt, Ints);
    }
    [Test] public void CastsFromUnsignedReadTheOperandAsUnsigned()
    {
        Diff.Check(K.UIntToInt, UInts);
        Diff.Check(K.UIntToByte, UInts);
        Diff.Check(K.UIntToSByte, UInts);
        Diff.Check(K.ULongToLong, ULongs);
        Diff.Check(K.ULongToInt, ULongs);
        Diff.Check(K.ULongToUInt, ULongs);
        Diff.Check(K.ULongToUShort, ULongs);
        Diff.Check(K.ULongToNInt, ULongs);
        Diff.Check(K.NUIntToNInt, NUInts);
        Diff.Check(K.ByteToSByte, Bytes);
        Diff.Check(K.UShortToShort, UShorts);
        Diff.Check(K.CharToShort, Chars);
    }
    [Test] public void CastsFromLongAndNInt()
    {
        Diff.Check(K.LongToInt, Longs);
        Diff.Check(K.LongToUInt, Longs);
        Diff.Check(K.LongToShort, Longs.Concat(Shorts.Select(s => (long)s)));
        Diff.Check(K.LongToULong, Longs);
        Diff.Check(K.NIntToInt, NInts);
        Diff.Check(K.NIntToNUInt, NInts);
        Diff.Check(K.SByteToByte, SBytes);
    }
    [Test] public void CastsFromDoubleThrowOnNaNAndOutOfRange()
    {
        Diff.Check(K.DoubleToInt, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToUInt, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToLong, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToULong, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToShort, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToByte, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToSByte, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToChar, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToNInt, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToNUInt, DoublesNearIntegerLimits);
    }
    [Test] public void CastsFromFloatThrowOnNaNAndOutOfRange()
    {
        Diff.Check(K.FloatToInt, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToUInt, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToLong, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToULong, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToUShort, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToSByte, FloatsNearIntegerLimits);
    }
    [Test] public void CheckedCastInALoop() =>
        Diff.Check(K.SumAsInts, Lengths.Select(n => TestData.Doubles(n, n, -1e9, 1e9)).Append([2e9, 2e9]).Append([double.NaN]));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuCheckedArithmeticTests(ExecutionTarget target) : CheckedArithmeticTests(target);
