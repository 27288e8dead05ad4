using System.Runtime.InteropServices;

namespace Numbana.Benchmarks.Suites;

/// <summary>GlobalSetup checks: a benchmark of a wrong answer is worthless, so a mismatch throws.</summary>
internal static class Verify
{
    public static void SameBits(string what, double expected, double actual)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
            throw new InvalidOperationException($"{what}: Numbana returned {actual:R}, .NET {expected:R} (not bit for bit)");
    }

    public static void SameBits(string what, double[] expected, double[] actual)
    {
        var e = MemoryMarshal.Cast<double, long>(expected);
        var a = MemoryMarshal.Cast<double, long>(actual);
        if (!e.SequenceEqual(a))
        {
            int i = e.CommonPrefixLength(a);
            throw new InvalidOperationException($"{what}: first difference at [{i}]: Numbana {actual[i]:R}, .NET {expected[i]:R}");
        }
    }

    public static void Close(string what, double expected, double actual, double relativeTolerance)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        if (!(error <= relativeTolerance))
            throw new InvalidOperationException($"{what}: Numbana returned {actual:R}, .NET {expected:R} (relative error {error:E2} > {relativeTolerance:E0})");
    }

    public static double[] Random(int n, int seed, double lo = -1, double hi = 1)
    {
        var rng = new Random(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * rng.NextDouble();
        return v;
    }
}
