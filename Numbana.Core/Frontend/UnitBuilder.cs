using System.Reflection;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// Builds the <see cref="CompilationUnit"/> for an entry method: imports it, then every method it
/// calls, transitively, each once (recursion refers back to the same function).
/// </summary>
internal sealed class UnitBuilder
{
    private static int _uniqueNames;
    private readonly Dictionary<MethodBase, Function> _functions = new();
    private readonly Dictionary<Function, MethodBase> _firstCaller = new();
    private readonly Queue<Function> _pending = new();
    private readonly Dictionary<Function, IReadOnlyList<CapturedVariable>> _captures = new();

    private UnitBuilder(JitOptions options) => Options = options;

    public JitOptions Options { get; }

    public static CompilationUnit Build(MethodInfo entryMethod, JitOptions options) => Build(entryMethod, options, argumentTypes: null);

    /// <summary>
    /// Builds the unit for a specialization on <paramref name="argumentTypes"/>, the runtime types of the
    /// arguments (null: the declared parameter types). A parameter declared as an interface or base
    /// type (IReadOnlyList&lt;double&gt;, object) is compiled as the array the argument is.
    /// </summary>
    public static CompilationUnit Build(MethodInfo entryMethod, JitOptions options, IReadOnlyList<Type>? argumentTypes)
    {
        var builder = new UnitBuilder(options);
        // A delegate bound to a struct's instance method holds a boxed copy: the entry's signature has no 'this'.
        if (Importer.HasStructReceiver(entryMethod))
            throw new UnsupportedIlException(
                $"{MethodNames.Describe(entryMethod)} is an instance method of a struct: only static methods and lambdas can be compiled as the entry. " +
                "Make it static and pass the struct as a parameter (instance methods can be called from compiled code).",
                entryMethod, -1, null, Diagnostics.SourceLocator.Find(entryMethod, -1));
        var entry = builder.CreateFunction(entryMethod, caller: null, argumentTypes);
        var unit = new CompilationUnit(entry);
        while (builder._pending.TryDequeue(out var function))
        {
            try
            {
                Importer.Import(builder, function);
            }
            catch (UnsupportedIlException error)
            {
                throw builder.WithCallChain(error, function);
            }
            if (function != entry) unit.Functions.Add(function);
        }
        return unit;
    }

    /// <summary>
    /// The captured variables of a lambda (the entry, or a local function or lambda of a closure that it calls),
    /// which are its last parameters, hidden from its .NET signature; empty for static methods: they never see
    /// the closure.
    /// </summary>
    public IReadOnlyList<CapturedVariable> CapturesOf(Function function) => _captures.GetValueOrDefault(function, []);

    /// <summary>The function for a callee, created and queued for import on first use.</summary>
    public Function GetOrAddFunction(MethodBase method, MethodBase caller) =>
        _functions.TryGetValue(method, out var function) ? function : CreateFunction(method, caller);

    private Function CreateFunction(MethodBase method, MethodBase? caller, IReadOnlyList<Type>? argumentTypes = null)
    {
        var parameterTypes = argumentTypes is null
            ? method.GetParameters().Select(p => MapSignatureType(method, p.ParameterType, $"parameter '{p.Name}'")).ToArray()
            : method.GetParameters().Select((p, i) => MapArgumentType(method, p, argumentTypes[i])).ToArray();
        // A struct's instance method or constructor takes 'this' as a reference to the struct, first.
        if (Importer.HasStructReceiver(method))
            parameterTypes = [NType.ByRefOf(MapSignatureType(method, method.DeclaringType!, "'this'")), .. parameterTypes];
        var returnType = method is MethodInfo info ? MapSignatureType(method, info.ReturnType, "return type") : NType.Void;
        if (caller is null && parameterTypes.Any(type => type is ByRefType { Element: SpanType }))
            throw new UnsupportedIlException("A parameter of the compiled method is a ref to a span: pass the span by value (Span<T> or ReadOnlySpan<T>), " +
                "so that the call can pin the memory it points to.", method, -1, null, Diagnostics.SourceLocator.Find(method, -1));
        if (caller is null && returnType is SpanType)
            throw new UnsupportedIlException($"The compiled method returns a {MethodNames.TypeName(((MethodInfo)method).ReturnType)}: compiled code can return spans " +
                "to the methods it calls, not to .NET code. Return an array or a number, or write the results into an argument.",
                method, -1, null, Diagnostics.SourceLocator.Find(method, -1));
        if (caller is null && returnType is ArrayType { IsJagged: true })
            throw new UnsupportedIlException($"The compiled method returns a jagged array ({MethodNames.TypeName(((MethodInfo)method).ReturnType)}): compiled code " +
                "sees a jagged array as a table of rows pinned for the call, which cannot become an array object again. Return a row count or a number, " +
                "or write the results into the rows of an argument.", method, -1, null, Diagnostics.SourceLocator.Find(method, -1));
        if (caller is null && returnType is ArrayType && parameterTypes.Any(type => type is ArrayType { IsJagged: true }))
            throw new UnsupportedIlException($"The compiled method returns a {MethodNames.TypeName(((MethodInfo)method).ReturnType)} and takes a jagged array: " +
                "a row of the jagged array cannot be returned to .NET code (the call only knows the arrays passed in directly and those compiled code allocates). " +
                "Return a row index instead, or write the results into an argument.", method, -1, null, Diagnostics.SourceLocator.Find(method, -1));
        // A capturing lambda (the entry, or a local function of a closure it calls): its captured variables
        // are passed after its own parameters.
        var captures = method is MethodInfo lambda ? ClosureCaptures.Find(lambda) : [];
        if (captures.Count > 0) parameterTypes = [.. parameterTypes, .. captures.Select(c => c.ParameterType)];
        var id = Interlocked.Increment(ref _uniqueNames);
        var function = new Function($"numbana.{Sanitize(method.DeclaringType?.Name)}.{Sanitize(method.Name)}.{id}", method, parameterTypes, returnType);
        _functions[method] = function;
        if (captures.Count > 0) _captures[function] = captures;
        if (caller is not null) _firstCaller[function] = caller;
        _pending.Enqueue(function);
        return function;
    }

    private static NType MapSignatureType(MethodBase method, Type type, string what)
    {
        if (ClrTypes.TryMap(type, out var whyNot) is { } mapped) return mapped;
        throw new UnsupportedIlException($"The {what} has type {MethodNames.TypeName(type)}: {whyNot}.", method, -1, null,
            Diagnostics.SourceLocator.Find(method, -1));
    }

    private static NType MapArgumentType(MethodBase method, ParameterInfo parameter, Type runtimeType)
    {
        if (SpecializedTypes.TryMap(parameter.ParameterType, runtimeType, out var whyNot) is { } mapped) return mapped;
        throw new UnsupportedIlException($"Parameter '{parameter.Name}' receives a {MethodNames.TypeName(runtimeType)}: {whyNot}.", method, -1, null,
            Diagnostics.SourceLocator.Find(method, -1));
    }

    private UnsupportedIlException WithCallChain(UnsupportedIlException error, Function function)
    {
        for (var current = function; _firstCaller.TryGetValue(current, out var caller); current = _functions[caller])
            error = error.WithCaller(caller);
        return error;
    }

    private static string Sanitize(string? name) =>
        string.IsNullOrEmpty(name) ? "global" : new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
