namespace Numbana.Tests.Diagnostics;

/// <summary>
/// Methods with constructs Numbana rejects. Each offending line carries a marker comment
/// (REJECTED: name) so the tests can find its line number in this file.
/// </summary>
public static class RejectedKernels
{
    public static int AllocatesAnObject(int x)
    {
        var box = new List<int>(); // REJECTED: newobj
        return box.Count + x;
    }

    public static int UsesAString(int x)
    {
        var text = "numbers"; // REJECTED: ldstr
        return text.Length + x;
    }

    public static int CatchesAnException(int[] a, int i)
    {
        try
        {
            return a[i]; // REJECTED: try (the first statement of the try block)
        }
        catch (IndexOutOfRangeException)
        {
            return -1;
        }
    }

    public static int Throws(int x)
    {
        if (x < 0) throw new ArgumentException("negative: " + x); // REJECTED: throw
        return x;
    }

    public static int CallsALibraryMethod(int x) => x + Environment.ProcessorCount; // REJECTED: library

    public static int UsesAStaticField(int x) => x + Counter; // REJECTED: ldsfld

    public static int Counter = 3;

    public static int AllocatesAnArray(int n)
    {
        var a = new object[n]; // REJECTED: newarr
        return a.Length;
    }

    public static int Caller(int x) => x + Callee(x);

    public static int Callee(int x)
    {
        var text = x.ToString(); // REJECTED: nested
        return text.Length;
    }

    public static string TakesAString(string s) => s;

    public static int CopiesASpanToAnArray(int[] a)
    {
        var copy = a.AsSpan(1).ToArray(); // REJECTED: span-member
        return copy[0];
    }

    public static int InitializesAStackalloc(int x)
    {
        Span<int> values = stackalloc int[] { 1, 2, x }; // REJECTED: stackalloc-initializer
        return values[2];
    }

    public delegate int SpanByReference(ref Span<int> span);

    public static int TakesASpanByReference(ref Span<int> span) => span.Length;

    public delegate Span<int> SpanResult(int[] a);

    public static Span<int> ReturnsASpan(int[] a) => a.AsSpan(1);
}
