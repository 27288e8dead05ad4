using System.Diagnostics.Tracing;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Numbana.Backends.Cpu.Compilation;
using NUnit.Framework;

namespace Numbana.Tests.Dispatch;

/// <summary>JitFunction: specialization on runtime types, generic methods, loosely typed parameters, inspection, fallback.</summary>
public class JitFunctionTests
{
    private static MethodInfo Kernel(string name) => typeof(DispatchKernels).GetMethod(name)!;

    [Test]
    public void AnOpenGenericMethodIsSpecializedThreeWays()
    {
        var first = Jit.Compile(Kernel(nameof(DispatchKernels.First)));
        Assert.That(first.Invoke(new[] { 7, 8 }), Is.EqualTo(7));
        Assert.That(first.Invoke(new[] { 1.5f, 2f }), Is.EqualTo(1.5f));
        Assert.That(first.Invoke(new[] { -2.25, 3.0 }), Is.EqualTo(-2.25));
        Assert.That(first.Signatures, Is.EquivalentTo(new[]
        {
            new JitSignature(typeof(int[])), new JitSignature(typeof(float[])), new JitSignature(typeof(double[])),
        }));
        Assert.That(first.Invoke(new[] { 9, 8 }), Is.EqualTo(9), "the same signature again");
        Assert.That(first.Signatures, Has.Count.EqualTo(3));
    }

    [Test]
    public void MethodsReturningArraysGiveTheArrayDotNetWould()
    {
        var prefix = Jit.Compile(Kernel(nameof(DispatchKernels.Prefix)));
        var values = new[] { 1.5, 2.5, 3.5 };
        Assert.That(prefix.Invoke(values, 2), Is.EqualTo(new[] { 1.5, 2.5 }));
        Assert.That(prefix.Invoke(values, 3), Is.SameAs(values), "an argument returned as it came is the same object");
        Assert.That(prefix.Invoke(new[] { 7, 8, 9 }, 0), Is.Empty.And.TypeOf<int[]>());
        Assert.That(() => prefix.Invoke(values, -1), Throws.TypeOf<OverflowException>());
        Assert.That(() => prefix.Invoke(values, 4), Throws.TypeOf<IndexOutOfRangeException>());
        var typed = prefix.As<Func<float[], int, float[]>>();
        var floats = new[] { 1f, 2f };
        Assert.That(typed(floats, 1), Is.EqualTo(new[] { 1f }));
        Assert.That(typed(floats, 2), Is.SameAs(floats));

        var outer = Jit.Compile(Kernel(nameof(DispatchKernels.Outer)));
        Assert.That(outer.Invoke(new[] { 1.0, 2.0 }, new[] { 3.0, 4.0, 5.0 }), Is.EqualTo(DispatchKernels.Outer([1.0, 2.0], [3.0, 4.0, 5.0])));
    }

    [Test]
    public void GenericMathCompilesToPrimitiveOperations()
    {
        var sum = Jit.Compile(Kernel(nameof(DispatchKernels.Sum)));
        int[] ints = [1, 2, int.MaxValue];
        double[] doubles = [0.1, 0.2, 0.3, -1e300, 1e300];
        float[] floats = [1e-8f, 1f, -3.5f];
        long[] longs = [long.MaxValue, 1];
        Assert.That(sum.Invoke(ints), Is.EqualTo(DispatchKernels.Sum(ints)));
        Assert.That(BitConverter.DoubleToInt64Bits((double)sum.Invoke(doubles)!), Is.EqualTo(BitConverter.DoubleToInt64Bits(DispatchKernels.Sum(doubles))));
        Assert.That(sum.Invoke(floats), Is.EqualTo(DispatchKernels.Sum(floats)));
        Assert.That(sum.Invoke(longs), Is.EqualTo(DispatchKernels.Sum(longs)));
        Assert.That(sum.InspectTypes(new JitSignature(typeof(double[]))), Does.Contain("f64"));

        var dot = Jit.Compile(Kernel(nameof(DispatchKernels.Dot)));
        Assert.That(dot.Invoke(new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 }), Is.EqualTo(11.0));
        Assert.That(dot.Invoke(new[] { 2, 3 }, new[] { 5, -1 }), Is.EqualTo(7));

