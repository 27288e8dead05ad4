using System.Collections.Concurrent;
using System.Reflection;
using Numbana.Backends.Cpu.Compilation;
using Numbana.Backends.Cpu.Dispatch;
using Numbana.Backends.Cpu.Runtime;
using Numbana.Typing;

namespace Numbana;

/// <summary>
/// A method compiled once per signature: the runtime types of its arguments pick the specialization
/// (as Numba's dispatcher). The method may be an open generic method definition (instantiated from the
/// argument types) and its parameters may be interfaces or base types (IReadOnlyList&lt;double&gt;,
/// IList&lt;T&gt;, Array, object): an argument that is a T[] is compiled as an array, a List&lt;T&gt; as its
/// backing array.
/// </summary>
/// <example>
/// <code>
/// JitFunction sum = Jit.Compile(typeof(Kernels).GetMethod(nameof(Kernels.Sum))!); // Sum&lt;T&gt;(T[]) where T : INumber&lt;T&gt;
/// object? total = sum.Invoke(new[] { 1.0, 2.0 });                  // compiles Sum&lt;double&gt;
/// Func&lt;float[], float&gt; f = sum.As&lt;Func&lt;float[], float&gt;&gt;();   // compiles Sum&lt;float&gt;, typed fast path
/// Console.WriteLine(sum.InspectAsm(sum.Signatures[0]));
/// </code>
/// </example>
/// <remarks>
/// Thread-safe: many threads making the first call of a signature at once compile it once.
/// In non-strict mode (<see cref="JitOptions.Strict"/> = false) a signature that cannot be compiled
/// runs the .NET method, and the reason is reported once (<see cref="Jit.Logger"/> and the "Numbana"
/// EventSource).
/// </remarks>
public sealed class JitFunction
{
    private readonly ConcurrentDictionary<JitSignature, Lazy<Specialization>> _specializations = new();
    private readonly object? _target;
    private volatile Specialization? _last;

    internal JitFunction(MethodInfo method, object? target, JitOptions options)
    {
        if (method.ContainsGenericParameters && !method.IsGenericMethodDefinition)
            throw new NumbanaException($"{MethodNames.Describe(method)} belongs to an open generic type: close the type first (MakeGenericType).");
        Method = method;
        _target = target;
        Options = options;
    }

    /// <summary>The method (possibly an open generic method definition).</summary>
    public MethodInfo Method { get; }

    /// <summary>The options every specialization is compiled with.</summary>
    public JitOptions Options { get; }

    /// <summary>The signatures compiled so far (and those that fell back to .NET in non-strict mode).</summary>
    public IReadOnlyList<JitSignature> Signatures =>
        _specializations.Where(pair => pair.Value.IsValueCreated && !pair.Value.IsValueFaulted()).Select(pair => pair.Key).ToList();

    /// <summary>
    /// Calls the specialization for the runtime types of <paramref name="arguments"/>, compiling it first
    /// if needed. A primitive result is boxed; a void method returns null.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null (its type cannot be known).</exception>
    /// <exception cref="ArgumentException">The number of arguments is wrong, or an argument does not fit its parameter.</exception>
    /// <exception cref="UnsupportedIlException">The method cannot be compiled for these types (strict mode).</exception>
    public object? Invoke(params object?[] arguments)
    {
        var last = _last;
        if (last is not null && last.Matches(arguments)) return last.Invoker(arguments);
        return InvokeSlow(arguments);
    }

