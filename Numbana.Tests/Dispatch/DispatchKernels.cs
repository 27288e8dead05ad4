using System.Numerics;

namespace Numbana.Tests.Dispatch;

/// <summary>Kernels of the dispatcher tests: generic, generic-math and loosely typed parameters.</summary>
public static class DispatchKernels
{
    public static T First<T>(T[] values) => values[0];

    public static T Sum<T>(T[] values) where T : INumber<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < values.Length; i++) sum += values[i];
        return sum;
    }

    public static T Dot<T>(T[] a, T[] b) where T : INumber<T>
    {
        var sum = T.Zero;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static T MaxOf<T>(T[] values) where T : INumber<T>
    {
        var best = values[0];
        for (var i = 1; i < values.Length; i++)
            if (values[i] > best) best = values[i];
        return best;
    }

    public static T Scaled<T>(T x, T y) where T : INumber<T> => (x - y) / (T.One + T.One) % (x + T.One) - -x;

    public static T Clamp<T>(T x, T low, T high) where T : INumber<T> => T.Max(low, T.Min(x, high));

    public static double ReadOnlySum(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++) sum += values[i];
        return sum;
    }

    public static void ScaleInPlace(IList<double> values, double factor)
    {
        for (var i = 0; i < values.Count; i++) values[i] = values[i] * factor;
    }

    public static int ArrayLength(Array values) => values.Length;

    public static double FirstOfObject(object values) => ((double[])values)[0];

    public static double Add(double[] a, double[] b) => a[0] + b[0];

    public static void Nothing(double[] a) { }

    public static long Triangle(int n)
    {
        long sum = 0;
        for (var i = 1; i <= n; i++) sum += i;
        return sum;
    }

    public static bool IsPositive(double x) => x > 0;

    public static int Unsupported(int x) => x.ToString().Length;

    public static double Daxpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
        return y[0];
    }

    /// <summary>A new array from compiled code, or the argument itself: JitFunction returns either as .NET would.</summary>
    public static T[] Prefix<T>(T[] values, int count) where T : INumber<T>
    {
        if (count == values.Length) return values;
        var result = new T[count];
        for (int i = 0; i < count; i++) result[i] = values[i];
        return result;
    }

    public static double[,] Outer(double[] a, double[] b)
    {
        var result = new double[a.Length, b.Length];
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++) result[i, j] = a[i] * b[j];
        return result;
    }

    public static void AddInto(double[] a, double[] b, double[] result)
    {
        for (var i = 0; i < result.Length; i++) result[i] = a[i] + b[i];
    }
}
