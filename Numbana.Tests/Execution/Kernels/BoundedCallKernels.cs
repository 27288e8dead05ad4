namespace Numbana.Tests.Execution.Kernels;

/// <summary>
/// Kernels on both sides of <c>BoundedCallAnalysis</c>: bounded ones (no loop, no recursion, no allocation,
/// no callback into .NET), called without the GC transition, and unbounded ones, called with it.
/// </summary>
public static class BoundedCallKernels
{
    // Bounded.
    public static double AddFirst(double[] a, double[] b) => a[0] + b[0];

    public static double Hypotenuse(double[] v, int i)
    {
        var x = v[i];
        var y = v[i + 1];
        return x > y ? Math.Sqrt(x * x + y * y) : Math.Sqrt(y * y + x * x) + Scale(i);
    }

    private static double Scale(int i) => i == 0 ? 1.0 : 0.5 * i;

    public static int CheckedQuotient(int a, int b) => checked(a * 2) / b;

    public static int ThrowsWhenNegative(int x) => x < 0 ? throw new ArgumentOutOfRangeException(nameof(x)) : x + 1;

    public static void Swap(double[] a, int i, int j) => (a[i], a[j]) = (a[j], a[i]);

    public static double Corner(double[][] m) => m[0][1] + m[1][0];

    public static int SmallStackBuffer(int x)
    {
        Span<int> buffer = stackalloc int[4];
        buffer[x & 3] = x;
        return buffer[0] + buffer[1] + buffer[2] + buffer[3];
    }

    public static double[] Pick(double[] a, double[] b, bool first) => first ? a : b;

    public static double SpanAndGrid(ReadOnlySpan<double> s, double[,] grid) => s[1] + grid[1, 0];

    public static void Midpoint(ref double x, in double y) => x = (x + y) / 2;

    public static double SumOfThree(double[] a)
    {
        var sum = 0.0;
        for (var i = 0; i < 3; i++) sum += a[i];
        return sum;
    }

    public static double Stencil(double[] a, int at)
    {
        var sum = 0.0;
        for (var i = -1; i <= 1; i++)
            for (var j = 0; j < 4; j += 2) sum += a[at + i] * (j + 1);
        return sum;
    }

    // Unbounded.
    public static double ManyIterations(double[] a)
    {
        var sum = 0.0;
        for (var i = 0; i < 5000; i++) sum += a[i & 1];
        return sum;
    }

    public static double NestedTooFar(double[] a)
    {
        var sum = 0.0;
        for (var i = 0; i < 100; i++)
            for (var j = 0; j < 100; j++) sum += a[(i + j) & 1];
        return sum;
    }

    public static double LoopsInCallerAndCallee(double[] a)
    {
        var sum = 0.0;
        for (var i = 0; i < 20; i++) sum += SumOfTwenty(a, i);
        return sum;
    }

    private static double SumOfTwenty(double[] a, int shift)
    {
        var sum = 0.0;
        for (var j = 0; j < 20; j++) sum += a[(shift + j) & 1];
        return sum;
    }

    public static int StepsBack(int x)
    {
        var count = 0;
        for (var i = 0; i < 3; i++)
        {
            count++;
            if (x > count) i--;
        }
        return count;
    }

    public static double Sum(double[] a)
    {
        var total = 0.0;
        for (var i = 0; i < a.Length; i++) total += a[i];
        return total;
    }

    public static double SumThroughHelper(double[] a) => Sum(a) * 2;

    public static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    public static double NewArray(int n)
    {
        var a = new double[n];
        return a.Length;
    }

    public static void Fill(double[] a, double value) => a.AsSpan().Fill(value);

    public static int ComputedStackBuffer(int n)
    {
        Span<int> buffer = stackalloc int[n];
        return buffer.Length;
    }

    public static void Parallel(double[] a)
    {
        foreach (int i in Prange.Range(a.Length)) a[i] += 1;
    }
}
