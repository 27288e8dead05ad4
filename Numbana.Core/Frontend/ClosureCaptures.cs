using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// A variable a lambda captured: a field of its closure object, reached through <see cref="Path"/> (the
/// links to the closures of enclosing scopes, then the field itself). It becomes a hidden parameter of the
/// compiled lambda, after the delegate's own parameters: the value, read from the closure at each call, or
/// a reference to the field when the lambda writes it (so .NET sees the write).
/// </summary>
/// <param name="Path">The fields from the lambda's own closure to the variable: links to outer closures first, the variable last.</param>
/// <param name="Type">The variable's IR type: a primitive or a one-dimensional array of primitives.</param>
/// <param name="Written">True when the lambda assigns the variable or takes its address (ref, out).</param>
internal sealed record CapturedVariable(IReadOnlyList<FieldInfo> Path, NType Type, bool Written)
{
    public FieldInfo Field => Path[^1];

    /// <summary>The C# name of the variable (the C# compiler names the closure's field after it).</summary>
    public string Name => Field.Name;

    /// <summary>The hidden parameter's type: the value, or a reference to the closure's field when the lambda writes it.</summary>
    public NType ParameterType => Written ? NType.ByRefOf(Type) : Type;
}

/// <summary>
/// Finds the variables a lambda reads from its closure. A lambda that captures is an instance method of the
/// class C# generates for the scope (&lt;&gt;c__DisplayClass...); a variable of an enclosing scope is a field of
/// that scope's closure, which the inner closure references through a field (CS$&lt;&gt;8__locals1).
/// The same list drives the importer (which field read is which hidden parameter) and the managed callers
/// (which fields to load at each call), so both agree on the order: the order of first use in the IL.
/// A local function or lambda of a closure that the lambda calls is compiled with hidden parameters of its
/// own, which the caller passes from its own (so the list includes what such callees use).
/// </summary>
/// <remarks>
/// It rejects, with the reason: captures of other types (strings, objects, structs), the enclosing object
/// ('this'), and a lambda that assigns a new array to a captured array variable (the compiled code cannot
/// hand a new array object back).
/// </remarks>
internal static class ClosureCaptures
{
    /// <summary>
    /// The captured variables <paramref name="lambda"/> uses, directly or through the local functions and
    /// lambdas of its closures that it calls, in order of first use; empty for static methods and lambdas
    /// that capture nothing. Paths start at <paramref name="lambda"/>'s own closure.
    /// </summary>
    /// <exception cref="UnsupportedIlException">A captured variable has no compiled form.</exception>
    public static IReadOnlyList<CapturedVariable> Find(MethodInfo lambda)
    {
        if (lambda.IsStatic || !Importer.IsCompilerGeneratedClosure(lambda.DeclaringType)) return [];
        var uses = new List<(FieldInfo Field, MethodInfo Method, IlInstruction FirstUse)>();
        var written = new HashSet<FieldInfo>();
        CollectUses(lambda, uses, written, [lambda]);

        var captures = new List<CapturedVariable>();
        foreach (var (field, method, firstUse) in uses)
        {
            var type = TypeOf(method, field, firstUse);
            var isWritten = written.Contains(field);
            if (isWritten && type is ArrayType)
                throw Reject(method, firstUse, $"The lambda assigns a new array to the captured variable '{field.Name}' (or passes it by ref): " +
                    "compiled code can write into a captured array's elements, not replace the array. Return the new array, or allocate it before creating the lambda.");
            captures.Add(new CapturedVariable([.. PathTo(method, lambda.DeclaringType!, field.DeclaringType!, firstUse), field], type, isWritten));
        }
        return captures;
    }

