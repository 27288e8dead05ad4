namespace Numbana.Tests.Execution.Kernels;

/// <summary>Kernels that read (and write) static readonly arrays of numbers, directly and from callees.</summary>
public static class StaticArrayKernels
{
    public static readonly double[] Weights = [0.5, -1.25, 3.0, 1e-300, double.MaxValue / 4];

    /// <summary>Computed at run time: its length and contents are not known before the class is initialized.</summary>
    public static readonly int[] Table = BuildTable(Environment.ProcessorCount % 3 + 9);

    public static readonly long[] Empty = [];

    /// <summary>The tests write into it between calls (a readonly field's array is still mutable).</summary>
    public static readonly float[] Mutable = [1f, 2f, 3f];

    public static readonly byte[] Bytes = [0, 1, 127, 128, 255];

    private static int[] BuildTable(int length) => Enumerable.Range(0, length).Select(i => i * i - 7).ToArray();

    /// <summary>The dot product of the argument with <see cref="Weights"/>: an argument longer than Weights raises IndexOutOfRangeException.</summary>
    public static double WeightedSum(double[] a)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * Weights[i];
        return s;
    }

    /// <summary>Reads the table through a callee, and its length.</summary>
    public static long LookUp(int[] indices)
    {
        long s = Table.Length;
        for (var i = 0; i < indices.Length; i++) s = s * 31 + TableAt(indices[i]);
        return s;
    }

    private static int TableAt(int i) => Table[i];

    public static long SumOfEmpty(int x) => Empty.Length + x + (x < 0 ? Empty[0] : 0);

    public static float SumOfMutable(float x)
    {
        var s = x;
        foreach (var v in Mutable) s += v;
        return s;
    }

    /// <summary>Writes into a static readonly array from compiled code: .NET sees the element after the call.</summary>
    public static void StoreIntoMutable(int i, float value) => Mutable[i] = value;

    public static int SumOfBytes(int x)
    {
        var s = x;
        for (var i = 0; i < Bytes.Length; i++) s += Bytes[i];
        return s;
    }

    /// <summary>A Prange loop over the weights (the array is read by the outlined body).</summary>
    public static void ScaleByWeights(double[] a)
    {
        foreach (var i in Prange.Range(a.Length)) a[i] *= Weights[i % Weights.Length];
    }
}
