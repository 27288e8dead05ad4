namespace Numbana.Tests.Execution.Kernels;

/// <summary>Arithmetic, bitwise, shift and comparison kernels: plain C# as a user writes it.</summary>
public static class ArithmeticKernels
{
    // int
    public static int AddInt(int a, int b) => a + b;
    public static int SubInt(int a, int b) => a - b;
    public static int MulInt(int a, int b) => a * b;
    public static int DivInt(int a, int b) => a / b;
    public static int RemInt(int a, int b) => a % b;
    public static int NegInt(int a) => -a;
    public static int AndInt(int a, int b) => a & b;
    public static int OrInt(int a, int b) => a | b;
    public static int XorInt(int a, int b) => a ^ b;
    public static int NotInt(int a) => ~a;
    public static int ShlInt(int a, int n) => a << n;
    public static int ShrInt(int a, int n) => a >> n;
    public static int ShrUnInt(int a, int n) => a >>> n;
    public static int ShlIntConst(int a) => a << 33;      // C# masks the constant: << 1
    public static int ShrIntConst(int a) => a >> 31;
    public static int ShrUnIntConst(int a) => a >>> 31;
    public static int UncheckedMulInt(int a, int b) => unchecked(a * b + int.MaxValue);
    public static int MulAddInt(int a, int b, int c) => a * b + c;
    public static int MixInt(int a, int b, int c, int d) => ((a + b) * (c - d)) ^ (a >> (d & 7)) | (b % 7);
    public static int DivConstInt(int a) => a / 7;          // the .NET JIT and LLVM both turn these into multiplies
    public static int RemConstInt(int a) => a % 8;
    public static int DivByMinusOneInt(int a) => a / -1;    // int.MinValue / -1 throws even with a constant divisor

    // long
    public static long AddLong(long a, long b) => a + b;
    public static long SubLong(long a, long b) => a - b;
    public static long MulLong(long a, long b) => a * b;
    public static long DivLong(long a, long b) => a / b;
    public static long RemLong(long a, long b) => a % b;
    public static long NegLong(long a) => -a;
    public static long AndLong(long a, long b) => a & b;
    public static long OrLong(long a, long b) => a | b;
    public static long XorLong(long a, long b) => a ^ b;
    public static long NotLong(long a) => ~a;
    public static long ShlLong(long a, int n) => a << n;
    public static long ShrLong(long a, int n) => a >> n;
    public static long ShrUnLong(long a, int n) => a >>> n;
    public static long ShlLongConst(long a) => a << 65;     // masked: << 1
    public static long UncheckedMulLong(long a, long b) => unchecked(a * b - long.MaxValue);
    public static long MulAddLong(long a, long b, long c) => a * b + c;
    public static long AddMixed(int a, long b) => a + b;    // int widened with sign extension
    public static long RemConstLong(long a) => a % -3;

    // float
    public static float AddFloat(float a, float b) => a + b;
    public static float SubFloat(float a, float b) => a - b;
    public static float MulFloat(float a, float b) => a * b;
    public static float DivFloat(float a, float b) => a / b;
    public static float RemFloat(float a, float b) => a % b;
    public static float NegFloat(float a) => -a;

    // double
    public static double AddDouble(double a, double b) => a + b;
    public static double SubDouble(double a, double b) => a - b;
    public static double MulDouble(double a, double b) => a * b;
    public static double DivDouble(double a, double b) => a / b;
    public static double RemDouble(double a, double b) => a % b;
    public static double NegDouble(double a) => -a;
    public static double SubFromZero(double a) => 0.0 - a;  // not the same as -a for 0.0 and NaN
    public static double MulAddDouble(double a, double b, double c) => a * b + c; // must not be fused by default
    public static double MixDouble(double a, double b, double c, double d) => (a - b) * (c + d) / (a + 1.0);

    // comparisons producing values (ceq, clt, cgt, clt.un, cgt.un)
    public static bool EqInt(int a, int b) => a == b;
    public static bool NeInt(int a, int b) => a != b;
    public static bool LtInt(int a, int b) => a < b;
    public static bool LeInt(int a, int b) => a <= b;
    public static bool GtInt(int a, int b) => a > b;
    public static bool GeInt(int a, int b) => a >= b;
    public static bool EqLong(long a, long b) => a == b;
    public static bool NeLong(long a, long b) => a != b;
    public static bool LtLong(long a, long b) => a < b;
    public static bool LeLong(long a, long b) => a <= b;
    public static bool GtLong(long a, long b) => a > b;
    public static bool GeLong(long a, long b) => a >= b;
    public static bool EqFloat(float a, float b) => a == b;
    public static bool NeFloat(float a, float b) => a != b;
    public static bool LtFloat(float a, float b) => a < b;
    public static bool LeFloat(float a, float b) => a <= b;
    public static bool GtFloat(float a, float b) => a > b;
    public static bool GeFloat(float a, float b) => a >= b;
    public static bool EqDouble(double a, double b) => a == b;
    public static bool NeDouble(double a, double b) => a != b;
    public static bool LtDouble(double a, double b) => a < b;
    public static bool LeDouble(double a, double b) => a <= b;
    public static bool GtDouble(double a, double b) => a > b;
    public static bool GeDouble(double a, double b) => a >= b;
#pragma warning disable CS1718 // comparing a value with itself is the point
    public static bool IsNaNByHand(double a) => a != a;
#pragma warning restore CS1718

