using BenchmarkDotNet.Attributes;

namespace Numbana.Benchmarks.Suites;

// Each suite: the C# method called directly (RyuJIT, the baseline) against the delegate Numbana
// compiled from the same method. The delegate is created and called once in GlobalSetup, so compile
// time is excluded; GlobalSetup also checks that both give the same result, and throws if not.

/// <summary>y[i] += a * x[i], n = 1M doubles. Bounds checks on (the default) and off.</summary>
[MemoryDiagnoser] // shows that a call through the compiled delegate (pinning thunk) allocates nothing
public class Daxpy
{
    public const int N = 1_000_000;
    private const double A = 1e-9; // y changes by little over many invocations: no overflow, no denormals
    private double[] _x = null!, _y = null!;
    private Action<double, double[], double[]> _numbana = null!, _numbanaUnchecked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _x = Verify.Random(N, 1);
        _y = Verify.Random(N, 2);
        _numbana = Jit.Compile<Action<double, double[], double[]>>(Kernels.Daxpy);
        _numbanaUnchecked = Jit.Compile<Action<double, double[], double[]>>(Kernels.Daxpy, new JitOptions { BoundsCheck = false });
        var expected = (double[])_y.Clone();
        Kernels.Daxpy(0.5, _x, expected);
        foreach (var (name, compiled) in new[] { ("daxpy", _numbana), ("daxpy (BoundsCheck=false)", _numbanaUnchecked) })
        {
            var actual = (double[])_y.Clone();
            compiled(0.5, _x, actual); // the first call compiles
            Verify.SameBits(name, expected, actual);
        }
    }

    [Benchmark(Baseline = true, Description = "RyuJIT scalar")]
    public void DotNet() => Kernels.Daxpy(A, _x, _y);

    [Benchmark(Description = "Numbana")]
    public void Numbana() => _numbana(A, _x, _y);

    [Benchmark(Description = "Numbana BoundsCheck=false")]
    public void NumbanaUnchecked() => _numbanaUnchecked(A, _x, _y);
}

/// <summary>Dot product of two vectors of 1M doubles (strict: sequential order, bit for bit).</summary>
public class Dot
{
    public const int N = 1_000_000;
    private double[] _x = null!, _y = null!;
    private Func<double[], double[], double> _numbana = null!, _numbanaFast = null!;

    [GlobalSetup]
    public void Setup()
    {
        _x = Verify.Random(N, 3);
        _y = Verify.Random(N, 4);
        _numbana = Jit.Compile<Func<double[], double[], double>>(Kernels.Dot);
        _numbanaFast = Jit.Compile<Func<double[], double[], double>>(Kernels.Dot, new JitOptions { FastMath = true });
        var expected = Kernels.Dot(_x, _y);
        Verify.SameBits("dot", expected, _numbana(_x, _y));
        // Reassociated: compare on positive data, where the relative error of a sum is well defined.
        var p = Verify.Random(N, 5, 0, 1);
        Verify.Close("dot (FastMath)", Kernels.Dot(p, p), _numbanaFast(p, p), 1e-12);
    }

    [Benchmark(Baseline = true, Description = "RyuJIT scalar")]
    public double DotNet() => Kernels.Dot(_x, _y);

    [Benchmark(Description = "Numbana")]
    public double Numbana() => _numbana(_x, _y);

    [Benchmark(Description = "Numbana FastMath")]
    public double NumbanaFastMath() => _numbanaFast(_x, _y);
}

/// <summary>Sum of 1M doubles: strict (bit for bit) and FastMath (reassociated, vectorized).</summary>
public class Sum
{
    public const int N = 1_000_000;
    private double[] _a = null!;
    private Func<double[], double> _numbana = null!, _numbanaFast = null!;

    [GlobalSetup]
    public void Setup()
    {
        _a = Verify.Random(N, 6);
        _numbana = Jit.Compile<Func<double[], double>>(Kernels.Sum);
        _numbanaFast = Jit.Compile<Func<double[], double>>(Kernels.Sum, new JitOptions { FastMath = true });
        Verify.SameBits("sum", Kernels.Sum(_a), _numbana(_a));
        var p = Verify.Random(N, 7, 0, 1);
        Verify.Close("sum (FastMath)", Kernels.Sum(p), _numbanaFast(p), 1e-12);
        _numbanaFast(_a);
    }

    [Benchmark(Baseline = true, Description = "RyuJIT scalar")]
    public double DotNet() => Kernels.Sum(_a);

    [Benchmark(Description = "Numbana")]
    public double Numbana() => _numbana(_a);

    [Benchmark(Description = "Numbana FastMath")]
    public double NumbanaFastMath() => _numbanaFast(_a);
}
