namespace Numbana.Benchmarks;

/// <summary>
/// The benchmarked kernels: plain static C# methods. The .NET baseline calls them directly (RyuJIT);
/// Numbana compiles the very same methods with <c>Jit.Compile</c>. Arrays are allocated by the caller.
/// </summary>
public static class Kernels
{
    /// <summary>y[i] += a * x[i].</summary>
    public static void Daxpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++)
            y[i] += a * x[i];
    }

    /// <summary>Dot product of two vectors (sequential order: exact .NET semantics).</summary>
    public static double Dot(double[] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
            s += x[i] * y[i];
        return s;
    }

    /// <summary>Sum of the elements (sequential order unless compiled with FastMath).</summary>
    public static double Sum(double[] a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
            s += a[i];
        return s;
    }

    /// <summary>c += a * b for n x n matrices stored row-major in flat arrays, i-k-j loop order.</summary>
    public static void MatMulIkj(double[] a, double[] b, double[] c, int n)
    {
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++)
                    c[i * n + j] += aik * b[k * n + j];
            }
    }

    /// <summary>Degree-5 polynomial (Horner) of every element.</summary>
    public static void Polynomial(double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = ((((0.5 * v - 1.25) * v + 2.0) * v - 0.75) * v + 3.5) * v - 1.0;
        }
    }

    /// <summary>y[i] = sqrt(|x[i]|) * exp(-x[i]^2): one Sqrt and one Exp per element.</summary>
    public static void SqrtExp(double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = Math.Sqrt(Math.Abs(v)) * Math.Exp(-v * v);
        }
    }

    /// <summary>Clamps every element into [lo, hi] in place and counts those above the threshold.</summary>
    public static int ClampCount(double[] x, double lo, double hi, double threshold)
    {
        int count = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double v = Math.Min(Math.Max(x[i], lo), hi);
            x[i] = v;
            if (v > threshold) count++;
        }
        return count;
    }

    /// <summary>Sum of the elements of an int array (integer reductions vectorize even in strict mode).</summary>
    public static long SumInt(int[] a)
    {
        long s = 0;
        for (int i = 0; i < a.Length; i++)
            s += a[i];
        return s;
    }
}
