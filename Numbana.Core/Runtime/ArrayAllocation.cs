namespace Numbana.Runtime;

/// <summary>
/// The ABI of the host's array allocator, which compiled code calls for <c>new T[n]</c>:
/// <c>ptr numbana_allocate_array(i32 elementKind, i32 length)</c>. The element kind is the
/// <see cref="IR.TypeKind"/> of the element; the length is already checked (0 to int.MaxValue). It returns
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
}
