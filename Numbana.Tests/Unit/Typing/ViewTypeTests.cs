using Numbana.IR;
using Numbana.Runtime;
using Numbana.Typing;
using NUnit.Framework;

namespace Numbana.Tests.Unit.Typing;

/// <summary>The IR types of spans and multi-dimensional arrays: interning, names, the mapping from .NET types, verifier rules.</summary>
public class ViewTypeTests
{
    [Test]
    public void SpanAndMultiDimensionalTypesAreInterned()
    {
        var first = NType.SpanOf(NType.F64, readOnly: false);
        Assert.That(NType.SpanOf(NType.F64, false), Is.SameAs(first));
        Assert.That(NType.SpanOf(NType.F64, readOnly: true), Is.Not.SameAs(NType.SpanOf(NType.F64, readOnly: false)));
        var cube = NType.MultiDimensionalArrayOf(NType.I32, 3);
        Assert.That(NType.MultiDimensionalArrayOf(NType.I32, rank: 3), Is.SameAs(cube));
        Assert.That(NType.MultiDimensionalArrayOf(NType.I32, 2), Is.Not.SameAs(NType.MultiDimensionalArrayOf(NType.I32, 3)));
    }

    [Test]
    public void TheyPrintAsTheyAreWritten()
    {
        Assert.That(NType.SpanOf(NType.F32, readOnly: false).ToString(), Is.EqualTo("span<f32>"));
        Assert.That(NType.SpanOf(NType.Char, readOnly: true).ToString(), Is.EqualTo("readonlyspan<char>"));
        Assert.That(NType.MultiDimensionalArrayOf(NType.F64, 2).ToString(), Is.EqualTo("f64[,]"));
        Assert.That(NType.MultiDimensionalArrayOf(NType.U8, 3).ToString(), Is.EqualTo("u8[,,]"));
    }

    [Test]
    public void DotNetTypesMapToThem()
    {
        Assert.That(ClrTypes.TryMap(typeof(Span<double>), out _), Is.SameAs(NType.SpanOf(NType.F64, readOnly: false)));
        Assert.That(ClrTypes.TryMap(typeof(ReadOnlySpan<int>), out _), Is.SameAs(NType.SpanOf(NType.I32, readOnly: true)));
        Assert.That(ClrTypes.TryMap(typeof(double[,]), out _), Is.SameAs(NType.MultiDimensionalArrayOf(NType.F64, 2)));
        Assert.That(ClrTypes.TryMap(typeof(bool[,,]), out _), Is.SameAs(NType.MultiDimensionalArrayOf(NType.Bool, 3)));
        Assert.That(ClrTypes.TryMap(typeof(Span<long>).MakeByRefType(), out _), Is.SameAs(NType.ByRefOf(NType.SpanOf(NType.I64, readOnly: false))));
    }

    [Test]
    public void WhatHasNoFormSaysWhy()
    {
        Assert.That(ClrTypes.TryMap(typeof(double).MakeArrayType(1), out var whyNot), Is.Null);
        Assert.That(whyNot, Does.Contain("use a zero-based T[]"));
        Assert.That(ClrTypes.TryMap(typeof(string[,]), out whyNot), Is.Null);
        Assert.That(whyNot, Does.Contain("multi-dimensional arrays of string are not supported yet"));
        Assert.That(ClrTypes.TryMap(typeof(Span<DateTime>), out whyNot), Is.Null);
        Assert.That(whyNot, Does.Contain("spans of DateTime are not supported (the .NET struct DateTime is not supported"));
    }

    [Test]
    public void TheVerifierChecksOneIndexPerDimension()
    {
        var matrix = NType.MultiDimensionalArrayOf(NType.F64, 2);
        var function = new Function("f", null, [matrix, NType.I32], NType.F64);
        var entry = function.AddBlock(-1);
        var array = entry.AddParameter(matrix);
        var index = entry.AddParameter(NType.I32);
        var address = entry.Append(new MultiDimensionalElementAddressInstruction(array, [index], 0));
        entry.Append(new ReturnInstruction(entry.Append(new LoadInstruction(address, 1)), 2));
        var error = Assert.Throws<IrVerificationException>(() => Verifier.Verify(function))!;
        Assert.That(error.Message, Does.Contain("one index per dimension"));
    }

    [Test]
    public void TheVerifierChecksSliceOperands()
    {
        var span = NType.SpanOf(NType.I32, readOnly: false);
        var function = new Function("f", null, [span, NType.I64], NType.Void);
        var entry = function.AddBlock(-1);
        var value = entry.AddParameter(span);
        var start = entry.AddParameter(NType.I64);
        entry.Append(new SliceInstruction(value, start, null, ExceptionStatus.IndexOutOfRange, 0));
        entry.Append(new ReturnInstruction(null, 1));
        var error = Assert.Throws<IrVerificationException>(() => Verifier.Verify(function))!;
        Assert.That(error.Message, Does.Contain("a slice's start and length are i32"));
    }
}
