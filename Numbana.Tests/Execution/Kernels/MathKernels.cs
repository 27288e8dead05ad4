namespace Numbana.Tests.Execution.Kernels;

/// <summary>System.Math functions of the subset.</summary>
public static class MathKernels
{
    public static double Sqrt(double x) => Math.Sqrt(x);
    public static double AbsDouble(double x) => Math.Abs(x);
    public static double Floor(double x) => Math.Floor(x);
    public static double Ceiling(double x) => Math.Ceiling(x);
    public static double Exp(double x) => Math.Exp(x);
    public static double Log(double x) => Math.Log(x);
    public static double Sin(double x) => Math.Sin(x);
    public static double Cos(double x) => Math.Cos(x);
    public static double Pow(double x, double y) => Math.Pow(x, y);
    public static double MinDouble(double x, double y) => Math.Min(x, y);
    public static double MaxDouble(double x, double y) => Math.Max(x, y);

    public static int AbsInt(int x) => Math.Abs(x);          // int.MinValue throws OverflowException
    public static int MinInt(int x, int y) => Math.Min(x, y);
    public static int MaxInt(int x, int y) => Math.Max(x, y);
    public static long AbsLong(long x) => Math.Abs(x);       // long.MinValue throws OverflowException
    public static long MinLong(long x, long y) => Math.Min(x, y);
    public static long MaxLong(long x, long y) => Math.Max(x, y);

    public static float AbsFloat(float x) => Math.Abs(x);
    public static float MinFloat(float x, float y) => Math.Min(x, y);
    public static float MaxFloat(float x, float y) => Math.Max(x, y);

    public static double Hypot(double x, double y) => Math.Sqrt(x * x + y * y);
    public static double SoftPlus(double x) => Math.Log(1.0 + Math.Exp(x));
    public static double Rotate(double x, double y, double angle) => x * Math.Cos(angle) - y * Math.Sin(angle);
    public static double ClampWithMinMax(double x, double lo, double hi) => Math.Max(lo, Math.Min(x, hi));
    public static int ClampIntWithMinMax(int x, int lo, int hi) => Math.Max(lo, Math.Min(x, hi));
    public static double FloorDivision(double x, double y) => Math.Floor(x / y);
    public static double PowOfSqrt(double x) => Math.Pow(Math.Sqrt(x), 3.0);
    public static double SumOfAbsLoop(double[] a)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i]);
        return sum;
    }
}
