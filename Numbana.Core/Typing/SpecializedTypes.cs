using System.Runtime.InteropServices;
using Numbana.IR;

namespace Numbana.Typing;

/// <summary>
/// The IR type of an argument from its runtime type, for a parameter that may be declared more
/// loosely (IReadOnlyList&lt;double&gt;, IList&lt;T&gt;, Array, object): a one-dimensional array of a
/// primitive is an array, and so is a <see cref="List{T}"/> (its backing storage, through
/// <see cref="CollectionsMarshal.AsSpan{T}"/>).
/// </summary>
internal static class SpecializedTypes
{
    /// <summary>The IR type, or null with the reason in <paramref name="whyNot"/>.</summary>
    public static NType? TryMap(Type declared, Type runtime, out string whyNot)
    {
        whyNot = "";
        if (!declared.IsAssignableFrom(runtime) && !(declared.IsByRef && declared.GetElementType() == runtime))
        {
            whyNot = $"it is not assignable to the parameter's type {MethodNames.TypeName(declared)}";
            return null;
        }
        if (declared == runtime || runtime.IsPrimitive || runtime.IsSZArray) return ClrTypes.TryMap(runtime, out whyNot);
        if (IsList(runtime, out var element))
        {
            if (ClrTypes.TryMap(element, out whyNot) is { } elementType && elementType != NType.Void && elementType is not ArrayType)
                return NType.ArrayOf(elementType);
            whyNot = $"a List<{MethodNames.TypeName(element)}> cannot be compiled: lists of numbers are passed as their backing arrays";
            return null;
        }
        if (ClrTypes.TryMap(runtime, out whyNot) is { } exact) return exact;
        whyNot = $"a {MethodNames.TypeName(runtime)} passed for a {MethodNames.TypeName(declared)} cannot be specialized ({whyNot}): " +
            "pass an array of numbers or a List of numbers";
        return null;
    }

    /// <summary>True for <see cref="List{T}"/>, giving T.</summary>
    public static bool IsList(Type type, out Type element)
    {
        element = typeof(void);
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(List<>)) return false;
        element = type.GetGenericArguments()[0];
        return true;
    }
}
