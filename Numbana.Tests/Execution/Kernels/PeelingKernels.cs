namespace Numbana.Tests.Execution.Kernels;

/// <summary>
/// Inner loops that StoreAlignmentPeeling splits in two: a copy runs the first iterations until the
/// stored element is 32-byte aligned, then the original loop runs the rest. How many iterations the copy
/// runs depends on the start index and on where the array lies, so the tests vary both.
/// </summary>
public static class PeelingKernels
{
    public static void DaxpyRange(double[] x, double[] y, int start, int end)
    {
        for (int j = start; j < end; j++) y[j] = 1.5 * x[j] + y[j];
    }

    /// <summary>A float store stream (up to 7 iterations peeled) at an offset from the loop's index.</summary>
    public static void ScaleFloatsAtOffset(float[] x, float[] y, int offset)
    {
        for (int j = 0; j < x.Length; j++) y[j + offset] = x[j] * 2f + 1f;
    }

    /// <summary>A value carried from the peeled iterations into the rest: the running sum.</summary>
    public static double PrefixSums(double[] x, double[] y)
    {
        double sum = 0;
        for (int j = 0; j < x.Length; j++)
        {
            sum += x[j];
            y[j] = sum;
        }
        return sum;
    }

    /// <summary>The row offset i * n is computed again before the loop, so each row has its own peel count.</summary>
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

    /// <summary>A native-integer induction variable.</summary>
    public static void NativeIndexLoop(long[] y, nint n)
    {
        for (nint j = 0; j < n; j++) y[j] = y[j] * 3 + j;
    }

    /// <summary>checked arithmetic: the overflow must come at the same iteration, peeled or not.</summary>
    public static void CheckedIncrements(int[] y, int step)
    {
        for (int j = 0; j < y.Length; j++) y[j] = checked(y[j] + step);
    }

    /// <summary>A division that can fail by zero inside the stream.</summary>
    public static void DivideInts(int[] x, int[] y, int divisor)
    {
        for (int j = 0; j < y.Length; j++) y[j] = x[j] / (divisor - j);
    }
}
