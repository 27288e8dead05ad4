using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using Numbana.Benchmarks.Suites;

namespace Numbana.Benchmarks;

/// <summary>
/// The Prange kernels: each runs compiled with Prange (parallel), the same code compiled with
/// <c>Parallel = false</c> (the baseline: sequential native code), and a hand-written .NET
/// <c>Parallel.For</c> version. Run with <c>dotnet run -c Release -- --filter '*Prange*'</c>.
/// </summary>
public static class PrangeKernels
{
    public static void Mandelbrot(int[] counts, int width, int height, int maxIterations)
    {
        foreach (int y in Prange.Range(height))
            MandelbrotRow(counts, y, width, height, maxIterations);
    }

    public static void MandelbrotRow(int[] counts, int y, int width, int height, int maxIterations)
    {
        for (int x = 0; x < width; x++)
        {
            double cr = -2.0 + 3.0 * x / width, ci = -1.5 + 3.0 * y / height;
            double zr = 0, zi = 0;
            int n = 0;
            while (n < maxIterations && zr * zr + zi * zi <= 4.0)
            {
                var t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                n++;
            }
            counts[y * width + x] = n;
        }
    }

    public static void BlackScholes(double[] spot, double[] strike, double[] years, double[] call, double[] put, double rate, double volatility)
    {
        foreach (int i in Prange.Range(spot.Length))
            BlackScholesOne(spot, strike, years, call, put, rate, volatility, i);
    }

    public static void BlackScholesOne(double[] spot, double[] strike, double[] years, double[] call, double[] put, double rate, double volatility, int i)
    {
        var s = spot[i];
        var k = strike[i];
        var t = years[i];
        var sqrtT = Math.Sqrt(t);
        var d1 = (Math.Log(s / k) + (rate + 0.5 * volatility * volatility) * t) / (volatility * sqrtT);
        var d2 = d1 - volatility * sqrtT;
        var discounted = k * Math.Exp(-rate * t);
        var nd1 = Cnd(d1);
        var nd2 = Cnd(d2);
        call[i] = s * nd1 - discounted * nd2;
        put[i] = discounted * (1.0 - nd2) - s * (1.0 - nd1);
    }

    /// <summary>The cumulative normal distribution (Abramowitz and Stegun 26.2.17), as in the classic Black-Scholes benchmark.</summary>
    public static double Cnd(double d)
    {
        const double a1 = 0.31938153, a2 = -0.356563782, a3 = 1.781477937, a4 = -1.821255978, a5 = 1.330274429;
        var k = 1.0 / (1.0 + 0.2316419 * Math.Abs(d));
        var w = 1.0 - 0.3989422804014327 * Math.Exp(-0.5 * d * d) * (k * (a1 + k * (a2 + k * (a3 + k * (a4 + k * a5)))));
        return d < 0 ? 1.0 - w : w;
    }

    public static void Stencil(double[] input, double[] output, int width, int height)
    {
        foreach (int y in Prange.Range(1, height - 1))
            StencilRow(input, output, width, y);
    }

    public static void StencilRow(double[] input, double[] output, int width, int y)
    {
        for (int x = 1; x < width - 1; x++)
        {
            var c = y * width + x;
            output[c] = 0.25 * (input[c - 1] + input[c + 1] + input[c - width] + input[c + width]);
        }
    }

    public static double Sum(double[] a)
    {
        double s = 0;
        foreach (int i in Prange.Range(a.Length)) s += a[i];
        return s;
    }
}

