using System.Runtime.InteropServices;
using Numbana.Backends.Cpu.OrcJit;
using Numbana.Llvm;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using NUnit.Framework;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>End to end: modules built with the raw API, optimized, JIT-compiled and called.</summary>
[TestFixture]
public unsafe class HostJitTests
{
    private HostJit jit = null!;

    [OneTimeSetUp]
    public void CreateJit() => jit = new HostJit();

    [OneTimeTearDown]
    public void DisposeJit() => jit.Dispose();

    private static string Unique(string stem) => $"{stem}_{Guid.NewGuid():N}";

    /// <summary>Builds a module with <paramref name="build"/>, verifies, optimizes with O3 and adds it to <paramref name="target"/>.</summary>
    private static void Compile(HostJit target, Action<LLVMModuleRef> build, string pipeline = "default<O3>")
    {
        using JitModuleContext pair = JitModuleContext.Create();
        using LlvmModule module = pair.CreateModule(Unique("test"));
        build(module.Ref);
        module.Verify();
        using (LlvmTargetMachine tm = target.CreateTargetMachine())
        {
            module.SetTargetFrom(tm);
            LlvmPasses.Run(module, tm, pipeline);
        }
        module.Verify();
        target.AddModule(pair.ToThreadSafeModule(module));
    }

    [Test]
    public void AddAndExpCompileAndRun()
    {
        string add = Unique("add");
        string exp = Unique("exp_plus_one");
        Compile(jit, m =>
        {
            LlvmTestModules.AddIntAdd(m, add);
            LlvmTestModules.AddCallPlusOne(m, exp, "exp");
        });

        var addFn = (delegate* unmanaged<int, int, int>)jit.Lookup(add);
        var expFn = (delegate* unmanaged<double, double>)jit.Lookup(exp);

        Assert.Multiple(() =>
        {
            Assert.That(addFn(40, 2), Is.EqualTo(42));
            Assert.That(addFn(int.MaxValue, 1), Is.EqualTo(int.MinValue), "i32 add wraps, as C# does");
            Assert.That(expFn(1.5), Is.EqualTo(Math.Exp(1.5) + 1.0).Within(1e-15).Percent);
            Assert.That(expFn(0.0), Is.EqualTo(2.0));
        });
    }

    [Test]
    public void TheJitTargetsThisHost()
    {
        Assert.Multiple(() =>
        {
            Assert.That(jit.TargetTriple, Is.Not.Empty);
            Assert.That(jit.DataLayout, Does.StartWith("e-"));
            Assert.That(jit.HostCpu, Is.EqualTo(LlvmTargetMachine.HostCpu));
        });
        using LlvmTargetMachine tm = jit.CreateTargetMachine();
        Assert.That(tm.DataLayout, Is.EqualTo(jit.DataLayout), "Optimized modules must carry the JIT's data layout.");
        Assert.That(tm.Triple, Is.EqualTo(jit.TargetTriple));
    }

    [Test]
    public void LibmResolvesWithoutAnExtraGenerator()
    {
        // A fact about LLVM 19's LLJIT: it links a process-symbols dylib into the main dylib by default.
        using var bare = new HostJit(addProcessSymbolGenerator: false);
        string name = Unique("pow_user");
        Compile(bare, m => LlvmTestModules.AddCallPlusOne(m, name, "sin"));
        var f = (delegate* unmanaged<double, double>)bare.Lookup(name);
        Assert.That(f(0.5), Is.EqualTo(Math.Sin(0.5) + 1.0).Within(1e-15).Percent);
    }

    [Test]
    public void LibmStillResolvesWithTheProcessGenerator()
    {
        using var withGenerator = new HostJit(addProcessSymbolGenerator: true);
        string name = Unique("cbrt_user");
        Compile(withGenerator, m => LlvmTestModules.AddCallPlusOne(m, name, "cbrt"));
        var f = (delegate* unmanaged<double, double>)withGenerator.Lookup(name);
        Assert.That(f(27.0), Is.EqualTo(4.0));
    }

