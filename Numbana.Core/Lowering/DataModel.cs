using Numbana.IR;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>
/// How each IR type looks in LLVM (Numba calls this the data model): as an SSA value (stack types:
/// i32, i64, float, double, arrays and spans as <c>{ ptr, i32 }</c>, T[,] as <c>{ ptr, i32, i32 }</c>), in
/// memory (bool is a byte, char an i16), and across the native ABI (an array or span is two arguments:
/// the pointer to its first element and its length; a T[,] the pointer and one length per dimension).
/// </summary>
internal sealed class DataModel
{
    /// <summary>.NET's largest array length (Array.MaxLength) plus one: the exclusive upper bound of a length.</summary>
    public const long LengthBound = 0x7FFFFFC7 + 1L;

    private readonly LLVMContextRef _context;

    public DataModel(LLVMContextRef context)
    {
        _context = context;
        I1 = LLVMInt1TypeInContext(context);
        I8 = LLVMInt8TypeInContext(context);
        I16 = LLVMInt16TypeInContext(context);
        I32 = LLVMInt32TypeInContext(context);
        I64 = LLVMInt64TypeInContext(context);
        F32 = LLVMFloatTypeInContext(context);
        F64 = LLVMDoubleTypeInContext(context);
        Void = LLVMVoidTypeInContext(context);
        Pointer = LLVMPointerTypeInContext(context, 0);
        Array = Struct(Pointer, I32);
    }

    public LLVMTypeRef I1 { get; }
    public LLVMTypeRef I8 { get; }
    public LLVMTypeRef I16 { get; }
    public LLVMTypeRef I32 { get; }
    public LLVMTypeRef I64 { get; }
    public LLVMTypeRef F32 { get; }
    public LLVMTypeRef F64 { get; }
    public LLVMTypeRef Void { get; }
    public LLVMTypeRef Pointer { get; }

    /// <summary>An array or span value: <c>{ ptr data, i32 length }</c>.</summary>
    public LLVMTypeRef Array { get; }

    private readonly Dictionary<int, LLVMTypeRef> _multiDimensionalArrays = new();

    /// <summary>A T[,] (rank 2) value: <c>{ ptr data, i32 length0, i32 length1 }</c>, one length per dimension.</summary>
    public LLVMTypeRef MultiDimensionalArray(int rank)
    {
        if (_multiDimensionalArrays.TryGetValue(rank, out var type)) return type;
        return _multiDimensionalArrays[rank] = Struct([Pointer, .. Enumerable.Repeat(I32, rank)]);
    }

    /// <summary>
    /// True for the types passed across the ABI as several arguments, one per field of their value:
    /// arrays and spans (data, length) and multi-dimensional arrays (data, one length per dimension).
    /// </summary>
    public static bool IsAggregate(NType type) => type is ContiguousType or MultiDimensionalArrayType;

    /// <summary>The number of ABI arguments (fields) of an <see cref="IsAggregate"/> type: the pointer, then lengths.</summary>
    public static int FieldCount(NType type) => type switch
    {
        ContiguousType => 2,
        MultiDimensionalArrayType multi => 1 + multi.Rank,
        _ => throw new ArgumentException($"{type} is not an aggregate"),
    };

    /// <summary>The LLVM type of an SSA value of a stack type.</summary>
    public LLVMTypeRef ValueType(NType type) => type.Kind switch
    {
        TypeKind.I32 => I32,
        TypeKind.I64 or TypeKind.NInt => I64,
        TypeKind.F32 => F32,
        TypeKind.F64 => F64,
        TypeKind.Array or TypeKind.Span => Array,
        TypeKind.MultiDimensionalArray => MultiDimensionalArray(((MultiDimensionalArrayType)type).Rank),
        TypeKind.ByRef => Pointer,
        TypeKind.Struct => StructValueType((StructType)type),
        _ => throw new ArgumentException($"{type} is not a stack type"),
    };

    /// <summary>The LLVM type of a value of <paramref name="type"/> stored in memory or passed by the ABI.</summary>
    public LLVMTypeRef MemoryType(NType type) => type.Kind switch
    {
        TypeKind.Bool or TypeKind.I8 or TypeKind.U8 => I8,
        TypeKind.I16 or TypeKind.U16 or TypeKind.Char => I16,
        TypeKind.I32 or TypeKind.U32 => I32,
        TypeKind.I64 or TypeKind.U64 or TypeKind.NInt or TypeKind.NUInt => I64,
        TypeKind.F32 => F32,
        TypeKind.F64 => F64,
        TypeKind.Array or TypeKind.Span => Array,
        TypeKind.MultiDimensionalArray => MultiDimensionalArray(((MultiDimensionalArrayType)type).Rank),
        TypeKind.ByRef => Pointer,
        TypeKind.Struct => LLVMArrayType2(I8, (ulong)((StructType)type).Size),
        _ => throw new ArgumentException($"{type} has no memory form"),
    };

    private readonly Dictionary<StructType, LLVMTypeRef> _structValueTypes = new();

    /// <summary>
    /// A struct as an SSA value: a literal LLVM struct of its fields' memory forms (bool an i8, nested
    /// structs nested), in field order. It is never loaded or stored whole: memory holds the CLR's
    /// layout (<see cref="MemoryType"/> is its bytes), read and written field by field at the CLR's
    /// offsets, so LLVM's own struct layout never decides where a field lives.
    /// </summary>
    public LLVMTypeRef StructValueType(StructType type)
    {
        if (_structValueTypes.TryGetValue(type, out var cached)) return cached;
        var fields = type.Fields.Select(f => f.Type is StructType nested ? StructValueType(nested) : MemoryType(f.Type)).ToArray();
        return _structValueTypes[type] = Struct(fields);
    }

    /// <summary>The integer type of <paramref name="bits"/> bits.</summary>
    public LLVMTypeRef Int(int bits) => bits switch { 1 => I1, 8 => I8, 16 => I16, 32 => I32, 64 => I64, _ => LLVMIntTypeInContext(_context, (uint)bits) };

    /// <summary>
    /// The native signature of every compiled function: <c>i32 (abi parameters..., ptr result)</c>,
    /// returning the <see cref="Runtime.ExceptionStatus"/>.
    /// </summary>
    public unsafe LLVMTypeRef FunctionType(Function function)
    {
        var parameters = new List<LLVMTypeRef>();
        foreach (var type in function.ParameterTypes)
        {
            if (IsAggregate(type))
            {
                parameters.Add(Pointer);
                parameters.AddRange(Enumerable.Repeat(I32, FieldCount(type) - 1));
            }
            else if (type is StructType)
            {
                parameters.Add(Pointer); // by reference to the caller's copy
            }
            else
            {
                parameters.Add(MemoryType(type));
            }
        }
        parameters.Add(Pointer);
        var array = parameters.ToArray();
        fixed (LLVMTypeRef* p = array)
            return LLVMFunctionType(I32, p, (uint)array.Length, 0);
    }

    public unsafe LLVMTypeRef Struct(params LLVMTypeRef[] fields)
    {
        fixed (LLVMTypeRef* p = fields)
            return LLVMStructTypeInContext(_context, p, (uint)fields.Length, 0);
    }
}
