namespace Numbana.Tests.Execution.Kernels;

/// <summary>Conversions among bool, int, long, float and double.</summary>
public static class ConversionKernels
{
    public static long IntToLong(int a) => a;                  // conv.i8: sign extension
    public static int LongToInt(long a) => (int)a;             // conv.i4: wraps (unchecked)
    public static int LongToIntUnchecked(long a) => unchecked((int)(a * 3));
    public static float IntToFloat(int a) => a;                // conv.r4: round to nearest even
    public static double IntToDouble(int a) => a;              // exact
    public static float LongToFloat(long a) => a;              // one rounding, not two
    public static double LongToDouble(long a) => a;
    public static int FloatToInt(float a) => (int)a;           // saturating, NaN -> 0 (.NET 9+)
    public static long FloatToLong(float a) => (long)a;
    public static int DoubleToInt(double a) => (int)a;
    public static long DoubleToLong(double a) => (long)a;
    public static double FloatToDouble(float a) => a;          // exact, NaN stays NaN
    public static float DoubleToFloat(double a) => (float)a;   // rounds; overflow -> Infinity; underflow -> 0 or subnormal
    public static int BoolToInt(bool a) => a ? 1 : 0;
    public static bool IntToBool(int a) => a != 0;
    public static bool LongToBool(long a) => a != 0;
    public static bool DoubleToBool(double a) => a != 0.0;     // NaN != 0 is true
    public static double IntDivToDouble(int a, int b) => (double)a / b;
    public static long IntProductWidenedAfter(int a, int b) => a * b;        // multiplies in 32 bits, then widens
    public static long IntProductWidenedBefore(int a, int b) => (long)a * b; // multiplies in 64 bits
    public static float FloatThroughDouble(float a, float b) => (float)((double)a * b);
    public static int DoubleRoundTrip(int a) => (int)(double)a;
    public static long LongThroughDouble(long a) => (long)(double)a;         // saturates at 2^63 (long.MaxValue)
    public static int LongThroughFloatToInt(long a) => (int)(float)a;
    public static double MixedExpression(int i, long l, float f, double d) => i * d + l / (double)f + (float)(i + l);
    public static bool IntLessThanDouble(int i, double d) => i < d;                 // i converted to double
    public static bool LongEqualsDouble(long l, double d) => l == d;                // l rounded to double first
    public static bool LongLessThanFloat(long l, float f) => l < f;                 // conv.r4 (one rounding) then compare
    public static float FloatMulAdd(float a, float b, float c) => a * b + c;        // float precision, not fused
    public static float FloatChain(float a, float b) => (a * b + a) * (b - a) / (a + b + 1f);
}
