using System.Numerics;

namespace Numbana.Tests.Execution.Kernels;

/// <summary>T[,] and T[,,]: indexing, lengths, bounds, foreach, refs and callees.</summary>
public static class MultiDimensionalArrayKernels
{
    public static double SumAll(double[,] a)
    {
        var sum = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                sum += a[i, j] * (i + 1) - j;
        return sum;
    }

    /// <summary>a[i, j] op= x: the runtime's Address method.</summary>
    public static void ScaleAndShift(double[,] a, double scale)
    {
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
            {
                a[i, j] *= scale;
                a[i, j] += i - j;
            }
    }

    /// <summary>i-k-j matrix product with bounds checks: mismatched shapes throw after the stores .NET makes.</summary>
    public static void MatMul(double[,] a, double[,] b, double[,] c)
    {
        var n = a.GetLength(0);
        var m = a.GetLength(1);
        var p = b.GetLength(1);
        for (var i = 0; i < n; i++)
            for (var k = 0; k < m; k++)
            {
                var aik = a[i, k];
                for (var j = 0; j < p; j++)
                    c[i, j] += aik * b[k, j];
            }
    }

    public static int ReadAt(int[,] a, int i, int j) => a[i, j];

    public static void WriteAt(long[,] a, int i, int j, long value)
    {
        a[0, 0] = -1; // a store before the faulting one stays
        a[i, j] = value;
    }

    /// <summary>Length, LongLength, Rank, GetLength, GetLowerBound and GetUpperBound, with a computed dimension.</summary>
    public static long Shape(double[,] a, int dimension)
    {
        long shape = a.Length * 1_000_000L + a.LongLength * 10_000L + a.Rank * 1000 + a.GetLowerBound(1) * 100 + a.GetUpperBound(0);
        return shape * 1000 + a.GetLength(dimension);
    }

    public static int ShapeOf3(float[,,] a, int dimension) =>
        a.Length + a.Rank * 10_000 + a.GetUpperBound(dimension) * 100_000 + a.GetLowerBound(dimension);

    public static void Fill3(float[,,] a, float start)
    {
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                for (var k = 0; k < a.GetLength(2); k++)
                    a[i, j, k] = start + i * 100 + j * 10 + k;
    }

    public static float Sum3(float[,,] a, int i0, int j0, int k0)
    {
        var sum = 0f;
        for (var i = i0; i < a.GetLength(0); i++)
            for (var j = j0; j < a.GetLength(1); j++)
                for (var k = k0; k < a.GetLength(2); k++)
                    sum = sum * 0.5f + a[i, j, k];
        return sum;
    }

    /// <summary>foreach over a T[,] (C# compiles it with GetUpperBound and GetLowerBound).</summary>
    public static double ForEachWeighted(double[,] a)
    {
        var sum = 0.0;
        var weight = 1.0;
        foreach (var x in a)
        {
            sum += x * weight;
            weight += 0.5;
        }
        return sum;
    }

    private static void Increment(ref int target, int by) => target += by;

    /// <summary>ref a[i, j], as a ref local and as a ref argument.</summary>
    public static int RefsToElements(int[,] a, int i, int j)
    {
        ref var element = ref a[i, j];
        element *= 3;
        Increment(ref a[j, i], 7);
        return element;
    }

    private static double RowSum(double[,] a, int row)
    {
        var sum = 0.0;
        for (var j = 0; j < a.GetLength(1); j++) sum += a[row, j];
        return sum;
    }

    private static void Transpose(double[,] source, double[,] target)
    {
        for (var i = 0; i < source.GetLength(0); i++)
            for (var j = 0; j < source.GetLength(1); j++)
                target[j, i] = source[i, j];
    }

    /// <summary>Multi-dimensional arrays passed to callees (which may fault).</summary>
    public static double TransposeAndSumRows(double[,] a, double[,] t)
    {
        Transpose(a, t);
        var total = 0.0;
        for (var i = 0; i < t.GetLength(0); i++) total = total * 2 + RowSum(t, i);
        return total;
    }

    /// <summary>Every number type through generic math: small types wrap on store as their arithmetic does.</summary>
    public static void AddDiagonalWeights<T>(T[,] a, T step) where T : INumber<T>
    {
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                a[i, j] += step * T.CreateTruncating(i + 2 * j);
    }

    public static int CountTrueAndFlip(bool[,] a)
    {
        var count = 0;
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
            {
                if (a[i, j]) count++;
                a[i, j] = !a[i, j];
            }
        return count;
    }

    public static int ShiftChars(char[,] a, int by)
    {
        var sum = 0;
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
            {
                a[i, j] = (char)(a[i, j] + by);
                sum += a[i, j];
            }
        return sum;
    }

    /// <summary>A Prange loop over the rows of T[,] (the arrays are live-ins of the outlined body).</summary>
    public static void ParallelRows(double[,] a, double[,] b, double factor)
    {
        foreach (var i in Prange.Range(a.GetLength(0)))
            for (var j = 0; j < a.GetLength(1); j++)
                b[i, j] = a[i, j] * factor + j;
    }

    /// <summary>new T[n, m] returned to the caller (zeroed, row-major).</summary>
    public static double[,] Outer(double[] x, double[] y)
    {
        var result = new double[x.Length, y.Length];
        for (var i = 0; i < x.Length; i++)
            for (var j = 0; j < y.Length; j++)
                result[i, j] = x[i] * y[j] + result[i, j];
        return result;
    }

    private static int[,,] Cube(int n) => new int[n, n + 1, 2];

    /// <summary>A temporary from a callee; a negative length raises OverflowException, a total above Array.MaxLength OutOfMemoryException.</summary>
    public static long Scratch(int rows, int columns)
    {
        var scratch = new long[rows, columns];
        var cube = Cube(rows);
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                scratch[i, j] = i * 31L + j + scratch[i, j];
        long sum = cube.Length + cube[rows - 1, rows, 1];
        foreach (var x in scratch) sum = sum * 3 + x;
        return sum;
    }

    /// <summary>An argument returned as it came is the same object; otherwise a new array.</summary>
    public static bool[,] SameOrNew(bool[,] a, bool fresh) => fresh ? new bool[a.GetLength(1), a.GetLength(0)] : a;

    /// <summary>long and nint indices (C# converts them with overflow checks before the runtime's Get).</summary>
    public static double WideIndices(double[,] a, long i, nint j) => a[i, j];
}
