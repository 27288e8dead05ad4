namespace Numbana.Tests.Execution.Kernels;

/// <summary>The out forms of Math.DivRem and Math.BigMul, writing to locals, parameters and array elements.</summary>
public static class MathOutFormKernels
{
    /// <summary>Quotient and remainder both returned (an out to a local).</summary>
    public static long DivRemInt(int a, int b)
    {
        var quotient = Math.DivRem(a, b, out var remainder);
        return ((long)quotient << 32) | (uint)remainder;
    }

    /// <summary>The remainder written through a ref of the caller's array (an out to an array element).</summary>
    public static void DivRemLong(long a, long b, long[] output) => output[0] = Math.DivRem(a, b, out output[1]);

    /// <summary>A loop that may stop at a zero or at MinValue / -1: earlier quotients and remainders stay written.</summary>
    public static void DivRemEach(int[] values, int[] divisors, int[] remainders)
    {
        for (var i = 0; i < values.Length; i++)
            values[i] = Math.DivRem(values[i], divisors[i], out remainders[i]);
    }

    public static void BigMulSigned(long a, long b, long[] output) => output[0] = Math.BigMul(a, b, out output[1]);

    public static void BigMulUnsigned(ulong a, ulong b, ulong[] output) => output[0] = Math.BigMul(a, b, out output[1]);

    /// <summary>The high half of a 128-bit sum of products, with the low halves into a local.</summary>
    public static ulong SumOfHighHalves(ulong[] a, ulong[] b)
    {
        ulong high = 0, lowBits = 0;
        for (var i = 0; i < a.Length; i++)
        {
            high += Math.BigMul(a[i], b[i], out var low);
            lowBits ^= low;
        }
        return high ^ lowBits;
    }
}
