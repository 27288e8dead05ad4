namespace Numbana.Tests.Execution;

/// <summary>
/// Edge values of the primitive types that <see cref="EdgeValues"/> does not list: each type's
/// MinValue, MaxValue, zero, one, the values next to them, and the limits of the other integer types
/// that fit (where a narrowing conversion starts to wrap or overflow).
/// </summary>
public static class PrimitiveEdges
{
    public static readonly sbyte[] SBytes = [0, 1, -1, 2, -2, 7, 63, 64, -64, 100, -100, sbyte.MaxValue, sbyte.MinValue, sbyte.MaxValue - 1, sbyte.MinValue + 1];

    public static readonly byte[] Bytes = [0, 1, 2, 7, 100, 127, 128, 129, 200, 254, byte.MaxValue];

    public static readonly short[] Shorts =
        [0, 1, -1, 2, -2, 127, 128, -128, -129, 255, 256, 1000, -1000, 12345, short.MaxValue, short.MinValue, short.MaxValue - 1, short.MinValue + 1];

    public static readonly ushort[] UShorts = [0, 1, 2, 127, 128, 255, 256, 1000, 32767, 32768, 40000, ushort.MaxValue - 1, ushort.MaxValue];

    public static readonly char[] Chars = ['\0', 'A', 'z', '0', ' ', '\u007f', '\u0080', '\u00ff', '\u0100', '\u7fff', '\u8000', '\ud800', '\uffff'];

    public static readonly uint[] UInts =
    [
        0, 1, 2, 3, 7, 10, 100, 255, 256, 65535, 65536, 12345, 1u << 24, (1u << 24) + 1, 0x55555555, 0xAAAAAAAA,
        int.MaxValue, (uint)int.MaxValue + 1, uint.MaxValue, uint.MaxValue - 1, uint.MaxValue - 127, uint.MaxValue - 128,
    ];

    public static readonly ulong[] ULongs =
    [
        0, 1, 2, 3, 7, 10, 1000, uint.MaxValue, (ulong)uint.MaxValue + 1, int.MaxValue, (ulong)int.MaxValue + 1,
        long.MaxValue, (ulong)long.MaxValue + 1, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 53, (1UL << 53) + 1,
        (1UL << 63) + (1UL << 39) + 1, // rounds differently to float directly and through double
        (1UL << 63) + 1024, (1UL << 63) + 1025, ulong.MaxValue - 1023, ulong.MaxValue - 1024, ulong.MaxValue - 2047,
        0x5555555555555555, 0xAAAAAAAAAAAAAAAA, 0xFFFFFF7FFFFFFFFF, 0xFFFFFF8000000000,
    ];

    public static readonly nint[] NInts = [.. EdgeValues.Longs.Select(l => (nint)l)];

    public static readonly nuint[] NUInts = [.. ULongs.Select(u => (nuint)u)];

    /// <summary>Doubles around every integer type's limits, for checked and unchecked conversions.</summary>
    public static readonly double[] DoublesNearIntegerLimits =
    [
        .. EdgeValues.Doubles,
        127.0, 127.9, 128.0, -128.0, -128.9, -129.0, 255.0, 255.5, 256.0, -0.5, -0.9999999999999999, -1.0,
        32767.5, 32768.0, -32768.9, -32769.0, 65535.9, 65536.0,
        4294967295.0, 4294967295.5, 4294967296.0, -2147483648.9999995,
        9.2233720368547758E18 * 2, 1.8446744073709550E19, 1e19, -1e19, -9.2233720368547748E18,
    ];

    public static readonly float[] FloatsNearIntegerLimits =
    [
        .. EdgeValues.Floats,
        127f, 127.9f, 128f, -128f, -128.9f, -129f, 255f, 255.5f, 256f, -0.5f, -0.99999994f, -1f, 32767.5f, 32768f, -32769f, 65535.5f, 65536f,
        4294967040f, 4294967296f, 1.8446743E19f, 1.8446744E19f, 1e19f, -1e19f,
    ];
}
