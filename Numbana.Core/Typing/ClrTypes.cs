using Numbana.IR;

namespace Numbana.Typing;

/// <summary>Maps .NET types to IR types, and says in words why a type has no mapping.</summary>
internal static class ClrTypes
{
    private static readonly Dictionary<Type, NType> Primitives = new()
    {
        [typeof(void)] = NType.Void,
        [typeof(bool)] = NType.Bool,
        [typeof(sbyte)] = NType.I8,
        [typeof(byte)] = NType.U8,
        [typeof(short)] = NType.I16,
        [typeof(ushort)] = NType.U16,
        [typeof(char)] = NType.Char,
        [typeof(int)] = NType.I32,
        [typeof(uint)] = NType.U32,
        [typeof(long)] = NType.I64,
        [typeof(ulong)] = NType.U64,
        [typeof(nint)] = NType.NInt,
        [typeof(nuint)] = NType.NUInt,
        [typeof(float)] = NType.F32,
        [typeof(double)] = NType.F64,
    };

    /// <summary>The IR type for <paramref name="type"/>, or null with the reason in <paramref name="whyNot"/>.</summary>
    public static NType? TryMap(Type type, out string whyNot)
    {
        whyNot = "";
        if (Primitives.TryGetValue(type, out var primitive)) return primitive;
        if (type.IsSZArray && type.GetElementType() is { } element)
        {
            if (Primitives.TryGetValue(element, out var elementType) && elementType != NType.Void)
                return NType.ArrayOf(elementType);
            if (IsJaggedOfPrimitives(element, out var rows)) return NType.ArrayOf(rows);
            if (element.IsValueType && !element.IsPrimitive && !element.IsEnum)
            {
                if (StructLayouts.TryMap(element, out var whyNotStruct) is { } elementStruct) return NType.ArrayOf(elementStruct);
                whyNot = $"arrays of {MethodNames.TypeName(element)} cannot be compiled: {whyNotStruct}";
                return null;
            }
            whyNot = element.IsSZArray
                ? $"arrays of {MethodNames.TypeName(element)} are not supported: jagged arrays (T[][] and T[][][]) are supported when T is bool, char, an integer, float or double"
                : $"arrays of {MethodNames.TypeName(element)} are not supported yet: use arrays of bool, char, integers, float, double or blittable structs";
            return null;
        }
        if (type.IsArray && !type.IsSZArray && type.GetElementType() is { } mdElement)
        {
            if (type.GetArrayRank() == 1)
            {
                whyNot = $"the array type {MethodNames.TypeName(type)} (one dimension with a lower bound that need not be zero) is not supported: use a zero-based T[]";
                return null;
            }
            if (Primitives.TryGetValue(mdElement, out var mdElementType) && mdElementType != NType.Void)
                return NType.MultiDimensionalArrayOf(mdElementType, type.GetArrayRank());
            whyNot = $"multi-dimensional arrays of {MethodNames.TypeName(mdElement)} are not supported yet: use arrays of bool, char, integers, float or double";
            return null;
        }
        if (IsSpan(type, out var spanElement, out var readOnly))
        {
            if (Primitives.TryGetValue(spanElement, out var spanElementType) && spanElementType != NType.Void)
                return NType.SpanOf(spanElementType, readOnly);
            // A span of blittable structs is laid out as an array of them: the same stride, measured in the CLR.
            string? whyNotStruct = null;
            if (spanElement.IsValueType && !spanElement.IsPrimitive && !spanElement.IsEnum && !spanElement.IsByRefLike
                && StructLayouts.TryMap(spanElement, out whyNotStruct) is { } structElement)
                return NType.SpanOf(structElement, readOnly);
            whyNot = $"spans of {MethodNames.TypeName(spanElement)} are not supported" + (whyNotStruct is null
                ? ": use spans of bool, char, integers, float, double or blittable structs"
                : $" ({whyNotStruct})");
            return null;
        }
        if (type.IsByRef && type.GetElementType() is { } referenced && Primitives.TryGetValue(referenced, out var referencedType) && referencedType != NType.Void)
            return NType.ByRefOf(referencedType);
        // ref Span<T>: C# keeps one in a temporary for span[a..b] and span[^i]. The compiled method's own
        // parameters may not be one (UnitBuilder says why): the span's memory would not be pinned.
        if (type.IsByRef && type.GetElementType() is { } referencedSpan && IsSpan(referencedSpan, out _, out _) && TryMap(referencedSpan, out whyNot) is SpanType spanType)
            return NType.ByRefOf(spanType);
        if (type.IsByRef && type.GetElementType() is { IsValueType: true } referencedStruct && StructLayouts.TryMap(referencedStruct, out _) is { } byRefStruct)
            return NType.ByRefOf(byRefStruct);
        if (type.IsValueType && !type.IsPrimitive && !type.IsEnum && !type.IsByRefLike && !type.IsPointer)
            return StructLayouts.TryMap(type, out whyNot);
        whyNot = type switch
        {
            { IsByRef: true } => "ref, in and out parameters are supported for numbers and blittable structs only: pass arrays by value",
            { IsPointer: true } => "pointers are not supported yet: pass an array",
            _ when type == typeof(string) => "strings cannot be used in compiled code: Numbana compiles numeric code; keep text handling in ordinary .NET code",
            { IsValueType: true } => $"the struct {MethodNames.TypeName(type)} is not supported yet: pass its fields as separate numbers or arrays",
            _ => $"the class {MethodNames.TypeName(type)} cannot be used in compiled code: compiled code works on numbers and arrays of numbers",
        };
        return null;
    }

