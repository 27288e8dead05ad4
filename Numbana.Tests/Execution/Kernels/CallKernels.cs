namespace Numbana.Tests.Execution.Kernels;

/// <summary>Calls to other static methods (compiled into the same module), including callees that throw.</summary>
public static class CallKernels
{
    public static int Square(int x) => x * x;

    public static long SumOfSquares(int n)
    {
        long sum = 0;
        for (var i = -n; i <= n; i++) sum += Square(i);
        return sum;
    }

    public static double LengthSquared(double x, double y) => x * x + y * y;

    public static double Norm(double x, double y) => Math.Sqrt(LengthSquared(x, y));

    public static int Get(int[] a, int i) => a[i];

    /// <summary>The callee's IndexOutOfRangeException reaches the caller (and its caller).</summary>
    public static int SumAt(int[] a, int i, int j) => Get(a, i) + Get(a, j);

    public static int Divide(int a, int b) => a / b;

    public static int AverageBy(int[] values, int divisor)
    {
        var total = 0;
        for (var i = 0; i < values.Length; i++) total += Divide(values[i], divisor);
        return total;
    }

    public static void Store(double[] a, int i, double v) => a[i] = v;

    /// <summary>A void callee that stores; the caller's loop runs past the end: stores before the throw stay.</summary>
    public static void FillThroughCallee(double[] a, int n, double v)
    {
        for (var i = 0; i < n; i++) Store(a, i, v + i);
    }

    public static bool IsOdd(long x) => (x & 1) != 0;

    public static int CountOdd(long[] values)
    {
        var count = 0;
        for (var i = 0; i < values.Length; i++)
            if (IsOdd(values[i])) count++;
        return count;
    }

    public static int Level3(int x, int y) => x % y; // % by zero and MinValue % -1 throw here
    public static int Level2(int x, int y) => Level3(x, y) + Level3(y, x);
    public static int Level1(int x, int y) => Level2(x, y) * 2 + 1;

    public static int Negate(int x) => Math.Abs(x) * -1; // Math.Abs(int.MinValue) throws OverflowException

    public static int NegateAll(int[] a)
    {
        var total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = Negate(a[i]);
            total += a[i];
        }
        return total;
    }

    public static float Scale(float x, double factor) => (float)(x * factor);

    public static double MixedCallArguments(int i, long l, float f) => Scale(f, i) + Scale((float)l, 0.5) + LengthSquared(i, l);

    public static void Increment(long[] a, int i) => a[i]++;

    public static void IncrementTwice(long[] a, int i, int j)
    {
        Increment(a, i);
        Increment(a, j);
    }

    public static bool Between(double x, double lo, double hi) => lo <= x && x <= hi;

    public static int CountBetween(double[] values, double lo, double hi)
    {
        var count = 0;
        foreach (var v in values)
            if (Between(v, lo, hi)) count++;
        return count;
    }

    public static int CalleeOverflowDivision(long a, long b) => (int)(a / b); // long.MinValue / -1 throws
    public static long CallerOfOverflow(long a, long b) => CalleeOverflowDivision(a, b) + 1L;

    /// <summary>Six parameters of mixed types (ldarg.s in the callee).</summary>
    public static double SixParameters(int a, long b, float c, double d, bool e, int f)
        => e ? a * d + b - c * f : (b % (f == 0 ? 1 : f)) / (double)c + d;

    public static double CallsSix(int a, double d) => SixParameters(a, a * 3L, (float)d, d, a > 0, a - 1) + SixParameters(-a, long.MaxValue, 0.5f, -d, false, 0);

    public static bool BoolCallee(int x, bool flip) => (x > 3) ^ flip;

    public static int NestedCallsAsArguments(int x) => Square(Level1(Square(x) % 1000 + 1, Divide(x, 7) | 1)) + (BoolCallee(x, x < 0) ? 1 : 0);
}
