using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Numbana.Benchmarks;

namespace Numbana.Demo;

/// <summary>
/// Compiles a few numeric kernels with Numbana, checks each result against the same C# method run by
/// .NET (bit for bit: the default options promise exact .NET semantics), and prints the timings.
/// Options: --size=N (vector length, default 1,000,000), --matmul=N (default 512), --fast (fewer repetitions).
/// Exit code: 0 when every result matches .NET, 1 when one does not, 2 on a bad argument.
/// </summary>
public static partial class Program
{
    private static int _repetitions = 15;

    public static int Main(string[] args)
    {
        int size = 1_000_000, matmulSize = 512;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--size=", StringComparison.Ordinal) && int.TryParse(arg.AsSpan(7), out var s) && s > 0) size = s;
            else if (arg.StartsWith("--matmul=", StringComparison.Ordinal) && int.TryParse(arg.AsSpan(9), out var m) && m > 0) matmulSize = m;
            else if (arg == "--fast") _repetitions = 5;
            else
            {
                Console.Error.WriteLine($"Unknown argument '{arg}'. Usage: Numbana.Demo [--size=N] [--matmul=N] [--fast]");
                return 2;
            }
        }

        var total = Stopwatch.StartNew();
        Console.WriteLine($"Numbana demo: vectors of {size:N0} doubles, matmul {matmulSize}x{matmulSize}, median of {_repetitions} runs after warm-up, .NET and Numbana calls alternating");
        Console.WriteLine($".NET {Environment.Version} ({RuntimeInformation.OSDescription.Trim()}, {Environment.ProcessorCount} cores)");
        var load = Stopwatch.StartNew();
        var host = Internals.HostCpuDescription();
        Console.WriteLine($"LLVM loaded and JIT created in {load.Elapsed.TotalMilliseconds:F0} ms; {host}");
        Console.WriteLine();

        var rows = new List<Row>();
        var rng = new Random(42);
        double[] Vector(int n, double lo, double hi) { var v = new double[n]; for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * rng.NextDouble(); return v; }

        var x = Vector(size, -1, 1);
        var y = Vector(size, -1, 1);

        // daxpy: y += a * x (in place: each check starts from a fresh copy of y).
        {
            var jit = Jit.Compile<Action<double, double[], double[]>>(Kernels.Daxpy);
            double[] expected = (double[])y.Clone(), actual = (double[])y.Clone();
            Kernels.Daxpy(0.5, x, expected);
            var firstCall = Time(() => jit(0.5, x, actual));
            var yNet = (double[])y.Clone();
            var yJit = (double[])y.Clone();
            rows.Add(new Row("daxpy", SameBits(expected, actual), Pair(() => Kernels.Daxpy(1e-9, x, yNet), () => jit(1e-9, x, yJit)),
                firstCall, Internals.Compiled(Kernels.Daxpy, JitOptions.Default)));
        }

        // dot product
        {
            var jit = Jit.Compile<Func<double[], double[], double>>(Kernels.Dot);
            double actual = 0;
            var firstCall = Time(() => actual = jit(x, y));
            rows.Add(new Row("dot", SameBits(Kernels.Dot(x, y), actual), Pair(() => Kernels.Dot(x, y), () => jit(x, y)),
                firstCall, Internals.Compiled(Kernels.Dot, JitOptions.Default)));
        }

        // sum, strict (sequential: bit for bit) and FastMath (reassociated: within a relative tolerance)
        {
            var jit = Jit.Compile<Func<double[], double>>(Kernels.Sum);
            double actual = 0;
            var firstCall = Time(() => actual = jit(x));
            rows.Add(new Row("sum", SameBits(Kernels.Sum(x), actual), Pair(() => Kernels.Sum(x), () => jit(x)),
                firstCall, Internals.Compiled(Kernels.Sum, JitOptions.Default)));

            var fastOptions = new JitOptions { FastMath = true };
            var fast = Jit.Compile<Func<double[], double>>(Kernels.Sum, fastOptions);
            firstCall = Time(() => actual = fast(x));
            var positive = Vector(size, 0, 1); // a sum of positive values: the relative error is well defined
            var exact = Kernels.Sum(positive);
            var error = Math.Abs(fast(positive) - exact) / Math.Abs(exact);
            var check = error <= 1e-12 ? $"within {error:E1} relative (FastMath)" : null;
            rows.Add(new Row("sum (FastMath)", check, Pair(() => Kernels.Sum(x), () => fast(x)),
                firstCall, Internals.Compiled(Kernels.Sum, fastOptions)));
        }

