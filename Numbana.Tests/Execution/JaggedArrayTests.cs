using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.JaggedArrayKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Jagged arrays (T[][], T[][][]) as parameters and passed to callees: rows as locals, element loads and stores,
/// both lengths, foreach, rows of different lengths, empty and null rows (NullReferenceException at the use, as
/// .NET), and bounds checks on both levels (IndexOutOfRangeException after exactly .NET's stores). The differential
/// harness copies every row, so the rows' contents after the call are compared too.
/// </summary>
public abstract class JaggedArrayTests(ExecutionTarget target) : ExecutionFixture(target)
{
    /// <summary>Row shapes: none, one empty row, ragged rows, a square, and rows with a null among them (null = -1).</summary>
    private static readonly int[][] Shapes =
    [
        [], [0], [1], [3, 0, 5], [4, 4, 4, 4], [2, 7, 1, 0, 9], [17, 3], [3, -1, 2], [-1], [0, -1],
    ];

    private static T[][] Jagged<T>(int[] shape, Func<int, int, T> element) =>
        shape.Select((length, i) => length < 0 ? null! : Enumerable.Range(0, length).Select(j => element(i, j)).ToArray()).ToArray();

    private static double[][] Doubles(int[] shape) => Jagged(shape, (i, j) => DoubleValues[(i * 7 + j) % DoubleValues.Length]);

    private static readonly double[] DoubleValues = [1.5, -0.0, 0.1, double.NaN, -3.25, double.Epsilon, 1e300, double.NegativeInfinity, 2.0 / 3, 7];

    private static IEnumerable<(T[][], int, int)> Probes<T>(Func<int[], T[][]> make) =>
        from shape in Shapes
        from i in Indices(shape.Length)
        from j in new[] { 0, 1, 2, -1, 4, 16, int.MaxValue, int.MinValue }
        select (make(shape), i, j);

    [Test] public void LoadAtEveryIndexOfBothLevels() => Diff.Check(K.Load, Probes(Doubles));
    [Test] public void LoadBoolAndChar()
    {
        Diff.Check(K.LoadBool, Probes(shape => Jagged(shape, (i, j) => (i + j) % 3 == 0)));
        Diff.Check(K.LoadChar, Probes(shape => Jagged(shape, (i, j) => (char)(0xFFF0 + i + j))));
    }

    [Test] public void StoreAtEveryIndexOfBothLevels() =>
        Diff.CheckVoid(K.Store, from p in Probes(shape => Jagged(shape, (i, j) => i - j)) from v in new[] { 0, -1, int.MinValue } select (p.Item1, p.Item2, p.Item3, v));

    [Test] public void StoreByteTruncates() =>
        Diff.CheckVoid(K.StoreByte, from p in Probes(shape => Jagged(shape, (i, j) => (byte)(i + j))) from v in new[] { 255, 256, -1 } select (p.Item1, p.Item2, p.Item3, v));

    [Test] public void CompoundAssignment()
    {
        Diff.CheckVoid(K.AddAssign, from p in Probes(Doubles) from x in new[] { 0.5, -0.0, double.NaN } select (p.Item1, p.Item2, p.Item3, x));
        Diff.CheckVoid(K.IncrementLong, Probes(shape => Jagged(shape, (i, j) => i == 0 ? long.MaxValue : (long)j)));
    }

    [Test] public void Lengths()
    {
        Diff.Check(K.OuterLength, Shapes.Select(shape => Jagged(shape, (i, j) => (long)j)));
        Diff.Check(K.RowLength, from shape in Shapes from i in Indices(shape.Length) select (Jagged(shape, (r, c) => (float)c), i));
        Diff.Check(K.TotalLength, Shapes.Select(shape => Jagged(shape, (i, j) => j)));
        Diff.Check(K.TouchEveryRow, Shapes.Select(shape => Jagged(shape, (i, j) => j)));
        Diff.Check(K.SkipNullRows, Shapes.Select(shape => Jagged(shape, (i, j) => i * 10 + j + 1)));
    }

