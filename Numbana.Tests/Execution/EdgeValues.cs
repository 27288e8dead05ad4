namespace Numbana.Tests.Execution;

/// <summary>
/// Each type's edge values (SEMANTICS.md: 0, -0.0, 1, -1, MinValue, MaxValue, NaN, +-Infinity,
/// subnormals, epsilon) plus a few ordinary numbers, and helpers that combine them into inputs.
/// </summary>
public static class EdgeValues
{
    public static readonly bool[] Bools = [false, true];

    public static readonly int[] Ints =
    [
        0, 1, -1, 2, -2, 3, 7, -7, 10, 31, 32, 33, 63, 64, 100, -100, 12345, -98765,
        1 << 30, 0x55555555, unchecked((int)0xAAAAAAAA),
        int.MaxValue, int.MinValue, int.MaxValue - 1, int.MinValue + 1,
    ];

    public static readonly long[] Longs =
    [
        0, 1, -1, 2, -2, 3, -7, 10, 31, 32, 33, 63, 64, 65, 1000, -1000,
        int.MaxValue, int.MinValue, (long)int.MaxValue + 1, (long)int.MinValue - 1, 0xFFFFFFFFL,
        0x5555555555555555, unchecked((long)0xAAAAAAAAAAAAAAAA),
        1L << 53, (1L << 53) + 1, -(1L << 53) - 1, 1L << 62,
        (1L << 60) + (1L << 36) + 1, // (float)x rounds differently directly and through double
        long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1,
    ];

    public static readonly double[] Doubles =
    [
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 2.0, 3.0, 10.0, -7.25, 0.1, 1.0 / 3.0, Math.PI, -Math.E,
        0.49999999999999994, 0.99999999999999989, 1.0000000000000002, 4503599627370495.5,
        1e10, -1e10, 1e300, -1e300, 1e-300,
        double.Epsilon, -double.Epsilon, 2.2250738585072014E-308 /* smallest normal */, 2.2250738585072009E-308 /* largest subnormal */,
        2147483647.0, 2147483647.5, 2147483648.0, -2147483648.0, -2147483648.5, -2147483649.0,
        9.2233720368547758E18, -9.2233720368547758E18, 9.2233720368547748E18,
        double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    public static readonly float[] Floats =
    [
        0f, -0f, 1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 3f, 10f, -7.25f, 0.1f, 1f / 3f, MathF.PI,
        0.99999994f, 1.0000001f, 8388607.5f, 16777216f, 16777218f,
        1e10f, -1e10f, 1e38f, -1e38f, 1e-38f,
        float.Epsilon, -float.Epsilon, 1.17549435E-38f /* smallest normal */, 1.17549421E-38f /* largest subnormal */,
        2147483648f, -2147483648f, 2147483520f, 9.223372E18f, -9.223372E18f, 9.2233715E18f,
        float.MaxValue, float.MinValue, float.NaN, float.PositiveInfinity, float.NegativeInfinity,
    ];

    /// <summary>Shift counts: in range, the width and beyond, negative (.NET masks the count).</summary>
    public static readonly int[] ShiftCounts =
        [0, 1, 2, 7, 15, 31, 32, 33, 47, 63, 64, 65, 100, -1, -2, -31, -32, -33, -63, -64, int.MaxValue, int.MinValue];

    /// <summary>Loop trip counts (kept small: the loop runs under .NET too).</summary>
    public static readonly int[] TripCounts = [int.MinValue, -100, -2, -1, 0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 100, 1000];

    /// <summary>Array lengths around typical vector widths and unroll factors.</summary>
    public static readonly int[] Lengths = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 100, 257, 1000, 1001];

    /// <summary>Indices to probe an array of the given length: every valid edge and every invalid kind.</summary>
    public static int[] Indices(int length) =>
        [.. new[] { 0, 1, length / 2, length - 2, length - 1, length, length + 1, -1, -2, int.MinValue, int.MaxValue, int.MaxValue - 1 }.Distinct()];

