namespace Numbana.Tests.Execution.Kernels;

/// <summary><c>new T[n]</c> in compiled code: returned, kept in locals, passed to callees, and temporary.</summary>
public static class AllocationKernels
{
    public static double[] Range(int n)
    {
        var a = new double[n];
        for (var i = 0; i < a.Length; i++) a[i] = i * 0.5;
        return a;
    }

    public static int[] Zeros(int n) => new int[n];

    public static long[] FromNativeLength(nint n)
    {
        var a = new long[n];
        if (a.Length > 0) a[a.Length - 1] = n;
        return a;
    }

    public static int SumOfSquaresThroughATemporary(int n)
    {
        var squares = new int[n];
        for (var i = 0; i < n; i++) squares[i] = i * i;
        var sum = 0;
        for (var i = 0; i < n; i++) sum += squares[i];
        return sum;
    }

    /// <summary>An array allocated by a callee, filled by another callee, returned through the caller.</summary>
    public static float[] AllocatedInACallee(int n, float scale) => Scale(Make(n), scale);

    private static float[] Make(int n)
    {
        var a = new float[n];
        for (var i = 0; i < n; i++) a[i] = i + 0.25f;
        return a;
    }

    private static float[] Scale(float[] a, float s)
    {
        for (var i = 0; i < a.Length; i++) a[i] *= s;
        return a;
    }

    /// <summary>Returns one of its arguments: the caller gets the same array object back.</summary>
    public static int[] PickArgument(int[] a, int[] b, bool first) => first ? a : b;

    /// <summary>Returns a parameter or a new array depending on the input.</summary>
    public static double[] CopyIfLong(double[] a, int limit)
    {
        if (a.Length <= limit) return a;
        var copy = new double[a.Length];
        for (var i = 0; i < a.Length; i++) copy[i] = a[i] * 2;
        return copy;
    }

    public static bool[] Flags(int n)
    {
        var flags = new bool[n];
        for (var i = 0; i < n; i += 3) flags[i] = true;
        return flags;
    }

    public static byte[] Bytes(int n)
    {
        var bytes = new byte[n];
        for (var i = 0; i < n; i++) bytes[i] = (byte)(i * 37);
        return bytes;
    }

    public static char[] Chars(int n)
    {
        var chars = new char[n];
        for (var i = 0; i < n; i++) chars[i] = (char)('a' + i % 26);
        return chars;
    }

    /// <summary>A new array read out of range: IndexOutOfRangeException, as .NET.</summary>
    public static int ReadPastTheEnd(int n, int i)
    {
        var a = new int[n];
        return a[i];
    }

    /// <summary>Many temporaries in a loop (they are released when the call returns).</summary>
    public static double ManyTemporaries(int count, int size)
    {
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            var t = new double[size];
            for (var i = 0; i < size; i++) t[i] = k + i;
            total += t[size - 1];
        }
        return total;
    }

    /// <summary>Allocates enough inside compiled code for collections to run while the argument is being written.</summary>
    public static void WriteAroundAllocations(double[] a, int temporaries)
    {
        for (var k = 0; k < temporaries; k++)
        {
            var t = new double[100_000];
            t[k % t.Length] = k;
            if (a.Length > 0) a[k % a.Length] += t[k % t.Length];
        }
        for (var i = 0; i < a.Length; i++) a[i] += i;
    }
}
