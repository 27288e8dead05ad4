using System.Reflection;
using Numbana.Analysis;
using Numbana.Backends.Cpu.Dispatch;
using Numbana.Frontend;
using Numbana.Transforms;
using NUnit.Framework;
using K = Numbana.Tests.Execution.Kernels.BoundedCallKernels;

namespace Numbana.Tests.Dispatch;

/// <summary>
/// Bounded calls (<see cref="BoundedCallAnalysis"/>) are made without the GC transition
/// (<see cref="UnmanagedCalli"/>): which kernels are bounded, that the emitted calls say so, and that
/// bounded calls still return what .NET does, raise what it raises, and keep arrays in place.
/// </summary>
public class BoundedCallTests
{
    private static string? WhyUnbounded(string kernel, params Type[] signature)
    {
        var unit = UnitBuilder.Build(typeof(K).GetMethod(kernel)!, JitOptions.Default, signature.Length == 0 ? null : signature);
        IrPipeline.Run(unit, JitOptions.Default, vectorStoreAlignment: 16);
        return BoundedCallAnalysis.WhyUnbounded(unit);
    }

    [TestCase(nameof(K.AddFirst))]
    [TestCase(nameof(K.Hypotenuse), Description = "branches, Math.Sqrt and a loop-free callee")]
    [TestCase(nameof(K.CheckedQuotient), Description = "checked arithmetic and division raise through a status")]
    [TestCase(nameof(K.ThrowsWhenNegative))]
    [TestCase(nameof(K.Swap))]
    [TestCase(nameof(K.Corner), Description = "jagged rows are pinned by the thunk, before and after the native call")]
    [TestCase(nameof(K.SmallStackBuffer), Description = "a constant stackalloc of 16 bytes")]
    [TestCase(nameof(K.Pick), Description = "returns an argument: no allocation")]
    [TestCase(nameof(K.SpanAndGrid))]
    [TestCase(nameof(K.Midpoint))]
    [TestCase(nameof(K.SumOfThree), Description = "a counted loop: 3 iterations")]
    [TestCase(nameof(K.Stencil), Description = "nested counted loops, <= and a step of 2: 3 x 2 iterations")]
    public void LoopFreeKernelsThatNeverCallDotNetAreBounded(string kernel) =>
        Assert.That(WhyUnbounded(kernel), Is.Null);

    [TestCase(nameof(K.Sum), "BoundedCallKernels.Sum(double[]) has a loop that does not count up to a constant (at IL offset ")]
    [TestCase(nameof(K.SumThroughHelper), "BoundedCallKernels.Sum(double[]) has a loop that does not count up to a constant", Description = "the callee's loop")]
    [TestCase(nameof(K.ManyIterations), "has loops of more than 256 iterations in all", Description = "5000 iterations")]
    [TestCase(nameof(K.NestedTooFar), "has loops of more than 256 iterations in all", Description = "100 x 100")]
    [TestCase(nameof(K.LoopsInCallerAndCallee), "has loops of more than 256 iterations in all, with its callers' and callees'", Description = "20 calls of a 20-iteration loop")]
    [TestCase(nameof(K.StepsBack), "has a loop that does not count up to a constant", Description = "i-- in the body: the back edge does not pass i + 1")]
    [TestCase(nameof(K.Gcd), "BoundedCallKernels.Gcd(int, int) is recursive")]
    [TestCase(nameof(K.NewArray), "BoundedCallKernels.NewArray(int) allocates an array (the allocator is .NET code)")]
    [TestCase(nameof(K.Fill), "BoundedCallKernels.Fill(double[], double) fills a span")]
    [TestCase(nameof(K.ComputedStackBuffer), "allocates on the stack a size that is not a constant of at most 16384 bytes")]
    [TestCase(nameof(K.Parallel), "BoundedCallKernels.Parallel(double[]) runs a parallel loop")]
    public void KernelsThatLoopRecurseAllocateOrCallDotNetAreNot(string kernel, string reason) =>
        Assert.That(WhyUnbounded(kernel), Does.Contain(reason));

    [Test]
    public void ThisRuntimeLetsNumbanaSkipTheTransition() =>
        Assert.That(UnmanagedCalli.CanSkipGcTransition, Is.True,
            "SignatureHelper.m_signature is gone: every call now makes the GC transition (about 10 ns more); see UnmanagedCalli");

    [Test]
    public void TheCompiledDelegateHasBothCallsAndTakesTheBoundedOneOnceCompiled()
    {
        var add = Jit.Compile<Func<double[], double[], double>>(K.AddFirst);
        Assert.That(CalliConventions(add.Method), Is.EquivalentTo(new[] { "unmanaged C", "unmanaged ext, SuppressGCTransition" }),
            "the thunk is emitted before the kernel is compiled: it holds both calls and picks by the slot");
        Assert.That(add([1.5, 2], [2.25]), Is.EqualTo(3.75));
        Assert.That(add([4], [5]), Is.EqualTo(9));
    }

