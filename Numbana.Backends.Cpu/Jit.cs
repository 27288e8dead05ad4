namespace Numbana;

/// <summary>The entry point: compiles .NET methods to native code with LLVM.</summary>
public static class Jit
{
    /// <summary>
    /// Returns a delegate of the same type as <paramref name="method"/> whose calls run native code
    /// compiled from the method's CIL. Compilation happens at the first call and is cached.
    /// </summary>
    /// <example>
    /// <code>
    /// static double Sum(double[] a) { double s = 0; for (int i = 0; i &lt; a.Length; i++) s += a[i]; return s; }
    /// Func&lt;double[], double&gt; sum = Jit.Compile&lt;Func&lt;double[], double&gt;&gt;(Sum);
    /// double total = sum(values);
    /// </code>
    /// </example>
    public static TDelegate Compile<TDelegate>(TDelegate method, JitOptions? options = null) where TDelegate : Delegate
        => Backends.Cpu.Runtime.DelegateCompiler.Compile(method, options ?? JitOptions.Default);

    /// <summary>
    /// A <see cref="JitFunction"/> for <paramref name="method"/>: compiled once per signature of runtime
    /// argument types, at the first call with that signature. The method may be an open generic method
    /// definition; it must be static.
    /// </summary>
    /// <example>
    /// <code>
    /// JitFunction dot = Jit.Compile(typeof(Kernels).GetMethod(nameof(Kernels.Dot))!);
    /// object? r = dot.Invoke(xs, ys);
    /// </code>
    /// </example>
    public static JitFunction Compile(System.Reflection.MethodInfo method, JitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new JitFunction(method, null, options ?? JitOptions.Default);
    }

    /// <summary>
    /// A <see cref="JitFunction"/> for the method of <paramref name="function"/>: a static method or a lambda
    /// (a lambda's captured variables are read from its closure at each call, as for <see cref="Compile{TDelegate}"/>).
    /// </summary>
    public static JitFunction Compile(Delegate function, JitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new JitFunction(function.Method, function.Target, options ?? JitOptions.Default);
    }

    /// <summary>
    /// Where non-strict mode reports a method that runs as .NET code (once per signature, as a warning
    /// with the method, the signature and the reason). The "Numbana" EventSource reports it too.
    /// </summary>
    public static Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

    /// <summary>
    /// How many threads a <see cref="Prange"/> loop runs on, the calling thread included (as
    /// numba.set_num_threads); the default is <see cref="Environment.ProcessorCount"/>. Read at each loop.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1, or above max(64, 4 x the processor count).</exception>
    public static int Threads
    {
        get => Backends.Cpu.Runtime.ParallelForRuntime.Threads;
        set => Backends.Cpu.Runtime.ParallelForRuntime.Threads = value;
    }

    /// <summary>
    /// Iterations per chunk of a <see cref="Prange"/> loop; 0 (the default) is static chunking: the
    /// iterations cut into four equal contiguous chunks per thread, claimed in order. Smaller chunks
    /// balance uneven iterations better, at a small cost per chunk.
    /// </summary>
    public static long ParallelChunkSize
    {
        get => Backends.Cpu.Runtime.ParallelForRuntime.ChunkSize;
        set => Backends.Cpu.Runtime.ParallelForRuntime.ChunkSize = value;
    }

    /// <summary>
    /// The parallel diagnostics report of a compiled delegate, as Numba's parallel_diagnostics: each
    /// Prange loop, whether it runs in parallel (and why not), and the reductions found.
    /// </summary>
    /// <example><c>Console.Write(Jit.ParallelDiagnostics(sum));</c></example>
    public static string ParallelDiagnostics(Delegate compiled) => Backends.Cpu.Runtime.ParallelForRuntime.DiagnosticsOf(compiled);
}
