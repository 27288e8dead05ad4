using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// A jagged array argument (T[][] or T[][][]) as compiled code sees it for one call: a native table of row
/// descriptors <c>{ ptr data, i32 length }</c>, one per row, each row pinned until <see cref="Release"/>.
/// </summary>
/// <remarks>
/// <para>Why this is GC-safe: compiled code runs in preemptive GC mode, so the GC may run (and compact) at
/// any point of the call. Compiled code never reads the outer array object: it reads the table, which is
/// native memory the GC does not know or move, and every data pointer in it points into a row pinned by a
/// pinned GC handle (<see cref="PinnedGCHandle{T}"/>) taken before the call and freed only after it returns. The rows
/// cannot be replaced during the call either: compiled code cannot store rows (the importer refuses
/// <c>m[i] = row</c> and <c>new T[n][]</c>), and a row another thread stores into the outer array during the
/// call is not seen, as with any racing write. For T[][][] each middle row (a T[][]) gets a table of its
/// own in the same buffer, and the outer table points to them.</para>
/// <para>A null row is <c>{ null, 0 }</c>: compiled code checks the data pointer where .NET would raise
/// NullReferenceException (Length, an element access). An empty row still has its data address (not null).</para>
/// <para>Cost: one pinned GC handle per row, pointed at the row for the call and back at null after it (about
/// 28 ns a row, measured in docs/performance.md). The instances, their handles and their native tables are reused
/// per thread, so a call allocates nothing once warm.</para>
/// <para>Release is emitted right after the native call. If an argument after this one throws before the
/// call (ArgumentNullException), the thunk never gets there: the next call on the thread releases those pins
/// (<see cref="ReleaseAbandoned"/>, emitted before the first jagged argument). No other call can be between
/// Pin and the native call on the same thread: argument loading runs no user code.</para>
/// </remarks>
internal sealed unsafe class JaggedArgument
{
    /// <summary>LLVM's layout of <c>{ ptr, i32 }</c>: 16 bytes, the length at offset 8.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RowDescriptor
    {
        public nint Data;
        public int Length;
    }

    [ThreadStatic] private static Stack<JaggedArgument>? t_pool;
    [ThreadStatic] private static List<JaggedArgument>? t_pinned;

    /// <summary>The pinned handles this instance owns; the first <see cref="_pinCount"/> hold this call's rows, the rest null.</summary>
    private PinnedGCHandle<object?>[] _pins = [];
    private int _pinCount;
    private int _pinsAllocated;
    private RowDescriptor* _tables;
    private int _tableCapacity;
    private int _tableUsed;

    /// <summary>The address of the outer table (row 0's descriptor).</summary>
    public nint Table { get; private set; }

    /// <summary>The outer array's length.</summary>
    public int Length { get; private set; }

    /// <summary>Jagged arguments pinned on this thread and not yet released (tests: 0 between calls, but after a call that threw before its native call).</summary>
    internal static int PinnedOnThisThread => t_pinned?.Count ?? 0;

    /// <summary>Releases the pins of jagged arguments of an earlier call on this thread that threw before its native call.</summary>
    public static void ReleaseAbandoned()
    {
        if (t_pinned is not { Count: > 0 } pinned) return;
        foreach (var argument in pinned.ToArray()) argument.Release();
    }

    /// <summary>
    /// Pins every row of <paramref name="jagged"/> and builds its table; a null argument raises
    /// <see cref="ArgumentNullException"/> naming <paramref name="name"/>, as for T[] arguments.
    /// </summary>
    public static JaggedArgument Pin(object?[]? jagged, string name)
    {
        ArgumentNullException.ThrowIfNull(jagged, name);
        var argument = (t_pool ??= new()).TryPop(out var pooled) ? pooled : new JaggedArgument();
        (t_pinned ??= new()).Add(argument);
        argument.EnsureTableCapacity(EntryCount(jagged));
        argument.Table = argument.BuildTable(jagged);
        argument.Length = jagged.Length;
        return argument;
    }

    /// <summary>Descriptors needed: one per row, and for T[][][] one per row of each middle row.</summary>
    private static int EntryCount(object?[] rows)
    {
        var count = rows.Length;
        foreach (var row in rows)
            if (row is object?[] nested) count += EntryCount(nested);
        return count;
    }

    private void EnsureTableCapacity(int entries)
    {
        // At least one entry: the table address of an empty jagged array must not be null.
        entries = Math.Max(entries, 1);
        if (entries > _tableCapacity)
        {
            NativeMemory.Free(_tables);
            _tables = (RowDescriptor*)NativeMemory.Alloc((nuint)entries, (nuint)sizeof(RowDescriptor));
            _tableCapacity = entries;
        }
        _tableUsed = 0;
    }

    private nint BuildTable(object?[] rows)
    {
        var table = _tables + _tableUsed;
        _tableUsed += rows.Length;
        for (var i = 0; i < rows.Length; i++)
        {
            switch (rows[i])
            {
                case null:
                    table[i] = default;
                    break;
                // A middle row of T[][][] (a T[][], which is an object?[] by array covariance): a table of its own.
                case object?[] nested:
                    table[i] = new RowDescriptor { Data = BuildTable(nested), Length = nested.Length };
                    break;
                case Array row:
                    PinRow(row);
                    table[i] = new RowDescriptor { Data = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(row)), Length = row.Length };
                    break;
            }
        }
        return (nint)table;
    }

    /// <summary>
    /// Pins one row. The handles outlive calls: pointing a handle at a row and back at null costs about a third of
    /// allocating and freeing one (docs/performance.md, "Jagged arrays"), and a pinned handle holding null pins nothing.
    /// </summary>
    private void PinRow(Array row)
    {
        if (_pinCount < _pinsAllocated)
        {
            _pins[_pinCount++].Target = row;
            return;
        }
        if (_pinsAllocated == _pins.Length) Array.Resize(ref _pins, Math.Max(16, _pins.Length * 2));
        // PinnedGCHandle skips GCHandle.Alloc's pinnability check (rows are arrays of primitives): cheaper per row.
        _pins[_pinsAllocated++] = new PinnedGCHandle<object?>(row);
        _pinCount++;
    }

    /// <summary>The table buffer and the handles outlive calls (they are reused); they go with the instance, when its thread ends.</summary>
    ~JaggedArgument()
    {
        NativeMemory.Free(_tables);
        for (var i = 0; i < _pinsAllocated; i++) _pins[i].Dispose();
    }

    /// <summary>Unpins the rows (the thunk calls it once the native call has returned) and returns this instance to the thread's pool.</summary>
    public void Release()
    {
        for (var i = 0; i < _pinCount; i++) _pins[i].Target = null; // unpinned: the rows may move or be collected now
        _pinCount = 0;
        t_pinned!.Remove(this);
        t_pool!.Push(this);
    }
}
