using BenchmarkDotNet.Running;

namespace Numbana.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- --filter '*'</c> runs the BenchmarkDotNet suites (Suites/);
/// <c>dotnet run -c Release -- --first-call</c> measures LLVM load and compile times (see <see cref="FirstCall"/>;
/// <c>--verbose</c> adds each function's compile time).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Contains("--cache-hit"))
            return CacheHit.Run();
        if (args.Contains("--cache-hit-child"))
            return CacheHit.Child();
        if (args.Contains("--first-call"))
            return FirstCall.Run(verbose: args.Contains("--verbose"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