        // matmul i-k-j, n x n, flattened; c accumulates, so the check starts from zero
        {
            int n = matmulSize;
            var a = Vector(n * n, -1, 1);
            var b = Vector(n * n, -1, 1);
            var jit = Jit.Compile<Action<double[], double[], double[], int>>(Kernels.MatMulIkj);
            double[] expected = new double[n * n], actual = new double[n * n];
            Kernels.MatMulIkj(a, b, expected, n);
            var firstCall = Time(() => jit(a, b, actual, n));
            var reps = Math.Max(3, _repetitions / 3);
            var cNet = new double[n * n];
            var cJit = new double[n * n];
            rows.Add(new Row($"matmul i-k-j {n}x{n}", SameBits(expected, actual),
                Pair(() => Kernels.MatMulIkj(a, b, cNet, n), () => jit(a, b, cJit, n), reps, warmUp: 1),
                firstCall, Internals.Compiled(Kernels.MatMulIkj, JitOptions.Default)));

            // The same without bounds checks: what the checks cost once LLVM has hoisted them.
            var uncheckedOptions = new JitOptions { BoundsCheck = false };
            var noChecks = Jit.Compile<Action<double[], double[], double[], int>>(Kernels.MatMulIkj, uncheckedOptions);
            actual = new double[n * n];
            firstCall = Time(() => noChecks(a, b, actual, n));
            rows.Add(new Row("  same, BoundsCheck=false", SameBits(expected, actual),
                Pair(() => Kernels.MatMulIkj(a, b, cNet, n), () => noChecks(a, b, cJit, n), reps, warmUp: 1),
                firstCall, Internals.Compiled(Kernels.MatMulIkj, uncheckedOptions)));
        }

        // polynomial (Horner, degree 5)
        {
            var jit = Jit.Compile<Action<double[], double[]>>(Kernels.Polynomial);
            double[] expected = new double[size], actual = new double[size];
            Kernels.Polynomial(x, expected);
            var firstCall = Time(() => jit(x, actual));
            rows.Add(new Row("polynomial (Horner)", SameBits(expected, actual), Pair(() => Kernels.Polynomial(x, expected), () => jit(x, actual)),
                firstCall, Internals.Compiled(Kernels.Polynomial, JitOptions.Default)));
        }

        // sqrt(|x|) * exp(-x^2)
        {
            var jit = Jit.Compile<Action<double[], double[]>>(Kernels.SqrtExp);
            double[] expected = new double[size], actual = new double[size];
            Kernels.SqrtExp(x, expected);
            var firstCall = Time(() => jit(x, actual));
            rows.Add(new Row("sqrt * exp", SameBits(expected, actual), Pair(() => Kernels.SqrtExp(x, expected), () => jit(x, actual)),
                firstCall, Internals.Compiled(Kernels.SqrtExp, JitOptions.Default)));
        }

        // clamp into [lo, hi] in place and count above a threshold
        {
            var jit = Jit.Compile<Func<double[], double, double, double, int>>(Kernels.ClampCount);
            double[] expected = (double[])x.Clone(), actual = (double[])x.Clone();
            int expectedCount = Kernels.ClampCount(expected, -0.8, 0.8, 0.25), actualCount = 0;
            var firstCall = Time(() => actualCount = jit(actual, -0.8, 0.8, 0.25));
            var check = expectedCount != actualCount ? null : SameBits(expected, actual);
            if (expectedCount != actualCount) Console.Error.WriteLine($"clamp/count: .NET counted {expectedCount}, Numbana {actualCount}");
            double[] xNet = (double[])x.Clone(), xJit = (double[])x.Clone();
            rows.Add(new Row("clamp + count", check, Pair(() => Kernels.ClampCount(xNet, -0.8, 0.8, 0.25), () => jit(xJit, -0.8, 0.8, 0.25)),
                firstCall, Internals.Compiled(Kernels.ClampCount, JitOptions.Default)));
        }