    [Test]
    public void TypedDelegatesOfJitFunctionCallBoundedEntriesWithoutTheTransition()
    {
        var bounded = Jit.Compile(typeof(K).GetMethod(nameof(K.AddFirst))!).As<Func<double[], double[], double>>();
        Assert.That(CalliConventions(bounded.Method), Is.EqualTo(new[] { "unmanaged ext, SuppressGCTransition" }));
        Assert.That(bounded([1.5], [2.25]), Is.EqualTo(3.75));

        var unbounded = Jit.Compile(typeof(K).GetMethod(nameof(K.Sum))!).As<Func<double[], double>>();
        Assert.That(CalliConventions(unbounded.Method), Is.EqualTo(new[] { "unmanaged C" }));
        Assert.That(unbounded([1.5, 2.25]), Is.EqualTo(3.75));
    }

    [Test]
    public void BoundedCallsRaiseWhatDotNetRaisesOnEveryPath()
    {
        var quotient = Jit.Compile<Func<int, int, int>>(K.CheckedQuotient);
        var function = Jit.Compile(typeof(K).GetMethod(nameof(K.CheckedQuotient))!);
        var typed = function.As<Func<int, int, int>>();
        foreach (var call in new Func<int, int, int>[] { quotient, typed, (a, b) => (int)function.Invoke(a, b)! })
        {
            Assert.That(call(21, 2), Is.EqualTo(21));
            Assert.That(() => call(1, 0), Throws.TypeOf<DivideByZeroException>());
            Assert.That(() => call(int.MaxValue, 1), Throws.TypeOf<OverflowException>());
        }

        var first = Jit.Compile<Func<double[], double[], double>>(K.AddFirst);
        Assert.That(() => first([], [1]), Throws.TypeOf<IndexOutOfRangeException>());
        Assert.That(() => first(null!, [1]), Throws.TypeOf<ArgumentNullException>());
        var thrower = Jit.Compile<Func<int, int>>(K.ThrowsWhenNegative);
        Assert.That(() => thrower(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(thrower(1), Is.EqualTo(2));
    }

    [Test]
    public void BoundedCallsWriteIntoArraysAndReadJaggedRows()
    {
        var swap = Jit.Compile<Action<double[], int, int>>(K.Swap);
        double[] values = [1, 2, 3];
        swap(values, 0, 2);
        Assert.That(values, Is.EqualTo(new double[] { 3, 2, 1 }));
        Assert.That(() => swap(values, 0, 3), Throws.TypeOf<IndexOutOfRangeException>());

        var corner = Jit.Compile<Func<double[][], double>>(K.Corner);
        Assert.That(corner([[1, 2], [3, 4]]), Is.EqualTo(5));
        Assert.That(() => corner([[1, 2], null!]), Throws.TypeOf<NullReferenceException>());
        Assert.That(Jit.Compile<Func<int, int>>(K.SmallStackBuffer)(6), Is.EqualTo(6));
    }

    [Test]
    public void CountedLoopsRunAsDotNetDoes()
    {
        double[] values = [1.5, -2, 4.25, 8, 16];
        Assert.That(Jit.Compile<Func<double[], double>>(K.SumOfThree)(values), Is.EqualTo(K.SumOfThree(values)));
        Assert.That(() => Jit.Compile<Func<double[], double>>(K.SumOfThree)([1, 2]), Throws.TypeOf<IndexOutOfRangeException>());
        var stencil = Jit.Compile<Func<double[], int, double>>(K.Stencil);
        foreach (var at in new[] { 1, 2, 3 }) Assert.That(stencil(values, at), Is.EqualTo(K.Stencil(values, at)));
        Assert.That(() => stencil(values, 4), Throws.TypeOf<IndexOutOfRangeException>());
        var stepsBack = Jit.Compile<Func<int, int>>(K.StepsBack);
        foreach (var x in new[] { 0, 2, 7 }) Assert.That(stepsBack(x), Is.EqualTo(K.StepsBack(x)));
    }

    [Test]
    public void BoundedCallsReturnArgumentsTakeSpansGridsRefsAndCaptures()
    {
        double[] a = [1], b = [2];
        var pick = Jit.Compile<Func<double[], double[], bool, double[]>>(K.Pick);
        Assert.That(pick(a, b, true), Is.SameAs(a));
        Assert.That(pick(a, b, false), Is.SameAs(b));
        Assert.That(Jit.Compile(typeof(K).GetMethod(nameof(K.Pick))!).Invoke(a, b, false), Is.SameAs(b));

        var spanAndGrid = Jit.Compile<SpanAndGridDelegate>(K.SpanAndGrid);
        Assert.That(spanAndGrid([1, 2], new double[,] { { 1, 2 }, { 30, 4 } }), Is.EqualTo(32));
        Assert.That(() => spanAndGrid([1], new double[1, 1]), Throws.TypeOf<IndexOutOfRangeException>());

        var midpoint = Jit.Compile<MidpointDelegate>(K.Midpoint);
        var x = 1.0;
        midpoint(ref x, 4);
        Assert.That(x, Is.EqualTo(2.5));

        // A capturing lambda without a loop: the captured scale is read at each call, the count written back.
        var scale = 3.0;
        var count = 0;
        var scaled = Jit.Compile<Func<double, double>>(v => { count++; return v * scale; });
        Assert.That(scaled(2), Is.EqualTo(6));
        scale = 4;
        Assert.That(scaled(2), Is.EqualTo(8));
        Assert.That(count, Is.EqualTo(2));
    }

    public delegate void MidpointDelegate(ref double x, in double y);

    public delegate double SpanAndGridDelegate(ReadOnlySpan<double> s, double[,] grid);

    [Test]
    public void ArraysStayInPlaceWhileAnotherThreadCompactsTheHeap()
    {
        // Fresh gen-0 arrays, which a compacting collection would move, called while another thread forces a
        // compacting collection per call (one per call, not back to back, which would starve this thread: see
        // JaggedArrayGcTests): the thunk pins them, and without the transition no collection runs during the call.
        var add = Jit.Compile<Func<double[], double[], double>>(K.AddFirst);
        var typed = Jit.Compile(typeof(K).GetMethod(nameof(K.AddFirst))!).As<Func<double[], double[], double>>();
        var stop = false;
        var callsStarted = 0;
        var collections = 0;
        var collector = new Thread(() =>
        {
            var collectedFor = 0;
            while (!Volatile.Read(ref stop))
            {
                if (Volatile.Read(ref callsStarted) == collectedFor)
                {
                    Thread.SpinWait(20);
                    continue;
                }
                collectedFor = Volatile.Read(ref callsStarted);
                GC.Collect(0, GCCollectionMode.Forced, blocking: true, compacting: true);
                Interlocked.Increment(ref collections);
            }
        }) { IsBackground = true };
        collector.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // Half a second of calls (a call is tens of nanoseconds, a collection about a hundred microseconds), longer
            // until 50 collections have run, at most 5 seconds.
            for (var call = 0; clock.Elapsed < TimeSpan.FromSeconds(0.5) || (Volatile.Read(ref collections) < 50 && clock.Elapsed < TimeSpan.FromSeconds(5)); call++)
            {
                Interlocked.Increment(ref callsStarted);
                var a = new[] { call * 0.5, 1 };
                var garbage = new double[64];
                var b = new[] { 2.0, garbage.Length };
                Assert.That(add(a, b), Is.EqualTo(call * 0.5 + 2));
                Assert.That(typed(b, a), Is.EqualTo(2 + call * 0.5));
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            collector.Join();
        }
        Assert.That(collections, Is.GreaterThanOrEqualTo(50), "collections ran between and during the calls");
    }

    /// <summary>The calling convention of every <c>calli</c> in an emitted method, read back from its IL and signatures.</summary>
    private static string[] CalliConventions(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var found = new List<string>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            // calli (0x29) and a StandAloneSig token (table 0x11); an operand byte that looks so would not resolve to a method signature.
            if (il[i] != 0x29 || il[i + 4] != 0x11) continue;
            byte[] signature;
            try
            {
                signature = method.Module.ResolveSignature(BitConverter.ToInt32(il, i + 1));
            }
            catch (ArgumentException)
            {
                continue;
            }
            found.Add(signature[0] switch
            {
                0x01 => "unmanaged C",
                // unmanaged ext: the calling conventions are modopts on the return type (ELEMENT_TYPE_CMOD_OPT, 0x20).
                0x09 => "unmanaged ext" + (ModifierNames(method.Module, signature).Contains(nameof(System.Runtime.CompilerServices.CallConvSuppressGCTransition))
                    ? ", SuppressGCTransition" : ""),
                var other => $"0x{other:x2}",
            });
        }
        return [.. found];
    }

    /// <summary>The types of the modopts on a method signature's return type.</summary>
    private static List<string> ModifierNames(Module module, byte[] signature)
    {
        var names = new List<string>();
        var position = 2; // calling convention, parameter count (under 128 here: one byte)
        while (signature[position] == 0x20)
        {
            // A compressed TypeDefOrRef coded index: the low two bits name the table.
            var (coded, size) = (signature[position + 1] & 0x80) == 0 ? (signature[position + 1], 1)
                : (((signature[position + 1] & 0x3f) << 8) | signature[position + 2], 2);
            var table = (coded & 3) switch { 0 => 0x02000000, 1 => 0x01000000, _ => 0x1b000000 };
            names.Add(module.ResolveType(table | (coded >> 2)).Name);
            position += 1 + size;
        }
        return names;
    }
}
