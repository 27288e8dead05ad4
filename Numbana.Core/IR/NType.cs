using System.Collections.Concurrent;

namespace Numbana.IR;

/// <summary>The kinds of <see cref="NType"/>.</summary>
internal enum TypeKind
{
    Void, Bool, I8, U8, I16, U16, Char, I32, U32, I64, U64, NInt, NUInt, F32, F64, Array, ByRef,
    /// <summary>A blittable value type (<see cref="StructType"/>).</summary>
    Struct,
    /// <summary>Span&lt;T&gt; and ReadOnlySpan&lt;T&gt;: see <see cref="SpanType"/>.</summary>
    Span,
    /// <summary>T[,], T[,,] and higher ranks: see <see cref="MultiDimensionalArrayType"/>.</summary>
    MultiDimensionalArray,
}

/// <summary>
/// A type of the typed IR. Types are interned: compare them by reference.
/// </summary>
/// <remarks>
/// SSA values carry the CIL evaluation-stack types only (i32, i64, nint, f32, f64, arrays, references and
/// structs, see <see cref="StructType"/>), as the
/// CIL stack does: bool, char and the small integers exist in memory (locals, parameters, array
/// elements), and the IR converts explicitly where CIL widens or narrows implicitly. Signedness of
/// an operation is a property of the instruction (div vs div.un), not of the value.
/// </remarks>
internal abstract class NType
{
    public static readonly PrimitiveType Void = new(TypeKind.Void, "void", 0);
    public static readonly PrimitiveType Bool = new(TypeKind.Bool, "bool", 8);
    public static readonly PrimitiveType I8 = new(TypeKind.I8, "i8", 8);
    public static readonly PrimitiveType U8 = new(TypeKind.U8, "u8", 8);
    public static readonly PrimitiveType I16 = new(TypeKind.I16, "i16", 16);
    public static readonly PrimitiveType U16 = new(TypeKind.U16, "u16", 16);
    public static readonly PrimitiveType Char = new(TypeKind.Char, "char", 16);
    public static readonly PrimitiveType I32 = new(TypeKind.I32, "i32", 32);
    public static readonly PrimitiveType U32 = new(TypeKind.U32, "u32", 32);
    public static readonly PrimitiveType I64 = new(TypeKind.I64, "i64", 64);
    public static readonly PrimitiveType U64 = new(TypeKind.U64, "u64", 64);
    public static readonly PrimitiveType NInt = new(TypeKind.NInt, "nint", 64);
    public static readonly PrimitiveType NUInt = new(TypeKind.NUInt, "nuint", 64);
    public static readonly PrimitiveType F32 = new(TypeKind.F32, "f32", 32);
    public static readonly PrimitiveType F64 = new(TypeKind.F64, "f64", 64);

    private static readonly ConcurrentDictionary<NType, ArrayType> Arrays = new();
    private static readonly ConcurrentDictionary<NType, ByRefType> ByRefs = new();
    private static readonly ConcurrentDictionary<(NType, bool), SpanType> Spans = new();
    private static readonly ConcurrentDictionary<(NType, int), MultiDimensionalArrayType> MultiDimensionalArrays = new();

    protected NType(TypeKind kind) => Kind = kind;

    public TypeKind Kind { get; }

    /// <summary>The one-dimensional, zero-based array of <paramref name="element"/> (interned).</summary>
    public static ArrayType ArrayOf(NType element) => Arrays.GetOrAdd(element, e => new ArrayType(e));

    /// <summary>A managed reference (CIL's &amp;) to a value of <paramref name="element"/> (interned).</summary>
    public static ByRefType ByRefOf(NType element) => ByRefs.GetOrAdd(element, e => new ByRefType(e));

    /// <summary>Span&lt;T&gt; (or ReadOnlySpan&lt;T&gt; when <paramref name="readOnly"/>) of <paramref name="element"/> (interned).</summary>
    public static SpanType SpanOf(NType element, bool readOnly) => Spans.GetOrAdd((element, readOnly), key => new SpanType(key.Item1, key.Item2));

    /// <summary>The zero-based array of <paramref name="element"/> with <paramref name="rank"/> dimensions, T[,] for 2 (interned).</summary>
    public static MultiDimensionalArrayType MultiDimensionalArrayOf(NType element, int rank) =>
        MultiDimensionalArrays.GetOrAdd((element, rank), key => new MultiDimensionalArrayType(key.Item1, key.Item2));

    public bool IsInteger => Kind is TypeKind.Bool or TypeKind.I8 or TypeKind.U8 or TypeKind.I16 or TypeKind.U16
        or TypeKind.Char or TypeKind.I32 or TypeKind.U32 or TypeKind.I64 or TypeKind.U64 or TypeKind.NInt or TypeKind.NUInt;