    [Test]
    public void LookingUpAMissingSymbolNamesIt()
    {
        var e = Assert.Throws<LlvmException>(() => jit.Lookup("numbana_there_is_no_such_symbol"));
        Assert.That(e!.Message, Does.Contain("numbana_there_is_no_such_symbol"));
    }

    [Test]
    public void AnUndefinedExternalIsReportedAsTheCause()
    {
        string caller = Unique("calls_nothing");
        const string missing = "numbana_undefined_external_function";
        Compile(jit, m => LlvmTestModules.AddIntCallTimesTwo(m, caller, missing), pipeline: "default<O0>");

        var e = Assert.Throws<LlvmException>(() => jit.Lookup(caller));

        Assert.That(e!.Message, Does.StartWith($"looking up '{caller}' in the JIT: "));
        Assert.That(e.Message, Does.Contain(missing), "The session's error reporter must supply the real cause.");
    }

    [UnmanagedCallersOnly]
    private static int Triple(int x) => 3 * x;

    [Test]
    public void CompiledCodeCallsBackIntoDotNet()
    {
        string callback = Unique("numbana_triple");
        string caller = Unique("six_times");
        jit.DefineAbsoluteSymbol(callback, (IntPtr)(delegate* unmanaged<int, int>)&Triple);
        Compile(jit, m => LlvmTestModules.AddIntCallTimesTwo(m, caller, callback));

        var f = (delegate* unmanaged<int, int>)jit.Lookup(caller);

        Assert.That(f(7), Is.EqualTo(42));
        Assert.That(jit.Lookup(callback), Is.EqualTo((ulong)(delegate* unmanaged<int, int>)&Triple));
    }

    [Test]
    public void DefiningASymbolTwiceThrows()
    {
        string name = Unique("twice_defined");
        jit.DefineAbsoluteSymbol(name, (IntPtr)(delegate* unmanaged<int, int>)&Triple);
        var e = Assert.Throws<LlvmException>(() => jit.DefineAbsoluteSymbol(name, (IntPtr)(delegate* unmanaged<int, int>)&Triple));
        Assert.That(e!.Message, Does.Contain(name));
    }

    [Test]
    public void AddingADuplicateDefinitionThrows()
    {
        string name = Unique("dup");
        Compile(jit, m => LlvmTestModules.AddConstant(m, name, 1));
        var e = Assert.Throws<LlvmException>(() => Compile(jit, m => LlvmTestModules.AddConstant(m, name, 2)));
        Assert.That(e!.Message, Does.Contain(name));
        Assert.That(((delegate* unmanaged<int>)jit.Lookup(name))(), Is.EqualTo(1));
    }

    [Test]
    public void ARemovableModuleGoesAway()
    {
        string name = Unique("removable");
        JitModuleHandle handle;
        using (JitModuleContext pair = JitModuleContext.Create())
        {
            using LlvmModule module = pair.CreateModule("removable");
            LlvmTestModules.AddConstant(module.Ref, name, 5);
            using LlvmTargetMachine tm = jit.CreateTargetMachine();
            module.SetTargetFrom(tm);
            handle = jit.AddRemovableModule(pair.ToThreadSafeModule(module));
        }
        Assert.That(((delegate* unmanaged<int>)jit.Lookup(name))(), Is.EqualTo(5));

        handle.Dispose();
        handle.Dispose(); // twice is fine

        Assert.That(() => jit.Lookup(name), Throws.TypeOf<LlvmException>());
    }

    [Test]
    public void ADisposedJitRefusesWork()
    {
        var shortLived = new HostJit();
        shortLived.Dispose();
        shortLived.Dispose();
        Assert.That(() => shortLived.Lookup("anything"), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void ParallelCompilesOnTheSharedJitAreSafe()
    {
        string stem = Unique("parallel");
        var results = new int[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            string name = $"{stem}_{i}";
            Compile(HostJit.Shared, m => LlvmTestModules.AddConstant(m, name, i * 7), pipeline: "default<O2>");
            results[i] = ((delegate* unmanaged<int>)HostJit.Shared.Lookup(name))();
        });
        Assert.That(results, Is.EqualTo(Enumerable.Range(0, results.Length).Select(i => i * 7)));
    }
}
