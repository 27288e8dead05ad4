namespace Numbana.Tests.Execution.Kernels;

/// <summary>One-dimensional arrays of bool, int, long, float and double: load, store, Length, bounds.</summary>
public static class ArrayKernels
{
    public static bool LoadBool(bool[] a, int i) => a[i];
    public static int LoadInt(int[] a, int i) => a[i];
    public static long LoadLong(long[] a, int i) => a[i];
    public static float LoadFloat(float[] a, int i) => a[i];
    public static double LoadDouble(double[] a, int i) => a[i];

    public static void StoreBool(bool[] a, int i, bool v) => a[i] = v;
    public static void StoreInt(int[] a, int i, int v) => a[i] = v;
    public static void StoreLong(long[] a, int i, long v) => a[i] = v;
    public static void StoreFloat(float[] a, int i, float v) => a[i] = v;
    public static void StoreDouble(double[] a, int i, double v) => a[i] = v;

    public static int LengthBool(bool[] a) => a.Length;
    public static int LengthInt(int[] a) => a.Length;
    public static int LengthLong(long[] a) => a.Length;
    public static int LengthFloat(float[] a) => a.Length;
    public static int LengthDouble(double[] a) => a.Length;

    /// <summary>Two stores around an out-of-range one: the first stays, the last is never made.</summary>
    public static void StoreThenThrow(int[] a, int i)
    {
        a[0] = 11;
        a[i] = 22;
        a[1] = 33;
    }

    public static int ReadModifyWrite(long[] a, int i, int j)
    {
        a[i] += a[j] * 2;
        a[j]--;
        return (int)a[i];
    }

    public static void Fill(double[] a, double v)
    {
        for (var i = 0; i < a.Length; i++) a[i] = v;
    }

    public static void Reverse(int[] a)
    {
        for (int i = 0, j = a.Length - 1; i < j; i++, j--)
        {
            var t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /// <summary>Copies n elements: throws mid-loop when n exceeds either length, after the earlier stores.</summary>
    public static void CopyN(float[] source, float[] destination, int n)
    {
        for (var i = 0; i < n; i++) destination[i] = source[i];
    }

    public static void Swap(long[] a, int i, int j)
    {
        var t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    public static int CountTrue(bool[] flags)
    {
        var count = 0;
        for (var i = 0; i < flags.Length; i++)
            if (flags[i]) count++;
        return count;
    }

    public static void MarkNegatives(double[] values, bool[] flags)
    {
        for (var i = 0; i < values.Length; i++) flags[i] = values[i] < 0; // throws if flags is shorter
    }

    public static void InvertFlags(bool[] flags)
    {
        for (var i = 0; i < flags.Length; i++) flags[i] = !flags[i];
    }

    public static int IndexOf(int[] a, int value)
    {
        for (var i = 0; i < a.Length; i++)
            if (a[i] == value) return i;
        return -1;
    }

    /// <summary>Reads one past the end on the last iteration (the classic off-by-one bug).</summary>
    public static long SumOffByOne(long[] a)
    {
        long sum = 0;
        for (var i = 0; i <= a.Length; i++) sum += a[i];
        return sum;
    }

    /// <summary>Writes backwards past the start: stores made before the exception stay.</summary>
    public static void ShiftRightInPlace(double[] a, int by)
    {
        for (var i = a.Length - 1; i >= 0; i--) a[i] = a[i - by];
    }

    public static double LoadAtComputedIndex(double[] a, int i, int j) => a[i * j - 1];

    public static void StoreNaNs(double[] a, float[] b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            a[i] = a[i] * 1.0;  // NaN payloads and -0.0 survive a multiply by one? (as .NET does it)
            b[i] = b[i] + 0.0f; // -0.0f + 0.0f = +0.0f
        }
    }

    public static void CopyBits(long[] source, double[] doubles)
    {
        for (var i = 0; i < doubles.Length; i++) doubles[i] = source[i] * 0.5;
    }

    public static int EmptyAware(int[] a) => a.Length == 0 ? -1 : a[a.Length - 1];

    /// <summary>Compound assignments on bool, int and long elements, with a post-increment in an index.</summary>
    public static int CompoundAssignmentsIntegral(bool[] flags, int[] ints, long[] longs)
    {
        var k = 0;
        for (var i = 0; i < ints.Length; i++)
        {
            flags[i] ^= ints[i] > 0;
            flags[i] |= (ints[i] & 4) != 0;
            flags[i] &= i != 3;
            ints[i] <<= 1;
            longs[i] -= ints[i] * 3L;
            longs[i] >>= 1;
            ints[k++] += 1;
        }
        return k;
    }

    /// <summary>Compound assignments on float and double elements (the array lengths may differ: throws mid-loop).</summary>
    public static void CompoundAssignmentsFloating(float[] floats, double[] doubles, int count)
    {
        for (var i = 0; i < count; i++)
        {
            floats[i] *= -1.5f;
            doubles[i] /= 3.0;
            doubles[i] += floats[i];
            floats[i] -= (float)doubles[i];
        }
    }

    /// <summary>b[i] = a[i + offset]: a versioned (hoisted) bounds check must still throw at the first bad i.</summary>
    public static void OffsetCopy(double[] a, double[] b, int offset, int n)
    {
        for (var i = 0; i < n; i++) b[i] = a[i + offset];
    }

    /// <summary>Strided reads; stride 0 and negative strides included.</summary>
    public static long StridedSum(long[] a, int start, int stride)
    {
        long sum = 0;
        for (int i = 0, j = start; i < 10; i++, j += stride) sum += a[j] * (i + 1);
        return sum;
    }

    /// <summary>
    /// i * 0x40000001 wraps to 4k for i = 4k in 32-bit arithmetic: every index is in range under .NET.
    /// A compiler that widens the index arithmetic to 64 bits reads far out of range.
    /// </summary>
    public static int WrappingIndex(int[] a)
    {
        var sum = 0;
        for (var i = 4; i < a.Length; i += 4) sum += a[i * 0x40000001];
        return sum;
    }

    public static void ReverseInto(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++) b[a.Length - 1 - i] = a[i] * 2;
    }

    /// <summary>
    /// .NET's order within one statement: a[i] is read, then d[i], then the division checks run, and only then
    /// the store's bounds check on b. Which exception comes first must not change.
    /// </summary>
    public static void DivideInto(int[] a, int[] d, int[] b)
    {
        for (var i = 0; i < a.Length; i++) b[i] = a[i] / d[i];
    }

    public static void AbsInto(long[] a, long[] b, int n)
    {
        for (var i = 0; i < n; i++) b[i] = Math.Abs(a[i]);
    }
}
