using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Numbana.Benchmarks.Suites;

/// <summary>
/// What a call costs on top of the work: a trivial function of two arrays (<c>a[0] + b[0]</c>) called
/// directly by .NET (not inlined), through the typed delegate of <c>Jit.Compile&lt;TDelegate&gt;</c>, through
/// <c>JitFunction.As&lt;TDelegate&gt;</c>, and through the untyped <c>JitFunction.Invoke(object[])</c>
/// (arguments already in an array, and with the params array built at the call). <c>Add</c> is a bounded call
/// (no loop: Numbana calls it without the GC transition); <c>AddInALoop</c>, the same sum in a loop that runs
/// once for these arrays (its count depends on their length), is not, and shows what every call of a kernel with a loop costs.
/// Goals (issue 4): typed delegate at most +10 ns over the direct call, Invoke at most +100 ns.
/// </summary>
[MemoryDiagnoser]
public class CallOverhead
{
    private double[] _a = null!, _b = null!;
    private object?[] _arguments = null!;
    private Func<double[], double[], double> _compiled = null!, _typed = null!, _compiledLoop = null!;
    private JitFunction _function = null!;
    private IntPtr _entry;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Add(double[] a, double[] b) => a[0] + b[0];

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double AddInALoop(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < a.Length; i++) sum += a[i] + b[i]; // one iteration here, but a count known only at the call
        return sum;
    }

    [GlobalSetup]
    public void Setup()
    {
        _a = [1.5, 2];
        _b = [2.25, 3];
        _arguments = [_a, _b];
        _compiled = Jit.Compile<Func<double[], double[], double>>(Add);
        _compiledLoop = Jit.Compile<Func<double[], double[], double>>(AddInALoop);
        _function = Jit.Compile(typeof(CallOverhead).GetMethod(nameof(Add))!);
        _typed = _function.As<Func<double[], double[], double>>();
        _entry = Numbana.Backends.Cpu.Compilation.SpecializationCache.GetOrCompile(typeof(CallOverhead).GetMethod(nameof(Add))!, JitOptions.Default).EntryPoint;
        var expected = Add(_a, _b);
        if (_compiled(_a, _b) != expected || _compiledLoop(_a, _b) != expected || _typed(_a, _b) != expected || (double)_function.Invoke(_arguments)! != expected)
            throw new InvalidOperationException("a compiled call disagrees with .NET");
    }

    [Benchmark(Baseline = true, Description = "direct .NET call")]
    public double Direct() => Add(_a, _b);

    [Benchmark(Description = "Jit.Compile<TDelegate> delegate")]
    public double CompiledDelegate() => _compiled(_a, _b);

    [Benchmark(Description = "direct .NET call, kernel with a loop")]
    public double DirectLoop() => AddInALoop(_a, _b);

    [Benchmark(Description = "Jit.Compile<TDelegate> delegate, kernel with a loop (GC transition kept)")]
    public double CompiledDelegateLoop() => _compiledLoop(_a, _b);

    [Benchmark(Description = "JitFunction.As<TDelegate>")]
    public double TypedDelegate() => _typed(_a, _b);

    [Benchmark(Description = "JitFunction.Invoke(object[])")]
    public object? Invoke() => _function.Invoke(_arguments);

    [Benchmark(Description = "JitFunction.Invoke(a, b) (params array)")]
    public object? InvokeParams() => _function.Invoke(_a, _b);

    /// <summary>The floor: C# calling the native entry through a function pointer (pinning with fixed), as the thunks do.</summary>
    [Benchmark(Description = "C# function pointer to the native entry")]
    public unsafe double FunctionPointer()
    {
        var entry = (delegate* unmanaged[Cdecl]<double*, int, double*, int, double*, int>)_entry;
        double result;
        fixed (double* a = _a)
        fixed (double* b = _b)
            if (entry(a, _a.Length, b, _b.Length, &result) != 0) throw new InvalidOperationException();
        return result;
    }

    /// <summary>The same without the GC transition (SuppressGCTransition, as Numbana calls bounded kernels).</summary>
    [Benchmark(Description = "... with SuppressGCTransition")]
    public unsafe double FunctionPointerNoTransition()
    {
        var entry = (delegate* unmanaged[Cdecl, SuppressGCTransition]<double*, int, double*, int, double*, int>)_entry;
        double result;
        fixed (double* a = _a)
        fixed (double* b = _b)
            if (entry(a, _a.Length, b, _b.Length, &result) != 0) throw new InvalidOperationException();
        return result;
    }
}
