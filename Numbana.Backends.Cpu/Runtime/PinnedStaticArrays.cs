using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Numbana.Backends.Cpu.OrcJit;
using Numbana.IR;
using Numbana.Runtime;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// The <c>static readonly</c> arrays compiled code reads (<see cref="StaticArrayInstruction"/>): each is
/// pinned with a <see cref="GCHandle"/> for the life of the process (compiled code is never unloaded), and
/// its cell (<see cref="StaticArrays"/>: data pointer, length) lives in unmanaged memory and is defined in
/// the JIT under the field's symbol before any module or cached object that reads it is added.
/// </summary>
/// <remarks>
/// The cell is written once, before it is defined: a readonly field's array never changes after the static
/// constructor, which the importer has already run. The elements are never copied: compiled code reads and
/// writes the .NET array itself.
/// </remarks>
internal static class PinnedStaticArrays
{
    private static readonly object Gate = new();
    private static readonly Dictionary<FieldInfo, (GCHandle Array, IntPtr Cell)> Cells = new();
    private static readonly ConditionalWeakTable<HostJit, HashSet<FieldInfo>> Defined = new();

    /// <summary>Pins the arrays <paramref name="unit"/> reads and defines their cells in <paramref name="jit"/> (each once).</summary>
    public static unsafe void EnsureDefined(HostJit jit, CompilationUnit unit)
    {
        var fields = unit.Functions.SelectMany(f => f.Blocks).SelectMany(b => b.Instructions)
            .OfType<StaticArrayInstruction>().Select(s => s.Field).Distinct().ToList();
        if (fields.Count == 0) return;
        lock (Gate)
        {
            var defined = Defined.GetOrCreateValue(jit);
            foreach (var field in fields)
            {
                if (defined.Contains(field)) continue;
                if (!Cells.TryGetValue(field, out var entry))
                {
                    var array = (Array)field.GetValue(null)!; // the importer checked it is not null
                    var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
                    var cell = (IntPtr)NativeMemory.AllocZeroed(StaticArrays.CellSize);
                    *(IntPtr*)cell = handle.AddrOfPinnedObject();
                    *(int*)(cell + StaticArrays.LengthOffset) = array.Length;
                    Cells[field] = entry = (handle, cell);
                }
                jit.DefineAbsoluteSymbol(StaticArrays.SymbolOf(field), entry.Cell, callable: false);
                defined.Add(field);
            }
        }
    }
}
