using System.Diagnostics;
using System.Reflection;
using Numbana.Backends.Cpu.Compilation;
using Numbana.Backends.Cpu.OrcJit;

namespace Numbana.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- --first-call</c>: the one-shot costs BenchmarkDotNet cannot measure
/// (the specialization cache makes a second compile of the same key a lookup).
/// <list type="number">
/// <item>Cold, in a fresh process: creating <see cref="HostJit.Shared"/> (loads libLLVM, builds the LLJIT),
/// then the first compile of a small loop function (also .NET-JITs Numbana's own compiler).</item>
/// <item>Warm: the 20 distinct functions of <see cref="SmallKernels"/>, each compiled through a fresh
/// <c>Jit.Compile</c> delegate, for six option sets (6 x 20 = 120 distinct cache keys), the defaults last. For each, the
/// wall clock of the delegate's first call (compile + call on 64 elements) and
/// <see cref="CompiledSpecialization.CompileTime"/> (CIL to machine code, read from the cache afterwards).</item>
/// </list>
/// Each compiled function is also checked against .NET on its 64 elements (bit for bit without FastMath).
/// </summary>
internal static class FirstCall
{
    private static readonly JitOptions[] OptionSets =
    [
        new() { BoundsCheck = false },
        new() { FastMath = true },
        new() { OptLevel = 2 },
        new() { OptLevel = 1 },
        new() { OptLevel = 0 },
        JitOptions.Default, // last: by now Numbana's own managed code is warm
    ];

    /// <summary>The cold compile: the defaults' code generation under a key of its own (Strict only decides fallback).</summary>
    private static readonly JitOptions ColdOptions = new() { Strict = false };

    public static int Run(bool verbose)
    {
        Console.WriteLine($"First-call costs, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var clock = Stopwatch.StartNew();
        var host = HostJit.Shared;
        var llvmLoad = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"cold: HostJit.Shared (load libLLVM + create LLJIT): {llvmLoad,8:F1} ms   host CPU {host.HostCpu}");

        var kernels = typeof(SmallKernels).GetMethods(BindingFlags.Public | BindingFlags.Static).OrderBy(m => m.Name).ToArray();
        var a = new double[64];
        var b = new double[64];
        for (int i = 0; i < a.Length; i++) { a[i] = Math.Sin(i + 1) * 3; b[i] = Math.Cos(i) * 2; }

        int failures = 0;
        var first = Measure(kernels[0], ColdOptions, a, b, ref failures);
        Console.WriteLine($"cold: first compile of {kernels[0].Name} (LLVM loaded): CompileTime {first.CompileMs,6:F1} ms, first call {first.FirstCallMs,6:F1} ms");
        Console.WriteLine();

        var all = new List<Sample>();
        Console.WriteLine($"{"options",-52} {"n",3}   CompileTime ms (median / min / max)   first call ms (median / min / max)");
        foreach (var options in OptionSets)
        {
            var samples = new List<Sample>();
            foreach (var kernel in kernels)
            {
                samples.Add(Measure(kernel, options, a, b, ref failures));
            }
            all.AddRange(samples);
            if (verbose) Console.WriteLine("  " + string.Join(" ", kernels.Zip(samples, (k, s) => $"{k.Name}={s.CompileMs:F1}")));
            Console.WriteLine($"{Describe(options),-52} {samples.Count,3}   {Stats(samples.Select(s => s.CompileMs)),-36}  {Stats(samples.Select(s => s.FirstCallMs))}");
        }
        Console.WriteLine($"{"all of the above",-52} {all.Count,3}   {Stats(all.Select(s => s.CompileMs)),-36}  {Stats(all.Select(s => s.FirstCallMs))}");
        Console.WriteLine();
        Console.WriteLine("CompileTime: CompiledSpecialization.CompileTime (CIL -> typed IR -> LLVM IR -> LLVM passes -> ORC machine code).");
        Console.WriteLine("first call: Stopwatch around the first call of a fresh Jit.Compile delegate (compile + thunk + 64-element run).");
        if (failures > 0) Console.WriteLine($"FAILED: {failures} result(s) differ from .NET");
        return failures == 0 ? 0 : 1;
    }

    private sealed record Sample(double CompileMs, double FirstCallMs);

    private static Sample Measure(MethodInfo kernel, JitOptions options, double[] a, double[] b, ref int failures)
    {
        var net = kernel.CreateDelegate<Func<double[], double[], double>>();
        var compiled = Jit.Compile(net, options);
        var bNumbana = (double[])b.Clone();
        var clock = Stopwatch.StartNew();
        var actual = compiled(a, bNumbana);
        var firstCall = clock.Elapsed.TotalMilliseconds;
        var compileTime = SpecializationCache.GetOrCompile(kernel, options).CompileTime.TotalMilliseconds; // a cache hit

        var bNet = (double[])b.Clone();
        var expected = net(a, bNet);
        bool same = options.FastMath
            ? Close(actual, expected) && bNet.Zip(bNumbana).All(p => Close(p.Second, p.First))
            : BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected)
              && bNet.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(bNumbana.Select(BitConverter.DoubleToInt64Bits));
        if (!same)
        {
            failures++;
            Console.WriteLine($"MISMATCH {kernel.Name} with {Describe(options)}: Numbana {actual:R}, .NET {expected:R}");
        }
        return new Sample(compileTime, firstCall);
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected);

    private static string Describe(JitOptions o) => $"OptLevel={o.OptLevel} FastMath={o.FastMath} BoundsCheck={o.BoundsCheck}";

    private static string Stats(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0) return "-";
        var median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        return $"{median,6:F2} / {v[0],6:F2} / {v[^1],6:F2}";
    }
}