    public bool IsFloat => Kind is TypeKind.F32 or TypeKind.F64;

    public bool IsNumeric => IsInteger || IsFloat;

    /// <summary>True for the signed integers (and nint); false for unsigned ones, bool and char.</summary>
    public bool IsSigned => Kind is TypeKind.I8 or TypeKind.I16 or TypeKind.I32 or TypeKind.I64 or TypeKind.NInt;

    /// <summary>A type that a CIL evaluation-stack slot can hold.</summary>
    public bool IsStackType => Kind is TypeKind.I32 or TypeKind.I64 or TypeKind.NInt or TypeKind.F32 or TypeKind.F64 or TypeKind.Array or TypeKind.ByRef
        or TypeKind.Struct or TypeKind.Span or TypeKind.MultiDimensionalArray;

    /// <summary>Width in bits of a primitive (bool is one byte in memory).</summary>
    public virtual int BitWidth => 0;

    /// <summary>
    /// The CIL stack type a value of this type is widened to when loaded: bool, char and the small
    /// and 32-bit integers become i32, 64-bit integers i64, native integers nint.
    /// </summary>
    public NType StackType => Kind switch
    {
        TypeKind.Bool or TypeKind.I8 or TypeKind.U8 or TypeKind.I16 or TypeKind.U16 or TypeKind.Char
            or TypeKind.I32 or TypeKind.U32 => I32,
        TypeKind.I64 or TypeKind.U64 => I64,
        TypeKind.NInt or TypeKind.NUInt => NInt,
        _ => this,
    };
}

/// <summary>A scalar type: bool, an integer, a float, or void.</summary>
internal sealed class PrimitiveType : NType
{
    private readonly string _name;
    private readonly int _bits;

    internal PrimitiveType(TypeKind kind, string name, int bits) : base(kind)
    {
        _name = name;
        _bits = bits;
    }

    public override int BitWidth => _bits;

    public override string ToString() => _name;
}

/// <summary>
/// Elements side by side in memory, seen as (pointer to the first element, i32 length): the one-dimensional
/// array T[] and Span&lt;T&gt;. The element instructions (array.load, array.store, array.address, array.length)
/// take either, and both are lowered alike, <c>{ ptr, i32 }</c>.
/// </summary>
internal abstract class ContiguousType : NType
{
    protected ContiguousType(TypeKind kind, NType element) : base(kind) => Element = element;

    public NType Element { get; }
}

/// <summary>A one-dimensional zero-based array (T[]), passed as (pointer to the first element, length).</summary>
internal sealed class ArrayType : ContiguousType
{
    internal ArrayType(NType element) : base(TypeKind.Array, element) { }

    /// <summary>A jagged array (T[][], T[][][]): its elements are arrays, passed as a native table of row descriptors.</summary>
    public bool IsJagged => Element is ArrayType;

    public override string ToString() => Element + "[]";
}

/// <summary>
/// Span&lt;T&gt; or ReadOnlySpan&lt;T&gt; of a primitive: a reference to the first element and a length, as the
/// struct is in .NET. A span is a value (copied, never null); one made from an array points into it, one
/// made by stackalloc into the function's stack frame. The two kinds are distinct types because C#
/// converts between them with an explicit call (op_Implicit).
/// </summary>
internal sealed class SpanType : ContiguousType
{
    internal SpanType(NType element, bool readOnly) : base(TypeKind.Span, element) => ReadOnly = readOnly;

    public bool ReadOnly { get; }

    public override string ToString() => (ReadOnly ? "readonlyspan<" : "span<") + Element + ">";
}

/// <summary>
/// A zero-based multi-dimensional array (T[,], T[,,]): the CLR stores its elements in row-major order after
/// the per-dimension lengths and lower bounds; compiled code sees (pointer to element [0, 0, ...],
/// length of each dimension). Arrays with non-zero lower bounds are refused at the call.
/// </summary>
internal sealed class MultiDimensionalArrayType : NType
{
    internal MultiDimensionalArrayType(NType element, int rank) : base(TypeKind.MultiDimensionalArray)
    {
        Element = element;
        Rank = rank;
    }

    public NType Element { get; }

    public int Rank { get; }

    public override string ToString() => Element + "[" + new string(',', Rank - 1) + "]";
}

/// <summary>
/// A managed reference to a value in memory (CIL's &amp;), such as <c>ref a[i]</c>: what ldelema gives
/// and ldind/stind read and write. C#'s <c>a[i] += x</c> compiles to one.
/// </summary>
internal sealed class ByRefType : NType
{
    internal ByRefType(NType element) : base(TypeKind.ByRef) => Element = element;

    public NType Element { get; }

    public override string ToString() => "ref " + Element;
}
