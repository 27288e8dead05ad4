namespace Numbana.Tests.Execution;

/// <summary>Prange kernels: run by .NET they are sequential loops (the oracle); compiled they run in parallel.</summary>
public static class PrangeKernels
{
    // ---- element-wise loops, no reductions ----------------------------------------------------------

    public static void Scale(double[] a, double[] b, double factor)
    {
        foreach (int i in Prange.Range(a.Length)) b[i] = a[i] * factor;
    }

    public static void Squares(long[] a)
    {
        foreach (long i in Prange.Range((long)a.Length)) a[(int)i] = i * i - 3;
    }

    public static void EmptyBody(int n)
    {
        foreach (int i in Prange.Range(n)) { }
    }

    // ---- ranges -----------------------------------------------------------------------------------

    public static long SumOfRange(int start, int end, int step)
    {
        long s = 0;
        foreach (int i in Prange.Range(start, end, step)) s += (long)i * 3 + (i & 7);
        return s;
    }

    public static long CountAndXorOfRange(int start, int end, int step)
    {
        long count = 0;
        int x = 0;
        foreach (int i in Prange.Range(start, end, step))
        {
            count += 1;
            x ^= i;
        }
        return count * 1_000_003 + x;
    }

    public static long SumOfRangeTwo(int start, int end)
    {
        long s = 0;
        foreach (int i in Prange.Range(start, end)) s += i;
        return s;
    }

    public static long SumOfLongRange(long start, long end, long step)
    {
        long s = 0;
        long count = 0;
        foreach (long i in Prange.Range(start, end, step))
        {
            s += i >> 3;
            count++;
        }
        return s ^ (count << 40);
    }

    public static long SumOfRangeIntoLong(int n)
    {
        long s = 0;
        foreach (long i in Prange.Range(n)) s += i * i;
        return s;
    }

    // ---- reductions of every kind -----------------------------------------------------------------

    public static long SumInts(int[] a)
    {
        long s = 0;
        foreach (int i in Prange.Range(a.Length)) s += a[i];
        return s;
    }

    public static int SumIntsWrapping(int[] a)
    {
        int s = 7;
        foreach (int i in Prange.Range(a.Length)) s += a[i];
        return s;
    }

    public static long DifferenceOfLongs(long[] a)
    {
        long s = 100;
        foreach (int i in Prange.Range(a.Length)) s -= a[i];
        return s;
    }

    public static int ProductOfInts(int[] a)
    {
        int p = 1;
        foreach (int i in Prange.Range(a.Length)) p *= a[i] | 1;
        return p;
    }

    public static long ProductOfLongs(long[] a)
    {
        long p = 3;
        foreach (int i in Prange.Range(a.Length)) p = p * (a[i] | 1);
        return p;
    }

    public static int AndOfInts(int[] a)
    {
        int r = -1;
        foreach (int i in Prange.Range(a.Length)) r &= a[i] | 0x10;
        return r;
    }

    public static long OrOfLongs(long[] a)
    {
        long r = 0;
        foreach (int i in Prange.Range(a.Length)) r |= a[i] & 0x0F0F_0000_0000_F0F0;
        return r;
    }

    public static int XorOfInts(int[] a)
    {
        int r = 12345;
        foreach (int i in Prange.Range(a.Length)) r ^= a[i] * 31;
        return r;
    }

    public static int MinOfInts(int[] a)
    {
        int m = int.MaxValue;
        foreach (int i in Prange.Range(a.Length)) m = Math.Min(m, a[i]);
        return m;
    }

    public static long MaxOfLongs(long[] a)
    {
        long m = long.MinValue;
        foreach (int i in Prange.Range(a.Length)) m = Math.Max(a[i], m);
        return m;
    }

    public static double MinOfDoubles(double[] a)
    {
        double m = double.PositiveInfinity;
        foreach (int i in Prange.Range(a.Length)) m = Math.Min(m, a[i]);
        return m;
    }

    public static double MaxOfDoubles(double[] a)
    {
        double m = double.NegativeInfinity;
        foreach (int i in Prange.Range(a.Length)) m = Math.Max(m, a[i]);
        return m;
    }

    public static float MinOfFloats(float[] a)
    {
        float m = float.PositiveInfinity;
        foreach (int i in Prange.Range(a.Length)) m = Math.Min(m, a[i]);
        return m;
    }

    public static float MaxOfFloats(float[] a)
    {
        float m = -1f;
        foreach (int i in Prange.Range(a.Length)) m = Math.Max(m, a[i]);
        return m;
    }

    public static double SumOfDoubles(double[] a)
    {
        double s = 0;
        foreach (int i in Prange.Range(a.Length)) s += a[i];
        return s;
    }

    public static float SumOfFloats(float[] a)
    {
        float s = 0;
        foreach (int i in Prange.Range(a.Length)) s += a[i] * 0.5f;
        return s;
    }

    public static double ProductOfDoubles(double[] a)
    {
        double p = 1;
        foreach (int i in Prange.Range(a.Length)) p *= a[i];
        return p;
    }

    public static double DifferenceOfDoubles(double[] a)
    {
        double s = 0.5;
        foreach (int i in Prange.Range(a.Length)) s -= a[i];
        return s;
    }

    public static byte SumOfBytes(byte[] a)
    {
        byte s = 3;
        foreach (int i in Prange.Range(a.Length)) s += a[i];
        return s;
    }

