using BenchmarkDotNet.Attributes;

namespace Numbana.Benchmarks.Suites;

/// <summary>
/// c += a * b, 512 x 512 doubles in flat row-major arrays, i-k-j loop order. c is not reset between
/// invocations (it only accumulates: the work per invocation is the same). ShortRun: one invocation of
/// the .NET baseline takes about 150 ms on the 2-core reference machine.
/// </summary>
/// <remarks>
/// Where c's elements lie decides how fast vector code stores them: a .NET array's data is 8-byte
/// aligned, and 16- or 32-byte aligned only by the chance of allocation. <see cref="CAddressMod32"/>
/// fixes that chance (c is allocated on the pinned object heap, again until its element 0 lies at
/// that address modulo 32), so both cases are measured instead of whichever the allocator gives.
/// </remarks>
[ShortRunJob]
public class MatMul
{
    public const int N = 512;
    private double[] _a = null!, _b = null!, _c = null!;

    /// <summary>The address of c[0] modulo 32: 0 (aligned for 256-bit vectors) or 8 (as misaligned as a double[] gets).</summary>
    [Params(0, 8)]
    public int CAddressMod32 { get; set; }
    private Action<double[], double[], double[], int> _numbana = null!, _numbanaUnchecked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _a = Verify.Random(N * N, 8);
        _b = Verify.Random(N * N, 9);
        _c = Placement.PinnedAt(N * N, CAddressMod32);
        _numbana = Jit.Compile<Action<double[], double[], double[], int>>(Kernels.MatMulIkj);
        _numbanaUnchecked = Jit.Compile<Action<double[], double[], double[], int>>(Kernels.MatMulIkj, new JitOptions { BoundsCheck = false });
        var expected = new double[N * N];
        Kernels.MatMulIkj(_a, _b, expected, N);
        foreach (var (name, compiled) in new[] { ("matmul", _numbana), ("matmul (BoundsCheck=false)", _numbanaUnchecked) })
        {
            var actual = new double[N * N];
            compiled(_a, _b, actual, N);
            Verify.SameBits(name, expected, actual);
        }
    }

    [Benchmark(Baseline = true, Description = "RyuJIT scalar")]
    public void DotNet() => Kernels.MatMulIkj(_a, _b, _c, N);

    [Benchmark(Description = "Numbana")]
    public void Numbana() => _numbana(_a, _b, _c, N);

    [Benchmark(Description = "Numbana BoundsCheck=false")]
    public void NumbanaUnchecked() => _numbanaUnchecked(_a, _b, _c, N);
}
