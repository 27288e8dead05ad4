using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Numbana.Backends.Cpu.OrcJit;
using Numbana.IR;
using Numbana.Runtime;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// Arrays created by compiled code (<c>new T[n]</c>): the allocator compiled code calls
/// (<see cref="ArrayAllocation"/>), and what the thunk does with them when the call returns.
/// </summary>
/// <remarks>
/// <para>Each array is allocated with <c>GC.AllocateArray&lt;T&gt;(n, pinned: true)</c>, on the pinned
/// object heap: it never moves, so compiled code can hold its data pointer as an ordinary
/// <c>{ ptr, i32 }</c> array value, pass it to callees and return it. Compiled code holds no object
/// reference, so the allocator also records the array in a per-thread list that keeps it alive for the
/// rest of the call.</para>
/// <para>When the native call returns, the thunk calls <see cref="Finish"/> (a method returning T[])
/// or <see cref="EndCall"/> (any other method): a returned data pointer is turned back into its array
/// (an argument passed in, or an array from the list), and the list is cleared, so temporary arrays
/// become garbage. The list is per thread because the thunk's call runs on one thread; arrays a parallel loop's
/// body allocated on a pool thread are released when that thread has run its chunks
/// (<c>ParallelForRuntime.LoopState.WorkAsHelper</c>), those of the calling thread when the call ends.</para>
/// </remarks>
internal static class ManagedAllocation
{
    private static readonly ConditionalWeakTable<HostJit, object> Defined = new();

    [ThreadStatic]
    private static List<Array>? t_live;

    /// <summary>The pins of the multi-dimensional arrays allocated during the current call (the pinned object heap takes only T[]).</summary>
    [ThreadStatic]
    private static List<GCHandle>? t_pins;

    /// <summary>Defines the allocator's symbol in <paramref name="jit"/> (once per JIT).</summary>
    public static unsafe void EnsureDefined(HostJit jit)
    {
        lock (Defined)
        {
            if (Defined.TryGetValue(jit, out _)) return;
            delegate* unmanaged<int, int, nint> allocate = &Allocate;
            jit.DefineAbsoluteSymbol(ArrayAllocation.Symbol, (IntPtr)allocate);
            delegate* unmanaged<int, int, int*, nint> allocateMultiDimensional = &AllocateMultiDimensional;
            jit.DefineAbsoluteSymbol(ArrayAllocation.MultiDimensionalSymbol, (IntPtr)allocateMultiDimensional);
            Defined.Add(jit, new object());
        }
    }

    /// <summary>The allocator compiled code calls: the address of element 0 of a new zeroed array, or 0 when .NET refuses the size.</summary>
    [UnmanagedCallersOnly]
    private static nint Allocate(int elementKind, int length)
    {
        // Refuse what .NET refuses before allocating: an exception raised (even if caught) inside a callback
        // from native frames is the slow and fragile path, kept only for a real out-of-memory condition.
        if ((uint)length > (uint)Array.MaxLength) return 0;
        try
        {
            Array array = (TypeKind)elementKind switch
            {
                TypeKind.Bool => GC.AllocateArray<bool>(length, pinned: true),
                TypeKind.I8 => GC.AllocateArray<sbyte>(length, pinned: true),
                TypeKind.U8 => GC.AllocateArray<byte>(length, pinned: true),
                TypeKind.I16 => GC.AllocateArray<short>(length, pinned: true),
                TypeKind.U16 => GC.AllocateArray<ushort>(length, pinned: true),
                TypeKind.Char => GC.AllocateArray<char>(length, pinned: true),
                TypeKind.I32 => GC.AllocateArray<int>(length, pinned: true),
                TypeKind.U32 => GC.AllocateArray<uint>(length, pinned: true),
                TypeKind.I64 => GC.AllocateArray<long>(length, pinned: true),
                TypeKind.U64 => GC.AllocateArray<ulong>(length, pinned: true),
                TypeKind.NInt => GC.AllocateArray<nint>(length, pinned: true),
                TypeKind.NUInt => GC.AllocateArray<nuint>(length, pinned: true),
                TypeKind.F32 => GC.AllocateArray<float>(length, pinned: true),
                TypeKind.F64 => GC.AllocateArray<double>(length, pinned: true),
                _ when ArrayAllocation.StructAllocator(elementKind) is { } allocateStructs => allocateStructs(length, true),
                _ => throw new OutOfMemoryException(),
            };
            (t_live ??= []).Add(array);
            return DataAddress(array);
        }
        catch (OutOfMemoryException)
        {
            // No exception may cross the native frames: compiled code raises OutOfMemoryException itself.
            return 0;
        }
    }

