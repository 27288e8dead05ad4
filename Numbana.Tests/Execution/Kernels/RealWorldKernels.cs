namespace Numbana.Tests.Execution.Kernels;

/// <summary>Kernels as users write them: reductions, BLAS-1/3, scans, searches, polynomials.</summary>
public static class RealWorldKernels
{
    public static double Sum(double[] a)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    public static float SumFloat(float[] a)
    {
        var s = 0f;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    public static int SumInt(int[] a) // wraps on overflow
    {
        var s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    public static long SumLong(long[] a)
    {
        long s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    public static double Dot(double[] x, double[] y) // throws when y is shorter than x
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    public static float DotFloat(float[] x, float[] y)
    {
        var s = 0f;
        for (var i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    public static void Daxpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    public static void Saxpy(float a, float[] x, float[] y)
    {
        for (var i = 0; i < y.Length; i++) y[i] = a * x[i] + y[i];
    }

    /// <summary>c += a * b for n x n matrices stored row-major in flat arrays, loop order i-k-j.</summary>
    public static void MatMul(double[] a, double[] b, double[] c, int n)
    {
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
            {
                var aik = a[i * n + k];
                for (var j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
    }

    public static void MatMulInt(int[] a, int[] b, int[] c, int n)
    {
        for (var i = 0; i < n; i++)
            for (var k = 0; k < n; k++)
                for (var j = 0; j < n; j++)
                    c[i * n + j] += a[i * n + k] * b[k * n + j];
    }

    public static void PrefixSum(long[] a)
    {
        for (var i = 1; i < a.Length; i++) a[i] += a[i - 1];
    }

    public static void PrefixSumInto(double[] source, double[] destination)
    {
        var running = 0.0;
        for (var i = 0; i < source.Length; i++)
        {
            running += source[i];
            destination[i] = running;
        }
    }

    /// <summary>Throws IndexOutOfRangeException on an empty array (a[0]), as .NET does.</summary>
    public static double MaxElement(double[] a)
    {
        var max = a[0];
        for (var i = 1; i < a.Length; i++)
            if (a[i] > max) max = a[i];
        return max;
    }

    public static int ArgMax(int[] a)
    {
        var best = 0;
        for (var i = 1; i < a.Length; i++)
            if (a[i] > a[best]) best = i;
        return a.Length == 0 ? -1 : best;
    }

    public static int CountAbove(float[] a, float threshold)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
            if (a[i] > threshold) count++;
        return count;
    }

    public static double Horner(double[] coefficients, double x)
    {
        var result = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--) result = result * x + coefficients[i];
        return result;
    }

    /// <summary>Scales n elements into b: when n exceeds a length it throws mid-loop, keeping b's earlier stores.</summary>
    public static void ScaleInto(double[] a, double[] b, int n, double factor)
    {
        for (var i = 0; i < n; i++) b[i] = a[i] * factor;
    }

    /// <summary>bins[data[i]]++: an out-of-range value throws after the counts before it.</summary>
    public static void Histogram(int[] data, int[] bins)
    {
        for (var i = 0; i < data.Length; i++) bins[data[i]]++;
    }

    public static double Mean(double[] a) => a.Length == 0 ? 0.0 : Sum(a) / a.Length;

    public static double Variance(double[] a)
    {
        var mean = Mean(a);
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - mean;
            s += d * d;
        }
        return a.Length < 2 ? 0.0 : s / (a.Length - 1);
    }

    public static void Stencil3(double[] input, double[] output)
    {
        for (var i = 1; i < input.Length - 1; i++)
            output[i] = 0.25 * input[i - 1] + 0.5 * input[i] + 0.25 * input[i + 1];
    }

    public static long CountPrimes(int limit, bool[] sieve) // sieve of Eratosthenes over a caller's buffer
    {
        long count = 0;
        for (var i = 2; i < limit; i++)
        {
            if (sieve[i]) continue;
            count++;
            for (var j = (long)i * i; j < limit; j += i) sieve[(int)j] = true;
        }
        return count;
    }

    // ---- element-wise loops the vectorizer transforms: each lane must keep .NET's scalar semantics ----

    public static void DoublesToInts(double[] source, int[] destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = (int)source[i];
    }

    public static void FloatsToLongs(float[] source, long[] destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = (long)source[i];
    }

    public static void LongsToFloats(long[] source, float[] destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    public static void LongsToDoubles(long[] source, double[] destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    public static void FloatsToDoubles(float[] source, double[] destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = source[i];
    }

    public static void DoublesToFloats(double[] source, float[] destination)
    {
        for (var i = 0; i < source.Length; i++) destination[i] = (float)source[i];
    }

    public static double MaxReduction(double[] a)
    {
        var m = double.NegativeInfinity;
        for (var i = 0; i < a.Length; i++) m = Math.Max(m, a[i]);
        return m;
    }

    public static float MinReductionFloat(float[] a)
    {
        var m = float.PositiveInfinity;
        for (var i = 0; i < a.Length; i++) m = Math.Min(m, a[i]);
        return m;
    }

    public static int MaxReductionInt(int[] a)
    {
        var m = int.MinValue;
        for (var i = 0; i < a.Length; i++) m = Math.Max(m, a[i]);
        return m;
    }

    public static void DivideElementwise(int[] a, int[] b, int[] quotient)
    {
        for (var i = 0; i < a.Length; i++) quotient[i] = a[i] / b[i]; // DivideByZero / Overflow mid-loop
    }

    public static void RemainderByConstant(int[] a, int[] r)
    {
        for (var i = 0; i < a.Length; i++) r[i] = a[i] % 7 + a[i] / 7;
    }

    public static void ShiftElementwise(int[] a, int[] counts, long[] wide)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var c = counts[i];
            a[i] = (a[i] << c) ^ (a[i] >> c) ^ (a[i] >>> c);
            wide[i] = (wide[i] << c) ^ (wide[i] >>> c);
        }
    }

    public static void AbsElementwise(long[] a)
    {
        for (var i = 0; i < a.Length; i++) a[i] = Math.Abs(a[i]); // long.MinValue throws mid-loop
    }

    public static void SinElementwise(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++) b[i] = Math.Sin(a[i]) + Math.Exp(a[i] * 0.01) + Math.Log(Math.Abs(a[i]));
    }

    public static void PowElementwise(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++) b[i] = Math.Pow(a[i], b[i]) + Math.Cos(b[i]);
    }

    public static void FloorCeilSqrt(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++) b[i] = Math.Floor(a[i]) - Math.Ceiling(a[i] * 0.5) + Math.Sqrt(Math.Abs(a[i]));
    }

    public static void SelectElementwise(float[] a, float[] b, bool[] pickA)
    {
        for (var i = 0; i < a.Length; i++) b[i] = pickA[i] ? a[i] : a[i] > b[i] ? a[i] - b[i] : b[i];
    }

    public static void FloatRemainders(float[] a, float[] b)
    {
        for (var i = 0; i < a.Length; i++) b[i] = a[i] % b[i];
    }

    public static long ProductWraps(long[] a)
    {
        long p = 1;
        for (var i = 0; i < a.Length; i++) p *= a[i] | 1;
        return p;
    }
}
