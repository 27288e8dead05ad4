namespace Numbana.Tests.Execution.Kernels;

/// <summary>C#'s checked arithmetic (add.ovf, sub.ovf, mul.ovf and .un) and checked casts (conv.ovf.*).</summary>
public static class CheckedKernels
{
    public static int AddInt(int a, int b) => checked(a + b);
    public static int SubInt(int a, int b) => checked(a - b);
    public static int MulInt(int a, int b) => checked(a * b);
    public static int NegInt(int a) => checked(-a);                       // 0 - a: sub.ovf
    public static uint AddUInt(uint a, uint b) => checked(a + b);
    public static uint SubUInt(uint a, uint b) => checked(a - b);
    public static uint MulUInt(uint a, uint b) => checked(a * b);
    public static long AddLong(long a, long b) => checked(a + b);
    public static long SubLong(long a, long b) => checked(a - b);
    public static long MulLong(long a, long b) => checked(a * b);
    public static ulong AddULong(ulong a, ulong b) => checked(a + b);
    public static ulong SubULong(ulong a, ulong b) => checked(a - b);
    public static ulong MulULong(ulong a, ulong b) => checked(a * b);
    public static nint AddNInt(nint a, nint b) => checked(a + b);
    public static nint MulNInt(nint a, nint b) => checked(a * b);
    public static nuint SubNUInt(nuint a, nuint b) => checked(a - b);
    public static nuint MulNUInt(nuint a, nuint b) => checked(a * b);
    public static nint AddIntToNInt(nint a, int b) => checked(a + b);     // the int widens (sign-extended) first
    public static byte AddBytes(byte a, byte b) => checked((byte)(a + b)); // add in int, then conv.ovf.u1
    public static short MulShorts(short a, short b) => checked((short)(a * b));
    public static long MulIntsWidened(int a, int b) => checked((long)a * b);

    public static int Factorial(int n)
    {
        var result = 1;
        for (var i = 2; i <= n; i++) result = checked(result * i);
        return result;
    }

    /// <summary>Stores made before the overflow stay, as in .NET.</summary>
    public static void CheckedPrefixSums(long[] a)
    {
        for (var i = 1; i < a.Length; i++) a[i] = checked(a[i - 1] + a[i]);
    }

    // ---- checked casts from integers ----
    public static sbyte IntToSByte(int a) => checked((sbyte)a);
    public static byte IntToByte(int a) => checked((byte)a);
    public static short IntToShort(int a) => checked((short)a);
    public static ushort IntToUShort(int a) => checked((ushort)a);
    public static char IntToChar(int a) => checked((char)a);
    public static uint IntToUInt(int a) => checked((uint)a);
    public static ulong IntToULong(int a) => checked((ulong)a);
    public static nuint IntToNUInt(int a) => checked((nuint)a);
    public static int UIntToInt(uint a) => checked((int)a);               // conv.ovf.i4.un
    public static byte UIntToByte(uint a) => checked((byte)a);
    public static sbyte UIntToSByte(uint a) => checked((sbyte)a);
    public static int LongToInt(long a) => checked((int)a);
    public static uint LongToUInt(long a) => checked((uint)a);
    public static short LongToShort(long a) => checked((short)a);
    public static ulong LongToULong(long a) => checked((ulong)a);
    public static long ULongToLong(ulong a) => checked((long)a);          // conv.ovf.i8.un
    public static int ULongToInt(ulong a) => checked((int)a);
    public static uint ULongToUInt(ulong a) => checked((uint)a);
    public static ushort ULongToUShort(ulong a) => checked((ushort)a);
    public static nint ULongToNInt(ulong a) => checked((nint)a);
    public static int NIntToInt(nint a) => checked((int)a);
    public static nuint NIntToNUInt(nint a) => checked((nuint)a);
    public static nint NUIntToNInt(nuint a) => checked((nint)a);
    public static byte SByteToByte(sbyte a) => checked((byte)a);
    public static sbyte ByteToSByte(byte a) => checked((sbyte)a);
    public static short UShortToShort(ushort a) => checked((short)a);
    public static short CharToShort(char a) => checked((short)a);

    // ---- checked casts from floats: NaN and out of range throw, otherwise truncation toward zero ----
    public static int DoubleToInt(double a) => checked((int)a);
    public static uint DoubleToUInt(double a) => checked((uint)a);
    public static long DoubleToLong(double a) => checked((long)a);
    public static ulong DoubleToULong(double a) => checked((ulong)a);
    public static short DoubleToShort(double a) => checked((short)a);
    public static byte DoubleToByte(double a) => checked((byte)a);
    public static sbyte DoubleToSByte(double a) => checked((sbyte)a);
    public static char DoubleToChar(double a) => checked((char)a);
    public static nint DoubleToNInt(double a) => checked((nint)a);
    public static nuint DoubleToNUInt(double a) => checked((nuint)a);
    public static int FloatToInt(float a) => checked((int)a);
    public static uint FloatToUInt(float a) => checked((uint)a);
    public static long FloatToLong(float a) => checked((long)a);
    public static ulong FloatToULong(float a) => checked((ulong)a);
    public static ushort FloatToUShort(float a) => checked((ushort)a);
    public static sbyte FloatToSByte(float a) => checked((sbyte)a);

    /// <summary>A checked conversion inside a loop over an array.</summary>
    public static int SumAsInts(double[] a)
    {
        var sum = 0;
        for (var i = 0; i < a.Length; i++) sum = checked(sum + (int)a[i]);
        return sum;
    }
}
