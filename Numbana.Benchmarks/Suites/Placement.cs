namespace Numbana.Benchmarks.Suites;

/// <summary>Arrays at a chosen alignment, for benchmarks whose speed depends on where the data lies.</summary>
internal static class Placement
{
    /// <summary>
    /// A zeroed double[] on the pinned object heap (it never moves) whose element 0 lies at
    /// <paramref name="addressMod32"/> modulo 32. Each miss is kept alive, with a small padding array
    /// after it, until the hit, so the next try lands at another address.
    /// </summary>
    public static unsafe double[] PinnedAt(int length, int addressMod32)
    {
        if (addressMod32 is < 0 or >= 32 || addressMod32 % 8 != 0)
            throw new ArgumentOutOfRangeException(nameof(addressMod32), addressMod32, "a double[]'s data is 8-byte aligned: pass 0, 8, 16 or 24");
        var misses = new List<double[]>();
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var array = GC.AllocateArray<double>(length, pinned: true);
            fixed (double* data = array)
                if ((long)data % 32 == addressMod32) return array;
            misses.Add(array);
            misses.Add(GC.AllocateArray<double>(attempt % 3 + 1, pinned: true));
        }
        throw new InvalidOperationException($"no double[{length}] at address {addressMod32} mod 32 after 64 allocations");
    }
}
