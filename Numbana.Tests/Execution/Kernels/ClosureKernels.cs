namespace Numbana.Tests.Execution.Kernels;

/// <summary>
/// Lambdas that capture: each factory returns a lambda over the factory's parameters and locals, so that
/// a test can make several closures of one lambda, and change what they captured between calls.
/// </summary>
public static class ClosureKernels
{
    public static double Sum(double[] a)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    /// <summary>The example: a callee over the argument, times a captured double.</summary>
    public static Func<double[], double> ScaledSum(double scale) => a => Sum(a) * scale;

    /// <summary>A captured value of every primitive type, mixed into one long (each type's own conversions).</summary>
    public static Func<long, long> MixesEveryType(bool b, sbyte i8, byte u8, short i16, ushort u16, char c, int i32, uint u32, long i64, ulong u64,
        nint ni, nuint nu, float f32, double f64) =>
        x => x + (b ? 1 : 0) + i8 * 3 + u8 * 5 + i16 * 7 + u16 * 11 + c * 13 + i32 * 17L + u32 * 19L + i64 * 23 + (long)u64 * 29
             + ni * 31 + (long)nu * 37 + (long)(f32 * 41) + (long)(f64 * 43);

    /// <summary>A captured array read at each call: indexing past its end raises IndexOutOfRangeException.</summary>
    public static Func<double[], double> WeightedSum(double[] weights) => a =>
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * weights[i];
        return s;
    };

    /// <summary>Writes into the elements of a captured array (the caller sees them).</summary>
    public static Action<int[]> Histogram(int[] counts) => values =>
    {
        for (var i = 0; i < values.Length; i++) counts[values[i] & 7]++;
    };

    /// <summary>Two scopes: the lambda reads a variable of the method (through the link to its closure) and one of the loop body.</summary>
    public static Func<int, int>[] TwoScopes(int baseValue, int count)
    {
        var functions = new Func<int, int>[count];
        var step = baseValue * 2;
        for (var i = 0; i < count; i++)
        {
            var offset = i * 100;
            functions[i] = x => x * step + offset + baseValue;
        }
        return functions;
    }

    /// <summary>Three scopes deep, and the outer variable is written by the lambda.</summary>
    public static Func<int, int> ThreeScopes(int a, Action<Func<int>> seeTotal)
    {
        var total = 0;
        seeTotal(() => total);
        {
            var b = a + 1;
            {
                var c = b + 1;
                Func<int, int> f = x => { total += x * a + b * c; return total; };
                return f;
            }
        }
    }

    /// <summary>Counts into a captured variable (ldfld, add, stfld): .NET reads the count after the call.</summary>
    public static Action<int[]> CountEvens(Box<int> result)
    {
        var count = 0;
        result.Read = () => count;
        result.Write = v => count = v;
        return a =>
        {
            for (var i = 0; i < a.Length; i++)
                if ((a[i] & 1) == 0) count++;
        };
    }

    /// <summary>A compound assignment whose right side branches: the closure stays on the stack across the branch.</summary>
    public static Func<int, long> AccumulatesConditionally(Box<long> result)
    {
        var total = 0L;
        result.Read = () => total;
        result.Write = v => total = v;
        return x =>
        {
            total += x > 0 ? x * 2L : -x;
            return total;
        };
    }

    /// <summary>A captured variable passed by ref to a callee, and small types that wrap.</summary>
    public static Action<int> IncrementsThroughARef(Box<byte> result)
    {
        byte counter = 250;
        result.Read = () => counter;
        result.Write = v => counter = v;
        return n =>
        {
            for (var i = 0; i < n; i++) Increment(ref counter);
        };
    }

    private static void Increment(ref byte value) => value++;

    /// <summary>The lambda writes the variable, then an exception: the write made before it stays.</summary>
    public static Func<int[], int, int> WritesThenThrows(Box<int> result)
    {
        var last = -1;
        result.Read = () => last;
        result.Write = v => last = v;
        return (a, i) =>
        {
            last = i;
            return a[i];
        };
    }

    /// <summary>A Prange loop in a capturing lambda: the outlined body reads the captured values too.</summary>
    public static Action<double[]> ScaleInParallel(double factor, double[] offsets) => a =>
    {
        foreach (var i in Prange.Range(a.Length)) a[i] = a[i] * factor + offsets[i % offsets.Length];
    };

    /// <summary>A local function that reads two captured variables and counts its calls in a third, called by the lambda.</summary>
    public static Func<double[], double> CallsALocalFunction(double scale, double shift, Box<int> calls)
    {
        var count = 0;
        calls.Read = () => count;
        calls.Write = v => count = v;
        double Transform(double x)
        {
            count++;
            return x * scale + shift;
        }
        return a =>
        {
            var s = 0.0;
            for (var i = 0; i < a.Length; i++) s += Transform(a[i]);
            return s + count;
        };
    }

    /// <summary>A recursive local function over a captured variable.</summary>
    public static Func<int, long> CallsARecursiveLocalFunction(long offset)
    {
        long Fib(int n) => n < 2 ? n + offset : Fib(n - 1) + Fib(n - 2);
        return n => Fib(n & 15);
    }

    /// <summary>Lambdas of a loop body calling a local function of the enclosing scope (through the link to its closure).</summary>
    public static Func<int, int>[] CallAnOuterLocalFunction(int factor, int count)
    {
        int Scale(int x) => x * factor;
        var functions = new Func<int, int>[count];
        for (var i = 0; i < count; i++)
        {
            var offset = i - 1;
            functions[i] = x => Scale(x) + offset;
        }
        return functions;
    }

    /// <summary>A lambda in a generic method: its closure class is generic, and so is the captured variable's type.</summary>
    public static Func<T[], T> SumFrom<T>(T start) where T : System.Numerics.INumber<T> => a =>
    {
        var s = start;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    };

    /// <summary>Reads and writes of one variable from a lambda and from .NET code, through the same closure.</summary>
    public sealed class Box<T>
    {
        public Func<T> Read { get; set; } = () => default!;
        public Action<T> Write { get; set; } = _ => { };
    }
}
