namespace Numbana.Tests.Execution.Kernels;

/// <summary>Every numeric method of System.Math and System.MathF, double's and float's classifications, BitConverter's bit casts.</summary>
public static class MathCompleteKernels
{
    // ---- Math (double) ----
    public static double Truncate(double x) => Math.Truncate(x);
    public static double Round(double x) => Math.Round(x);
    public static double RoundToEven(double x) => Math.Round(x, MidpointRounding.ToEven);
    public static double RoundAwayFromZero(double x) => Math.Round(x, MidpointRounding.AwayFromZero);
    public static double RoundToZero(double x) => Math.Round(x, MidpointRounding.ToZero);
    public static double RoundToNegativeInfinity(double x) => Math.Round(x, MidpointRounding.ToNegativeInfinity);
    public static double RoundToPositiveInfinity(double x) => Math.Round(x, MidpointRounding.ToPositiveInfinity);
    public static double RoundTwoDigits(double x) => Math.Round(x, 2);
    public static double RoundTwoDigitsAwayFromZero(double x) => Math.Round(x, 2, MidpointRounding.AwayFromZero);
    public static double RoundDigits(double x, int digits) => Math.Round(x, digits);
    public static double RoundDigitsMode(double x, int digits, int mode) => Math.Round(x, digits, (MidpointRounding)mode);
    public static double RoundMode(double x, int mode) => Math.Round(x, (MidpointRounding)mode);
    public static int Sign(double x) => Math.Sign(x);
    public static double Clamp(double x, double min, double max) => Math.Clamp(x, min, max);
    public static double CopySign(double x, double y) => Math.CopySign(x, y);
    public static double FusedMultiplyAdd(double x, double y, double z) => Math.FusedMultiplyAdd(x, y, z);
    public static double ScaleB(double x, int n) => Math.ScaleB(x, n);
    public static double BitIncrement(double x) => Math.BitIncrement(x);
    public static double BitDecrement(double x) => Math.BitDecrement(x);
    public static double IEEERemainder(double x, double y) => Math.IEEERemainder(x, y);
    public static double MaxMagnitude(double x, double y) => Math.MaxMagnitude(x, y);
    public static double MinMagnitude(double x, double y) => Math.MinMagnitude(x, y);
    public static int ILogB(double x) => Math.ILogB(x);
    public static double LogWithBase(double x, double newBase) => Math.Log(x, newBase);
    public static double Log2(double x) => Math.Log2(x);
    public static double Log10(double x) => Math.Log10(x);
    public static double Cbrt(double x) => Math.Cbrt(x);
    public static double Tan(double x) => Math.Tan(x);
    public static double Asin(double x) => Math.Asin(x);
    public static double Acos(double x) => Math.Acos(x);
    public static double Atan(double x) => Math.Atan(x);
    public static double Atan2(double y, double x) => Math.Atan2(y, x);
    public static double Sinh(double x) => Math.Sinh(x);
    public static double Cosh(double x) => Math.Cosh(x);
    public static double Tanh(double x) => Math.Tanh(x);
    public static double Asinh(double x) => Math.Asinh(x);
    public static double Acosh(double x) => Math.Acosh(x);
    public static double Atanh(double x) => Math.Atanh(x);
    public static long BigMul(int a, int b) => Math.BigMul(a, b);
    public static ulong BigMulUnsigned(uint a, uint b) => Math.BigMul(a, b);

    // ---- MathF (float): the float C library functions (sinf, expf, ...) ----
    public static float SqrtF(float x) => MathF.Sqrt(x);
    public static float AbsF(float x) => MathF.Abs(x);
    public static float FloorF(float x) => MathF.Floor(x);
    public static float CeilingF(float x) => MathF.Ceiling(x);
    public static float TruncateF(float x) => MathF.Truncate(x);
    public static float RoundF(float x) => MathF.Round(x);
    public static float RoundAwayFromZeroF(float x) => MathF.Round(x, MidpointRounding.AwayFromZero);
    public static float RoundDigitsModeF(float x, int digits, int mode) => MathF.Round(x, digits, (MidpointRounding)mode);
    public static float RoundTwoDigitsF(float x) => MathF.Round(x, 2);
    public static float RoundModeF(float x, int mode) => MathF.Round(x, (MidpointRounding)mode);
    public static int SignF(float x) => MathF.Sign(x);
    public static float MinF(float x, float y) => MathF.Min(x, y);
    public static float MaxF(float x, float y) => MathF.Max(x, y);
    public static float ClampF(float x, float min, float max) => Math.Clamp(x, min, max);
    public static float CopySignF(float x, float y) => MathF.CopySign(x, y);
    public static float FusedMultiplyAddF(float x, float y, float z) => MathF.FusedMultiplyAdd(x, y, z);
    public static float ScaleBF(float x, int n) => MathF.ScaleB(x, n);
    public static float BitIncrementF(float x) => MathF.BitIncrement(x);
    public static float BitDecrementF(float x) => MathF.BitDecrement(x);
    public static float IEEERemainderF(float x, float y) => MathF.IEEERemainder(x, y);
    public static float MaxMagnitudeF(float x, float y) => MathF.MaxMagnitude(x, y);
    public static float MinMagnitudeF(float x, float y) => MathF.MinMagnitude(x, y);
    public static int ILogBF(float x) => MathF.ILogB(x);
    public static float ExpF(float x) => MathF.Exp(x);
    public static float LogF(float x) => MathF.Log(x);
    public static float LogWithBaseF(float x, float newBase) => MathF.Log(x, newBase);
    public static float Log2F(float x) => MathF.Log2(x);
    public static float Log10F(float x) => MathF.Log10(x);
    public static float PowF(float x, float y) => MathF.Pow(x, y);
    public static float CbrtF(float x) => MathF.Cbrt(x);
    public static float SinF(float x) => MathF.Sin(x);
    public static float CosF(float x) => MathF.Cos(x);
    public static float TanF(float x) => MathF.Tan(x);
    public static float AsinF(float x) => MathF.Asin(x);
    public static float AcosF(float x) => MathF.Acos(x);
    public static float AtanF(float x) => MathF.Atan(x);
    public static float Atan2F(float y, float x) => MathF.Atan2(y, x);
    public static float SinhF(float x) => MathF.Sinh(x);
    public static float CoshF(float x) => MathF.Cosh(x);
    public static float TanhF(float x) => MathF.Tanh(x);
    public static float AsinhF(float x) => MathF.Asinh(x);
    public static float AcoshF(float x) => MathF.Acosh(x);
    public static float AtanhF(float x) => MathF.Atanh(x);
    public static int SignOfFloatThroughMath(float x) => Math.Sign(x);