    [Test] public void MatVecOverRaggedAndSquareMatrices()
    {
        var inputs = from shape in Shapes
                     let width = shape.DefaultIfEmpty(0).Max()
                     from extra in new[] { 0, 1 }
                     select (Doubles(shape), Enumerable.Range(0, Math.Max(width - extra, 0)).Select(j => 0.25 * j - 1).ToArray(), new double[shape.Length]);
        Diff.CheckVoid(K.MatVec, inputs);
    }

    [Test] public void SumsIndexedAndForeach()
    {
        Diff.Check(K.SumIndexed, Shapes.Select(Doubles));
        Diff.Check(K.SumForeach, Shapes.Select(Doubles));
    }

    [Test] public void StoresBeforeANullRowOrAnEmptyRowAreKept()
    {
        Diff.CheckVoid(K.MarkFirst, Shapes.Select(shape => Jagged(shape, (i, j) => -7)));
        Diff.CheckVoid(K.FillColumns, from shape in Shapes from columns in new[] { 0, 1, 3, 5, 9 } select (Jagged(shape, (i, j) => -1), columns));
    }

    [Test] public void RowsPassedToACallee() =>
        Diff.CheckVoid(K.RowSums, Shapes.Select(shape => (Doubles(shape), new double[shape.Length])));

    [Test] public void JaggedArrayPassedToACallee() =>
        Diff.CheckVoid(K.ScaleThenSum, from shape in Shapes from f in new[] { 2.0, -0.0, double.NaN } select (Doubles(shape), f, new double[1]));

    [Test] public void RowsInAParallelLoop() =>
        Diff.CheckVoid(K.ScaleRowsInParallel, from shape in Shapes.Where(s => !s.Contains(-1)).Append(Enumerable.Repeat(100, 64).ToArray())
                                              from f in new[] { 3.0, -0.5 } select (Doubles(shape), f, new double[shape.Length]));

    [Test] public void RowChosenAtRunTime() =>
        Diff.Check(K.PickRow, from shape in Shapes from i in Indices(shape.Length) from fromA in new[] { true, false }
                              select (Jagged(shape, (r, c) => (long)(r * 10 + c)), Jagged(shape, (r, c) => -(long)(r * 10 + c)), i, fromA));

    [Test] public void RowsSharedBetweenSlotsStayShared()
    {
        // The same row object twice in one jagged array (and the same in another argument): stores through one slot are seen through the other.
        var shared = new[] { 1.0, 2.0, 3.0 };
        Diff.CheckVoid(K.ScaleRows, [(new[] { shared, shared, new[] { 4.0 } }, 2.0), (new[] { shared, null!, shared }, -1.0)]);
        var row = new[] { 1.5, 2.5 };
        Diff.CheckVoid(K.MatMul, [(new[] { row, row }, new[] { row, row }, new[] { row, new double[2] })]);
    }

    [Test] public void MatMulMatchesDotNetBitForBit()
    {
        static double[][] Square(int n, int seed) => Jagged(Enumerable.Repeat(n, n).ToArray(), (i, j) => 0.5 + 0.5 * Math.Abs(Math.Sin(seed + i * 31 + j)));
        // Values in [0.5, 1]: no cancellation, so FastMath's contraction stays within its stated ULPs.
        Diff.CheckVoid(K.MatMul, new[] { 0, 1, 2, 5, 16, 33 }.Select(n => (Square(n, 1), Square(n, 2), Square(n, 3))));
        // Ragged: b has fewer rows than a row of a has elements, or c's rows are longer than b's: IndexOutOfRangeException mid-way.
        Diff.CheckVoid(K.MatMul, [
            (Square(3, 1), Square(2, 2), Square(3, 3)),
            (Square(3, 1), Square(3, 2), Jagged([3, 5, 3], (i, j) => 0.5)),
            (Square(3, 1), Jagged([3, -1, 3], (i, j) => 1.0), Square(3, 3)),
        ]);
    }

    [Test] public void ThreeLevels()
    {
        static int[][][] Cube(int[][] shapes) => shapes.Select(shape => shape is null ? null! : Jagged(shape, (j, k) => j * 3 - k)).ToArray();
        int[][][] cubes = [[], [[2, 3]], [[1], [0, 4]], [[2, -1]], null!];
        Diff.Check(K.Sum3, cubes.Select(c => c is null ? [[], [[1]], null!] : Cube(c)).Select(c => c));
        static float[][][] FloatCube() => [[[1f, 2f], [3f]], [], [null!, [4f, 5f, 6f]]];
        Diff.CheckVoid(K.Store3, from i in new[] { 0, 1, 2, 3, -1 } from j in new[] { 0, 1, 2 } from k in new[] { 0, 2, 3 } select (FloatCube(), i, j, k));
    }