    /// <summary>Only the invalid indices for an array of the given length.</summary>
    public static int[] BadIndices(int length) => [-1, -2, length, length + 1, int.MinValue, int.MaxValue, int.MinValue + length];

    public static IEnumerable<T> Finite<T>(IEnumerable<T> values) where T : System.Numerics.IFloatingPointIeee754<T>
        => values.Where(T.IsFinite);

    public static IEnumerable<(T1, T2)> Pairs<T1, T2>(IReadOnlyList<T1> first, IReadOnlyList<T2> second)
    {
        foreach (var a in first)
            foreach (var b in second)
                yield return (a, b);
    }

    public static IEnumerable<(T, T)> Pairs<T>(IReadOnlyList<T> values) => Pairs(values, values);

    public static IEnumerable<(T1, T2, T3)> Triples<T1, T2, T3>(IReadOnlyList<T1> first, IReadOnlyList<T2> second, IReadOnlyList<T3> third)
    {
        foreach (var a in first)
            foreach (var b in second)
                foreach (var c in third)
                    yield return (a, b, c);
    }

    public static IEnumerable<(T, T, T)> Triples<T>(IReadOnlyList<T> values) => Triples(values, values, values);
}

/// <summary>Random test data with fixed seeds (System.Random with a seed is stable across .NET versions).</summary>
public static class TestData
{
    public static double[] Doubles(int seed, int length, double low = -1.0, double high = 1.0)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++) values[i] = low + (high - low) * random.NextDouble();
        return values;
    }

    public static float[] Floats(int seed, int length, float low = -1f, float high = 1f)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = low + (high - low) * random.NextSingle();
        return values;
    }

    public static int[] Ints(int seed, int length, int low = int.MinValue, int high = int.MaxValue)
    {
        var random = new Random(seed);
        var values = new int[length];
        for (var i = 0; i < length; i++) values[i] = (int)random.NextInt64(low, (long)high + 1);
        return values;
    }

    public static long[] Longs(int seed, int length, long low = long.MinValue, long high = long.MaxValue)
    {
        var random = new Random(seed);
        var values = new long[length];
        for (var i = 0; i < length; i++)
            values[i] = high == long.MaxValue && low == long.MinValue ? random.NextInt64() ^ (random.NextInt64() << 1) : random.NextInt64(low, high);
        return values;
    }

    public static bool[] Bools(int seed, int length)
    {
        var random = new Random(seed);
        var values = new bool[length];
        for (var i = 0; i < length; i++) values[i] = random.Next(2) == 1;
        return values;
    }

    /// <summary>Random doubles with edge values sprinkled in (about one element in eight).</summary>
    public static double[] DoublesWithEdges(int seed, int length)
    {
        var random = new Random(seed);
        var values = Doubles(seed + 1, length, -100, 100);
        for (var i = 0; i < length; i++)
            if (random.Next(8) == 0) values[i] = EdgeValues.Doubles[random.Next(EdgeValues.Doubles.Length)];
        return values;
    }

    public static float[] FloatsWithEdges(int seed, int length)
    {
        var random = new Random(seed);
        var values = Floats(seed + 1, length, -100, 100);
        for (var i = 0; i < length; i++)
            if (random.Next(8) == 0) values[i] = EdgeValues.Floats[random.Next(EdgeValues.Floats.Length)];
        return values;
    }

    public static int[] IntsWithEdges(int seed, int length)
    {
        var random = new Random(seed);
        var values = Ints(seed + 1, length, -1000, 1000);
        for (var i = 0; i < length; i++)
            if (random.Next(8) == 0) values[i] = EdgeValues.Ints[random.Next(EdgeValues.Ints.Length)];
        return values;
    }

    public static long[] LongsWithEdges(int seed, int length)
    {
        var random = new Random(seed);
        var values = Longs(seed + 1, length, -1000, 1000);
        for (var i = 0; i < length; i++)
            if (random.Next(8) == 0) values[i] = EdgeValues.Longs[random.Next(EdgeValues.Longs.Length)];
        return values;
    }
}
