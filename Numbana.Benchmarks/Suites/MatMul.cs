using BenchmarkDotNet.Attributes;

namespace Numbana.Benchmarks.Suites;

/// <summary>
/// c += a * b, 512 x 512 doubles in flat row-major arrays, i-k-j loop order. c is not reset between
/// invocations (it only accumulates: the work per invocation is the same). ShortRun: one invocation of
/// the .NET baseline takes about 150 ms on the 2-core reference machine.
/// </summary>
[ShortRunJob]
public class MatMul
{
    public const int N = 512;
    private double[] _a = null!, _b = null!, _c = null!;
    private Action<double[], double[], double[], int> _numbana = null!, _numbanaUnchecked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _a = Verify.Random(N * N, 8);
        _b = Verify.Random(N * N, 9);
        _c = new double[N * N];
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
