using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Numbana.Backends.Cpu.OrcJit;
using Numbana.Lowering;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// The parallel-for runtime that compiled Prange loops call:
/// <c>int numbana_parallel_for(ptr body, ptr context, i64 count, i32 reductions, ptr kinds, ptr values)</c>.
/// It splits the iterations [0, count) into contiguous chunks, runs them on the calling thread and
/// on .NET thread-pool threads, each chunk calling the outlined body
/// <c>int body(ptr context, i64 chunkStart, i64 chunkEnd, ptr partials)</c>, then combines each
/// reduction's partial values in chunk order, starting from the value before the loop.
/// </summary>
/// <remarks>
/// Scheduling: by default static chunking, the iterations cut into <see cref="ChunksPerThread"/> equal
/// contiguous chunks per thread; <see cref="ChunkSize"/> &gt; 0 gives chunks of that many iterations.
/// Chunks are handed out in order. Every participant claims the next chunk with
/// an interlocked increment, so the calling thread finishes the work alone if the pool is slow to
/// start its items (no deadlock when the pool is saturated). A loop started inside a chunk (a Prange
/// in a function that a parallel body calls) runs sequentially on that thread.
/// Exceptions: a chunk that fails records its status and stops the chunks after it from starting; the
/// chunks before it still run (as every iteration before the faulting one would under .NET), all
/// participants are joined, and the status of the lowest failing chunk, which holds the lowest failing
/// iteration (a chunk stops at its first fault), is returned.
/// </remarks>
internal static unsafe class ParallelForRuntime
{
    /// <summary>The status returned when the runtime itself fails (reported as a Numbana bug).</summary>
    private const int InternalError = -1;

    /// <summary>
    /// Static chunking cuts the iterations into this many equal chunks per thread, claimed in order:
    /// when a thread is preempted (other processes on the cores) or its iterations are slower, the
    /// others take its remaining chunks instead of waiting for it.
    /// </summary>
    private const int ChunksPerThread = 4;

    private static readonly ConditionalWeakTable<HostJit, object> Defined = new();
    private static int _threads = Environment.ProcessorCount;
    private static long _chunkSize;

    [ThreadStatic]
    private static bool _insideChunk;

    /// <summary>How many threads a parallel loop uses (the calling thread included); see <see cref="Jit.Threads"/>.</summary>
    public static int Threads
    {
        get => Volatile.Read(ref _threads);
        set
        {
            if (value < 1 || value > MaxThreads)
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The thread count must be between 1 and {MaxThreads}.");
            Volatile.Write(ref _threads, value);
        }
    }

    /// <summary>The largest thread count accepted (many more threads than cores only adds overhead).</summary>
    public static int MaxThreads => Math.Max(64, 4 * Environment.ProcessorCount);

