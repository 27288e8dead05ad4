namespace Numbana.Tests.Execution.Kernels;

/// <summary>ref, out and in parameters of numbers, and locals whose address is taken.</summary>
public static class RefKernels
{
    private static void Swap(ref double a, ref double b) => (a, b) = (b, a);

    /// <summary>ref to array elements.</summary>
    public static void SwapEnds(double[] a)
    {
        if (a.Length > 1) Swap(ref a[0], ref a[a.Length - 1]);
    }

    /// <summary>ref to locals: the callee's writes are seen by the caller's later reads.</summary>
    public static double SwapLocals(double x, double y)
    {
        var p = x;
        var q = y * 2;
        Swap(ref p, ref q);
        return p - q * 3;
    }

    private static bool TryDivide(int a, int b, out int quotient, out int remainder)
    {
        if (b == 0)
        {
            quotient = 0;
            remainder = 0;
            return false;
        }
        quotient = a / b;
        remainder = a % b;
        return true;
    }

    /// <summary>out parameters into locals, in a loop.</summary>
    public static long SumOfQuotients(int[] a, int b)
    {
        long total = 0;
        for (var i = 0; i < a.Length; i++)
            if (TryDivide(a[i], b, out var q, out var r)) total += q * 1000L + r;
        return total;
    }

    private static void Accumulate(ref long sum, ref int count, long value)
    {
        sum += value;
        count++;
    }

    /// <summary>ref to parameters of the caller (ldarga).</summary>
    public static long AccumulateIntoParameters(long sum, int count, long[] values)
    {
        foreach (var v in values) Accumulate(ref sum, ref count, v);
        return sum * 31 + count;
    }

    private static double Scaled(in double x, in double factor) => x * factor;

    /// <summary>in parameters: from locals, array elements and constants (C# passes a temporary).</summary>
    public static double InParameters(double[] a, double f)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += Scaled(in a[i], in f);
        return s + Scaled(2.0, 0.5);
    }

    private static void Increment(ref byte b) => b++;

    /// <summary>ref to small types: the byte wraps.</summary>
    public static int IncrementBytes(byte[] a, int times)
    {
        byte local = 250;
        for (var t = 0; t < times; t++)
        {
            Increment(ref local);
            for (var i = 0; i < a.Length; i++) Increment(ref a[i]);
        }
        return local;
    }

    /// <summary>A ref local into an array.</summary>
    public static void RefLocal(int[] a, int i, int v)
    {
        ref var slot = ref a[i];
        slot += v;
        slot *= 2;
    }

    /// <summary>A ref parameter of the compiled entry itself (a custom delegate type).</summary>
    public static int AddTo(ref int target, int value)
    {
        target += value;
        return target * 2;
    }

    public delegate int AddToDelegate(ref int target, int value);

    public static readonly int Scale = ComputeScale();
    public static readonly double Offset = 0.25;
    public static readonly float Half = 0.5f;
    public static readonly bool Enabled = true;
    public static readonly long Big = long.MaxValue - 7;
    public static readonly uint Mask = 0xF0F0F0F0;
    public static readonly byte SmallByte = 200;

    private static int ComputeScale() => 3 + "abc".Length;

    /// <summary>static readonly fields of primitive types are read as constants.</summary>
    public static double StaticReadonlyConstants(int x) =>
        Enabled ? x * Scale + Offset + Half + (Big & x) + (Mask & (uint)x) + SmallByte : 0;
}