    private object? InvokeSlow(object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var parameters = Method.GetParameters();
        if (arguments.Length != parameters.Length)
            throw new ArgumentException($"{MethodNames.Describe(Method)} takes {parameters.Length} arguments, not {arguments.Length}.", nameof(arguments));
        var types = new Type[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            types[i] = arguments[i]?.GetType() ?? throw new ArgumentNullException(parameters[i].Name,
                $"The argument for '{parameters[i].Name}' is null: a JitFunction specializes on the runtime type of each argument.");
        var specialization = GetSpecialization(new JitSignature(types));
        _last = specialization;
        return specialization.Invoker(arguments);
    }

    /// <summary>
    /// A delegate of type <typeparamref name="TDelegate"/> that calls the specialization for the
    /// delegate's parameter types directly (compiled now): the fast path, a few nanoseconds over a
    /// direct .NET call.
    /// </summary>
    /// <exception cref="ArgumentException">The delegate's return type does not match the method's for those parameter types.</exception>
    public TDelegate As<TDelegate>() where TDelegate : Delegate
    {
        var invoke = typeof(TDelegate).GetMethod("Invoke")!;
        var signature = new JitSignature(invoke.GetParameters().Select(p => p.ParameterType).ToArray());
        var specialization = GetSpecialization(signature);
        if (specialization.Target.ReturnType != invoke.ReturnType)
            throw new ArgumentException($"{typeof(TDelegate).Name} returns {MethodNames.TypeName(invoke.ReturnType)}, but {MethodNames.Describe(specialization.Target)} returns {MethodNames.TypeName(specialization.Target.ReturnType)}.");
        if (specialization.Compiled is not { } compiled)
            return (TDelegate)Delegate.CreateDelegate(typeof(TDelegate), _target, specialization.Target);
        if (compiled.EntryPoint == IntPtr.Zero) throw CrossTargetError();
        return (TDelegate)NativeCallEmitter.BuildTyped(typeof(TDelegate), specialization.Target, signature.Types, compiled, _target);
    }

    /// <summary>Compiles the specialization for these argument types now (eagerly, as Numba's explicit signatures).</summary>
    /// <example><c>var signature = dot.Compile(typeof(double[]), typeof(double[]));</c></example>
    public JitSignature Compile(params Type[] argumentTypes)
    {
        var signature = new JitSignature(argumentTypes);
        GetSpecialization(signature);
        return signature;
    }

    /// <summary>The typed IR of a compiled signature (after Numbana's own passes).</summary>
    public string InspectTypes(JitSignature signature) => Compiled(signature).TypedIr;

    /// <summary>The LLVM IR of a compiled signature: optimized (the default) or as lowered.</summary>
    public string InspectLlvm(JitSignature signature, bool optimized = true)
    {
        var compiled = Compiled(signature);
        if (!optimized && compiled.FromDiskCache) return "; loaded from the on-disk cache: only the optimized IR was kept\n";
        return optimized ? compiled.OptimizedLlvmIr : compiled.LlvmIr;
    }

    /// <summary>
    /// The assembly of a compiled signature: the optimized module generated again to assembly text by a
    /// target machine with the same triple, CPU and features as the JIT's (the same code the JIT runs).
    /// </summary>
    public string InspectAsm(JitSignature signature) => AssemblyText.Generate(Compiled(signature).OptimizedLlvmIr, Options);

    private CompiledSpecialization Compiled(JitSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var specialization = GetSpecialization(signature);
        return specialization.Compiled ?? throw new NumbanaException(
            $"{MethodNames.Describe(specialization.Target)} was not compiled for {signature} (it runs as .NET code: {specialization.FallbackReason?.Message})");
    }

    private Specialization GetSpecialization(JitSignature signature)
    {
        var lazy = _specializations.GetOrAdd(signature, s => new Lazy<Specialization>(() => Specialize(s), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed compile is not kept: the next call tries again and reports the same error.
            _specializations.TryRemove(new KeyValuePair<JitSignature, Lazy<Specialization>>(signature, lazy));
            throw;
        }
    }

    private Specialization Specialize(JitSignature signature)
    {
        var parameters = Method.GetParameters();
        if (signature.Types.Length != parameters.Length)
            throw new ArgumentException($"{MethodNames.Describe(Method)} takes {parameters.Length} arguments, not {signature.Types.Length}.");
        var target = GenericInference.Instantiate(Method, signature.Types);
        var declared = target.GetParameters().Select(p => p.ParameterType).ToArray();
        for (var i = 0; i < declared.Length; i++)
            if (!declared[i].IsAssignableFrom(signature.Types[i]))
                throw new ArgumentException($"The argument for '{parameters[i].Name}' is a {MethodNames.TypeName(signature.Types[i])}, which is not a {MethodNames.TypeName(declared[i])}.");
        // Declared types as they are share the specialization with Jit.Compile<TDelegate>.
        IReadOnlyList<Type>? argumentTypes = declared.AsSpan().SequenceEqual(signature.Types) ? null : signature.Types;
        try
        {
            var compiled = TargetSelection.IsHost(Options)
                ? SpecializationCache.GetOrCompile(target, argumentTypes, Options)
                : AssemblyText.CompileForInspection(target, argumentTypes, Options);
            Func<object?[], object?> invoker = compiled.EntryPoint == IntPtr.Zero
                ? _ => throw CrossTargetError()
                : NativeCallEmitter.BuildInvoker(target, signature.Types, compiled, _target);
            return new Specialization(signature.Types, target, compiled, invoker, null);
        }
        catch (NumbanaException error) when (!Options.Strict && error is not LlvmException)
        {
            JitDiagnostics.ReportFallback(target, signature.ToString(), Options, error);
            var receiver = _target;
            return new Specialization(signature.Types, target, null,
                arguments => target.Invoke(receiver, BindingFlags.DoNotWrapExceptions, null, arguments, null), error);
        }
    }

    private NotSupportedException CrossTargetError() => new(
        $"{MethodNames.Describe(Method)} was compiled for {Options.TargetTriple} (cpu {Options.TargetCpu}): code for another target can be inspected (InspectAsm) but not run here.");

    /// <summary>One signature's compiled code (or its .NET fallback) and its invoker.</summary>
    private sealed class Specialization(Type[] types, MethodInfo target, CompiledSpecialization? compiled,
        Func<object?[], object?> invoker, NumbanaException? fallbackReason)
    {
        public MethodInfo Target { get; } = target;
        public CompiledSpecialization? Compiled { get; } = compiled;
        public Func<object?[], object?> Invoker { get; } = invoker;
        public NumbanaException? FallbackReason { get; } = fallbackReason;

        /// <summary>True when every argument's runtime type is exactly this signature's.</summary>
        public bool Matches(object?[] arguments)
        {
            if (arguments is null || arguments.Length != types.Length) return false;
            for (var i = 0; i < types.Length; i++)
                if (arguments[i]?.GetType() != types[i]) return false;
            return true;
        }
    }
}

internal static class LazyExtensions
{
    /// <summary>True when the Lazy's factory threw (the specialization is about to be removed).</summary>
    public static bool IsValueFaulted<T>(this Lazy<T> lazy)
    {
        try
        {
            _ = lazy.Value;
            return false;
        }
        catch
        {
            return true;
        }
    }
}