        Print(rows);
        var failures = rows.Count(r => r.Check is null);
        Console.WriteLine();
        Console.WriteLine("Times are medians of single calls (Stopwatch); compile time is CompiledSpecialization.CompileTime");
        Console.WriteLine("(CIL -> typed IR -> LLVM IR -> O3 -> machine code), first call = wall clock of the delegate's first call.");
        Console.WriteLine($"vector = widest LLVM vector type in the optimized IR. Total demo time {total.Elapsed.TotalSeconds:F1} s.");
        if (failures > 0)
        {
            Console.WriteLine($"FAILED: {failures} kernel(s) did not match .NET.");
            return 1;
        }
        Console.WriteLine("All results match .NET (bit for bit in the default mode).");
        return 0;
    }

    private sealed record Row(string Kernel, string? Check, (double Net, double Jit) Ms, double FirstCallMs, Internals.CompileInfo? Compile)
    {
        public double NetMs => Ms.Net;
        public double JitMs => Ms.Jit;
    }

    private static void Print(List<Row> rows)
    {
        Console.WriteLine($"{"kernel",-22} {".NET ms",9} {"Numbana ms",11} {"speed-up",9} {"compile ms",11} {"1st call ms",12} {"vector",-14} check");
        Console.WriteLine(new string('-', 120));
        foreach (var r in rows)
        {
            var compile = r.Compile is { } c ? $"{c.CompileMs,11:F1}" : $"{"n/a",11}";
            var vector = r.Compile?.Vector ?? "n/a";
            Console.WriteLine($"{r.Kernel,-22} {r.NetMs,9:F3} {r.JitMs,11:F3} {r.NetMs / r.JitMs,8:F2}x {compile} {r.FirstCallMs,12:F1} {vector,-14} {r.Check ?? "MISMATCH with .NET"}");
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Medians of single calls of the .NET and the Numbana version, measured alternately so that
    /// both see the same machine load (the reference machine is a shared 2-core VM).
    /// </summary>
    private static (double Net, double Jit) Pair(Action net, Action jit, int repetitions = -1, int warmUp = 3)
    {
        if (repetitions < 0) repetitions = _repetitions;
        for (int i = 0; i < warmUp; i++) { net(); jit(); }
        var netSamples = new double[repetitions];
        var jitSamples = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            netSamples[i] = Time(net);
            jitSamples[i] = Time(jit);
        }
        Array.Sort(netSamples);
        Array.Sort(jitSamples);
        return (netSamples[repetitions / 2], jitSamples[repetitions / 2]);
    }

    private static string? SameBits(double expected, double actual) =>
        BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual)
            ? "matches .NET bit for bit"
            : Report($"expected {expected:R}, got {actual:R}");

    private static string? SameBits(double[] expected, double[] actual)
    {
        var e = MemoryMarshal.Cast<double, long>(expected);
        var a = MemoryMarshal.Cast<double, long>(actual);
        if (e.SequenceEqual(a)) return "matches .NET bit for bit";
        int i = e.CommonPrefixLength(a);
        return Report($"first difference at [{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    private static string? Report(string message)
    {
        Console.Error.WriteLine("mismatch: " + message);
        return null;
    }

    /// <summary>
    /// Numbana's compile statistics are internal (CompiledSpecialization); the demo reads them with
    /// reflection so that it needs only the public package. Nothing here changes what is measured.
    /// </summary>
    internal static partial class Internals
    {
        internal sealed record CompileInfo(double CompileMs, string Vector);

        private static readonly Assembly Cpu = typeof(Jit).Assembly;

        public static string HostCpuDescription()
        {
            try
            {
                var hostJit = Cpu.GetType("Numbana.Backends.Cpu.OrcJit.HostJit", throwOnError: true)!;
                var shared = hostJit.GetProperty("Shared", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
                var cpu = (string)hostJit.GetProperty("HostCpu")!.GetValue(shared)!;
                var features = ((string)hostJit.GetProperty("HostFeatures")!.GetValue(shared)!).Split(',');
                bool Has(string f) => features.Contains("+" + f);
                // Numbana asks LLVM for narrower vectors on CPUs that split wide ones (TargetSelection.PreferredVectorWidth).
                var preferred = (int?)Cpu.GetType("Numbana.Backends.Cpu.Compilation.TargetSelection", throwOnError: true)!
                    .GetMethod("PreferredVectorWidth", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [shared, JitOptions.Default]);
                var width = Has("avx512f") ? 512 : Has("avx") ? 256 : 128;
                var isa = (Has("avx512f") ? "AVX-512" : Has("avx2") ? "AVX2" : Has("avx") ? "AVX" : Has("neon") ? "NEON" : "SSE2")
                    + (preferred is { } bits && bits < width ? $" ({width}-bit registers, {bits}-bit vectors: this CPU runs wider ones as halves)" : $" ({width}-bit vectors)");
                return $"LLVM host CPU '{cpu}', {isa}{(Has("fma") ? ", FMA" : "")}";
            }
            catch (Exception e)
            {
                return $"host CPU unknown ({e.GetBaseException().Message})";
            }
        }

        public static CompileInfo? Compiled(Delegate method, JitOptions options)
        {
            try
            {
                var cache = Cpu.GetType("Numbana.Backends.Cpu.Compilation.SpecializationCache", throwOnError: true)!;
                var getOrCompile = cache.GetMethod("GetOrCompile", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
                    [typeof(MethodInfo), typeof(JitOptions)])!;
                // The delegate's first call compiled (method, options) through this cache: this is a lookup.
                var compiled = getOrCompile.Invoke(null, [method.Method, options])!;
                var time = (TimeSpan)compiled.GetType().GetProperty("CompileTime")!.GetValue(compiled)!;
                var ir = (string)compiled.GetType().GetProperty("OptimizedLlvmIr")!.GetValue(compiled)!;
                return new CompileInfo(time.TotalMilliseconds, WidestVector(ir));
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"compile statistics unavailable: {e.GetBaseException().Message}");
                return null;
            }
        }

        private static string WidestVector(string ir)
        {
            string best = "scalar";
            int bestBits = 0;
            foreach (Match m in VectorType().Matches(ir))
            {
                int lanes = int.Parse(m.Groups[1].Value);
                int bits = lanes * m.Groups[2].Value switch { "double" or "i64" => 64, "float" or "i32" => 32, "i16" => 16, _ => 8 };
                if (lanes > 1 && bits > bestBits) { bestBits = bits; best = $"<{lanes} x {m.Groups[2].Value}>"; }
            }
            return best;
        }

        [GeneratedRegex(@"<(\d+) x (double|float|i64|i32|i16|i8)>")]
        private static partial Regex VectorType();
    }
}
