namespace Numbana.Tests.Execution.Kernels;

/// <summary>
/// sbyte, byte, short, ushort, char, uint, ulong, nint, nuint and bool as parameters, locals, return
/// values and array elements: arithmetic (promoted to int or kept in their own width), division,
/// comparisons (unsigned where C# compares unsigned), shifts and conversions to and from every type.
/// </summary>
public static class PrimitiveTypeKernels
{
    // ---- arithmetic through locals, narrowed on return ----
    public static sbyte ArithSByte(sbyte a, sbyte b) { sbyte t = (sbyte)(a * 3); t += b; t -= (sbyte)(a ^ b); return (sbyte)(t + ~a); }
    public static byte ArithByte(byte a, byte b) { byte t = (byte)(a * 3); t += b; t -= (byte)(a ^ b); return (byte)(t + ~a); }
    public static short ArithShort(short a, short b) { short t = (short)(a * 3); t += b; t -= (short)(a ^ b); return (short)(t + ~a); }
    public static ushort ArithUShort(ushort a, ushort b) { ushort t = (ushort)(a * 3); t += b; t -= (ushort)(a ^ b); return (ushort)(t + ~a); }
    public static char ArithChar(char a, char b) { char t = (char)(a * 3); t += b; t -= (char)(a ^ b); return (char)(t + ~a); }
    public static uint ArithUInt(uint a, uint b) { uint t = a * 3; t += b; t -= a ^ b; return t + ~a; }
    public static ulong ArithULong(ulong a, ulong b) { ulong t = a * 3; t += b; t -= a ^ b; return t + ~a; }
    public static nint ArithNInt(nint a, nint b) { nint t = a * 3; t += b; t -= a ^ b; return t + ~a; }
    public static nuint ArithNUInt(nuint a, nuint b) { nuint t = a * 3; t += b; t -= a ^ b; return t + ~a; }
    public static int NegateSmall(sbyte a, short b, byte c, ushort d) => -a - b - c - d;

    // ---- division: small types are promoted to int (no overflow at MinValue / -1), unsigned ones divide unsigned ----
    public static int DivSByte(sbyte a, sbyte b) => a / b;
    public static short RemShort(short a, short b) => (short)(a % b);
    public static byte DivByte(byte a, byte b) => (byte)(a / b);
    public static ushort RemUShort(ushort a, ushort b) => (ushort)(a % b);
    public static uint DivUInt(uint a, uint b) => a / b;
    public static uint RemUInt(uint a, uint b) => a % b;
    public static ulong DivULong(ulong a, ulong b) => a / b;
    public static ulong RemULong(ulong a, ulong b) => a % b;
    public static nint DivNInt(nint a, nint b) => a / b;
    public static nint RemNInt(nint a, nint b) => a % b;
    public static nuint DivNUInt(nuint a, nuint b) => a / b;
    public static char DivChar(char a, char b) => (char)(a / b);

