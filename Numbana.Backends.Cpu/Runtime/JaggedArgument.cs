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
/// <see cref="GCHandleType.Pinned"/> handle taken before the call and freed only after it returns. The rows
/// cannot be replaced during the call either: compiled code cannot store rows (the importer refuses
/// <c>m[i] = row</c> and <c>new T[n][]</c>), and a row the caller's other threads store into the outer array
/// during the call is not seen, as with any racing write. For T[][][] the middle rows get tables of their own,
/// and the outer table points to them.</para>
/// <para>A null row is <c>{ null, 0 }</c>: compiled code checks the data pointer where .NET would raise
/// NullReferenceException (Length, an element access). An empty row still has its data address (not null).</para>
/// <para>Cost: one pinned GCHandle per row, taken and freed at each call (measured in docs/performance.md).</para>
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

    private readonly List<GCHandle> _pins;
    private readonly List<nint> _tables = new(1);
    private bool _released;

    private JaggedArgument(int rowCount) => _pins = new List<GCHandle>(rowCount);

    /// <summary>The address of the outer table (row 0's descriptor).</summary>
    public nint Table { get; private set; }

    /// <summary>The outer array's length.</summary>
    public int Length { get; private set; }

    /// <summary>
    /// Pins every row of <paramref name="jagged"/> and builds its table; a null argument raises
    /// <see cref="ArgumentNullException"/> naming <paramref name="name"/>, as for T[] arguments.
    /// </summary>
    public static JaggedArgument Pin(object?[]? jagged, string name)
    {
        ArgumentNullException.ThrowIfNull(jagged, name);
        var argument = new JaggedArgument(jagged.Length);
        try
        {
            argument.Table = argument.BuildTable(jagged);
            argument.Length = jagged.Length;
        }
        catch
        {
            argument.Release();
            throw;
        }
        return argument;
    }

    private nint BuildTable(object?[] rows)
    {
        // At least one entry: NativeMemory.Alloc(0) may return null, and the table address of an empty jagged array must not be.
        var table = (RowDescriptor*)NativeMemory.Alloc((nuint)Math.Max(rows.Length, 1), (nuint)sizeof(RowDescriptor));
        _tables.Add((nint)table);
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
                    var pin = GCHandle.Alloc(row, GCHandleType.Pinned);
                    _pins.Add(pin);
                    table[i] = new RowDescriptor { Data = pin.AddrOfPinnedObject(), Length = row.Length };
                    break;
            }
        }
        return (nint)table;
    }

    /// <summary>Frees the pins and the tables; the thunk calls it once the native call has returned.</summary>
    public void Release()
    {
        if (_released) return;
        _released = true;
        GC.SuppressFinalize(this);
        foreach (var pin in _pins) pin.Free();
        foreach (var table in _tables) NativeMemory.Free((void*)table);
    }

    /// <summary>
    /// A safety net: when an argument after this one throws (ArgumentNullException) before the native call,
    /// the thunk never reaches <see cref="Release"/>, and the pins are freed here instead.
    /// </summary>
    ~JaggedArgument()
    {
        if (_released) return;
        foreach (var pin in _pins) pin.Free();
        foreach (var table in _tables) NativeMemory.Free((void*)table);
    }
}