    // ---- integers of every width ----
    public static sbyte AbsSByte(sbyte x) => Math.Abs(x);
    public static short AbsShort(short x) => Math.Abs(x);
    public static nint AbsNInt(nint x) => Math.Abs(x);
    public static byte MinByte(byte x, byte y) => Math.Min(x, y);
    public static sbyte MaxSByte(sbyte x, sbyte y) => Math.Max(x, y);
    public static short MinShort(short x, short y) => Math.Min(x, y);
    public static ushort MaxUShort(ushort x, ushort y) => Math.Max(x, y);
    public static uint MinUInt(uint x, uint y) => Math.Min(x, y);
    public static uint MaxUInt(uint x, uint y) => Math.Max(x, y);
    public static ulong MinULong(ulong x, ulong y) => Math.Min(x, y);
    public static ulong MaxULong(ulong x, ulong y) => Math.Max(x, y);
    public static nint MinNInt(nint x, nint y) => Math.Min(x, y);
    public static nuint MaxNUInt(nuint x, nuint y) => Math.Max(x, y);
    public static int ClampInt(int x, int min, int max) => Math.Clamp(x, min, max);
    public static uint ClampUInt(uint x, uint min, uint max) => Math.Clamp(x, min, max);
    public static long ClampLong(long x, long min, long max) => Math.Clamp(x, min, max);
    public static ulong ClampULong(ulong x, ulong min, ulong max) => Math.Clamp(x, min, max);
    public static byte ClampByte(byte x, byte min, byte max) => Math.Clamp(x, min, max);
    public static int SignInt(int x) => Math.Sign(x);
    public static int SignLong(long x) => Math.Sign(x);
    public static int SignShort(short x) => Math.Sign(x);
    public static int SignSByte(sbyte x) => Math.Sign(x);
    public static int SignNInt(nint x) => Math.Sign(x);

    // ---- double.Is* / float.Is* ----
    public static int ClassifyDouble(double x) =>
        (double.IsNaN(x) ? 1 : 0) | (double.IsInfinity(x) ? 2 : 0) | (double.IsFinite(x) ? 4 : 0) | (double.IsNegative(x) ? 8 : 0)
        | (double.IsPositiveInfinity(x) ? 16 : 0) | (double.IsNegativeInfinity(x) ? 32 : 0) | (double.IsSubnormal(x) ? 64 : 0)
        | (double.IsNormal(x) ? 128 : 0);
    public static int ClassifyFloat(float x) =>
        (float.IsNaN(x) ? 1 : 0) | (float.IsInfinity(x) ? 2 : 0) | (float.IsFinite(x) ? 4 : 0) | (float.IsNegative(x) ? 8 : 0)
        | (float.IsPositiveInfinity(x) ? 16 : 0) | (float.IsNegativeInfinity(x) ? 32 : 0) | (float.IsSubnormal(x) ? 64 : 0)
        | (float.IsNormal(x) ? 128 : 0);
    public static bool IsNaN(double x) => double.IsNaN(x);
    public static bool IsNegativeF(float x) => float.IsNegative(x);

    /// <summary>NaN as a loop guard: counts the elements that are usable.</summary>
    public static int CountFinite(double[] a)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
            if (double.IsFinite(a[i])) count++;
        return count;
    }

    // ---- BitConverter ----
    public static long DoubleToInt64Bits(double x) => BitConverter.DoubleToInt64Bits(x);
    public static double Int64BitsToDouble(long x) => BitConverter.Int64BitsToDouble(x);
    public static int SingleToInt32Bits(float x) => BitConverter.SingleToInt32Bits(x);
    public static float Int32BitsToSingle(int x) => BitConverter.Int32BitsToSingle(x);
    public static ulong DoubleToUInt64Bits(double x) => BitConverter.DoubleToUInt64Bits(x);
    public static double UInt64BitsToDouble(ulong x) => BitConverter.UInt64BitsToDouble(x);
    public static uint SingleToUInt32Bits(float x) => BitConverter.SingleToUInt32Bits(x);
    public static float UInt32BitsToSingle(uint x) => BitConverter.UInt32BitsToSingle(x);

    /// <summary>The next double after x, through the bits (what users write for ULP arithmetic).</summary>
    public static double NextUpThroughBits(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + 1);
}