    // ---- comparisons: one bit per operator ----
    public static int CompareUInt(uint a, uint b) => (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    public static int CompareULong(ulong a, ulong b) => (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    public static int CompareNUInt(nuint a, nuint b) => (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    public static int CompareNInt(nint a, nint b) => (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    public static int CompareSByte(sbyte a, sbyte b) => (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    public static int CompareUShort(ushort a, ushort b) => (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    public static int CompareChar(char a, char b) => (a < b ? 1 : 0) | (a <= b ? 2 : 0) | (a > b ? 4 : 0) | (a >= b ? 8 : 0) | (a == b ? 16 : 0) | (a != b ? 32 : 0);
    public static bool UIntBranch(uint a, uint b) { if (a > b) return true; return false; }
    public static int ULongLoopCount(ulong n) { var count = 0; for (ulong i = 0; i < n && count < 100; i++) count++; return count; }
    public static bool BoolLogic(bool a, bool b, bool c) => (a & b) | (c ^ a) && !(b && c) || (a == c);
    public static bool BoolLocal(bool a, int x) { var flag = a; if (x > 0) flag = !flag; return flag; }

    // ---- shifts of unsigned values are logical ----
    public static uint ShrUInt(uint a, int n) => a >> n;
    public static ulong ShrULong(ulong a, int n) => a >> n;
    public static ushort ShlUShort(ushort a, int n) => (ushort)(a << n);
    public static sbyte ShrSByte(sbyte a, int n) => (sbyte)(a >> n);
    public static nuint ShrNUInt(nuint a, int n) => a >> n;

    // ---- conversions: from each type to double, float, long, int, and back ----
    public static double ULongToDouble(ulong a) => a;
    public static float ULongToFloat(ulong a) => a;                      // conv.r.un, conv.r4: RyuJIT rounds once
    public static float ULongThroughDoubleToFloat(ulong a) => (float)(double)a;
    public static float LongThroughDoubleToFloat(long a) => (float)(double)a;
    public static float ULongThroughDoubleLocalToFloat(ulong a) { var d = (double)a; return (float)d; }
    public static double UIntToDouble(uint a) => a;
    public static float UIntToFloat(uint a) => a;
    public static double NUIntToDouble(nuint a) => a;
    public static float NIntToFloat(nint a) => a;
    public static double CharToDouble(char a) => a;
    public static float ByteToFloat(byte a) => a;
    public static double SByteToDouble(sbyte a) => a;
    public static long UIntToLong(uint a) => a;
    public static long ULongToLong(ulong a) => (long)a;
    public static int ULongToInt(ulong a) => (int)a;
    public static ulong IntToULong(int a) => (ulong)a;
    public static ulong UIntToULong(uint a) => a;
    public static nint UIntToNInt(uint a) => (nint)a;
    public static nuint IntToNUInt(int a) => (nuint)a;
    public static int NUIntToInt(nuint a) => (int)a;
    public static ushort CharToUShort(char a) => a;
    public static char IntToChar(int a) => (char)a;
    public static sbyte ShortToSByte(short a) => (sbyte)a;
    public static byte SByteToByte(sbyte a) => (byte)a;
    public static short UShortToShort(ushort a) => (short)a;
    public static ulong DoubleToULong(double a) => (ulong)a;
    public static uint DoubleToUInt(double a) => (uint)a;
    public static byte DoubleToByte(double a) => (byte)a;
    public static sbyte DoubleToSByte(double a) => (sbyte)a;
    public static short DoubleToShort(double a) => (short)a;
    public static ushort DoubleToUShort(double a) => (ushort)a;
    public static char DoubleToChar(double a) => (char)a;
    public static nint DoubleToNInt(double a) => (nint)a;
    public static nuint DoubleToNUInt(double a) => (nuint)a;
    public static ulong FloatToULong(float a) => (ulong)a;
    public static uint FloatToUInt(float a) => (uint)a;
    public static byte FloatToByte(float a) => (byte)a;
    public static ushort FloatToUShort(float a) => (ushort)a;
    public static bool ByteToBool(byte a) => a != 0;
    public static byte BoolToByte(bool a) => a ? (byte)1 : (byte)0;

    // ---- arrays of every element type ----
    public static void ScaleSBytes(sbyte[] a, sbyte k) { for (var i = 0; i < a.Length; i++) a[i] = (sbyte)(a[i] * k); }
    public static void ScaleUShorts(ushort[] a, ushort k) { for (var i = 0; i < a.Length; i++) a[i] = (ushort)(a[i] * k + 1); }
    public static void ShiftChars(char[] a, int k) { for (var i = 0; i < a.Length; i++) a[i] = (char)(a[i] + k); }
    public static ulong SumUInts(uint[] a) { ulong sum = 0; for (var i = 0; i < a.Length; i++) sum += a[i]; return sum; }
    public static ulong XorULongs(ulong[] a) { ulong x = 0; for (var i = 0; i < a.Length; i++) x = (x << 1 | x >> 63) ^ a[i]; return x; }
    public static nint SumNInts(nint[] a) { nint sum = 0; for (var i = 0; i < a.Length; i++) sum += a[i]; return sum; }
    public static void HalveNUInts(nuint[] a) { for (var i = 0; i < a.Length; i++) a[i] /= 2; }
    public static int CountTrue(bool[] a) { var count = 0; for (var i = 0; i < a.Length; i++) if (a[i]) count++; return count; }
    public static void NegateBools(bool[] a) { for (var i = 0; i < a.Length; i++) a[i] = !a[i]; }
    public static byte MaxByte(byte[] a) { byte max = 0; for (var i = 0; i < a.Length; i++) if (a[i] > max) max = a[i]; return max; }
    public static void UIntToFloats(uint[] a, float[] result) { for (var i = 0; i < a.Length; i++) result[i] = a[i]; }
    public static void ULongToDoubles(ulong[] a, double[] result) { for (var i = 0; i < a.Length; i++) result[i] = a[i]; }
    public static short SumShortsInShort(short[] a) { short sum = 0; for (var i = 0; i < a.Length; i++) sum += a[i]; return sum; }
}
