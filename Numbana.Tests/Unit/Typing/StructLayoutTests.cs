using System.Runtime.CompilerServices;
using NUnit.Framework;
using Numbana.IR;
using Numbana.Tests.Diagnostics;
using Numbana.Tests.Execution.Kernels;
using Numbana.Typing;

namespace Numbana.Tests.Unit.Typing;

/// <summary>Struct layouts come from the running CLR: offsets and sizes as .NET itself reports them.</summary>
public class StructLayoutTests
{
    private static StructType Map<T>() where T : struct =>
        ClrTypes.TryMap(typeof(T), out var whyNot) as StructType ?? throw new AssertionException($"{typeof(T).Name} has no struct form: {whyNot}");

    private static int OffsetOf<TStruct, TField>(ref TStruct value, ref TField field) where TStruct : struct =>
        (int)Unsafe.ByteOffset(ref Unsafe.As<TStruct, byte>(ref value), ref Unsafe.As<TField, byte>(ref field));

    [Test]
    public void PackOneGivesAMisalignedDoubleAndANineByteStride()
    {
        var packed = Map<Packed>();
        Assert.That(packed.Size, Is.EqualTo(Unsafe.SizeOf<Packed>()).And.EqualTo(9));
        Assert.That(packed.Fields.Select(f => (f.Name, f.Offset)), Is.EqualTo(new[] { ("Tag", 0), ("Value", 1) }));
    }

    [Test]
    public void ExplicitOffsetsAreKeptAndFieldsSortedByOffset()
    {
        var type = Map<Explicit>();
        Assert.That(type.Fields.Select(f => (f.Name, f.Offset)), Is.EqualTo(new[] { ("B", 0), ("A", 8), ("C", 12) }));
        Assert.That(type.Size, Is.EqualTo(Unsafe.SizeOf<Explicit>()));
    }

    [Test]
    public void AutoLayoutTuplesUseTheRuntimesOffsets()
    {
        var tuple = (Item1: (byte)1, Item2: 2.0, Item3: (short)3);
        var type = Map<(byte, double, short)>();
        Assert.That(type.FieldNamed("Item1")!.Offset, Is.EqualTo(OffsetOf(ref tuple, ref tuple.Item1)));
        Assert.That(type.FieldNamed("Item2")!.Offset, Is.EqualTo(OffsetOf(ref tuple, ref tuple.Item2)));
        Assert.That(type.FieldNamed("Item3")!.Offset, Is.EqualTo(OffsetOf(ref tuple, ref tuple.Item3)));
        Assert.That(type.Size, Is.EqualTo(Unsafe.SizeOf<(byte, double, short)>()));
    }

    [Test]
    public void NestedStructsAndTypesAreInterned()
    {
        var particle = Map<Particle>();
        Assert.That(particle.Fields[0].Type, Is.SameAs(Map<Point>()));
        Assert.That(Map<Particle>(), Is.SameAs(particle));
        Assert.That(NType.ArrayOf(particle), Is.SameAs(ClrTypes.TryMap(typeof(Particle[]), out _)));
        Assert.That(particle.Size, Is.EqualTo(Unsafe.SizeOf<Particle>()));
    }

    [TestCase(typeof(StructWithAnArray), "has field 'Data' of type double[], a reference")]
    [TestCase(typeof(FloatBits), "fields that overlap")]
    [TestCase(typeof(WithEnum), "an enum")]
    [TestCase(typeof(decimal), "the .NET struct decimal is not supported")]
    [TestCase(typeof(DateTime), "the .NET struct DateTime is not supported")]
    [TestCase(typeof(WithDecimal), "has field 'Amount' of type decimal, a .NET struct")]
    public void NonBlittableStructsAreRejectedWithTheReason(Type type, string reason)
    {
        Assert.That(ClrTypes.TryMap(type, out var whyNot), Is.Null);
        Assert.That(whyNot, Does.Contain(reason));
    }

    public struct WithDecimal
    {
        public decimal Amount;
    }

    public struct WithEnum
    {
        public DayOfWeek Day;
    }
}
