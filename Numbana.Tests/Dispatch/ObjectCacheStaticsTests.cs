using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Numbana.Backends.Cpu.Caching;
using Numbana.Backends.Cpu.Compilation;
using NUnit.Framework;

namespace Numbana.Tests.Dispatch;

/// <summary>
/// The on-disk cache and static readonly fields: a number's value is a constant in the code, so it is part of
/// the key (a changed value misses); an array is read through a symbol the JIT resolves at load time, so the
/// object file holds no address of this process, and a loaded object reads the live array.
/// </summary>
[NonParallelizable]
public class ObjectCacheStaticsTests
{
    private string _directory = "";
    private string? _previous;

    /// <summary>Computed when the class is initialized: another process may compute another value.</summary>
    public static class Computed
    {
        public static readonly double Scale = Math.Sqrt(Environment.ProcessorCount + 1.0);

        public static readonly long[] Table = [.. Enumerable.Range(1, Environment.ProcessorCount % 4 + 3).Select(i => (long)i * i)];
    }

    public static double ScaledByField(double x) => x * Computed.Scale;

    public static long SumOfTable(long x)
    {
        var s = x;
        for (var i = 0; i < Computed.Table.Length; i++) s += Computed.Table[i];
        return s;
    }

    [SetUp]
    public void UseATemporaryCacheFolder()
    {
        _previous = Environment.GetEnvironmentVariable("NUMBANA_CACHE_DIR");
        _directory = Path.Combine(Path.GetTempPath(), "numbana-cache-statics-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("NUMBANA_CACHE_DIR", _directory);
    }

    [TearDown]
    public void RemoveIt()
    {
        Environment.SetEnvironmentVariable("NUMBANA_CACHE_DIR", _previous);
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static JitOptions FreshOptions() => new() { Cache = true, OptLevel = 1, FastMathFlags = (FastMathFlags)(1 << Random.Shared.Next(0, 6)) };

    private static MethodInfo Method(string name) => typeof(ObjectCacheStaticsTests).GetMethod(name)!;

    private static unsafe T Call<T>(CompiledSpecialization compiled, T x) where T : unmanaged
    {
        var entry = (delegate* unmanaged[Cdecl]<T, T*, int>)compiled.EntryPoint;
        T result;
        Assert.That(entry(x, &result), Is.Zero);
        return result;
    }

    [Test]
    public void AChangedStaticReadonlyValueMissesTheCache()
    {
        var options = FreshOptions();
        var original = Computed.Scale;
        var first = CpuCompiler.Compile(Method(nameof(ScaledByField)), options);
        Assert.That(Call(first, 3.0), Is.EqualTo(3.0 * original));
        Assert.That(CpuCompiler.Compile(Method(nameof(ScaledByField)), options).FromDiskCache, Is.True, "the same value hits");
        Assert.That(ObjectCache.StaticReadonlyValues(Method(nameof(ScaledByField))).Single().Field, Does.Contain(nameof(Computed.Scale)));
        try
        {
            // What another process computing another value would see: the field's storage holds a new value.
            Unsafe.AsRef(in Computed.Scale) = original + 1;
            var before = CpuCompiler.CompilationCount;
            var changed = CpuCompiler.Compile(Method(nameof(ScaledByField)), options);
            Assert.That(changed.FromDiskCache, Is.False, "a changed value misses");
            Assert.That(CpuCompiler.CompilationCount - before, Is.EqualTo(1));
            Assert.That(Call(changed, 3.0), Is.EqualTo(3.0 * (original + 1)));
            Assert.That(Directory.GetFiles(_directory, "*.nbo"), Has.Length.EqualTo(2), "one file per value");
        }
        finally
        {
            Unsafe.AsRef(in Computed.Scale) = original;
        }
    }

    [Test]
    public unsafe void AStaticReadonlyArrayIsReadThroughASymbolNotAnAddress()
    {
        var options = FreshOptions();
        var first = CpuCompiler.Compile(Method(nameof(SumOfTable)), options);
        Assert.That(Call(first, 5L), Is.EqualTo(SumOfTable(5)));

        var file = Directory.GetFiles(_directory, "*.nbo").Single();
        Assert.That(ObjectCache.TryParse(File.ReadAllBytes(file), out _, out _, out _, out var objectFile), Is.True);
        var field = typeof(Computed).GetField(nameof(Computed.Table))!;
        var symbol = Encoding.ASCII.GetBytes(Numbana.Runtime.StaticArrays.SymbolOf(field));
        Assert.That(objectFile.Span.IndexOf(symbol), Is.GreaterThanOrEqualTo(0), "the object names the array's cell");
        // The array is pinned for the life of the process, so its address is stable to read here.
        var address = (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Computed.Table));
        Assert.That(objectFile.Span.IndexOf(BitConverter.GetBytes(address)), Is.EqualTo(-1), "no address of this process in the object");

        var hit = CpuCompiler.Compile(Method(nameof(SumOfTable)), options);
        Assert.That(hit.FromDiskCache, Is.True);
        var saved = Computed.Table[0];
        try
        {
            Computed.Table[0] = 1000;
            Assert.That(Call(hit, 5L), Is.EqualTo(SumOfTable(5)), "the loaded code reads the live elements");
        }
        finally
        {
            Computed.Table[0] = saved;
        }
    }

    [Test]
    public void ACapturingLambdaFromTheCacheReadsItsVariablesAtEachCall()
    {
        var options = FreshOptions();
        var scale = 2;
        var weights = new long[] { 1, 2, 3 };
        Func<long, long> kernel = x => x * scale + weights[(int)(x & 1)];
        Assert.That(Jit.Compile(kernel, options)(5), Is.EqualTo(kernel(5)));
        SpecializationCache.ClearForTests();
        var hits = ObjectCache.Hits;
        var fromDisk = Jit.Compile(kernel, options);
        scale = -7;
        weights = [10, 20];
        Assert.That(fromDisk(5), Is.EqualTo(kernel(5)));
        Assert.That(ObjectCache.Hits - hits, Is.EqualTo(1), "loaded from the cache, not compiled");
        Assert.That(fromDisk(4), Is.EqualTo(kernel(4)));
    }
}