    [Test] public void ThroughJitFunctionInvokeAndAs()
    {
        var function = Jit.Compile(typeof(K).GetMethod(nameof(K.MatVec))!, Options);
        var matrix = Doubles([3, 3, 3]);
        double[] x = [1, -2, 0.5];
        var (expected, viaInvoke, viaAs) = (new double[3], new double[3], new double[3]);
        K.MatVec(matrix, x, expected);
        Assert.That(function.Invoke(matrix, x, viaInvoke), Is.Null);
        function.As<Action<double[][], double[], double[]>>()(matrix, x, viaAs);
        Assert.That(viaInvoke.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(expected.Select(BitConverter.DoubleToInt64Bits)));
        Assert.That(viaAs.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(expected.Select(BitConverter.DoubleToInt64Bits)));

        // (An int[][] is itself an object[]: cast it, or Invoke's params array would be the jagged array.)
        // Exceptions cross Invoke as they do the thunk, and the rows are unpinned after them (the next call still works).
        var total = Jit.Compile(typeof(K).GetMethod(nameof(K.TotalLength))!, Options);
        Assert.Throws<NullReferenceException>(() => total.Invoke((object)new[] { new int[2], null! }));
        Assert.That(total.Invoke((object)new[] { new int[2], new int[5] }), Is.EqualTo(7));
        Assert.That(total.As<Func<int[][], int>>()([[1], [], [2, 3]]), Is.EqualTo(3));
        var sum3 = Jit.Compile(typeof(K).GetMethod(nameof(K.Sum3))!, Options);
        int[][][] cube = [[[1, 2], [3]], [[4]]];
        Assert.That(sum3.Invoke([cube]), Is.EqualTo(K.Sum3(cube)));
    }

    /// <summary>A null jagged array argument, like a null T[], raises ArgumentNullException at the call (the documented difference).</summary>
    [Test] public void NullJaggedArgumentThrowsArgumentNullException()
    {
        Assert.Throws<NullReferenceException>(() => K.OuterLength(null!), ".NET itself");
        Assert.Throws<ArgumentNullException>(() => Diff.Compile<Func<long[][], int>>(K.OuterLength)(null!));
    }

    /// <summary>
    /// Rows are unpinned after every call: after the native call, or, when a later argument is null (the call throws
    /// before reaching native code), at the next call on the thread.
    /// </summary>
    [Test] public void RowsAreUnpinnedAfterEachCall()
    {
        var pick = Diff.Compile<Func<long[][], long[][], int, bool, long>>(K.PickRow);
        long[][] a = [[1, 2], [3]];
        Assert.That(pick(a, a, 1, true), Is.EqualTo(3));
        Assert.That(Backends.Cpu.Runtime.JaggedArgument.PinnedOnThisThread, Is.Zero);
        Assert.Throws<ArgumentNullException>(() => pick(a, null!, 0, true));
        Assert.That(Backends.Cpu.Runtime.JaggedArgument.PinnedOnThisThread, Is.EqualTo(1), "a's rows stay pinned until the next call");
        Assert.Throws<NullReferenceException>(() => pick(a, [null!], 0, false));
        Assert.That(Backends.Cpu.Runtime.JaggedArgument.PinnedOnThisThread, Is.Zero);
        var function = Jit.Compile(typeof(K).GetMethod(nameof(K.PickRow))!, Options);
        Assert.Throws<ArgumentNullException>(() => function.As<Func<long[][], long[][], int, bool, long>>()(a, null!, 0, true));
        Assert.That(function.Invoke(a, a, 0, false), Is.EqualTo(2L));
        Assert.That(Backends.Cpu.Runtime.JaggedArgument.PinnedOnThisThread, Is.Zero);
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuJaggedArrayTests(ExecutionTarget target) : JaggedArrayTests(target);
