using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Numbana.IR;

namespace Numbana.Runtime;

/// <summary>
/// The ABI of the host's array allocator, which compiled code calls for <c>new T[n]</c>:
/// <c>ptr numbana_allocate_array(i32 elementKind, i32 length)</c>. The element kind is the
/// <see cref="IR.TypeKind"/> of a primitive element, or a struct's code (<see cref="ElementCode"/>); the length is already checked (0 to int.MaxValue). It returns
/// the address of element 0 of a zeroed array on the .NET pinned object heap, which therefore never
/// moves, or null when .NET refuses the size (the caller raises OutOfMemoryException).
/// </summary>
/// <remarks>
/// The host keeps every array it allocates alive until the managed caller's thunk returns, and the thunk
/// turns a returned <c>{ ptr, length }</c> back into the array object (see the CPU backend's ManagedAllocation).
/// </remarks>
internal static class ArrayAllocation
{
    /// <summary>The symbol the JIT resolves to the host's [UnmanagedCallersOnly] allocator.</summary>
    public const string Symbol = "numbana_allocate_array";

    /// <summary>
    /// The allocator of multi-dimensional arrays (<c>new T[n, m]</c>): <c>ptr numbana_allocate_multidimensional_array(i32
    /// elementKind, i32 rank, ptr lengths)</c>, <c>lengths</c> pointing to <c>rank</c> checked i32 lengths. It returns the
    /// address of element [0, 0, ...] of a zeroed array that the host keeps pinned and alive until the managed
    /// caller's thunk returns, or null when .NET refuses the size (OutOfMemoryException).
    /// </summary>
    public const string MultiDimensionalSymbol = "numbana_allocate_multidimensional_array";

    private static readonly ConcurrentDictionary<int, (Type Type, Func<int, bool, Array> Allocate)> StructsByCode = new();

    /// <summary>
    /// The element kind compiled code passes: the TypeKind of a primitive; for a struct, a code from a hash of
    /// its assembly-qualified name (at or above 2^30, far from the TypeKinds), the same in every process, so
    /// that code from the object cache stays right. The struct is registered for <see cref="StructAllocator"/>
    /// when its array allocation is imported, which a cache hit also does.
    /// </summary>
    public static int ElementCode(NType element)
    {
        if (element is not StructType structType) return (int)element.Kind;
        var name = structType.ClrType.AssemblyQualifiedName ?? structType.ClrType.FullName ?? structType.ClrType.Name;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var code = (BitConverter.ToInt32(hash, 0) & 0x3FFFFFFF) | 0x40000000;
        var registered = StructsByCode.GetOrAdd(code, _ => (structType.ClrType,
            typeof(GC).GetMethod(nameof(GC.AllocateArray))!.MakeGenericMethod(structType.ClrType).CreateDelegate<Func<int, bool, Array>>()));
        return registered.Type == structType.ClrType
            ? code
            : throw new NotSupportedException($"The structs {registered.Type} and {structType.ClrType} have the same allocation code: allocate one of their arrays in .NET code.");
    }

    /// <summary>
    /// GC.AllocateArray&lt;S&gt;(length, pinned) of the struct S whose <see cref="ElementCode"/> is <paramref name="code"/>,
    /// or null; made when the code was registered, so the allocator callback only calls it.
    /// </summary>
    public static Func<int, bool, Array>? StructAllocator(int code) => StructsByCode.TryGetValue(code, out var entry) ? entry.Allocate : null;
}
