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

    public static int ReadsANullStaticArray(int i) => NullTable[i]; // REJECTED: null static array

    public static readonly int[] NullTable = null!;

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

    public static Func<int, int> CapturesAString(string text) => x => x + text.Length; // REJECTED: captured string

    public static Action<int> ReplacesACapturedArray(double[] data) => n => data = new double[n]; // REJECTED: captured array replaced

    /// <summary>A lambda over a local and a field of the enclosing object: its closure references 'this'.</summary>
    public sealed class Holder
    {
        public int Offset = 3;

        public Func<int, int> Adder(int scale) => x => x * scale + Offset; // REJECTED: captured this
    }

    public static double UsesAStructWithAnArray(double[] a)
    {
        var holder = new StructWithAnArray { Data = a }; // REJECTED: struct with a reference
        return holder.Data.Length;
    }

    public static int UsesAUnion(float x)
    {
        var bits = new FloatBits { F = x }; // REJECTED: union
        return bits.I;
    }

    public static float UsesVectorReflect(float t) => System.Numerics.Vector2.Reflect(System.Numerics.Vector2.Zero, System.Numerics.Vector2.One * t).X; // REJECTED: reflect

    public static double UsesComplexLog(double x) => System.Numerics.Complex.Log(new System.Numerics.Complex(x, 1)).Real; // REJECTED: complex log

    public static int CallsToStringOnAStruct(int x)
    {
        var value = new Plain { Value = x };
        return value.ToString()!.Length; // REJECTED: boxing
    }

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

    public static void ReplacesARowOfAJaggedArray(double[][] m, int n)
    {
        for (int i = 0; i < m.Length; i++)
            m[i] = new double[n]; // REJECTED: jagged row store
    }

    public static int AllocatesAJaggedArray(int n)
    {
        var m = new double[n][]; // REJECTED: new jagged
        return m.Length;
    }

    public static int ReadsAStaticJaggedArray(int i) => StaticRows[i].Length; // REJECTED: static jagged

    public static readonly int[][] StaticRows = [[1], [2, 3]];

    public static Func<int, double> CapturesAJaggedArray(double[][] m) => i => m[i][0]; // REJECTED: captured jagged

    public static double[] ReturnsARow(double[][] m, int i) => m[i];

    public static double[][] ReturnsAJaggedArray(double[][] m) => m;
}

public struct StructWithAnArray
{
    public double[] Data;
}

[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)]
public struct FloatBits
{
    [System.Runtime.InteropServices.FieldOffset(0)] public int I;
    [System.Runtime.InteropServices.FieldOffset(0)] public float F;
}

public struct Plain
{
    public int Value;
}
