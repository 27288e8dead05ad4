using System.Reflection;
using Numbana.Backends.Cpu.Caching;
using Numbana.Backends.Cpu.Compilation;
using Numbana.Backends.Cpu.OrcJit;
using Numbana.Frontend;
using NUnit.Framework;

namespace Numbana.Tests.Dispatch;

/// <summary>The on-disk object cache: hits skip compilation; damaged files are ignored and rewritten; callees are in the key.</summary>
[NonParallelizable]
public class ObjectCacheTests
{
    private string _directory = "";
    private string? _previous;

    public static double Polynomial(double[] a, double x)
    {
        var sum = 0.0;
        for (var i = a.Length - 1; i >= 0; i--) sum = sum * x + Helper(a[i]);
        return sum;
    }

    public static double Helper(double v) => v * 2;

    public static double HelperChanged(double v) => v * 3;

    public static double CallsHelper(double v) => Helper(v) + 1;

    [SetUp]
    public void UseATemporaryCacheFolder()
    {
        _previous = Environment.GetEnvironmentVariable("NUMBANA_CACHE_DIR");
        _directory = Path.Combine(Path.GetTempPath(), "numbana-cache-test-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("NUMBANA_CACHE_DIR", _directory);
    }

    [TearDown]
    public void RemoveIt()
    {
        Environment.SetEnvironmentVariable("NUMBANA_CACHE_DIR", _previous);
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static MethodInfo PolynomialMethod => typeof(ObjectCacheTests).GetMethod(nameof(Polynomial))!;

    /// <summary>Options no other test uses, so every test here starts from an empty in-memory cache too.</summary>
    private static JitOptions FreshOptions() => new() { Cache = true, TargetCpu = "x86-64-v2", OptLevel = 2, FastMathFlags = (FastMathFlags)(1 << Random.Shared.Next(0, 6)) };

    private static double Call(CompiledSpecialization compiled, double[] a, double x)
    {
        unsafe
        {
            var entry = (delegate* unmanaged[Cdecl]<double*, int, double, double*, int>)compiled.EntryPoint;
            double result;
            fixed (double* p = a)
                Assert.That(entry(p, a.Length, x, &result), Is.Zero);
            return result;
        }
    }

    [Test]
    public void AHitSkipsCompilationAndRunsTheSameCode()
    {
        var options = FreshOptions();
        var before = CpuCompiler.CompilationCount;
        var first = CpuCompiler.Compile(PolynomialMethod, options);
        Assert.That(CpuCompiler.CompilationCount - before, Is.EqualTo(1));
        Assert.That(first.FromDiskCache, Is.False);
        Assert.That(Directory.GetFiles(_directory, "*.nbo"), Has.Length.EqualTo(1));
        Assert.That(Directory.GetFiles(_directory, "*.tmp"), Is.Empty, "the temporary file was renamed");

        var hits = ObjectCache.Hits;
        var second = CpuCompiler.Compile(PolynomialMethod, options);
        Assert.That(CpuCompiler.CompilationCount - before, Is.EqualTo(1), "a hit does not compile");
        Assert.That(second.FromDiskCache, Is.True);
        Assert.That(ObjectCache.Hits - hits, Is.EqualTo(1));
        double[] a = [1, -2, 0.5];
        Assert.That(Call(second, a, 3), Is.EqualTo(Polynomial(a, 3)));
        Assert.That(Call(first, a, 3), Is.EqualTo(Polynomial(a, 3)));
    }

    [Test]
    public void ThroughJitFunctionTheCacheIsTransparent()
    {
        var function = Jit.Compile(PolynomialMethod, FreshOptions());
        Assert.That(function.Invoke(new[] { 1.0, 1.0 }, 2.0), Is.EqualTo(Polynomial([1.0, 1.0], 2.0)));
        var signature = function.Signatures.Single();
        Assert.That(function.InspectAsm(signature), Does.Contain("ret"));
    }

    [TestCase("corrupt")]
    [TestCase("truncated")]
    [TestCase("empty")]
    public void ADamagedFileIsIgnoredAndRewritten(string damage)
    {
        var options = FreshOptions();
        CpuCompiler.Compile(PolynomialMethod, options);
        var file = Directory.GetFiles(_directory, "*.nbo").Single();
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "corrupt": bytes[bytes.Length - 100] ^= 0x40; break;
            case "truncated": bytes = bytes[..(bytes.Length / 2)]; break;
            default: bytes = []; break;
        }
        File.WriteAllBytes(file, bytes);

        var before = CpuCompiler.CompilationCount;
        var rejected = ObjectCache.RejectedFiles;
        var again = CpuCompiler.Compile(PolynomialMethod, options);
        Assert.That(ObjectCache.RejectedFiles - rejected, Is.EqualTo(1));
        Assert.That(CpuCompiler.CompilationCount - before, Is.EqualTo(1), "compiled again, not loaded");
        Assert.That(again.FromDiskCache, Is.False);
        Assert.That(ObjectCache.TryParse(File.ReadAllBytes(file), out _, out _, out _, out _), Is.True, "rewritten whole");
        Assert.That(Call(again, [2, 3], 0.5), Is.EqualTo(Polynomial([2, 3], 0.5)));
    }

    [Test]
    public void TheChecksumCoversEveryByteOfThePayload()
    {
        ObjectCache.Write("key", "entry", "ir", [1, 2, 3, 4]);
        var good = File.ReadAllBytes(ObjectCache.PathFor("key"));
        Assert.That(ObjectCache.TryParse(good, out var key, out var entry, out var ir, out var code), Is.True);
        Assert.That((key, entry, ir, code.ToArray()), Is.EqualTo(("key", "entry", "ir", new byte[] { 1, 2, 3, 4 })));
        for (var i = 0; i < good.Length; i++)
        {
            var bad = (byte[])good.Clone();
            bad[i] ^= 1;
            Assert.That(ObjectCache.TryParse(bad, out _, out _, out _, out _), Is.False, $"byte {i} flipped");
        }
        for (var length = 0; length < good.Length; length++)
            Assert.That(ObjectCache.TryParse(good[..length], out _, out _, out _, out _), Is.False, $"truncated to {length}");
    }

    [Test]
    public void TheKeyCoversEveryCalleeAndTheTarget()
    {
        var entry = typeof(ObjectCacheTests).GetMethod(nameof(CallsHelper))!;
        var helper = typeof(ObjectCacheTests).GetMethod(nameof(Helper))!;
        var changed = typeof(ObjectCacheTests).GetMethod(nameof(HelperChanged))!;
        Assert.That(ObjectCache.IlHash(helper), Is.Not.EqualTo(ObjectCache.IlHash(changed)));

        string Key(MethodInfo callee, string cpu = "x", string llvm = "19.1.7", JitOptions? options = null) =>
            ObjectCache.KeyFor(entry, [entry, callee], [typeof(double)], options ?? JitOptions.Default, llvm, "x86_64-pc-linux-gnu", cpu, "+avx2");
        var original = Key(helper);
        Assert.That(Key(helper), Is.EqualTo(original), "deterministic");
        Assert.That(Key(changed), Is.Not.EqualTo(Key(helper)), "a changed callee body gives another key");
        Assert.That(Key(helper, cpu: "y"), Is.Not.EqualTo(Key(helper)));
        Assert.That(Key(helper, llvm: "22.1.0"), Is.Not.EqualTo(Key(helper)));
        Assert.That(Key(helper, options: new JitOptions { FastMath = true }), Is.Not.EqualTo(Key(helper)));

        // The key of a real unit walks its callees: the callee's IL is part of it.
        var unit = UnitBuilder.Build(entry, JitOptions.Default);
        Assert.That(unit.Functions.Select(f => f.Method), Does.Contain(helper));
        var jit = HostJit.Shared;
        var withCallee = ObjectCache.KeyFor(unit, null, JitOptions.Default, jit);
        Assert.That(withCallee, Is.EqualTo(ObjectCache.KeyFor(entry, [entry, helper], [typeof(double)], JitOptions.Default,
            Numbana.Llvm.LlvmLibrary.Version.ToString(), jit.TargetTriple, jit.HostCpu, jit.HostFeatures)));
        Assert.That(withCallee, Is.Not.EqualTo(ObjectCache.KeyFor(entry, [entry, changed], [typeof(double)], JitOptions.Default,
            Numbana.Llvm.LlvmLibrary.Version.ToString(), jit.TargetTriple, jit.HostCpu, jit.HostFeatures)));
    }

    /// <summary>Field offsets are constants in the code: a struct's layout and its constructors' IL are part of the key.</summary>
    [Test]
    public void TheKeyCoversStructLayoutsAndConstructors()
    {
        var entry = typeof(Execution.Kernels.StructKernels).GetMethod(nameof(Execution.Kernels.StructKernels.Combine))!;
        var unit = UnitBuilder.Build(entry, JitOptions.Default);
        var constructor = typeof(Execution.Kernels.Point).GetConstructor([typeof(double), typeof(double)])!;
        Assert.That(unit.Functions.Select(f => f.Method), Does.Contain(constructor));
        var layouts = ObjectCache.StructLayoutsOf(unit).ToList();
        Assert.That(layouts, Has.Exactly(1).Contains("|16|X:f64@0;Y:f64@8"));

        var jit = HostJit.Shared;
        var methods = unit.Functions.Select(f => f.Method!).Distinct().ToList();
        string Key(IEnumerable<System.Reflection.MethodBase> compiled, IEnumerable<string> structs) => ObjectCache.KeyFor(entry, compiled, [typeof(double), typeof(double)],
            JitOptions.Default, Numbana.Llvm.LlvmLibrary.Version.ToString(), jit.TargetTriple, jit.HostCpu, jit.HostFeatures, structs);
        var key = ObjectCache.KeyFor(unit, null, JitOptions.Default, jit);
        Assert.That(key, Is.EqualTo(Key(methods, layouts)));
        Assert.That(key, Is.Not.EqualTo(Key(methods, ["Point|16|X:f64@8;Y:f64@0"])), "another layout gives another key");
        Assert.That(key, Is.Not.EqualTo(Key(methods.Where(m => m is not System.Reflection.ConstructorInfo), layouts)), "the constructor's IL is in the key");
    }

    [Test]
    public void TheDefaultFolderIsInTheUsersCacheDirectory()
    {
        Environment.SetEnvironmentVariable("NUMBANA_CACHE_DIR", null);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg-test");
            Assert.That(ObjectCache.Directory, Is.EqualTo("/tmp/xdg-test/numbana"));
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
            Assert.That(ObjectCache.Directory, Does.EndWith(Path.Combine(".cache", "numbana")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", xdg);
        }
    }
}
