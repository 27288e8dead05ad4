using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using static Numbana.Tests.Execution.PrimitiveEdges;
using K = Numbana.Tests.Execution.Kernels.PrimitiveTypeKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Every primitive type as a first-class type: sbyte, byte, short, ushort, char, uint, ulong, nint,
/// nuint and bool as parameters, locals, return values and array elements; their arithmetic,
/// division, comparisons, shifts and conversions (conv.r.un for the unsigned ones included), on every
/// pair of each type's edge values.
/// </summary>
public abstract class PrimitiveTypeTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] SmallShifts = [0, 1, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, -1, -33];

    [Test] public void ArithmeticNarrowsToTheType()
    {
        Diff.Check(K.ArithSByte, Pairs(SBytes));
        Diff.Check(K.ArithByte, Pairs(Bytes));
        Diff.Check(K.ArithShort, Pairs(Shorts));
        Diff.Check(K.ArithUShort, Pairs(UShorts));
        Diff.Check(K.ArithChar, Pairs(Chars));
        Diff.Check(K.ArithUInt, Pairs(UInts));
        Diff.Check(K.ArithULong, Pairs(ULongs));
        Diff.Check(K.ArithNInt, Pairs(NInts));
        Diff.Check(K.ArithNUInt, Pairs(NUInts));
        Diff.Check(K.NegateSmall, SBytes.Zip(Shorts, Bytes).Zip(UShorts).Select(t => (t.First.First, t.First.Second, t.First.Third, t.Second)));
    }
    [Test] public void DivisionByTypeIncludingByZero()
    {
        Diff.Check(K.DivSByte, Pairs(SBytes));
        Diff.Check(K.RemShort, Pairs(Shorts));
        Diff.Check(K.DivByte, Pairs(Bytes));
        Diff.Check(K.RemUShort, Pairs(UShorts));
        Diff.Check(K.DivUInt, Pairs(UInts));
        Diff.Check(K.RemUInt, Pairs(UInts));
        Diff.Check(K.DivULong, Pairs(ULongs));
        Diff.Check(K.RemULong, Pairs(ULongs));
        Diff.Check(K.DivNInt, Pairs(NInts));
        Diff.Check(K.RemNInt, Pairs(NInts));
        Diff.Check(K.DivNUInt, Pairs(NUInts));
        Diff.Check(K.DivChar, Pairs(Chars));
    }
    [Test] public void ComparisonsAreUnsignedForUnsignedTypes()
    {
        Diff.Check(K.CompareUInt, Pairs(UInts));
        Diff.Check(K.CompareULong, Pairs(ULongs));
        Diff.Check(K.CompareNUInt, Pairs(NUInts));
        Diff.Check(K.CompareNInt, Pairs(NInts));
        Diff.Check(K.CompareSByte, Pairs(SBytes));
        Diff.Check(K.CompareUShort, Pairs(UShorts));
        Diff.Check(K.CompareChar, Pairs(Chars));
        Diff.Check(K.UIntBranch, Pairs(UInts));
        Diff.Check(K.ULongLoopCount, ULongs);
    }
    [Test] public void BoolLogicAndLocals()
    {
        Diff.Check(K.BoolLogic, Triples(Bools));
        Diff.Check(K.BoolLocal, Pairs(Bools, Ints));
    }
    [Test] public void ShiftsOfUnsignedValuesAreLogical()
    {
        Diff.Check(K.ShrUInt, Pairs(UInts, SmallShifts));
        Diff.Check(K.ShrULong, Pairs(ULongs, SmallShifts));
        Diff.Check(K.ShlUShort, Pairs(UShorts, SmallShifts));
        Diff.Check(K.ShrSByte, Pairs(SBytes, SmallShifts));
        Diff.Check(K.ShrNUInt, Pairs(NUInts, SmallShifts));
    }
    [Test] public void UnsignedToFloatIsConvRUn()
    {
        Diff.Check(K.ULongToDouble, ULongs);
        Diff.Check(K.ULongToFloat, ULongs);
        Diff.Check(K.ULongThroughDoubleToFloat, ULongs);
        Diff.Check(K.LongThroughDoubleToFloat, Longs.Concat(ULongs.Select(u => (long)u)));
        Diff.Check(K.ULongThroughDoubleLocalToFloat, ULongs);
        Diff.Check(K.UIntToDouble, UInts);
        Diff.Check(K.UIntToFloat, UInts);
        Diff.Check(K.NUIntToDouble, NUInts);
        Diff.Check(K.NIntToFloat, NInts);
        Diff.Check(K.CharToDouble, Chars);
        Diff.Check(K.ByteToFloat, Bytes);
        Diff.Check(K.SByteToDouble, SBytes);
    }
    [Test] public void IntegerConversionsExtendByTheSourceAndTruncate()
    {
        Diff.Check(K.UIntToLong, UInts);
        Diff.Check(K.ULongToLong, ULongs);
        Diff.Check(K.ULongToInt, ULongs);
        Diff.Check(K.IntToULong, Ints);
        Diff.Check(K.UIntToULong, UInts);
        Diff.Check(K.UIntToNInt, UInts);
        Diff.Check(K.IntToNUInt, Ints);
        Diff.Check(K.NUIntToInt, NUInts);
        Diff.Check(K.CharToUShort, Chars);
        Diff.Check(K.IntToChar, Ints);
        Diff.Check(K.ShortToSByte, Shorts);
        Diff.Check(K.SByteToByte, SBytes);
        Diff.Check(K.UShortToShort, UShorts);
        Diff.Check(K.ByteToBool, Bytes);
        Diff.Check(K.BoolToByte, Bools);
    }
    [Test] public void FloatToEveryIntegerSaturates()
    {
        Diff.Check(K.DoubleToULong, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToUInt, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToByte, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToSByte, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToShort, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToUShort, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToChar, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToNInt, DoublesNearIntegerLimits);
        Diff.Check(K.DoubleToNUInt, DoublesNearIntegerLimits);
        Diff.Check(K.FloatToULong, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToUInt, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToByte, FloatsNearIntegerLimits);
        Diff.Check(K.FloatToUShort, FloatsNearIntegerLimits);
    }
    [Test] public void ArraysOfEveryElementType()
    {
        Diff.CheckVoid(K.ScaleSBytes, Lengths.Select(n => (Enumerable.Range(0, n).Select(i => (sbyte)(i * 37)).ToArray(), (sbyte)-3)));
        Diff.CheckVoid(K.ScaleUShorts, Lengths.Select(n => (Enumerable.Range(0, n).Select(i => (ushort)(i * 7919)).ToArray(), (ushort)40000)));
        Diff.CheckVoid(K.ShiftChars, Pairs(Lengths.Select(n => Enumerable.Range(0, n).Select(i => (char)(i * 331)).ToArray()).ToArray(), [1, -1, 65535, int.MinValue]));
        Diff.Check(K.SumUInts, Lengths.Select(n => TestData.Ints(n + 1, n).Select(i => (uint)i).ToArray()));
        Diff.Check(K.XorULongs, Lengths.Select(n => TestData.Longs(n + 2, n).Select(l => (ulong)l).ToArray()));
        Diff.Check(K.SumNInts, Lengths.Select(n => TestData.Longs(n + 3, n).Select(l => (nint)l).ToArray()));
        Diff.CheckVoid(K.HalveNUInts, Lengths.Select(n => TestData.Longs(n + 4, n).Select(l => (nuint)l).ToArray()));
        Diff.Check(K.CountTrue, Lengths.Select(n => TestData.Bools(n + 5, n)));
        Diff.CheckVoid(K.NegateBools, Lengths.Select(n => TestData.Bools(n + 6, n)));
        Diff.Check(K.MaxByte, Lengths.Select(n => TestData.Ints(n + 7, n, 0, 255).Select(i => (byte)i).ToArray()));
        Diff.CheckVoid(K.UIntToFloats, Lengths.Select(n => (TestData.Ints(n + 8, n).Select(i => (uint)i).ToArray(), new float[n])));
        Diff.CheckVoid(K.ULongToDoubles, Lengths.Select(n => (TestData.Longs(n + 9, n).Select(l => (ulong)l).ToArray(), new double[n])));
        Diff.Check(K.SumShortsInShort, Lengths.Select(n => TestData.Ints(n + 10, n, short.MinValue, short.MaxValue).Select(i => (short)i).ToArray()));
    }
    [Test] public void ArrayIndexOutOfRangeForSmallElementTypes()
    {
        RequireBoundsCheck();
        Diff.CheckVoid(K.UIntToFloats, [(new uint[] { 1, 2, 3 }, new float[2]), (new uint[] { uint.MaxValue }, new float[0])]);
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuPrimitiveTypeTests(ExecutionTarget target) : PrimitiveTypeTests(target);
