namespace Numbana;

/// <summary>
/// Parallel ranges, as Numba's <c>prange</c>: <c>foreach (int i in Prange.Range(n))</c> marks a loop
/// whose iterations may run in any order, on several threads, when the method is compiled. Run by
/// .NET without compiling, it is an ordinary sequential loop, so the same source works both ways.
/// </summary>
/// <remarks>
/// The values are those of Python's <c>range(start, end, step)</c>: <c>start, start + step, ...</c>
/// while below <c>end</c> (above it for a negative step). The enumerator is a struct without
/// <c>Dispose</c>, so <c>foreach</c> compiles to a plain loop (no try/finally). Reductions (a scalar
/// updated with +, -, *, Math.Min, Math.Max, &amp;, |, ^) are found by the compiler; see docs/parallel.md.
/// </remarks>
/// <example>
/// <code>
/// static double Sum(double[] a)
/// {
///     double s = 0;
///     foreach (int i in Prange.Range(a.Length)) s += a[i];
///     return s;
/// }
/// </code>
/// </example>
public static class Prange
{
    /// <summary>0, 1, ..., <paramref name="n"/> - 1 (empty when <paramref name="n"/> &lt;= 0).</summary>
    public static PrangeRange Range(int n) => new(0, n, 1);

    /// <summary><paramref name="start"/>, ..., <paramref name="end"/> - 1.</summary>
    public static PrangeRange Range(int start, int end) => new(start, end, 1);

    /// <summary><paramref name="start"/>, <paramref name="start"/> + <paramref name="step"/>, ... while short of <paramref name="end"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="step"/> is zero.</exception>
    public static PrangeRange Range(int start, int end, int step) => new(start, end, step);

    /// <summary>0, 1, ..., <paramref name="n"/> - 1 as longs.</summary>
    public static PrangeLongRange Range(long n) => new(0, n, 1);

    /// <summary><paramref name="start"/>, ..., <paramref name="end"/> - 1 as longs.</summary>
    public static PrangeLongRange Range(long start, long end) => new(start, end, 1);

    /// <summary><paramref name="start"/>, <paramref name="start"/> + <paramref name="step"/>, ... while short of <paramref name="end"/>, as longs.</summary>
    /// <exception cref="ArgumentException"><paramref name="step"/> is zero.</exception>
    public static PrangeLongRange Range(long start, long end, long step) => new(start, end, step);

    /// <summary>
    /// The number of values of range(start, end, step), as an unsigned count (a long range can hold
    /// more than long.MaxValue values). Compiled code computes the same count.
    /// </summary>
    internal static ulong Count(long start, long end, long step)
    {
        if (step == 0) throw ZeroStep();
        if (step > 0)
            return end > start ? ((ulong)end - (ulong)start - 1) / (ulong)step + 1 : 0;
        return start > end ? ((ulong)start - (ulong)end - 1) / (0UL - (ulong)step) + 1 : 0;
    }

    /// <summary>The exception for a zero step; compiled code raises the same one.</summary>
    internal static ArgumentException ZeroStep() => new(ZeroStepMessage, "step");

    internal const string ZeroStepMessage = "Prange.Range: the step must not be zero.";
}

/// <summary>The int range <see cref="Prange.Range(int, int, int)"/> returns: enumerate it with foreach.</summary>
public readonly struct PrangeRange
{
    private readonly int _start;
    private readonly ulong _count;
    private readonly int _step;

    internal PrangeRange(int start, int end, int step)
    {
        _count = Prange.Count(start, end, step);
        _start = start;
        _step = step;
    }

    /// <summary>The enumerator foreach uses.</summary>
    public PrangeEnumerator GetEnumerator() => new(_start, _count, _step);
}

/// <summary>Enumerates a <see cref="PrangeRange"/>. It has no Dispose, so foreach needs no try/finally.</summary>
public struct PrangeEnumerator
{
    private int _next;
    private ulong _remaining;
    private readonly int _step;

    internal PrangeEnumerator(int start, ulong count, int step)
    {
        _next = start;
        _remaining = count;
        _step = step;
        Current = 0;
    }

    /// <summary>The current value.</summary>
    public int Current { get; private set; }

    /// <summary>Moves to the next value; false at the end.</summary>
    public bool MoveNext()
    {
        if (_remaining == 0) return false;
        _remaining--;
        Current = _next;
        _next = unchecked(_next + _step);
        return true;
    }
}

/// <summary>The long range <see cref="Prange.Range(long, long, long)"/> returns: enumerate it with foreach.</summary>
public readonly struct PrangeLongRange
{
    private readonly long _start;
    private readonly ulong _count;
    private readonly long _step;

    internal PrangeLongRange(long start, long end, long step)
    {
        _count = Prange.Count(start, end, step);
        _start = start;
        _step = step;
    }

    /// <summary>The enumerator foreach uses.</summary>
    public PrangeLongEnumerator GetEnumerator() => new(_start, _count, _step);
}

/// <summary>Enumerates a <see cref="PrangeLongRange"/>. It has no Dispose, so foreach needs no try/finally.</summary>
public struct PrangeLongEnumerator
{
    private long _next;
    private ulong _remaining;
    private readonly long _step;

    internal PrangeLongEnumerator(long start, ulong count, long step)
    {
        _next = start;
        _remaining = count;
        _step = step;
        Current = 0;
    }

    /// <summary>The current value.</summary>
    public long Current { get; private set; }

    /// <summary>Moves to the next value; false at the end.</summary>
    public bool MoveNext()
    {
        if (_remaining == 0) return false;
        _remaining--;
        Current = _next;
        _next = unchecked(_next + _step);
        return true;
    }
}
