namespace Numbana;

/// <summary>
/// The runtime argument types one specialization of a <see cref="JitFunction"/> was compiled for, e.g.
/// <c>(double[], double[])</c>. Two signatures are equal when their types are.
/// </summary>
public sealed class JitSignature : IEquatable<JitSignature>
{
    private readonly Type[] _types;

    /// <summary>A signature of these argument types.</summary>
    public JitSignature(params Type[] argumentTypes)
    {
        ArgumentNullException.ThrowIfNull(argumentTypes);
        _types = [.. argumentTypes];
        foreach (var type in _types) ArgumentNullException.ThrowIfNull(type, nameof(argumentTypes));
    }

    /// <summary>The argument types, in parameter order.</summary>
    public IReadOnlyList<Type> ArgumentTypes => _types;

    internal Type[] Types => _types;

    /// <inheritdoc/>
    public bool Equals(JitSignature? other) => other is not null && _types.AsSpan().SequenceEqual(other._types);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JitSignature);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var type in _types) hash.Add(type);
        return hash.ToHashCode();
    }

    /// <summary>The types as C# writes them: <c>(double[], List&lt;float&gt;)</c>.</summary>
    public override string ToString() => "(" + string.Join(", ", _types.Select(MethodNames.TypeName)) + ")";
}
