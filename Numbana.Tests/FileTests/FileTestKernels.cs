namespace Numbana.Tests.FileTests;

/// <summary>The C# methods the golden files in Cases/ name. Plain user code: no Numbana calls inside.</summary>
public static class FileTestKernels
{
    public static double Sum(double[] a)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    public static void Daxpy(double alpha, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += alpha * x[i];
    }

    public static void MatMulIkj(double[] a, double[] b, double[] c, int n)
    {
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                var aik = a[i * n + k];
                for (var j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
    }

    /// <summary>
    /// C = A * B over double[][] in i-k-j order, the rows hoisted into locals as users write them: checked
    /// (IndexOutOfRange on both levels, NullReference for a null row), and the inner loop still vectorized.
    /// </summary>
    public static void MatMulJagged(double[][] a, double[][] b, double[][] c)
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

    /// <summary>Daxpy over spans (the compiled method's own span parameters): checked, and still vectorized.</summary>
    public static void DaxpySpans(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += alpha * x[i];
    }

    /// <summary>A span local whose members C# calls through its address, read in a Prange body.</summary>
    public static void ScaleThroughASpan(double[] a, double factor)
    {
        Span<double> span = a.AsSpan(1);
        foreach (var i in Prange.Range(span.Length)) span[i] *= factor;
    }

    /// <summary>A constant stackalloc outside loops, and one of a computed size.</summary>
    public static int StackallocBuffers(int[] values, int n)
    {
        Span<int> counts = stackalloc int[16];
        Span<int> scratch = stackalloc int[n];
        foreach (var v in values) counts[v & 15]++;
        return counts[0] + scratch.Length;
    }

    /// <summary>The same product over double[,] (the lengths come from the arrays, every access is checked).</summary>
    public static void MatMulMultiDimensional(double[,] a, double[,] b, double[,] c)
    {
        for (var i = 0; i < a.GetLength(0); i++)
            for (var k = 0; k < a.GetLength(1); k++)
            {
                var aik = a[i, k];
                for (var j = 0; j < b.GetLength(1); j++) c[i, j] += aik * b[k, j];
            }
    }

    public static int Clamp(int x, int low, int high) => x < low ? low : x > high ? high : x;

    public static int MaxTimesTwo(int x, int y) => (x > y ? x : y) * 2;

    public static int Divide(int a, int b) => a / b;

    public static int ShiftLeft(int value, int count) => value << count;

    public static long Truncate(double x) => (long)x;
}
