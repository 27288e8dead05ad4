namespace Numbana.Tests.Execution.Kernels;

/// <summary><c>throw new X(constant arguments)</c> for each exception type compiled code may throw.</summary>
public static class ThrowKernels
{
    public static int ArgumentOutOfRangeWithParamName(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
        return n * 2;
    }

    public static int ArgumentOutOfRangeWithMessage(int n)
    {
        if (n > 100) throw new ArgumentOutOfRangeException(nameof(n), "n must be at most 100.");
        return n + 1;
    }

    public static double ArgumentWithMessage(double x)
    {
        if (!(x >= 0) && !(x < 0)) throw new ArgumentException("x is NaN.");
        return x * 0.5;
    }

    public static double ArgumentWithMessageAndParamName(double x)
    {
        if (x < 0) throw new ArgumentException("x must not be negative.", nameof(x));
        return Math.Sqrt(x);
    }

    public static int InvalidOperation(int state)
    {
        if (state == 3) throw new InvalidOperationException("The solver did not converge.");
        if (state == 4) throw new InvalidOperationException();
        return state;
    }

    public static int IndexOutOfRange(int i) => i >= 10 ? throw new IndexOutOfRangeException("i is past the grid.") : i;

    public static long DivideByZero(long x) => x == 0 ? throw new DivideByZeroException("x is zero.") : 1000 / x;

    public static int Overflow(int x) => x > 1 << 20 ? throw new OverflowException("x is too large to square.") : x * x;

    public static int NotSupported(int kind) => kind switch
    {
        0 => 10,
        1 => 20,
        _ => throw new NotSupportedException("Only kinds 0 and 1 are supported."),
    };

    public static float Arithmetic(float x) => x == 0 ? throw new ArithmeticException("Zero has no logarithm.") : x * 2;

    /// <summary>The stores before the throw stay, as in .NET.</summary>
    public static void StoresThenThrows(int[] a, int limit)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] > limit) throw new ArgumentException("An element is above the limit.", nameof(a));
            a[i] = a[i] * 2 + 1;
        }
    }

    /// <summary>A callee's exception reaches the caller after the callee's stores.</summary>
    public static int ThrowsInACallee(int[] a, int n)
    {
        a[0] = n;
        return Checked(n) + 1;
    }

    private static int Checked(int n) => n % 7 == 3 ? throw new InvalidOperationException("n % 7 is 3.") : n;
}