    /// <summary>
    /// Adds the closure fields <paramref name="method"/> reads (and, in <paramref name="written"/>, those it
    /// assigns or takes the address of), then those of the closure methods it calls (local functions and
    /// lambdas of the same or an enclosing scope), each method once.
    /// </summary>
    private static void CollectUses(MethodInfo method, List<(FieldInfo Field, MethodInfo Method, IlInstruction FirstUse)> uses,
        HashSet<FieldInfo> written, HashSet<MethodInfo> visited)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) return;
        foreach (var instruction in IlDecoder.Decode(method, il))
        {
            // C# calls a local function of an enclosing scope's closure with callvirt (the receiver is a field).
            if (instruction.OpCode is ILOpCode.Call or ILOpCode.Callvirt && AsClosureMethod(ResolveMethod(method, instruction.IntOperand)) is { } callee)
            {
                if (visited.Add(callee)) CollectUses(callee, uses, written, visited);
                continue;
            }
            if (instruction.OpCode is not (ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld)) continue;
            if (ResolveField(method, instruction.IntOperand) is not { } field || field.IsStatic
                || !Importer.IsCompilerGeneratedClosure(field.DeclaringType) || IsClosureLink(field))
                continue;
            if (!uses.Exists(use => use.Field == field)) uses.Add((field, method, instruction));
            if (instruction.OpCode != ILOpCode.Ldfld) written.Add(field);
        }
    }

    /// <summary>The method when it is an instance method of a closure class (a local function or lambda that uses captured variables), else null.</summary>
    public static MethodInfo? AsClosureMethod(MethodBase? method) =>
        method is MethodInfo { IsStatic: false, IsVirtual: false } info && Importer.IsCompilerGeneratedClosure(info.DeclaringType) ? info : null;

    public static MethodBase? ResolveMethod(MethodBase method, int token)
    {
        try
        {
            return method.Module.ResolveMethod(token,
                method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True for a closure's reference to the closure of an enclosing scope.</summary>
    public static bool IsClosureLink(FieldInfo field) => Importer.IsCompilerGeneratedClosure(field.FieldType);

    /// <summary>Resolves a field token of <paramref name="method"/>'s IL (null when it does not resolve: the importer reports it).</summary>
    public static FieldInfo? ResolveField(MethodBase method, int token)
    {
        try
        {
            return method.Module.ResolveField(token,
                method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static NType TypeOf(MethodInfo lambda, FieldInfo field, IlInstruction use)
    {
        var type = ClrTypes.TryMap(field.FieldType, out var whyNot);
        if (type is PrimitiveType primitive && primitive != NType.Void) return primitive;
        if (type is ArrayType { IsJagged: true })
            throw Reject(lambda, use, $"The lambda captures the jagged array '{field.Name}': only a jagged array passed as an argument has its rows pinned " +
                "for the call. Pass it as a parameter of the compiled method.");
        if (type is ArrayType array) return array;
        if (field.Name.StartsWith("<>4__this", StringComparison.Ordinal))
            throw Reject(lambda, use, $"The lambda uses the enclosing object ('this', a {MethodNames.TypeName(field.FieldType)}): " +
                "copy the fields it needs into local variables before creating the lambda, and capture those.");
        throw Reject(lambda, use, $"The lambda captures the variable '{field.Name}' of type {MethodNames.TypeName(field.FieldType)}: " +
            $"{(whyNot.Length > 0 ? whyNot : "it has no compiled form")}. Captured variables must be numbers or one-dimensional arrays of numbers.");
    }

    /// <summary>The links from the lambda's closure to the closure that declares a variable (breadth first: C# makes one link per enclosing scope).</summary>
    private static List<FieldInfo> PathTo(MethodInfo lambda, Type from, Type to, IlInstruction use)
    {
        var paths = new Dictionary<Type, List<FieldInfo>> { [from] = [] };
        var queue = new Queue<Type>([from]);
        while (queue.TryDequeue(out var closure))
        {
            if (closure == to) return paths[closure];
            foreach (var link in closure.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!IsClosureLink(link) || paths.ContainsKey(link.FieldType)) continue;
                paths[link.FieldType] = [.. paths[closure], link];
                queue.Enqueue(link.FieldType);
            }
        }
        throw Reject(lambda, use, $"The lambda reads a field of {MethodNames.TypeName(to)}, which its closure does not reference: " +
            "pass the value as a parameter.");
    }

    private static UnsupportedIlException Reject(MethodInfo lambda, IlInstruction use, string reason) =>
        new(reason, lambda, use.Offset, use.Name, Diagnostics.SourceLocator.Find(lambda, use.Offset));
}