/// <summary>Mandelbrot, 1000 x 1000 pixels, at most 200 iterations each (compute-bound, uneven rows).</summary>
[ShortRunJob]
public class PrangeMandelbrot
{
    private const int Size = 1000, MaxIterations = 200;
    private readonly int[] _counts = new int[Size * Size];
    private Action<int[], int, int, int> _parallel = null!, _sequential = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parallel = Jit.Compile<Action<int[], int, int, int>>(PrangeKernels.Mandelbrot);
        _sequential = Jit.Compile<Action<int[], int, int, int>>(PrangeKernels.Mandelbrot, new JitOptions { Parallel = false });
        var expected = new int[Size * Size];
        PrangeKernels.Mandelbrot(expected, Size, Size, MaxIterations);
        foreach (var (name, run) in new[] { ("prange", _parallel), ("sequential", _sequential), ("Parallel.For", (Action<int[], int, int, int>)DotNetParallelFor) })
        {
            var actual = new int[Size * Size];
            run(actual, Size, Size, MaxIterations);
            if (!actual.AsSpan().SequenceEqual(expected)) throw new InvalidOperationException($"mandelbrot ({name}) differs from .NET");
        }
    }

    private static void DotNetParallelFor(int[] counts, int width, int height, int maxIterations) =>
        Parallel.For(0, height, y => PrangeKernels.MandelbrotRow(counts, y, width, height, maxIterations));

    [Benchmark(Baseline = true, Description = "Numbana Parallel=false")]
    public void Sequential() => _sequential(_counts, Size, Size, MaxIterations);

    [Benchmark(Description = "Numbana Prange")]
    public void Prange() => _parallel(_counts, Size, Size, MaxIterations);

    [Benchmark(Description = ".NET Parallel.For")]
    public void DotNet() => DotNetParallelFor(_counts, Size, Size, MaxIterations);
}

/// <summary>Black-Scholes, one million European options (compute-bound: log, exp, sqrt per option).</summary>
[ShortRunJob]
public class PrangeBlackScholes
{
    private const int Options = 1_000_000;
    private const double Rate = 0.02, Volatility = 0.30;
    private double[] _spot = null!, _strike = null!, _years = null!, _call = null!, _put = null!;
    private Action<double[], double[], double[], double[], double[], double, double> _parallel = null!, _sequential = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _spot = Enumerable.Range(0, Options).Select(_ => 5 + 25 * random.NextDouble()).ToArray();
        _strike = Enumerable.Range(0, Options).Select(_ => 1 + 99 * random.NextDouble()).ToArray();
        _years = Enumerable.Range(0, Options).Select(_ => 0.25 + 9.75 * random.NextDouble()).ToArray();
        _call = new double[Options];
        _put = new double[Options];
        _parallel = Jit.Compile<Action<double[], double[], double[], double[], double[], double, double>>(PrangeKernels.BlackScholes);
        _sequential = Jit.Compile<Action<double[], double[], double[], double[], double[], double, double>>(PrangeKernels.BlackScholes, new JitOptions { Parallel = false });
        var (call, put) = (new double[Options], new double[Options]);
        PrangeKernels.BlackScholes(_spot, _strike, _years, call, put, Rate, Volatility);
        foreach (var (name, run) in new[] { ("prange", _parallel), ("sequential", _sequential), ("Parallel.For", DotNetParallelFor) })
        {
            var (c, p) = (new double[Options], new double[Options]);
            run(_spot, _strike, _years, c, p, Rate, Volatility);
            Verify.SameBits($"blackscholes call ({name})", call, c);
            Verify.SameBits($"blackscholes put ({name})", put, p);
        }
    }

    private static void DotNetParallelFor(double[] spot, double[] strike, double[] years, double[] call, double[] put, double rate, double volatility) =>
        Parallel.ForEach(Partitioner.Create(0, spot.Length), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++) PrangeKernels.BlackScholesOne(spot, strike, years, call, put, rate, volatility, i);
        });

    [Benchmark(Baseline = true, Description = "Numbana Parallel=false")]
    public void Sequential() => _sequential(_spot, _strike, _years, _call, _put, Rate, Volatility);

    [Benchmark(Description = "Numbana Prange")]
    public void Prange() => _parallel(_spot, _strike, _years, _call, _put, Rate, Volatility);

    [Benchmark(Description = ".NET Parallel.For")]
    public void DotNet() => DotNetParallelFor(_spot, _strike, _years, _call, _put, Rate, Volatility);
}

