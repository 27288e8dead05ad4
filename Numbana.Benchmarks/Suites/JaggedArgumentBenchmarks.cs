using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Numbana.Benchmarks.Suites;

/// <summary>
/// What passing a jagged array costs: the call pins every row (a pinned GC handle each, kept across calls) and builds a native
/// table of (data, length) per row (see JaggedArgument). <c>FirstElement</c> does O(1) work, so its time over
/// 1000 rows minus its time over 1 row, divided by 999, is the per-row cost of the call. MatVec over a
/// 1000 x 1000 double[][] puts that next to real work, .NET and compiled.
/// </summary>
[MemoryDiagnoser]
public class JaggedArguments
{
    private double[][] _oneRow = null!, _thousandRows = null!, _matrix = null!;
    private double[] _x = null!, _y = null!;
    private Func<double[][], double> _firstElement = null!;
    private Action<double[][], double[], double[]> _matVec = null!;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double FirstElement(double[][] m) => m[0][0];

    public static void MatVec(double[][] matrix, double[] x, double[] y)
    {
        for (int i = 0; i < matrix.Length; i++)
        {
            double sum = 0;
            double[] row = matrix[i];
            for (int j = 0; j < row.Length; j++) sum += row[j] * x[j];
            y[i] = sum;
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _oneRow = [[1.5]];
        _thousandRows = Enumerable.Range(0, 1000).Select(i => new[] { i + 0.5 }).ToArray();
        _matrix = Enumerable.Range(0, 1000).Select(i => Enumerable.Range(0, 1000).Select(j => (double)((i * 7 + j) % 13)).ToArray()).ToArray();
        _x = Enumerable.Range(0, 1000).Select(j => 1.0 / (j + 1)).ToArray();
        _y = new double[1000];
        _firstElement = Jit.Compile<Func<double[][], double>>(FirstElement);
        _matVec = Jit.Compile<Action<double[][], double[], double[]>>(MatVec);
        var expected = new double[1000];
        MatVec(_matrix, _x, expected);
        _matVec(_matrix, _x, _y);
        if (_firstElement(_thousandRows) != 0.5 || !expected.SequenceEqual(_y))
            throw new InvalidOperationException("a compiled call disagrees with .NET");
    }

    [Benchmark(Description = "compiled m[0][0], 1 row")]
    public double FirstElementOneRow() => _firstElement(_oneRow);

    [Benchmark(Description = "compiled m[0][0], 1000 rows")]
    public double FirstElementThousandRows() => _firstElement(_thousandRows);

    [Benchmark(Baseline = true, Description = ".NET MatVec 1000 x 1000")]
    public void MatVecDotNet() => MatVec(_matrix, _x, _y);

    [Benchmark(Description = "compiled MatVec 1000 x 1000")]
    public void MatVecCompiled() => _matVec(_matrix, _x, _y);
}

/// <summary>
/// c += a * b over 256 x 256 <c>double[][]</c> in i-k-j order with the rows hoisted, as users write it (the kernel of
/// the FileTest matmul-jagged-vectorized): .NET against Numbana with bounds checks on and off. Each call also pins
/// 3 x 256 rows (about 30 ns each, see <see cref="JaggedArguments"/>).
/// </summary>
[ShortRunJob]
public class JaggedMatMul
{
    public const int N = 256;
    private double[][] _a = null!, _b = null!, _c = null!;
    private Action<double[][], double[][], double[][]> _numbana = null!, _numbanaUnchecked = null!;

    public static void MatMul(double[][] a, double[][] b, double[][] c)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var ai = a[i];
            var ci = c[i];
            for (var k = 0; k < ai.Length; k++)
            {
                var aik = ai[k];
                var bk = b[k];
                for (var j = 0; j < ci.Length; j++) ci[j] += aik * bk[j];
            }
        }
    }

    private static double[][] Matrix(int seed) =>
        Enumerable.Range(0, N).Select(i => Enumerable.Range(0, N).Select(j => 0.5 + 0.5 * Math.Abs(Math.Sin(seed + i * 31 + j))).ToArray()).ToArray();

    [GlobalSetup]
    public void Setup()
    {
        (_a, _b, _c) = (Matrix(1), Matrix(2), Matrix(3));
        _numbana = Jit.Compile<Action<double[][], double[][], double[][]>>(MatMul);
        _numbanaUnchecked = Jit.Compile<Action<double[][], double[][], double[][]>>(MatMul, new JitOptions { BoundsCheck = false });
        var expected = Matrix(3);
        MatMul(_a, _b, expected);
        foreach (var (name, compiled) in new[] { ("jagged matmul", _numbana), ("jagged matmul (BoundsCheck=false)", _numbanaUnchecked) })
        {
            var actual = Matrix(3);
            compiled(_a, _b, actual);
            for (var i = 0; i < N; i++) Verify.SameBits(name, expected[i], actual[i]);
        }
    }

    [Benchmark(Baseline = true, Description = "RyuJIT")]
    public void DotNet() => MatMul(_a, _b, _c);

    [Benchmark(Description = "Numbana")]
    public void Numbana() => _numbana(_a, _b, _c);

    [Benchmark(Description = "Numbana BoundsCheck=false")]
    public void NumbanaUnchecked() => _numbanaUnchecked(_a, _b, _c);
}