    public static short XorOfShorts(short[] a)
    {
        short s = 0;
        foreach (int i in Prange.Range(a.Length)) s ^= a[i];
        return s;
    }

    public static uint SumOfUInts(uint[] a)
    {
        uint s = 0;
        foreach (int i in Prange.Range(a.Length)) s += a[i] * 3u;
        return s;
    }

    public static ulong ProductOfULongs(ulong[] a)
    {
        ulong p = 1;
        foreach (int i in Prange.Range(a.Length)) p *= a[i] | 1;
        return p;
    }

    /// <summary>Several reductions in one loop, one of them conditional.</summary>
    public static long Statistics(int[] a)
    {
        long sum = 0;
        int min = int.MaxValue, max = int.MinValue, xor = 0;
        long positives = 0;
        foreach (int i in Prange.Range(a.Length))
        {
            var v = a[i];
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            xor ^= v;
            if (v > 0) positives += v;
        }
        return sum * 7 + min * 13L + max * 17L + xor * 19L + positives * 23;
    }

    /// <summary>A conditional update on some paths only (a join whose inputs are the accumulator or its update).</summary>
    public static double SumOfPositives(double[] a)
    {
        double s = 0;
        foreach (int i in Prange.Range(a.Length))
        {
            if (a[i] > 0) s += a[i];
            else if (a[i] < -10) s += 1;
        }
        return s;
    }

    // ---- nested loops and calls -------------------------------------------------------------------

    public static void FillTable(int[] table, int rows, int columns)
    {
        foreach (int r in Prange.Range(rows))
            foreach (int c in Prange.Range(columns))
                table[r * columns + c] = r * 1000 + c;
    }

    public static long NestedSum(int rows, int columns)
    {
        long s = 0;
        foreach (int r in Prange.Range(rows))
        {
            long t = 0;
            foreach (int c in Prange.Range(columns)) t += (long)r * c + 1;
            s += t;
        }
        return s;
    }

    public static long SequentialInsideParallel(int[] a, int repeat)
    {
        long s = 0;
        foreach (int i in Prange.Range(a.Length))
            for (int k = 0; k < repeat; k++) s += a[i] ^ k;
        return s;
    }

    private static long RowSum(int row, int columns)
    {
        long t = 0;
        foreach (int c in Prange.Range(columns)) t += row ^ c;
        return t;
    }

    /// <summary>A Prange loop in a function a parallel body calls: the runtime runs the inner one sequentially.</summary>
    public static long CallsAPrangeFunction(int rows, int columns)
    {
        long s = 0;
        foreach (int r in Prange.Range(rows)) s += RowSum(r, columns);
        return s;
    }

    public static long TwoLoopsInSequence(int[] a)
    {
        long s = 0;
        foreach (int i in Prange.Range(a.Length)) s += a[i];
        int m = int.MinValue;
        foreach (int i in Prange.Range(a.Length)) m = Math.Max(m, a[i]);
        return s + m;
    }

    public static void Stencil(double[] input, double[] output, int width, int height)
    {
        foreach (int y in Prange.Range(1, height - 1))
            for (int x = 1; x < width - 1; x++)
            {
                var c = y * width + x;
                output[c] = 0.25 * (input[c - 1] + input[c + 1] + input[c - width] + input[c + width]) - input[c];
            }
    }

    public static void Mandelbrot(int[] counts, int width, int height, int maxIterations)
    {
        foreach (int y in Prange.Range(height))
            for (int x = 0; x < width; x++)
            {
                double cr = -2.0 + 3.0 * x / width, ci = -1.5 + 3.0 * y / height;
                double zr = 0, zi = 0;
                int n = 0;
                while (n < maxIterations && zr * zr + zi * zi <= 4.0)
                {
                    var t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    n++;
                }
                counts[y * width + x] = n;
            }
    }

    /// <summary>A break makes the loop sequential (a parallel loop runs every iteration): still the right result.</summary>
    public static long SumUntilNegative(int[] a)
    {
        long s = 0;
        foreach (int i in Prange.Range(a.Length))
        {
            if (a[i] < 0) break;
            s += a[i];
        }
        return s;
    }

    // ---- exceptions -------------------------------------------------------------------------------

    /// <summary>Index out of range at some iteration, division by zero at another: the lowest one's exception wins.</summary>
    public static long IndexAndDivide(int[] values, int[] indices, int[] divisors)
    {
        long s = 0;
        foreach (int i in Prange.Range(indices.Length)) s += values[indices[i]] / divisors[i];
        return s;
    }

    public static void StoreUpTo(int[] a, int n)
    {
        foreach (int i in Prange.Range(n)) a[i] = i + 1;
    }

    public static long ThrowsOnNegative(int[] a)
    {
        long s = 0;
        foreach (int i in Prange.Range(a.Length))
        {
            if (a[i] < 0) throw new ArgumentException("negative value");
            s += a[i];
        }
        return s;
    }

    // ---- rejected -------------------------------------------------------------------------------

    public static int LastPositiveIndex(int[] a)
    {
        int last = -1;
        foreach (int i in Prange.Range(a.Length))
            if (a[i] > 0) last = i;
        return last;
    }

    public static void Shift(double[] a, double[] b)
    {
        double previous = 0;
        foreach (int i in Prange.Range(a.Length))
        {
            b[i] = previous;
            previous = a[i];
        }
    }
}
