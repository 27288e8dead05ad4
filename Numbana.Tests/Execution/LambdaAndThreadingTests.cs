using NUnit.Framework;

namespace Numbana.Tests.Execution;

/// <summary>Lambdas without captures compile like static methods (ClosureTests: lambdas that capture); the first call is safe from many threads.</summary>
public class LambdaAndThreadingTests
{
    [Test]
    public void ALambdaWithoutCapturesCompiles()
    {
        Func<double, double, double> hypot = (x, y) => Math.Sqrt(x * x + y * y);
        var compiled = Jit.Compile(hypot);
        foreach (var (x, y) in new[] { (3.0, 4.0), (0.0, -0.0), (1e300, 1e300), (double.NaN, 1.0) })
            Assert.That(BitConverter.DoubleToInt64Bits(compiled(x, y)), Is.EqualTo(BitConverter.DoubleToInt64Bits(hypot(x, y))));
    }

    [Test]
    public void ALambdaOverAnArrayCompiles()
    {
        Func<int[], int> count = a =>
        {
            var n = 0;
            for (var i = 0; i < a.Length; i++) if ((a[i] & 1) == 0) n++;
            return n;
        };
        var compiled = Jit.Compile(count);
        int[] data = [1, 2, 3, 4, 6, -8, int.MinValue];
        Assert.That(compiled(data), Is.EqualTo(count(data)));
    }

    [Test]
    public void ALambdaThatCapturesAStringIsRejectedWithTheReason()
    {
        var unit = "m";
        Func<int, int> add = x => x + unit.Length;
        var compiled = Jit.Compile(add);
        var error = Assert.Throws<UnsupportedIlException>(() => compiled(1))!;
        Assert.That(error.Reason, Does.Contain("captures the variable 'unit' of type string"));
    }

    [Test]
    public void ALambdaThatCapturesAStringRunsAsDotNetCodeWhenNotStrict()
    {
        var unit = "m";
        Func<int, int> add = x => x + unit.Length;
        var compiled = Jit.Compile(add, new JitOptions { Strict = false });
        Assert.That(compiled(1), Is.EqualTo(2));
        unit = "meters";
        Assert.That(compiled(1), Is.EqualTo(7), "the .NET method reads the captured variable at each call");
    }

    private static long SumOfSquares(int[] a)
    {
        long s = 0;
        for (var i = 0; i < a.Length; i++) s += (long)a[i] * a[i];
        return s;
    }

    /// <summary>NUnit runs fixtures one at a time here (no [Parallelizable]), so no other compile can interleave.</summary>
    private const int ParallelCompilationsAllowance = 0;

    [Test]
    public void ManyThreadsMakingTheFirstCallAtOnceAllGetTheRightResult()
    {
        // A fresh option set, so that this test makes the very first compile of this specialization.
        var compiled = Jit.Compile<Func<int[], long>>(SumOfSquares, new JitOptions { OptLevel = 1, FastMath = true });
        var data = Enumerable.Range(-1000, 3001).ToArray();
        var expected = SumOfSquares(data);
        using var start = new Barrier(16);
        var results = new long[16];
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = compiled(data);
        })).ToList();
        var compilationsBefore = Numbana.Backends.Cpu.Compilation.CpuCompiler.CompilationCount;
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(results, Is.All.EqualTo(expected));
        // Other fixtures may compile in parallel, so bound the count instead of requiring exactly one.
        Assert.That(Numbana.Backends.Cpu.Compilation.SpecializationCache.GetOrCompile(
            typeof(LambdaAndThreadingTests).GetMethod(nameof(SumOfSquares), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!,
            new JitOptions { OptLevel = 1, FastMath = true }).EntryPoint, Is.Not.EqualTo(IntPtr.Zero));
        Assert.That(Numbana.Backends.Cpu.Compilation.CpuCompiler.CompilationCount - compilationsBefore, Is.LessThanOrEqualTo(1 + ParallelCompilationsAllowance),
            "16 racing first calls compile the specialization once");
    }
}