        var max = Jit.Compile(Kernel(nameof(DispatchKernels.MaxOf)));
        Assert.That(max.Invoke(new uint[] { 1, uint.MaxValue, 3 }), Is.EqualTo(uint.MaxValue), "unsigned comparison");
        Assert.That(max.Invoke(new[] { -1.0, double.NaN, 2.0 }), Is.EqualTo(DispatchKernels.MaxOf([-1.0, double.NaN, 2.0])));
        Assert.That(max.Invoke(new byte[] { 3, 200, 7 }), Is.EqualTo((byte)200));
    }

    [Test]
    public void GenericMathOperatorsMatchDotNet()
    {
        var scaled = Jit.Compile(Kernel(nameof(DispatchKernels.Scaled)));
        foreach (var (x, y) in new[] { (7, 3), (-9, 4), (100, -100) })
            Assert.That(scaled.Invoke(x, y), Is.EqualTo(DispatchKernels.Scaled(x, y)));
        foreach (var (x, y) in new[] { (7.5, 3.0), (-0.0, 4.0), (double.NaN, 1.0) })
            Assert.That(BitConverter.DoubleToInt64Bits((double)scaled.Invoke(x, y)!), Is.EqualTo(BitConverter.DoubleToInt64Bits(DispatchKernels.Scaled(x, y))));
        foreach (var (x, y) in new[] { ((byte)250, (byte)3), ((byte)1, (byte)9) })
            Assert.That(scaled.Invoke(x, y), Is.EqualTo(DispatchKernels.Scaled(x, y)), "byte arithmetic wraps");
        var clamp = Jit.Compile(Kernel(nameof(DispatchKernels.Clamp)));
        Assert.That(clamp.Invoke(5.0, 0.0, 1.0), Is.EqualTo(1.0));
        Assert.That(clamp.Invoke(-5, 0, 10), Is.EqualTo(0));
    }

    [Test]
    public void InterfaceParametersSpecializeOnTheRuntimeType()
    {
        var sum = Jit.Compile(Kernel(nameof(DispatchKernels.ReadOnlySum)));
        double[] array = [1.5, 2.5, 4];
        var list = new List<double> { 1, 2, 3, 4 };
        list.Capacity = 100;
        Assert.That(sum.Invoke(array), Is.EqualTo(8.0));
        Assert.That(sum.Invoke(list), Is.EqualTo(10.0), "a List<double> is compiled as its backing array, Count elements");
        Assert.That(sum.Signatures, Has.Count.EqualTo(2));
        var error = Assert.Throws<UnsupportedIlException>(() => sum.Invoke(new System.Collections.ObjectModel.ReadOnlyCollection<double>(array)))!;
        Assert.That(error.Message, Does.Contain("ReadOnlyCollection"));

        var scale = Jit.Compile(Kernel(nameof(DispatchKernels.ScaleInPlace)));
        scale.Invoke(list, 2.0);
        Assert.That(list, Is.EqualTo(new[] { 2.0, 4, 6, 8 }));
        scale.Invoke(array, -1.0);
        Assert.That(array, Is.EqualTo(new[] { -1.5, -2.5, -4 }));

        Assert.That(Jit.Compile(Kernel(nameof(DispatchKernels.ArrayLength))).Invoke(new int[5]), Is.EqualTo(5));
        Assert.That(Jit.Compile(Kernel(nameof(DispatchKernels.FirstOfObject))).Invoke(new[] { 4.25 }), Is.EqualTo(4.25));
    }

    [Test]
    public void TypedDelegatesCallTheSpecializationDirectly()
    {
        var dot = Jit.Compile(Kernel(nameof(DispatchKernels.Dot)));
        var f = dot.As<Func<float[], float[], float>>();
        Assert.That(f([1f, 2f], [3f, 4f]), Is.EqualTo(11f));
        var d = dot.As<Func<double[], double[], double>>();
        Assert.That(d([0.5], [4.0]), Is.EqualTo(2.0));
        Assert.That(dot.Signatures, Has.Count.EqualTo(2));
        Assert.Throws<ArgumentNullException>(() => d(null!, [1.0]));
        Assert.Throws<IndexOutOfRangeException>(() => d([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => dot.As<Func<double[], double[], float>>());

        var positive = Jit.Compile(Kernel(nameof(DispatchKernels.IsPositive))).As<Func<double, bool>>();
        Assert.That(positive(2.0), Is.True);
        Assert.That(positive(-0.0), Is.False);

        var sumList = Jit.Compile(Kernel(nameof(DispatchKernels.ReadOnlySum))).As<Func<List<double>, double>>();
        Assert.That(sumList([1, 2]), Is.EqualTo(3.0));
    }

    [Test]
    public void InvokeChecksItsArguments()
    {
        var add = Jit.Compile(Kernel(nameof(DispatchKernels.Add)));
        Assert.That(add.Invoke(new[] { 1.0 }, new[] { 2.0 }), Is.EqualTo(3.0));
        Assert.Throws<ArgumentNullException>(() => add.Invoke(null, new[] { 2.0 }));
        Assert.Throws<ArgumentException>(() => add.Invoke(new[] { 1.0 }));
        Assert.Throws<ArgumentException>(() => add.Invoke(new[] { 1.0 }, new[] { 1 }));
        Assert.Throws<IndexOutOfRangeException>(() => add.Invoke(new double[0], new[] { 2.0 }));
        Assert.That(Jit.Compile(Kernel(nameof(DispatchKernels.Nothing))).Invoke(new double[1]), Is.Null);
        Assert.That(Jit.Compile(Kernel(nameof(DispatchKernels.Triangle))).Invoke(100), Is.EqualTo(5050L));
    }

    [Test]
    public void ADelegateCompilesToAJitFunction()
    {
        Func<double, double, double> hypot = (x, y) => Math.Sqrt(x * x + y * y);
        var function = Jit.Compile((Delegate)hypot);
        Assert.That(function.Invoke(3.0, 4.0), Is.EqualTo(5.0));
        Assert.That(function.As<Func<double, double, double>>()(6.0, 8.0), Is.EqualTo(10.0));
    }

    [Test]
    public void CompileIsEagerAndInspectionShowsEachStage()
    {
        var daxpy = Jit.Compile(Kernel(nameof(DispatchKernels.Daxpy)));
        var compilations = CpuCompiler.CompilationCount;
        var signature = daxpy.Compile(typeof(double), typeof(double[]), typeof(double[]));
        Assert.That(daxpy.Signatures, Is.EqualTo(new[] { signature }));
        Assert.That(daxpy.InspectTypes(signature), Does.Contain("f64"));
        Assert.That(daxpy.InspectLlvm(signature, optimized: false), Does.Contain("define"));
        Assert.That(daxpy.InspectLlvm(signature), Does.Contain("define"));
        var asm = daxpy.InspectAsm(signature);
        Assert.That(asm, Does.Contain("ret"));
        Assert.That(asm, Does.Match(@"v?mulsd|v?mulpd|vfmadd"), "x86-64 floating-point code");
        Assert.That(CpuCompiler.CompilationCount, Is.GreaterThanOrEqualTo(compilations));
    }

    [Test]
    public void OptionsAreTheSpecializationKey()
    {
        var method = Kernel(nameof(DispatchKernels.Daxpy));
        var exact = Jit.Compile(method, new JitOptions { OptLevel = 2 });
        var contract = Jit.Compile(method, new JitOptions { OptLevel = 2, FastMathFlags = FastMathFlags.Contract });
        var signature = exact.Compile(typeof(double), typeof(double[]), typeof(double[]));
        contract.Compile(signature.Types.ToArray());
        Assert.That(exact.InspectLlvm(signature), Does.Not.Contain("contract"));
        Assert.That(contract.InspectLlvm(signature), Does.Contain("contract"));
        Assert.That(contract.InspectLlvm(signature), Does.Not.Contain("reassoc"), "only the chosen flag");
        Assert.That(new JitOptions { FastMath = true }.FastMathFlags, Is.EqualTo(FastMathFlags.All));
        Assert.That(new JitOptions { FastMathFlags = FastMathFlags.Reassoc }.FastMath, Is.True);
        Assert.That(new JitOptions { TargetCpu = "x86-64" }, Is.Not.EqualTo(JitOptions.Default));
    }

    [Test]
    public void ANamedCpuGivesPortableCode()
    {
        var method = Kernel(nameof(DispatchKernels.AddInto));
        var portable = Jit.Compile(method, new JitOptions { TargetCpu = "x86-64" });
        var signature = portable.Compile(typeof(double[]), typeof(double[]), typeof(double[]));
        var asm = portable.InspectAsm(signature);
        Assert.That(asm, Does.Not.Contain("ymm"), "baseline x86-64 has no AVX");
        Assert.That(portable.InspectLlvm(signature), Does.Contain("\"target-cpu\"=\"x86-64\""));
        double[] a = [1, 2, 3, 4, 5], b = [5, 4, 3, 2, 1], result = new double[5];
        portable.Invoke(a, b, result);
        Assert.That(result, Is.All.EqualTo(6.0));
    }

    [Test]
    public void AArch64AssemblyHasNeonVectorInstructions()
    {
        var function = Jit.Compile(Kernel(nameof(DispatchKernels.AddInto)),
            new JitOptions { TargetTriple = "aarch64-unknown-linux-gnu", TargetCpu = "neoverse-n1", BoundsCheck = false });
        var signature = function.Compile(typeof(double[]), typeof(double[]), typeof(double[]));
        var asm = function.InspectAsm(signature);
        Assert.That(asm, Does.Contain("fadd\tv").And.Contain(".2d"), asm);
        Assert.That(asm, Does.Contain("ldp\tq").Or.Contain("ldr\tq"));
        Assert.Throws<NotSupportedException>(() => function.Invoke(new double[1], new double[1], new double[1]));
        var typed = Jit.Compile<Action<double[], double[], double[]>>(DispatchKernels.AddInto, new JitOptions { TargetTriple = "aarch64-unknown-linux-gnu" });
        Assert.Throws<NotSupportedException>(() => typed(new double[1], new double[1], new double[1]), "never run on the host");
    }

    [Test]
    public void NonStrictFallbackReportsItsReasonOncePerSignature()
    {
        var logger = new ListLogger();
        using var listener = new FallbackListener();
        var previous = Jit.Logger;
        Jit.Logger = logger;
        try
        {
            var function = Jit.Compile(Kernel(nameof(DispatchKernels.Unsupported)), new JitOptions { Strict = false, OptLevel = 1 });
            Assert.That(function.Invoke(12345), Is.EqualTo(5));
            Assert.That(function.Invoke(-1), Is.EqualTo(2));
            Assert.That(function.As<Func<int, int>>()(100), Is.EqualTo(3));
            Assert.That(logger.Messages, Has.Count.EqualTo(1), string.Join("\n", logger.Messages));
            Assert.That(logger.Messages[0], Does.Contain("Unsupported").And.Contain("(int)").And.Contain("runs as .NET code"));
            Assert.That(listener.Events, Has.Count.EqualTo(1));
            Assert.That(listener.Events[0], Does.Contain("Unsupported"));

            var strict = Jit.Compile(Kernel(nameof(DispatchKernels.Unsupported)));
            Assert.Throws<UnsupportedIlException>(() => strict.Invoke(1));
        }
        finally
        {
            Jit.Logger = previous;
        }
    }

    [Test]
    public void SixtyFourThreadsMakingTheFirstInvokeAtOnceCompileOnce()
    {
        // A fresh option set, so that this test makes the very first compile of this specialization.
        var function = Jit.Compile(Kernel(nameof(DispatchKernels.Sum)), new JitOptions { OptLevel = 1, FastMathFlags = FastMathFlags.NoInfs });
        var data = Enumerable.Range(-1000, 3001).Select(i => (long)i * i).ToArray();
        var expected = DispatchKernels.Sum(data);
        const int threads = 64;
        using var start = new Barrier(threads);
        var results = new object?[threads];
        var before = CpuCompiler.CompilationCount;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = function.Invoke(data);
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        Assert.That(results, Is.All.EqualTo(expected));
        Assert.That(CpuCompiler.CompilationCount - before, Is.EqualTo(1));
        Assert.That(function.Signatures, Has.Count.EqualTo(1));
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages) Messages.Add(formatter(state, exception));
        }
    }

    private sealed class FallbackListener : EventListener
    {
        public List<string> Events { get; } = [];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Numbana") EnableEvents(eventSource, EventLevel.Warning);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName == "Fallback")
                lock (Events) Events.Add(string.Join(" ", eventData.Payload ?? []));
        }
    }
}