    /// <summary>
    /// The row type of a jagged array whose rows are <paramref name="row"/>: T[] (for T[][]) or T[][] (for T[][][]),
    /// T a primitive. Deeper nesting and rows of structs are not mapped (nothing needs them yet).
    /// </summary>
    private static bool IsJaggedOfPrimitives(Type row, out ArrayType rowType)
    {
        rowType = null!;
        if (!row.IsSZArray || row.GetElementType() is not { } rowElement) return false;
        if (Primitives.TryGetValue(rowElement, out var primitive) && primitive != NType.Void)
        {
            rowType = NType.ArrayOf(primitive);
            return true;
        }
        if (rowElement.IsSZArray && rowElement.GetElementType() is { } leaf && Primitives.TryGetValue(leaf, out var leafType) && leafType != NType.Void)
        {
            rowType = NType.ArrayOf(NType.ArrayOf(leafType));
            return true;
        }
        return false;
    }

    /// <summary>True for <see cref="Span{T}"/> and <see cref="ReadOnlySpan{T}"/>, giving T and which of the two it is.</summary>
    public static bool IsSpan(Type type, out Type element, out bool readOnly)
    {
        element = typeof(void);
        readOnly = false;
        if (!type.IsGenericType || type.IsGenericTypeDefinition) return false;
        var definition = type.GetGenericTypeDefinition();
        if (definition != typeof(Span<>) && definition != typeof(ReadOnlySpan<>)) return false;
        element = type.GetGenericArguments()[0];
        readOnly = definition == typeof(ReadOnlySpan<>);
        return true;
    }

    /// <summary>
    /// The type of a CIL binary numeric operation (ECMA-335 III.1.5, table III.2), or null when the
    /// operand types cannot be combined. A float32 and a float64 combine as float64.
    /// </summary>
    public static NType? BinaryNumericResult(NType left, NType right)
    {
        if (left == right && left.IsNumeric && left.IsStackType) return left;
        if ((left == NType.I32 && right == NType.NInt) || (left == NType.NInt && right == NType.I32)) return NType.NInt;
        if (left.IsFloat && right.IsFloat) return NType.F64;
        return null;
    }
}