/// <summary>A 2D 5-point stencil over 2000 x 2000 doubles (memory-bound: 32 MB read, 32 MB written).</summary>
[ShortRunJob]
public class PrangeStencil
{
    private const int Size = 2000;
    private double[] _input = null!, _output = null!;
    private Action<double[], double[], int, int> _parallel = null!, _sequential = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = Verify.Random(Size * Size, 3);
        _output = new double[Size * Size];
        _parallel = Jit.Compile<Action<double[], double[], int, int>>(PrangeKernels.Stencil);
        _sequential = Jit.Compile<Action<double[], double[], int, int>>(PrangeKernels.Stencil, new JitOptions { Parallel = false });
        var expected = new double[Size * Size];
        PrangeKernels.Stencil(_input, expected, Size, Size);
        foreach (var (name, run) in new[] { ("prange", _parallel), ("sequential", _sequential), ("Parallel.For", (Action<double[], double[], int, int>)DotNetParallelFor) })
        {
            var actual = new double[Size * Size];
            run(_input, actual, Size, Size);
            Verify.SameBits($"stencil ({name})", expected, actual);
        }
    }

    private static void DotNetParallelFor(double[] input, double[] output, int width, int height) =>
        Parallel.For(1, height - 1, y => PrangeKernels.StencilRow(input, output, width, y));

    [Benchmark(Baseline = true, Description = "Numbana Parallel=false")]
    public void Sequential() => _sequential(_input, _output, Size, Size);

    [Benchmark(Description = "Numbana Prange")]
    public void Prange() => _parallel(_input, _output, Size, Size);

    [Benchmark(Description = ".NET Parallel.For")]
    public void DotNet() => DotNetParallelFor(_input, _output, Size, Size);
}

/// <summary>The sum of ten million doubles (memory-bound; a parallel float sum is a reassociation: results agree within 1e-9 relative).</summary>
[ShortRunJob]
public class PrangeSum
{
    private const int Length = 10_000_000;
    private double[] _values = null!;
    private Func<double[], double> _parallel = null!, _sequential = null!;

    [GlobalSetup]
    public void Setup()
    {
        _values = Verify.Random(Length, 5);
        _parallel = Jit.Compile<Func<double[], double>>(PrangeKernels.Sum);
        _sequential = Jit.Compile<Func<double[], double>>(PrangeKernels.Sum, new JitOptions { Parallel = false });
        var expected = PrangeKernels.Sum(_values);
        if (BitConverter.DoubleToInt64Bits(_sequential(_values)) != BitConverter.DoubleToInt64Bits(expected))
            throw new InvalidOperationException("sum (Parallel=false) differs from .NET");
        foreach (var (name, actual) in new[] { ("prange", _parallel(_values)), ("Parallel.For", DotNetParallelFor(_values)) })
            if (Math.Abs(actual - expected) > 1e-9 * Math.Abs(expected) + 1e-9)
                throw new InvalidOperationException($"sum ({name}) = {actual}, .NET gives {expected}");
    }

    private static double DotNetParallelFor(double[] values)
    {
        var total = 0.0;
        var gate = new object();
        Parallel.ForEach(Partitioner.Create(0, values.Length, values.Length / Environment.ProcessorCount + 1), () => 0.0,
            (range, _, partial) =>
            {
                for (var i = range.Item1; i < range.Item2; i++) partial += values[i];
                return partial;
            },
            partial => { lock (gate) total += partial; });
        return total;
    }

    [Benchmark(Baseline = true, Description = "Numbana Parallel=false")]
    public double Sequential() => _sequential(_values);

    [Benchmark(Description = "Numbana Prange")]
    public double Prange() => _parallel(_values);

    [Benchmark(Description = ".NET Parallel.For")]
    public double DotNet() => DotNetParallelFor(_values);
}