    // comparisons as branches (the C# compiler emits bge.un / ble.un / bne.un for floats)
    public static int BranchLtDouble(double a, double b) { if (a < b) return 1; return 2; }
    public static int BranchLeDouble(double a, double b) { if (a <= b) return 1; return 2; }
    public static int BranchGtDouble(double a, double b) { if (a > b) return 1; return 2; }
    public static int BranchGeDouble(double a, double b) { if (a >= b) return 1; return 2; }
    public static int BranchEqDouble(double a, double b) { if (a == b) return 1; return 2; }
    public static int BranchNeDouble(double a, double b) { if (a != b) return 1; return 2; }
    public static int BranchNotLtDouble(double a, double b) { if (!(a < b)) return 1; return 2; }
    public static int BranchNotGeDouble(double a, double b) { if (!(a >= b)) return 1; return 2; }
    public static int BranchLtFloat(float a, float b) { if (a < b) return 1; return 2; }
    public static int BranchNotLeFloat(float a, float b) { if (!(a <= b)) return 1; return 2; }
    public static int BranchNotGtFloat(float a, float b) { if (!(a > b)) return 1; return 2; }
    public static int BranchEqFloat(float a, float b) { if (a == b) return 1; return 2; }
    public static int BranchLtInt(int a, int b) { if (a < b) return 1; return 2; }
    public static int BranchGeLong(long a, long b) { if (a >= b) return 1; return 2; }

    // bool logic
    public static bool AndBool(bool a, bool b) => a & b;
    public static bool OrBool(bool a, bool b) => a | b;
    public static bool XorBool(bool a, bool b) => a ^ b;
    public static bool NotBool(bool a) => !a;
    public static bool EqBool(bool a, bool b) => a == b;
    public static bool BoolExpression(bool a, bool b, bool c) => (a && !b) || (c ^ a) || (a == c && b);
    public static int BoolToInt(bool a, bool b) => (a ? 2 : 0) + (b ? 1 : 0);

    // division by constants (the optimizer turns them into multiplies and shifts)
    public static int DivByConstants(int a) => a / -7 + a / 3 + a / 1000 + a % 10 + a % -8 + a / 16 + a / int.MinValue + a % int.MinValue;
    public static long DivByConstantsLong(long a) => a / 10L + a % 10L + a / -3L + a % 1024L + a / long.MinValue + a / (1L << 40);
    public static int MinusOneConstant(int a) => a * -1 + -1;
    public static long MinusOneConstantLong(long a) => a * -1L - 1L;
    public static long ShiftByLongDerivedCount(long a, long b) => (a << (int)b) ^ (a >> (int)(b >> 1)) ^ (a >>> (int)~b);
    public static int ShiftBySum(int a, int b, int c) => (a << (b + c)) + (a >> (b - c));

    // constants in every IL form: ldc.i4.m1 .. ldc.i4.8, ldc.i4.s, ldc.i4, ldc.i8, ldc.r4, ldc.r8 (special values too)
    public static int IntConstants(int x) =>
        x * 0 + x * 1 - x * 2 + x * 3 - x * 4 + x * 5 - x * 6 + x * 7 - x * 8 + (x ^ -1)
        + (x & 127) - (x | -128) + (x ^ 128) - (x & -129) + (x ^ 0x7FFFFFFF) + (x ^ int.MinValue) + (x & 0x12345678);

    public static long LongConstants(long x) =>
        (x ^ -1L) + (x & 0x7FFFFFFFFFFFFFFF) - (x | long.MinValue) + (x ^ 0x123456789ABCDEF0) + (x & 0xFFFFFFFFL) + (x ^ 4294967296L)
        + x * 9 - (x & -2147483649L) + (x | 2147483648L);

    public static double DoubleConstants(double x, int which)
    {
        if (which == 0) return x * -0.0;
        if (which == 1) return x + double.NaN;
        if (which == 2) return x - double.PositiveInfinity;
        if (which == 3) return x * double.Epsilon;
        if (which == 4) return x + double.MaxValue;
        if (which == 5) return x - double.MinValue;
        if (which == 6) return x * 0.1 + 1e-310;
        if (which == 7) return x == -0.0 ? 1.0 : 2.0;
        return x / -3.0e300;
    }

    public static float FloatConstants(float x, int which)
    {
        if (which == 0) return x * -0.0f;
        if (which == 1) return x + float.NaN;
        if (which == 2) return x - float.NegativeInfinity;
        if (which == 3) return x * float.Epsilon;
        if (which == 4) return x + float.MaxValue;
        if (which == 5) return x * 0.1f + 1e-40f;
        return x / -3e38f;
    }

    public static int ChainedAssignment(int a, int b)
    {
        int x, y, z;
        x = y = z = a * b;   // dup
        z += ++x;
        y -= x--;
        return x * 31 + y * 17 + z;
    }
}
