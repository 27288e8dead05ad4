namespace Numbana.Tests.Execution.Kernels;

/// <summary>Branches and loops: if/else, for, while, do/while, break, continue, ?:, early returns, &amp;&amp; and ||.</summary>
public static class ControlFlowKernels
{
    public static int Clamp(int x, int lo, int hi)
    {
        if (x < lo) return lo;
        else if (x > hi) return hi;
        else return x;
    }

    public static int Sign(double x)
    {
        if (x > 0) return 1;
        if (x < 0) return -1;
        return 0; // zero and NaN
    }

    public static long SumTo(int n)
    {
        long sum = 0;
        for (var i = 0; i < n; i++) sum += i;
        return sum;
    }

    public static int SumDownWhile(int n)
    {
        var sum = 0;
        while (n > 0)
        {
            sum += n * n;
            n -= 3;
        }
        return sum;
    }

    public static int CountDigits(int n)
    {
        var count = 0;
        do
        {
            count++;
            n /= 10;
        } while (n != 0);
        return count;
    }

    public static int CollatzSteps(long n, int limit)
    {
        var steps = 0;
        while (n > 1 && steps < limit)
        {
            if ((n & 1) == 0) n >>= 1;
            else n = 3 * n + 1;
            steps++;
        }
        return steps;
    }

    public static long BreakAndContinue(int n, int stopAt)
    {
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            if (i % 3 == 0) continue;
            if (i > stopAt) break;
            sum += i * 7 - 11;
        }
        return sum;
    }

    public static int Max3(int a, int b, int c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    public static double MaxNaNAware(double a, double b) => a > b ? a : b; // NaN picks b

    public static int FirstDivisor(int n)
    {
        if (n < 2) return -1;
        for (var d = 2; d <= n / d; d++)
        {
            if (n % d == 0) return d;
        }
        return n;
    }

    public static int CountCoprimePairs(int n, int m)
    {
        var count = 0;
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                if (j > 2 * i) break;
                var a = i;
                var b = j;
                while (b != 0)
                {
                    var t = a % b;
                    a = b;
                    b = t;
                }
                if (a == 1) count++;
            }
        }
        return count;
    }

    public static bool InRange(int x, int lo, int hi) => x >= lo && x <= hi;

    public static bool OutsideOrNaN(double x, double lo, double hi) => !(x >= lo) || x > hi;

    /// <summary>The &amp;&amp; skips the division: no DivideByZeroException when b == 0.</summary>
    public static bool QuotientAbove(int a, int b, int limit) => b != 0 && a / b > limit;

    /// <summary>The || skips the division when b == 0, evaluates it (and may throw) otherwise.</summary>
    public static bool ZeroOrQuotientSmall(int a, int b) => b == 0 || a % b < 2;

    public static bool IsEven(int x) => (x & 1) == 0;

    public static bool IsPowerOfTwo(long x) => x > 0 && (x & (x - 1)) == 0;

    public static int CountEvens(int n)
    {
        var count = 0;
        for (var i = -n; i < n; i++)
            if (IsEvenLocal(i) && !(i % 3 == 0 || i % 5 == 0)) count++;
        return count;

        static bool IsEvenLocal(int x) => (x & 1) == 0;
    }

    public static int FloatLoopCount(double start, double end, double step)
    {
        var count = 0;
        for (var x = start; x < end && count < 1000; x += step) count++;
        return count;
    }

    public static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            var t = a % b; // long.MinValue % -1 throws OverflowException
            a = b;
            b = t;
        }
        return a < 0 ? -a : a;
    }

    public static int NestedEarlyReturn(int n, int target)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i * j == target) return i * 1000 + j;
                if (j > i) break;
            }
        }
        return -1;
    }

    public static double PiecewiseWithBool(double x, bool flip)
    {
        double y;
        if (x < -1.0) y = -1.0;
        else if (x > 1.0) y = 1.0;
        else y = x * x * x;
        return flip ? -y : y;
    }

    public static int LoopWithComplexCondition(int n, int m)
    {
        var i = 0;
        var j = n;
        while ((i < n && j > 0) || (i < m && i < 50))
        {
            i++;
            j -= 2;
        }
        return i * 1000 + j;
    }

    public static long DoWhileBreakContinue(long x)
    {
        long acc = 0;
        var i = 0;
        do
        {
            i++;
            if ((x >> i & 1) == 1) continue;
            acc += i;
            if (acc > 40) break;
        } while (i < 63);
        return acc * 100 + i;
    }

    /// <summary>Locals of every type carried around a loop and merged after branches (phis of every type).</summary>
    public static double LoopCarriedEveryType(int n, double x)
    {
        var b = false;
        var i32 = 1;
        var i64 = -1L;
        var f32 = 0.5f;
        var f64 = x;
        for (var k = 0; k < n; k++)
        {
            if (b) { i32 = i32 * 3 + k; f32 = f32 * 1.5f; }
            else { i64 = i64 * 5 - k; f64 = f64 * 0.75 + k; }
            b = !b && (k & 3) != 1;
            if (k > 40) break;
        }
        var flag = b ? 1.0 : -1.0;
        return flag + i32 + i64 + f32 + f64;
    }

    public static int WhileTrueWithBreak(int n)
    {
        var i = 0;
        var acc = 0;
        while (true)
        {
            acc += i ^ n;
            if (++i >= n || acc > 100000) break;
        }
        return acc;
    }

    public static float TernaryOfFloats(float a, float b, bool pick) => pick ? (a < b ? a : b) : (a >= b ? a : b);

    public static long TernaryOfLongs(long a, bool neg) => neg ? -a : a > 0 ? a : ~a;

#pragma warning disable CS1718 // b != b is the NaN test
    public static bool BoolFromComparisons(double a, double b, int c) => (a < b) == (c > 0) || (b != b) & (c == 0) || !(a >= b) && c < 0;
#pragma warning restore CS1718

    /// <summary>The induction variable wraps around int.MaxValue: unchecked, so the loop ends after the wrap.</summary>
    public static int WrappingInductionVariable(int start, int end)
    {
        var count = 0;
        for (var i = start; i != end && count < 100; i++) count++;
        return count;
    }

    /// <summary>i += step overflows to a negative value, which ends the loop (no "no signed wrap" may be assumed).</summary>
    public static int LoopEndsByOverflow(int start, int step)
    {
        var count = 0;
        for (var i = start; i > 0 && count < 1000; i += step) count++;
        return count;
    }

    public static long LongLoopEndsByOverflow(long start, long step)
    {
        long sum = 0;
        for (var i = start; i > 0; i += step) sum += i & 0xFF;
        return sum;
    }
}
