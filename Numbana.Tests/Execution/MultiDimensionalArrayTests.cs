using NUnit.Framework;
using K = Numbana.Tests.Execution.Kernels.MultiDimensionalArrayKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Multi-dimensional arrays (T[,], T[,,]) as parameters of the compiled method and of callees: row-major
/// element access, a[i, j] op= x, ref a[i, j], Length/Rank/GetLength/GetLowerBound/GetUpperBound, foreach,
/// and IndexOutOfRangeException per dimension after exactly the stores .NET makes.
/// </summary>
public abstract class MultiDimensionalArrayTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly (int Rows, int Columns)[] Shapes = [(0, 0), (0, 3), (3, 0), (1, 1), (2, 3), (3, 2), (5, 7), (16, 9)];

    /// <summary>A rows x columns array filled row-major from <paramref name="flat"/>.</summary>
    internal static T[,] Matrix<T>(T[] flat, int rows, int columns)
    {
        var result = new T[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                result[i, j] = flat[i * columns + j];
        return result;
    }

    private static double[,] Doubles(int seed, int rows, int columns) => Matrix(TestData.DoublesWithEdges(seed, rows * columns), rows, columns);

    [Test] public void ElementsAreReadRowMajor() =>
        Diff.Check(K.SumAll, Shapes.Select(s => Matrix(TestData.Doubles(s.Rows, s.Rows * s.Columns), s.Rows, s.Columns)));

    [Test] public void CompoundAssignmentGoesThroughAddress() =>
        Diff.CheckVoid(K.ScaleAndShift, from s in Shapes from scale in new[] { 0.0, -1.5, double.NaN } select (Doubles(s.Rows + s.Columns, s.Rows, s.Columns), scale));

    [Test] public void MatrixProductAndMismatchedShapes() =>
        Diff.CheckVoid(K.MatMul,
            from n in new[] { 0, 1, 3, 8 } from m in new[] { 0, 2, 5 } from p in new[] { 1, 4 } from bRows in new[] { m, m - 1 } from cColumns in new[] { p, p - 1 }
            where bRows >= 0 && cColumns >= 0
            select (Matrix(TestData.Doubles(n, n * m), n, m), Matrix(TestData.Doubles(m + 1, bRows * p), bRows, p), new double[n, cColumns]),
            fastMath: new Tolerance(1024, 1e-9)); // FastMath contracts a * b + c into FMA

    [Test] public void EveryDimensionIsBoundsChecked()
    {
        RequireBoundsCheck();
        var a = Matrix(TestData.IntsWithEdges(3, 12), 3, 4);
        Diff.Check(K.ReadAt, from i in new[] { 0, 2, 3, 4, -1, int.MinValue, int.MaxValue } from j in new[] { 0, 3, 4, -1, int.MaxValue } select (a, i, j));
        Diff.CheckVoid(K.WriteAt, from i in new[] { 0, 1, 2, -1, 12 } from j in new[] { 3, 4, -1, 6 } select (new long[2, 4], i, j, 5L));
    }

    [Test] public void InRangeReadsAndWrites()
    {
        var a = Matrix(TestData.IntsWithEdges(4, 12), 3, 4);
        Diff.Check(K.ReadAt, from i in Enumerable.Range(0, 3) from j in Enumerable.Range(0, 4) select (a, i, j));
        Diff.CheckVoid(K.WriteAt, from i in Enumerable.Range(0, 2) from j in Enumerable.Range(0, 4) select (new long[2, 4], i, j, long.MinValue));
    }

    [Test] public void WideIndices()
    {
        RequireBoundsCheck();
        var a = Doubles(9, 3, 4);
        Diff.Check(K.WideIndices, from i in new[] { 0L, 2, 3, -1, long.MaxValue, 1L << 32 } from j in new nint[] { 0, 3, 4, -1, nint.MinValue } select (a, i, j));
    }

    [Test] public void LengthsRankAndBounds()
    {
        RequireBoundsCheck(); // a dimension outside [0, rank) raises IndexOutOfRangeException
        Diff.Check(K.Shape, from s in Shapes from d in new[] { 0, 1, 2, -1, int.MinValue } select (new double[s.Rows, s.Columns], d));
        Diff.Check(K.ShapeOf3, from d in new[] { 0, 1, 2, 3, -1 } from shape in new[] { (2, 3, 4), (1, 0, 5), (4, 1, 1) }
                               select (new float[shape.Item1, shape.Item2, shape.Item3], d));
    }

    [Test] public void ThreeDimensions()
    {
        Diff.CheckVoid(K.Fill3, from shape in new[] { (0, 1, 1), (1, 1, 1), (2, 3, 4), (5, 1, 7) } from start in new[] { 0f, -1.5f }
                                select (new float[shape.Item1, shape.Item2, shape.Item3], start));
        var a = new float[3, 4, 5];
        for (var i = 0; i < 3; i++) for (var j = 0; j < 4; j++) for (var k = 0; k < 5; k++) a[i, j, k] = (i * 20 + j * 5 + k) * 0.37f;
        Diff.Check(K.Sum3, from i in new[] { 0, 2, -1 } from j in new[] { 0, 3, -1 } from k in new[] { 0, 4, -2 } select (a, i, j, k));
    }

    [Test] public void ForEachVisitsRowMajor() =>
        Diff.Check(K.ForEachWeighted, Shapes.Select(s => Doubles(s.Rows * 3 + s.Columns, s.Rows, s.Columns)));

    [Test] public void RefsToElements() =>
        Diff.Check(K.RefsToElements, from i in new[] { 0, 1, 2, 3 } from j in new[] { 0, 2, 3 } select (Matrix(TestData.Ints(i + j, 12, -1000, 1000), 3, 4), i, j));

    [Test] public void PassedToCallees() =>
        Diff.Check(K.TransposeAndSumRows, from s in Shapes from transposed in new[] { true, false }
                                          select (Doubles(s.Rows + 7, s.Rows, s.Columns), transposed ? new double[s.Columns, s.Rows] : new double[s.Rows, s.Columns]));

    [Test] public void EveryElementType()
    {
        var shapes = new[] { (0, 2), (1, 1), (3, 5) };
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new sbyte[] { 1, -128, 127 } select (Matrix(TestData.Ints(s.Item2, s.Item1 * s.Item2).Select(x => (sbyte)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new byte[] { 1, 255 } select (Matrix(TestData.Ints(s.Item2, s.Item1 * s.Item2).Select(x => (byte)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new short[] { 1, short.MinValue } select (Matrix(TestData.Ints(s.Item2, s.Item1 * s.Item2).Select(x => (short)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new ushort[] { 1, ushort.MaxValue } select (Matrix(TestData.Ints(s.Item2, s.Item1 * s.Item2).Select(x => (ushort)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new[] { 1, int.MaxValue } select (Matrix(TestData.IntsWithEdges(s.Item2, s.Item1 * s.Item2), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new[] { 1u, uint.MaxValue } select (Matrix(TestData.Ints(s.Item2, s.Item1 * s.Item2).Select(x => (uint)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new[] { 1L, long.MinValue } select (Matrix(TestData.LongsWithEdges(s.Item2, s.Item1 * s.Item2), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new[] { 1UL, ulong.MaxValue } select (Matrix(TestData.Longs(s.Item2, s.Item1 * s.Item2).Select(x => (ulong)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new nint[] { 1, nint.MinValue } select (Matrix(TestData.Longs(s.Item2, s.Item1 * s.Item2).Select(x => (nint)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new nuint[] { 1, nuint.MaxValue } select (Matrix(TestData.Longs(s.Item2, s.Item1 * s.Item2).Select(x => (nuint)x).ToArray(), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new[] { 0.5f, -3f } select (Matrix(TestData.Floats(s.Item2, s.Item1 * s.Item2), s.Item1, s.Item2), step));
        Diff.CheckVoid(K.AddDiagonalWeights, from s in shapes from step in new[] { 0.25, -1e300 } select (Matrix(TestData.Doubles(s.Item2, s.Item1 * s.Item2), s.Item1, s.Item2), step));
        Diff.Check(K.CountTrueAndFlip, shapes.Select(s => Matrix(TestData.Bools(s.Item2, s.Item1 * s.Item2), s.Item1, s.Item2)));
        Diff.Check(K.ShiftChars, from s in shapes from shift in new[] { 1, -1, 65535, 70000 }
                                 select (Matrix(TestData.Ints(s.Item1, s.Item1 * s.Item2, 0, 65536).Select(x => (char)x).ToArray(), s.Item1, s.Item2), shift));
    }

    [Test] public void InAParallelLoop() =>
        Diff.CheckVoid(K.ParallelRows, from s in new[] { (0, 3), (1, 1), (100, 7), (1000, 3) }
                                       select (Doubles(s.Item1, s.Item1, s.Item2), new double[s.Item1, s.Item2], 1.5));

    [Test] public void NewArraysReturnedToTheCaller() =>
        Diff.Check(K.Outer, from n in new[] { 0, 1, 3, 17 } from m in new[] { 0, 2, 5 } select (TestData.DoublesWithEdges(n, n), TestData.Doubles(m, m)));

    [Test] public void NewArraysAsTemporaries()
    {
        RequireBoundsCheck(); // rows == 0 reads cube[-1, 0, 1]
        Diff.Check(K.Scratch, from rows in new[] { 0, 1, 4, -1, int.MinValue } from columns in new[] { 0, 3, -5 } select (rows, columns));
        Diff.Check(K.Scratch, new[] { (int.MaxValue, 2), (2, int.MaxValue), (65536, 65536), (0, int.MaxValue) }); // above Array.MaxLength (in total or in one dimension): OutOfMemoryException, nothing allocated
    }

    [Test] public void AnArgumentReturnedAsItCameIsTheSameObject()
    {
        var compiled = Jit.Compile<Func<bool[,], bool, bool[,]>>(K.SameOrNew, Options);
        var a = new bool[2, 3];
        Assert.That(compiled(a, false), Is.SameAs(a));
        var fresh = compiled(a, true);
        Assert.That((fresh.GetLength(0), fresh.GetLength(1)), Is.EqualTo((3, 2)));
        Assert.That(fresh, Is.Not.SameAs(a));
    }

    [Test] public void NonZeroLowerBoundsAreRefusedAtTheCall()
    {
        var sum = Jit.Compile<Func<double[,], double>>(K.SumAll, Options);
        var shifted = (double[,])Array.CreateInstance(typeof(double), [2, 3], [1, 0]);
        var error = Assert.Throws<ArgumentException>(() => sum(shifted))!;
        Assert.That(error.ParamName, Is.EqualTo("a"));
        Assert.That(error.Message, Does.Contain("non-zero lower bound in dimension 0 (1)"));
        Assert.That(sum((double[,])Array.CreateInstance(typeof(double), [2, 3], [0, 0])), Is.EqualTo(K.SumAll(new double[2, 3])), "explicit zero lower bounds are fine");
        Assert.Throws<ArgumentNullException>(() => sum(null!));
    }

    [Test] public void ThroughJitFunctionInvokeAndAs()
    {
        var function = Jit.Compile(typeof(K).GetMethod(nameof(K.SumAll))!, Options);
        var a = Doubles(5, 4, 6);
        Assert.That(function.Invoke(a), Is.EqualTo(K.SumAll(a)));
        Assert.That(function.As<Func<double[,], double>>()(a), Is.EqualTo(K.SumAll(a)));
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuMultiDimensionalArrayTests(ExecutionTarget target) : MultiDimensionalArrayTests(target);
