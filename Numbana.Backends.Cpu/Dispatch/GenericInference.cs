using System.Reflection;

namespace Numbana.Backends.Cpu.Dispatch;

/// <summary>
/// Instantiates an open generic method from the runtime argument types, as C#'s type inference would
/// for these arguments: <c>First&lt;T&gt;(T[])</c> with a float[] is <c>First&lt;float&gt;</c>;
/// <c>Sum&lt;T&gt;(IReadOnlyList&lt;T&gt;)</c> with a List&lt;double&gt; is <c>Sum&lt;double&gt;</c>.
/// </summary>
internal static class GenericInference
{
    /// <summary>The instantiated method; a <see cref="NumbanaException"/> says which type parameter could not be inferred or violates a constraint.</summary>
    public static MethodInfo Instantiate(MethodInfo definition, IReadOnlyList<Type> argumentTypes)
    {
        if (!definition.IsGenericMethodDefinition) return definition;
        var bindings = new Dictionary<Type, Type>();
        var parameters = definition.GetParameters();
        for (var i = 0; i < parameters.Length && i < argumentTypes.Count; i++)
            Unify(parameters[i].ParameterType, argumentTypes[i], bindings);
        var typeArguments = definition.GetGenericArguments().Select(parameter => bindings.TryGetValue(parameter, out var bound)
            ? bound
            : throw new NumbanaException($"The type parameter {parameter.Name} of {MethodNames.Describe(definition)} cannot be inferred from the arguments {new JitSignature([.. argumentTypes])}: " +
                "pass an argument of that type, or compile an instantiation (MakeGenericMethod).")).ToArray();
        try
        {
            return definition.MakeGenericMethod(typeArguments);
        }
        catch (ArgumentException error)
        {
            throw new NumbanaException($"{MethodNames.Describe(definition)} cannot be instantiated with <{string.Join(", ", typeArguments.Select(MethodNames.TypeName))}>: {error.Message}", error);
        }
    }

    private static void Unify(Type pattern, Type actual, Dictionary<Type, Type> bindings)
    {
        if (!pattern.ContainsGenericParameters) return;
        if (pattern.IsGenericParameter)
        {
            if (!bindings.ContainsKey(pattern)) bindings[pattern] = actual;
            return;
        }
        if (pattern.IsByRef) pattern = pattern.GetElementType()!;
        if (pattern.IsArray)
        {
            if (actual.IsArray && actual.GetArrayRank() == pattern.GetArrayRank()) Unify(pattern.GetElementType()!, actual.GetElementType()!, bindings);
            return;
        }
        if (!pattern.IsGenericType) return;
        var definition = pattern.GetGenericTypeDefinition();
        var candidates = new List<Type>();
        for (var type = actual; type is not null; type = type.BaseType) candidates.Add(type);
        candidates.AddRange(actual.GetInterfaces());
        var match = candidates.FirstOrDefault(c => c.IsGenericType && c.GetGenericTypeDefinition() == definition);
        if (match is null) return;
        var patternArguments = pattern.GetGenericArguments();
        var actualArguments = match.GetGenericArguments();
        for (var i = 0; i < patternArguments.Length; i++) Unify(patternArguments[i], actualArguments[i], bindings);
    }
}
