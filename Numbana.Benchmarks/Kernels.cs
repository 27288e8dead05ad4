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

/// <summary>
/// Twenty small, distinct loop functions of one signature, for the first-call measurement
/// (<c>--first-call</c>): each is a separate specialization, so each is a fresh compile.
/// </summary>
public static class SmallKernels
{
    public static double K01(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }
    public static double K02(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }
    public static double K03(double[] a, double[] b) { for (int i = 0; i < a.Length; i++) b[i] = 2.0 * a[i]; return b[0]; }
    public static double K04(double[] a, double[] b) { double m = double.NegativeInfinity; for (int i = 0; i < a.Length; i++) m = Math.Max(m, a[i]); return m; }
    public static double K05(double[] a, double[] b) { double m = double.PositiveInfinity; for (int i = 0; i < a.Length; i++) m = Math.Min(m, a[i]); return m; }
    public static double K06(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += Math.Abs(a[i] - b[i]); return s; }
    public static double K07(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) { double d = a[i] - b[i]; s += d * d; } return Math.Sqrt(s); }
    public static double K08(double[] a, double[] b) { int c = 0; for (int i = 0; i < a.Length; i++) if (a[i] > b[i]) c++; return c; }
    public static double K09(double[] a, double[] b) { for (int i = 0; i < a.Length; i++) b[i] += a[i]; return b[a.Length - 1]; }
    public static double K10(double[] a, double[] b) { for (int i = 1; i < a.Length; i++) b[i] = a[i] - a[i - 1]; return b[1]; }
    public static double K11(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * a[i] * a[i]; return s; }
    public static double K12(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i += 2) s += a[i]; return s; }
    public static double K13(double[] a, double[] b) { for (int i = 0; i < a.Length; i++) b[i] = a[i] < 0 ? -a[i] : a[i]; return b[0]; }
    public static double K14(double[] a, double[] b) { double s = 1; for (int i = 0; i < a.Length; i++) s *= 1.0 + a[i] * 1e-3; return s; }
    public static double K15(double[] a, double[] b) { for (int i = 0; i < a.Length; i++) b[i] = Math.Floor(a[i] * 10.0) / 10.0; return b[0]; }
    public static double K16(double[] a, double[] b) { double s = 0; for (int i = a.Length - 1; i >= 0; i--) s = s * 0.5 + a[i]; return s; }
    public static double K17(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) for (int j = 0; j < b.Length; j++) s += a[i] * b[j]; return s; }
    public static double K18(double[] a, double[] b) { long s = 0; for (int i = 0; i < a.Length; i++) s += (long)a[i]; return s; }
    public static double K19(double[] a, double[] b) { for (int i = 0; i < a.Length; i++) b[i] = Math.Sqrt(a[i] * a[i] + 1.0); return b[0]; }
    public static double K20(double[] a, double[] b) { double s = 0; int i = 0; while (i < a.Length) { if (a[i] != 0) s += 1.0 / a[i]; i++; } return s; }
}