    /// <summary>
    /// The allocator of <c>new T[n, m]</c>: <see cref="GC.AllocateArray{T}"/> makes only one-dimensional arrays on
    /// the pinned object heap, so the array is pinned with a GCHandle until the call ends (<see cref="EndCall"/>).
    /// Returns the address of element [0, 0, ...], or 0 when .NET refuses the size.
    /// </summary>
    [UnmanagedCallersOnly]
    private static unsafe nint AllocateMultiDimensional(int elementKind, int rank, int* lengths)
    {
        // Refuse what .NET refuses (a dimension or the total above Array.MaxLength) before allocating, as Allocate does.
        var dimensions = new ReadOnlySpan<int>(lengths, rank).ToArray();
        if (Array.Exists(dimensions, length => (uint)length > (uint)Array.MaxLength)) return 0;
        if (!Array.Exists(dimensions, length => length == 0))
        {
            long total = 1;
            foreach (var length in dimensions)
                if ((total *= length) > Array.MaxLength) return 0; // stops before the product can overflow
        }
        try
        {
            var array = Array.CreateInstance(ElementTypeOf((TypeKind)elementKind), dimensions);
            (t_pins ??= []).Add(GCHandle.Alloc(array, GCHandleType.Pinned));
            (t_live ??= []).Add(array);
            return DataAddress(array);
        }
        catch (OutOfMemoryException)
        {
            return 0;
        }
    }

    private static Type ElementTypeOf(TypeKind kind) => kind switch
    {
        TypeKind.Bool => typeof(bool), TypeKind.I8 => typeof(sbyte), TypeKind.U8 => typeof(byte),
        TypeKind.I16 => typeof(short), TypeKind.U16 => typeof(ushort), TypeKind.Char => typeof(char),
        TypeKind.I32 => typeof(int), TypeKind.U32 => typeof(uint), TypeKind.I64 => typeof(long), TypeKind.U64 => typeof(ulong),
        TypeKind.NInt => typeof(nint), TypeKind.NUInt => typeof(nuint), TypeKind.F32 => typeof(float), TypeKind.F64 => typeof(double),
        _ => throw new OutOfMemoryException(),
    };

    /// <summary>For a method returning an array: the argument whose data <paramref name="data"/> is, else <paramref name="found"/>.</summary>
    /// <remarks>Not generic, like <see cref="Finish"/>: the thunk casts the result (no generic instantiations in its DynamicMethod).</remarks>
    public static Array? MatchArgument(nint data, Array argument, Array? found) =>
        found ?? (DataAddress(argument) == data ? argument : null);

    /// <summary>
    /// For a method returning an array: the array whose element 0 is at <paramref name="data"/> (null for a
    /// null array), either <paramref name="argument"/> (an argument returned as it came) or one compiled code
    /// allocated during this call; then ends the call (<see cref="EndCall"/>).
    /// </summary>
    public static Array? Finish(nint data, Array? argument)
    {
        var result = argument;
        if (result is null && data != 0 && t_live is { } live)
        {
            for (var i = live.Count - 1; i >= 0 && result is null; i--)
                if (DataAddress(live[i]) == data) result = live[i];
        }
        EndCall();
        if (result is null && data != 0)
            throw new InvalidOperationException("Compiled code returned an array that it did not allocate during the call: this is a bug in Numbana.");
        return result;
    }

    /// <summary>Releases the arrays compiled code allocated during the call that just returned on this thread.</summary>
    public static void EndCall()
    {
        if (t_live is { Count: > 0 } live) live.Clear();
        if (t_pins is { Count: > 0 } pins)
        {
            foreach (var pin in pins) pin.Free();
            pins.Clear();
        }
    }

    private static unsafe nint DataAddress(Array array) =>
        (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
}

/// <summary>
/// The native form of a multi-dimensional array result, <c>{ ptr data, i32 length0, i32 length1, ... }</c>: the thunk
/// reads only the data pointer, and the lengths fit in the room after it for every rank .NET allows (32).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeMultiDimensionalArray
{
    public nint Data;
    public fixed int Lengths[32];
}

/// <summary>The native form of an array result, as compiled code writes it: <c>{ ptr data, i32 length }</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeArray
{
    public nint Data;
    public int Length;
}
