using NUnit.Framework;
using Numbana.Tests.Execution.Kernels;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.StructKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Blittable user structs: parameters, locals, array elements (ldelema, ldelem, stelem, a[i].X += v),
/// results, refs, constructors, instance methods and properties, record structs, layouts with padding,
/// Pack = 1 and explicit offsets, generic structs, and interface methods called on structs. Results and
/// arrays compare field by field, floats by their bits.
/// </summary>
public abstract class StructTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static Point[] Points(int seed, int n)
    {
        var xs = TestData.Doubles(seed, n, -100, 100);
        var ys = TestData.Doubles(seed + 1, n, -100, 100);
        return xs.Select((x, i) => new Point(x, ys[i])).ToArray();
    }

    private static IEnumerable<Point> EdgePoints() => Pairs(Doubles).Where((_, i) => i % 7 == 0).Select(p => new Point(p.Item1, p.Item2));

    [Test] public void AStructParameterAndAMutatedCopy() =>
        Diff.Check(K.ParameterAndCopy, Pairs(EdgePoints().ToArray(), [0.0, -0.0, 2.5, double.NaN, -1e300]));

    /// <remarks>
    /// Any NaN payload: LLVM folds <c>x + 2 * -y</c> into <c>x - 2 * y</c>, which keeps a NaN's sign where
    /// RyuJIT's negation flips it (see <see cref="Tolerance.AnyNaN"/>).
    /// </remarks>
    [Test] public void ConstructorsOperatorsAndAStructResult() => Diff.AnyNaNPayload.Check(K.Combine, Pairs(Doubles));

    [Test] public void FieldsOfArrayElementsInPlace()
    {
        foreach (var n in Lengths.Take(12))
            Diff.CheckVoid(K.ScaleElements, from count in new[] { 0, n / 2, n, n + 1 } from f in new[] { 2.0, -0.0, double.NaN }
                                            select (Points(n, n), count, f));
    }

    [Test] public void ElementCopies() => Diff.Check(K.SumOfProducts, Lengths.Select(n => Points(n, n)), SumTolerance);

    /// <summary>FastMath reassociates a long sum: compare within a relative error instead of ULPs.</summary>
    private static readonly Tolerance SumTolerance = Tolerance.RelativeOf(1e-12);

    [Test] public void CopiesHaveValueSemantics() => Diff.CheckVoid(K.CopiesAreValues, Lengths.Take(8).Select(n => Points(n, n)));

    [Test] public void StoringNewAndDefaultStructs() => Diff.CheckVoid(K.Fill, from n in Lengths.Take(10) from x in new[] { 1.5, -0.0 } select (Points(n, n), x));

    [Test] public void RecordStructsWithNestedStructsAndPadding()
    {
        Particle[] Make(int n) => Points(n, n).Select((p, i) => new Particle(p, new Point(i, -i), i * 0.25f, i % 4 != 1)).ToArray();
        Diff.CheckVoid(K.Step, from n in Lengths.Take(12) from dt in new[] { 0.5, -0.0, double.PositiveInfinity } select (Make(n), dt));
    }

    [Test] public void ByteFieldsAndAThreeByteStride() =>
        Diff.Check(K.Luma, Lengths.Take(14).Select(n => TestData.Ints(n, n, 0, 256).Select(v => new Pixel((byte)v, (byte)(v * 7), (byte)(v >> 1))).ToArray()));

    [Test] public void PackedStructsWithMisalignedDoubles() =>
        Diff.Check(K.PackedSum, Lengths.Take(14).Select(n => TestData.Doubles(n, n).Select((v, i) => new Packed { Tag = (byte)(i * 37), Value = v }).ToArray()), SumTolerance);

    [Test] public void ExplicitLayoutWithoutOverlap() =>
        Diff.Check(K.ExplicitFields, Lengths.Take(12).Select(n => TestData.Longs(n, n).Select((v, i) => new Explicit { A = i * 3, B = v, C = (char)(0xFFFE + i) }).ToArray()));

    [Test] public void SmallFieldTypesWrap() =>
        Diff.Check(K.MixedFields, from delta in new[] { 0, 1, -1, 200, int.MaxValue, int.MinValue }
                                  from m in new[]
                                  {
                                      default,
                                      new Mixed { Flag = true, Letter = '\uffff', Small = sbyte.MinValue, Short = short.MaxValue, Unsigned = 0, Bits = uint.MaxValue, Native = nint.MaxValue },
                                      new Mixed { Letter = 'a', Small = 127, Short = -3, Unsigned = 65535, Bits = 12345, Native = nint.MinValue },
                                  }
                                  select (m, delta));

    [Test] public void RefOutAndInOfStructs() =>
        Diff.AnyNaNPayload.Check(K.RefOutIn, from n in new[] { 0, 1, 2, 5 } from x in new[] { 1.0, -2.5, double.NaN } select (Points(n, n), x));

    [Test] public void ARefStructParameterOfTheEntry()
    {
        var compiled = Jit.Compile<K.ScaleThroughRef>(K.ScaleInPlace, Options);
        foreach (var (p, f) in new[] { (new Point(1, 2), 3.0), (new Point(-0.0, double.NaN), -1.0), (new Point(1e300, 1e-300), 1e10) })
        {
            Point expectedPoint = p, actualPoint = p;
            var expected = K.ScaleInPlace(ref expectedPoint, f);
            var actual = compiled(ref actualPoint, f);
            Assert.That(Values.Same(expected, actual, Tolerance.Exact) && Values.Same(expectedPoint, actualPoint, Tolerance.Exact), Is.True,
                $"ScaleInPlace(ref ({p.X}, {p.Y}), {f}): expected {expected} ({expectedPoint.X}, {expectedPoint.Y}), actual {actual} ({actualPoint.X}, {actualPoint.Y})");
        }
        var array = Points(3, 3);
        var copy = (Point[])array.Clone();
        compiled(ref array[1], 2.0);
        K.ScaleInPlace(ref copy[1], 2.0);
        Assert.That(Values.Same(array, copy, Tolerance.Exact), Is.True, "a ref to an array element of the caller is written");
    }

    [Test] public void GenericStructs() =>
        Diff.Check(K.Sorted, Pairs(Options.FastMath ? Finite(Doubles).ToArray() : Doubles).Select(p => new Pair<double> { First = p.Item1, Second = p.Item2 }));

    [Test] public void InterfaceMethodsOnStructsWithoutBoxing() =>
        Diff.Check(K.TotalArea, Lengths.Take(10).Select(n => TestData.Doubles(n, n).Select(v => new Rectangle { Width = v, Height = 1 - v }).ToArray()));

    [Test] public void MathSinCosReturnsATuple()
    {
        Diff.Check(K.SinCos, Options.FastMath ? Finite(Doubles) : Doubles.Concat(TestData.Doubles(3, 200, -1e6, 1e6)));
        Diff.Check(K.SinCosFloat, Options.FastMath ? Finite(Floats) : Floats.Concat(TestData.Floats(3, 200, -1e4f, 1e4f)));
    }

    [Test] public void MathDivRemReturnsATuple()
    {
        Diff.Check(K.DivRemInt, Pairs(Ints));
        Diff.Check(K.DivRemUnsignedLong, Pairs(Longs).Select(p => ((ulong)p.Item1, (ulong)p.Item2)));
    }

    [Test] public void TuplesAsResultsLocalsAndArguments()
    {
        Diff.Check(K.MinAndIndex, Lengths.Select(n => TestData.Doubles(n, n)));
        Diff.Check(K.TupleArguments, Pairs(Ints, Longs));
    }

    /// <summary>JitFunction's Invoke(object[]) unboxes struct arguments and boxes a struct result; As&lt;TDelegate&gt; passes them directly.</summary>
    [Test] public void StructsThroughJitFunctionInvokeAndAs()
    {
        var combine = Jit.Compile(typeof(K).GetMethod(nameof(K.Combine))!, Options);
        var copy = Jit.Compile(typeof(K).GetMethod(nameof(K.ParameterAndCopy))!, Options);
        var typed = copy.As<Func<Point, double, double>>();
        var tolerance = Options.FastMath ? Tolerance.FastMathDefault : Tolerance.Exact;
        foreach (var (x, y) in Options.FastMath ? new[] { (1.0, 2.0), (0.1, 1e100), (-7.25, -3.5) } : [(1.0, 2.0), (-0.0, 1e300), (double.MaxValue, -3.5)])
        {
            Assert.That(Values.Same(K.Combine(x, y), combine.Invoke(x, y), tolerance), Is.True, $"Combine({x}, {y}) through Invoke");
            var p = new Point(x, y);
            Assert.That(Values.Same(K.ParameterAndCopy(p, 3), copy.Invoke(p, 3.0), tolerance), Is.True, $"ParameterAndCopy(({x}, {y}), 3) through Invoke");
            Assert.That(Values.Same(K.ParameterAndCopy(p, -2), typed(p, -2), tolerance), Is.True, $"ParameterAndCopy(({x}, {y}), -2) through As");
        }
    }

    [Test] public void NestedFieldAddressesOnArrayElements()
    {
        Body[] Make(int n) => Points(n, n).Select((p, i) => new Body { Position = p, Velocity = new Point(i, 1 - i), Steps = i }).ToArray();
        Diff.Check(K.Advance, from n in Lengths.Take(12) from dt in new[] { 0.5, -0.0 } select (Make(n), dt), SumTolerance);
    }

    [Test] public void PrangeOverAnArrayOfStructs() =>
        Diff.CheckVoid(K.ParallelAxpy, from n in Lengths from a in new[] { 2.0, -0.5 } select (Points(n, n), a, new Point(0.5, -1)));

    /// <summary>NaN fields compare equal under a record's Equals, -0.0 equals +0.0; every field takes part.</summary>
    [Test] public void RecordStructEquality()
    {
        var values = new[] { 0.0, -0.0, 1.0, double.NaN, -double.NaN, double.PositiveInfinity };
        var samples = (from v in values from c in new[] { 0, -1 } from f in new[] { false, true } from w in new[] { 0f, float.NaN }
                       select new Sample(v, c, f, w)).ToArray();
        Diff.Check(K.CountEqual, Options.FastMath
            ? samples.Where(s => double.IsFinite(s.Value) && float.IsFinite(s.Weight)).Take(8).Select(p => (samples.Where(s => double.IsFinite(s.Value) && float.IsFinite(s.Weight)).ToArray(), p))
            : samples.Select(p => (samples, p)));
    }

    /// <summary>new S[n]: zeroed arrays on the pinned heap, returned as ordinary arrays; a negative n raises OverflowException.</summary>
    [Test] public void NewArraysOfStructs()
    {
        Diff.Check(K.MakePoints, from n in new[] { 0, 1, 3, 17, 1000, -1, int.MinValue } from x in new[] { 1.5, -0.0 } select (n, x));
        Diff.Check(K.TemporaryStructArrays, new[] { 0, 1, 5, 100, -3 });
    }

    [Test] public void AStructArgumentBesideAnArray() =>
        Diff.CheckVoid(K.Axpy, from n in Lengths from a in new[] { 2.0, -0.0 } select (Points(n, n), a, new Point(0.5, -1)));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuStructTests(ExecutionTarget target) : StructTests(target);
