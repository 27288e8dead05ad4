using System.Diagnostics;
using System.Reflection;
using Numbana.Backends.Cpu.Caching;
using Numbana.Backends.Cpu.Compilation;
using Numbana.Backends.Cpu.OrcJit;

namespace Numbana.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- --cache-hit</c>: the on-disk cache (<c>JitOptions.Cache</c>) across processes.
/// Runs this program twice as a child with a fresh NUMBANA_CACHE_DIR: the first child compiles the 20
/// <see cref="SmallKernels"/> (misses, written to disk), the second loads them (hits). Each child prints the
/// LLVM load time and, per kernel, the time of <see cref="CpuCompiler.Compile(MethodInfo, JitOptions)"/>
/// (a hit: import + key hash + read + checksum + object link + lookup; no optimization, no code generation).
/// </summary>
internal static class CacheHit
{
    public static int Run()
    {
        var directory = Path.Combine(Path.GetTempPath(), "numbana-cache-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var pass in new[] { "miss (compile + write)", "hit (load from disk)" })
            {
                Console.WriteLine($"--- process {pass}");
                var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
                var entry = Assembly.GetEntryAssembly()!.Location;
                if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(entry);
                start.ArgumentList.Add("--cache-hit-child");
                start.Environment["NUMBANA_CACHE_DIR"] = directory;
                using var child = Process.Start(start)!;
                child.WaitForExit();
                if (child.ExitCode != 0) return child.ExitCode;
            }
            return 0;
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    public static int Child()
    {
        var clock = Stopwatch.StartNew();
        var jit = HostJit.Shared;
        Console.WriteLine($"LLVM load + LLJIT: {clock.Elapsed.TotalMilliseconds:F1} ms");
        var options = new JitOptions { Cache = true };
        var a = new double[64];
        var b = new double[64];
        for (var i = 0; i < a.Length; i++) { a[i] = Math.Sin(i + 1) * 3; b[i] = Math.Cos(i) * 2; }
        var kernels = typeof(SmallKernels).GetMethods(BindingFlags.Public | BindingFlags.Static).OrderBy(m => m.Name).ToArray();
        var times = new List<double>();
        var hitsBefore = ObjectCache.Hits;
        var compilesBefore = CpuCompiler.CompilationCount;
        var failures = 0;
        foreach (var kernel in kernels)
        {
            clock.Restart();
            var compiled = CpuCompiler.Compile(kernel, options);
            times.Add(clock.Elapsed.TotalMilliseconds);
            var net = kernel.CreateDelegate<Func<double[], double[], double>>();
            double actual;
            var bCompiled = (double[])b.Clone();
            unsafe
            {
                var function = (delegate* unmanaged[Cdecl]<double*, int, double*, int, double*, int>)compiled.EntryPoint;
                fixed (double* pa = a)
                fixed (double* pb = bCompiled)
                    if (function(pa, a.Length, pb, bCompiled.Length, &actual) != 0) failures++;
            }
            if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(net(a, (double[])b.Clone()))) failures++;
        }
        var sorted = times.Skip(1).OrderBy(t => t).ToArray(); // the first includes .NET-JITting Numbana itself
        Console.WriteLine($"{kernels.Length} kernels: {ObjectCache.Hits - hitsBefore} hits, {CpuCompiler.CompilationCount - compilesBefore} compiles; " +
            $"ms per kernel: first {times[0]:F2}; the others: median {sorted[sorted.Length / 2]:F2}, min {sorted[0]:F2}, max {sorted[^1]:F2}");
        if (failures > 0) Console.WriteLine($"FAILED: {failures} result(s) differ from .NET");
        return failures == 0 ? 0 : 1;
    }
}
