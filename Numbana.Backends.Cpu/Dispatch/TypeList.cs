namespace Numbana.Backends.Cpu.Dispatch;

/// <summary>A list of types compared element by element (a dictionary key); null stands for "the declared types".</summary>
internal readonly struct TypeList : IEquatable<TypeList>
{
    public TypeList(IReadOnlyList<Type>? types) => Types = types is null ? null : [.. types];

    public Type[]? Types { get; }

    public bool Equals(TypeList other) =>
        Types is null ? other.Types is null : other.Types is not null && Types.AsSpan().SequenceEqual(other.Types);

    public override bool Equals(object? obj) => obj is TypeList other && Equals(other);

    public override int GetHashCode()
    {
        if (Types is null) return 0;
        var hash = new HashCode();
        foreach (var type in Types) hash.Add(type);
        return hash.ToHashCode();
    }
}
