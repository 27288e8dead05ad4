using System.Numerics;

namespace Numbana.Tests.Execution.Kernels;

/// <summary>Span&lt;T&gt;, ReadOnlySpan&lt;T&gt; and stackalloc.</summary>
public static class SpanKernels
{
    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var x in values) sum += x;
        return sum;
    }

    private static void Scale(Span<double> values, double factor)
    {
        for (var i = 0; i < values.Length; i++) values[i] *= factor;
    }

    /// <summary>The implicit conversion from T[], a span passed to callees (one writes through it), foreach.</summary>
    public static double ConvertAndPass(double[] a, double factor)
    {
        Span<double> span = a;
        Scale(span, factor);
        return Sum(span) + Sum(a);
    }

    /// <summary>Each way of making a span from an array, with Length and IsEmpty.</summary>
    public static int WaysToMakeASpan(int[] a, int start, int length)
    {
        var whole = new Span<int>(a);
        var asSpan = a.AsSpan();
        var tail = a.AsSpan(start);
        var part = a.AsSpan(start, length);
        var constructed = new Span<int>(a, start, length);
        ReadOnlySpan<int> readOnly = a;
        return whole.Length + asSpan.Length * 10 + tail.Length * 100 + part.Length * 1000 + constructed.Length * 10_000
            + (part.IsEmpty ? 100_000 : 0) + readOnly.Length * 1_000_000 + (part.IsEmpty ? 0 : part[0] + constructed[length - 1]);
    }

    /// <summary>Slice(start) and Slice(start, length): ArgumentOutOfRangeException as .NET, unsigned arithmetic included.</summary>
    public static long Slices(long[] a, int start, int length)
    {
        Span<long> span = a;
        var tail = span.Slice(start);
        var part = span.Slice(start, length);
        long sum = tail.Length * 1000L + part.Length;
        for (var i = 0; i < part.Length; i++) sum += part[i];
        return sum;
    }

    /// <summary>Nested slices of a ReadOnlySpan: the second is relative to the first.</summary>
    public static float NestedSlices(float[] a, int first, int second)
    {
        ReadOnlySpan<float> span = a;
        var inner = span.Slice(first).Slice(second, 2);
        return inner[0] * 3 + inner[1];
    }

    /// <summary>The indexer is bounds checked (IndexOutOfRangeException), after the earlier stores.</summary>
    public static void WriteThroughSpan(int[] a, int index, int value)
    {
        var span = a.AsSpan(1);
        span[0] = -7;
        span[index] = value;
        span[index] += 1;
    }

    private static void Bump(ref short target) => target += 1000;

    /// <summary>ref span[i] as a ref local and a ref argument; small types wrap on store.</summary>
    public static int RefsIntoASpan(short[] a, int i)
    {
        var span = a.AsSpan();
        ref var element = ref span[i];
        element *= 3;
        Bump(ref span[a.Length - 1 - i]);
        return element + span[0];
    }

    /// <summary>Fill and Clear.</summary>
    public static void FillAndClear(byte[] a, byte value, int start)
    {
        a.AsSpan().Fill(value);
        a.AsSpan(start).Clear();
    }

    /// <summary>CopyTo (ArgumentException when too short, after the earlier stores), TryCopyTo, array.CopyTo(span), overlapping copies.</summary>
    public static int Copies(double[] a, double[] b, int shift, int count)
    {
        a[0] = 99;
        var copied = a.AsSpan(0, count).TryCopyTo(b.AsSpan(shift)) ? 1 : 0;
        a.AsSpan(0, count).CopyTo(a.AsSpan(shift)); // overlapping when shift < count: memmove semantics
        ReadOnlySpan<double> view = b;
        view.Slice(shift).CopyTo(a);
        b.CopyTo(a.AsSpan(count));
        return copied;
    }

    /// <summary>A constant stackalloc: zeroed (C# methods have localsinit), used as scratch.</summary>
    public static int Histogram(int[] values)
    {
        Span<int> counts = stackalloc int[16];
        var first = counts[3] + counts[15]; // zero before any store
        foreach (var v in values) counts[v & 15]++;
        var result = first;
        for (var i = 0; i < counts.Length; i++) result = result * 3 + counts[i];
        return result;
    }

    /// <summary>A stackalloc whose size is computed at run time, bounds checked like any span.</summary>
    public static double PrefixSums(double[] a, int extra, int probe)
    {
        Span<double> sums = stackalloc double[a.Length + extra];
        var running = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            running += a[i];
            sums[i] = running;
        }
        return sums[probe] + sums.Length;
    }

    /// <summary>A stackalloc in a loop (a fresh zeroed buffer each time, as .NET allocates one each time).</summary>
    public static long StackallocInALoop(int[] sizes)
    {
        long total = 0;
        foreach (var size in sizes)
        {
#pragma warning disable CA2014 // the point of the test: each iteration's stackalloc is a new buffer
            Span<long> scratch = stackalloc long[size & 63];
#pragma warning restore CA2014
            for (var i = 0; i < scratch.Length; i++) scratch[i] += i * (long)size;
            foreach (var x in scratch) total = total * 7 + x;
        }
        return total;
    }

    /// <summary>default(Span&lt;T&gt;) and Span&lt;T&gt;.Empty are empty.</summary>
    public static int EmptySpans(char[] a)
    {
        Span<char> none = default;
        var empty = Span<char>.Empty;
        ReadOnlySpan<char> fromArray = a;
        return none.Length + empty.Length * 10 + (none.IsEmpty && empty.IsEmpty ? 100 : 0) + fromArray.Length * 1000;
    }

    /// <summary>Index and Range on spans: C# compiles span[^1] to Length and the indexer, span[a..b] to Slice.</summary>
    public static int IndicesFromTheEndAndRanges(int[] a, int from, int to)
    {
        var span = a.AsSpan();
        var middle = span[from..^to];
        var last = span[^1];
        return middle.Length * 1000 + last + (middle.IsEmpty ? 0 : middle[^1] - middle[0]);
    }

    /// <summary>A span local read in a Prange body (SpanSlotPromotion makes it a live-in of the parallel body).</summary>
    public static void ParallelScale(double[] a, double factor)
    {
        Span<double> span = a;
        foreach (var i in Prange.Range(span.Length)) span[i] *= factor;
    }

    /// <summary>ReadOnlySpan&lt;T&gt; over constant data (C# puts it in the assembly): bytes, and wider types through CreateSpan.</summary>
    public static double LookupTables(int i)
    {
        ReadOnlySpan<byte> bytes = [3, 1, 4, 1, 5, 9, 2, 6, 0, 255];
        ReadOnlySpan<int> ints = [int.MinValue, -1, 0, 1, int.MaxValue, 42];
        ReadOnlySpan<double> doubles = new double[] { 0.5, -0.0, double.NaN, 1e300, double.Epsilon };
        ReadOnlySpan<short> shorts = [-32768, 7, 32767];
        ReadOnlySpan<bool> bools = [true, false, true];
        return bytes[i] * 1e6 + ints[i % ints.Length] + doubles[(i + 1) % doubles.Length] + shorts[i % 3] + (bools[i % 3] ? 0.25 : 0) + bytes.Length + ints.Length;
    }

    private static T SumOf<T>(ReadOnlySpan<T> values) where T : INumber<T>
    {
        var sum = T.Zero;
        foreach (var x in values) sum += x;
        return sum;
    }

    /// <summary>Every number type through generic math: writes wrap to the element type.</summary>
    public static T WeightedTail<T>(T[] a, T step) where T : INumber<T>
    {
        Span<T> span = a;
        for (var i = 0; i < span.Length; i++) span[i] += step * T.CreateTruncating(i);
        return span.IsEmpty ? T.Zero : SumOf<T>(span.Slice(1));
    }

    private static double First(in ReadOnlySpan<double> values) => values[0];

    private static void Advance(ref Span<double> values, int by) => values = values.Slice(by);

    /// <summary>Spans passed by in and by ref to callees (they stay in memory): the callee's reassignment is seen.</summary>
    public static double SpansByReference(double[] a, int by)
    {
        var span = a.AsSpan();
        Advance(ref span, by);
        ReadOnlySpan<double> view = span;
        return First(in view) * 10 + span.Length;
    }

    /// <summary>Entry parameters: ReadOnlySpan in, Span written.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < y.Length; i++) y[i] += alpha * x[i];
    }

    public delegate double DotDelegate(ReadOnlySpan<double> x, ReadOnlySpan<double> y);

    public delegate void AxpyDelegate(double alpha, ReadOnlySpan<double> x, Span<double> y);

}
