using System.Collections.Concurrent;
using System.Reflection;

namespace Numbana.IR;

/// <summary>
/// A blittable .NET value type: its fields (primitives or other structs) at the byte offsets the
/// running CLR gives them, and its size (<c>Unsafe.SizeOf&lt;T&gt;()</c>). Interned per CLR type.
/// </summary>
/// <remarks>
/// A struct is a stack type, as in CIL: ldloc, ldobj and ldelem push the whole value. The layout is
/// measured in the running process (<see cref="Typing.StructLayouts"/>), never recomputed, so arrays of
/// structs and references passed from .NET read exactly the bytes .NET wrote.
/// </remarks>
internal sealed class StructType : NType
{
    private static readonly ConcurrentDictionary<Type, StructType> Interned = new();
    private readonly Dictionary<string, StructField> _byName;

    private StructType(Type clrType, IReadOnlyList<StructField> fields, int size) : base(TypeKind.Struct)
    {
        ClrType = clrType;
        Fields = fields;
        Size = size;
        Alignment = fields.Count == 0 ? 1 : fields.Max(f => f.Type is StructType nested ? nested.Alignment : Math.Max(1, f.Type.BitWidth / 8));
        _byName = fields.ToDictionary(f => f.Name);
    }

    /// <summary>The interned struct type of <paramref name="clrType"/>, built once by <paramref name="create"/>.</summary>
    public static StructType Of(Type clrType, Func<Type, (IReadOnlyList<StructField> Fields, int Size)> create) =>
        Interned.GetOrAdd(clrType, t =>
        {
            var (fields, size) = create(t);
            return new StructType(t, fields, size);
        });

    public Type ClrType { get; }

    /// <summary>The instance fields, by increasing offset.</summary>
    public IReadOnlyList<StructField> Fields { get; }

    /// <summary>Size in bytes, padding included (the array stride).</summary>
    public int Size { get; }

    /// <summary>The largest alignment of a field: what a slot holding one needs.</summary>
    public int Alignment { get; }

    /// <summary>The field named <paramref name="name"/>, or null.</summary>
    public StructField? FieldNamed(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The position of <paramref name="field"/> in <see cref="Fields"/>.</summary>
    public int IndexOf(StructField field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i] == field) return i;
        throw new ArgumentException($"{field.Name} is not a field of {this}");
    }

    public override string ToString() => MethodNames.TypeName(ClrType);
}

/// <summary>One instance field of a <see cref="StructType"/>: its IR type and byte offset.</summary>
internal sealed record StructField(string Name, NType Type, int Offset, FieldInfo Field);