    /// <summary>Iterations per chunk; 0 (the default) is static chunking: a few equal contiguous chunks per thread.</summary>
    public static long ChunkSize
    {
        get => Interlocked.Read(ref _chunkSize);
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Interlocked.Exchange(ref _chunkSize, value);
        }
    }

    /// <summary>Defines the runtime's symbol in <paramref name="jit"/> (once per JIT).</summary>
    public static void EnsureDefined(HostJit jit)
    {
        lock (Defined)
        {
            if (Defined.TryGetValue(jit, out _)) return;
            delegate* unmanaged<IntPtr, IntPtr, long, int, int*, long*, int> entry = &ParallelFor;
            jit.DefineAbsoluteSymbol(FunctionLowering.ParallelForSymbol, (IntPtr)entry);
            Defined.Add(jit, new object());
        }
    }

    /// <summary>The parallel diagnostics report of a delegate <see cref="Jit.Compile{TDelegate}"/> returned (compiling it if needed).</summary>
    public static string DiagnosticsOf(Delegate compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        if (compiled.Target is not SpecializationSlot slot)
            throw new ArgumentException("The delegate was not returned by Jit.Compile.", nameof(compiled));
        return Compilation.SpecializationCache.GetOrCompile(slot.Method, slot.Options).ParallelDiagnostics;
    }

    [UnmanagedCallersOnly]
    private static int ParallelFor(IntPtr body, IntPtr context, long count, int reductions, int* kinds, long* values)
    {
        try
        {
            return Run(body, context, count, reductions, kinds, values);
        }
        catch (Exception error)
        {
            // Nothing may unwind into native frames: report it as a bug (the status the raiser does not know).
            System.Diagnostics.Trace.TraceError($"Numbana: the parallel-for runtime failed: {error}");
            return InternalError;
        }
    }

    private static int Run(IntPtr body, IntPtr context, long count, int reductions, int* kinds, long* values)
    {
        if (count <= 0) return 0;
        var threads = (int)Math.Min(Threads, count);
        var chunkSize = ChunkSize;
        if (_insideChunk || threads == 1)
        {
            // Sequential: one chunk on this thread (a nested loop, or one thread).
            var partials = stackalloc long[Math.Max(1, reductions)];
            var wasInside = _insideChunk;
            _insideChunk = true;
            int status;
            try
            {
                status = ((delegate* unmanaged<IntPtr, long, long, long*, int>)body)(context, 0, count, partials);
            }
            finally
            {
                _insideChunk = wasInside;
            }
            if (status != 0) return status;
            Combine(reductions, kinds, values, partials, 1);
            return 0;
        }

        var chunks = chunkSize > 0
            ? (int)Math.Min(int.MaxValue / Math.Max(1, reductions), (count + chunkSize - 1) / chunkSize)
            : (int)Math.Min(count, (long)threads * ChunksPerThread);
        var loop = new LoopState(body, context, count, chunks, reductions);
        // The pool items: as many as there are other threads (they exit at once when no chunk is left).
        var helpers = Math.Min(threads, chunks) - 1;
        for (var i = 0; i < helpers; i++)
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.WorkAsHelper(), loop, preferLocal: false);
        loop.Work();
        loop.WaitForAll();
        if (loop.LowestFailedChunk < chunks) return loop.Statuses[loop.LowestFailedChunk];
        fixed (long* partials = loop.Partials)
            Combine(reductions, kinds, values, partials, chunks);
        return 0;
    }

    /// <summary>One running loop: the chunks, who has claimed what, the partial values and the statuses.</summary>
    private sealed class LoopState
    {
        private readonly IntPtr _body;
        private readonly IntPtr _context;
        private readonly long _count;
        private readonly int _chunks;
        private readonly int _reductions;
        private readonly ManualResetEventSlim _done = new(false);
        private int _nextChunk;
        private int _finishedChunks;
        private int _lowestFailedChunk = int.MaxValue;

        public LoopState(IntPtr body, IntPtr context, long count, int chunks, int reductions)
        {
            _body = body;
            _context = context;
            _count = count;
            _chunks = chunks;
            _reductions = reductions;
            // Pinned: the bodies write into it through a pointer.
            Partials = GC.AllocateArray<long>(Math.Max(1, chunks * reductions), pinned: true);
            Statuses = new int[chunks];
        }

        public long[] Partials { get; }
        public int[] Statuses { get; }
        public int LowestFailedChunk => Volatile.Read(ref _lowestFailedChunk);

        /// <summary>
        /// <see cref="Work"/> on a pool thread, then the release of the arrays the chunk bodies allocated there
        /// (<see cref="ManagedAllocation.EndCall"/>): an array a body allocates never outlives its iteration (a loop-carried
        /// variable must be a numeric reduction), and a pool thread runs nothing else of Numbana meanwhile. The calling
        /// thread does not release here: its list also holds the arrays of the function around the loop.
        /// </summary>
        public void WorkAsHelper()
        {
            try
            {
                Work();
            }
            finally
            {
                ManagedAllocation.EndCall();
            }
        }

        /// <summary>Claims and runs chunks until none is left (or the rest come after a failed one).</summary>
        public void Work()
        {
            var wasInside = _insideChunk;
            _insideChunk = true;
            try
            {
                while (true)
                {
                    var chunk = Interlocked.Increment(ref _nextChunk) - 1;
                    if (chunk >= _chunks) return;
                    if (chunk < LowestFailedChunk) RunChunk(chunk);
                    if (Interlocked.Increment(ref _finishedChunks) == _chunks) _done.Set();
                }
            }
            finally
            {
                _insideChunk = wasInside;
            }
        }

        private void RunChunk(int chunk)
        {
            var start = (long)((Int128)_count * chunk / _chunks);
            var end = (long)((Int128)_count * (chunk + 1) / _chunks);
            int status;
            fixed (long* partials = &Partials[chunk * _reductions])
            {
                try
                {
                    status = ((delegate* unmanaged<IntPtr, long, long, long*, int>)_body)(_context, start, end, partials);
                }
                catch (Exception)
                {
                    status = InternalError;
                }
            }
            if (status == 0) return;
            Statuses[chunk] = status;
            for (var lowest = LowestFailedChunk; chunk < lowest; lowest = LowestFailedChunk)
                if (Interlocked.CompareExchange(ref _lowestFailedChunk, chunk, lowest) == lowest) break;
        }

        /// <summary>Waits until every chunk has finished (or been skipped): every participant that ran a body is done with it.</summary>
        public void WaitForAll()
        {
            var spinner = new SpinWait();
            while (Volatile.Read(ref _finishedChunks) < _chunks)
            {
                if (spinner.Count > 50)
                {
                    _done.Wait();
                    break;
                }
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>values[j] = values[j] op partial[0][j] op partial[1][j] ... (chunk order, so integer and min/max results are exact).</summary>
    private static void Combine(int reductions, int* kinds, long* values, long* partials, int chunks)
    {
        for (var j = 0; j < reductions; j++)
        {
            var value = values[j];
            for (var c = 0; c < chunks; c++) value = Combine(kinds[j], value, partials[c * reductions + j]);
            values[j] = value;
        }
    }

    /// <summary>One step of a reduction, with .NET's semantics (wrapping integers; Math.Min/Max's NaN and signed-zero rules).</summary>
    internal static long Combine(int kind, long left, long right)
    {
        var op = kind >> 2;
        switch (kind & 3)
        {
            case 0:
            {
                int a = (int)left, b = (int)right;
                return unchecked(op switch
                {
                    0 => a + b, 1 => a * b, 2 => a & b, 3 => a | b, 4 => a ^ b, 5 => Math.Min(a, b), _ => Math.Max(a, b),
                });
            }
            case 1:
                return unchecked(op switch
                {
                    0 => left + right, 1 => left * right, 2 => left & right, 3 => left | right, 4 => left ^ right,
                    5 => Math.Min(left, right), _ => Math.Max(left, right),
                });
            case 2:
            {
                float a = BitConverter.Int32BitsToSingle((int)left), b = BitConverter.Int32BitsToSingle((int)right);
                return BitConverter.SingleToInt32Bits(op switch { 0 => a + b, 1 => a * b, 5 => Math.Min(a, b), _ => Math.Max(a, b) });
            }
            default:
            {
                double a = BitConverter.Int64BitsToDouble(left), b = BitConverter.Int64BitsToDouble(right);
                return BitConverter.DoubleToInt64Bits(op switch { 0 => a + b, 1 => a * b, 5 => Math.Min(a, b), _ => Math.Max(a, b) });
            }
        }
    }
}
