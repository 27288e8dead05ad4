using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Numbana.IR;

namespace Numbana.Typing;

/// <summary>
/// The IR form of a .NET struct: its instance fields with the offsets the running CLR gives them
/// (measured with ldflda on a local, so they hold for every layout kind), and its size (CIL's sizeof,
/// as <c>Unsafe.SizeOf&lt;T&gt;()</c>).
/// </summary>
/// <remarks>
/// Only blittable structs have a form: every field a primitive or such a struct. A struct with
/// references (classes, arrays, strings) or with fields that overlap ([StructLayout(Explicit)] unions)
/// is rejected with the reason. Auto layout is accepted: the offsets are read from the runtime, not
/// recomputed, so they are right whatever order the CLR chose.
/// </remarks>
internal static class StructLayouts
{
    /// <summary>The struct type of <paramref name="type"/>, or null with the reason in <paramref name="whyNot"/>.</summary>
    public static StructType? TryMap(Type type, out string whyNot)
    {
        whyNot = "";
        if (!type.IsValueType || type.IsPrimitive || type.IsEnum || type.IsByRefLike || type.ContainsGenericParameters || type.IsPointer)
        {
            whyNot = type.IsEnum
                ? $"the enum {MethodNames.TypeName(type)} is not supported yet: pass its underlying integer"
                : $"{MethodNames.TypeName(type)} is not a blittable struct";
            return null;
        }
        if (IsLibraryStructWithoutSupport(type))
        {
            whyNot = $"the .NET struct {MethodNames.TypeName(type)} is not supported in compiled code (of the library's structs, Complex, " +
                "Vector2, Vector3, Vector4 and value tuples are): convert it to numbers in .NET code before the call";
            return null;
        }
        if (WhyNotBlittable(type, []) is { } reason)
        {
            whyNot = reason;
            return null;
        }
        return StructType.Of(type, Measure);
    }

    /// <summary>
    /// A struct of CoreLib or System.Runtime.Numerics other than Complex, Vector2/3/4 and ValueTuple: decimal,
    /// DateTime, Nullable&lt;T&gt;, Half, Int128... are blittable, but their members are library code that
    /// Numbana does not compile, and decimal must not reach the Math overloads as a struct.
    /// </summary>
    private static bool IsLibraryStructWithoutSupport(Type type)
    {
        if (type.Assembly != typeof(object).Assembly && type.Assembly != typeof(System.Numerics.Complex).Assembly) return false;
        if (type == typeof(System.Numerics.Complex) || type == typeof(System.Numerics.Vector2) || type == typeof(System.Numerics.Vector3)
            || type == typeof(System.Numerics.Vector4)) return false;
        return !(type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal));
    }

    private static string? WhyNotBlittable(Type type, HashSet<Type> enclosing)
    {
        if (!enclosing.Add(type)) return $"the struct {MethodNames.TypeName(type)} contains itself";
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        foreach (var field in fields)
        {
            var fieldType = field.FieldType;
            if (fieldType.IsPrimitive) continue;
            if (fieldType.IsValueType && !fieldType.IsEnum && !fieldType.IsByRefLike && !fieldType.IsPointer)
            {
                if (IsLibraryStructWithoutSupport(fieldType))
                    return $"the struct {MethodNames.TypeName(type)} has field '{field.Name}' of type {MethodNames.TypeName(fieldType)}, a .NET struct that " +
                        "compiled code does not support: use fields of numbers, bool, char, Complex, Vector2/3/4 or your own structs";
                if (WhyNotBlittable(fieldType, enclosing) is { } inner) return inner;
                continue;
            }
            var what = fieldType.IsEnum ? "an enum" : fieldType.IsPointer ? "a pointer" : fieldType.IsByRefLike ? "a ref struct" : "a reference";
            return $"the struct {MethodNames.TypeName(type)} has field '{field.Name}' of type {MethodNames.TypeName(fieldType)}, {what}: " +
                "only structs whose fields are numbers, bool, char or such structs can be compiled; keep other data in arrays of numbers";
        }
        if (type.IsExplicitLayout && Overlaps(type, fields))
            return $"the struct {MethodNames.TypeName(type)} has [StructLayout(LayoutKind.Explicit)] fields that overlap (a union): " +
                "overlapping fields are not supported; use separate fields, or BitConverter to reinterpret bits";
        enclosing.Remove(type);
        return null;
    }

    private static bool Overlaps(Type type, FieldInfo[] fields)
    {
        var ranges = fields.Select(f => (Start: OffsetOf(type, f), End: OffsetOf(type, f) + SizeOf(f.FieldType))).OrderBy(r => r.Start).ToArray();
        for (var i = 1; i < ranges.Length; i++)
            if (ranges[i].Start < ranges[i - 1].End) return true;
        return false;
    }

    private static (IReadOnlyList<StructField> Fields, int Size) Measure(Type type)
    {
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(f => new StructField(f.Name, FieldType(f.FieldType), OffsetOf(type, f), f))
            .OrderBy(f => f.Offset)
            .ToArray();
        return (fields, SizeOf(type));
    }

    private static NType FieldType(Type type) =>
        ClrTypes.TryMap(type, out var whyNot) is { } mapped && (mapped is StructType || mapped.IsNumeric)
            ? mapped
            : throw new InvalidOperationException($"a checked field type has no IR form: {whyNot}");

    /// <summary>Unsafe.SizeOf&lt;T&gt;(): CIL's sizeof, the array stride.</summary>
    private static int SizeOf(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

    /// <summary>The field's byte offset in the runtime's layout: the address of <c>local.field</c> minus the address of <c>local</c>.</summary>
    private static int OffsetOf(Type type, FieldInfo field)
    {
        var method = new DynamicMethod("numbana_offset_of", typeof(int), Type.EmptyTypes, typeof(StructLayouts).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var local = il.DeclareLocal(type);
        il.Emit(OpCodes.Ldloca, local);
        il.Emit(OpCodes.Ldflda, field);
        il.Emit(OpCodes.Ldloca, local);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Conv_I4);
        il.Emit(OpCodes.Ret);
        return ((Func<int>)method.CreateDelegate(typeof(Func<int>)))();
    }
}
