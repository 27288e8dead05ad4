using System.Reflection;
using Numbana.Backends.Cpu.Compilation;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Backends.Cpu.Runtime;

/// <summary>
/// <see cref="Jit.Compile{TDelegate}"/>: wraps a delegate's method in a thunk of the same delegate
/// type that compiles the method at its first call and then calls the native code directly.
/// </summary>
internal static class DelegateCompiler
{
    public static TDelegate Compile<TDelegate>(TDelegate method, JitOptions options) where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(options);
        var target = method.Method;
        var abi = TryMapSignature(target);
        var slot = new SpecializationSlot(target, options, method, abi is null ? [] : TryFindCaptures(target));
        if (slot.Captures is null) abi = null;
        var thunk = ThunkBuilder.Build(typeof(TDelegate), target, abi, slot);
        return (TDelegate)thunk;
    }

    /// <summary>
    /// The variables a capturing lambda reads from its closure (passed at each call after its own arguments),
    /// or null when one has no compiled form (the first call reports why, or runs .NET code when not strict).
    /// </summary>
    private static IReadOnlyList<Frontend.CapturedVariable>? TryFindCaptures(MethodInfo method)
    {
        try
        {
            return Frontend.ClosureCaptures.Find(method);
        }
        catch (UnsupportedIlException)
        {
            return null;
        }
    }

    /// <summary>The IR types of the parameters and return value, or null when one has no native form (the first call reports why).</summary>
    private static (NType[] Parameters, NType Return)? TryMapSignature(MethodInfo method)
    {
        if ((!method.IsStatic && !Frontend.Importer.IsCompilerGeneratedClosure(method.DeclaringType)) || method.ContainsGenericParameters) return null;
        var parameters = new List<NType>();
        foreach (var parameter in method.GetParameters())
        {
            if (ClrTypes.TryMap(parameter.ParameterType, out _) is not { } type) return null;
            parameters.Add(type);
        }
        // A span result has no native form at the entry (the compile reports why).
        return ClrTypes.TryMap(method.ReturnType, out _) is { } returnType and not SpanType
            ? ([.. parameters], returnType)
            : null;
    }
}

/// <summary>
/// The state behind one compiled delegate: the native entry point once compiled, or the decision to
/// run the original .NET method (non-strict mode). The thunk reads <see cref="BoundedEntryPoint"/> and
/// <see cref="EntryPoint"/> on every call and calls <see cref="EnsureCompiled"/> only while both are zero.
/// </summary>
internal sealed class SpecializationSlot
{
    private readonly object _gate = new();
    private volatile bool _fallback;

    public SpecializationSlot(MethodInfo method, JitOptions options, Delegate original, IReadOnlyList<Frontend.CapturedVariable>? captures = null)
    {
        Method = method;
        Options = options;
        Original = original;
        Closure = original.Target;
        Captures = captures;
    }

    public MethodInfo Method { get; }
    public JitOptions Options { get; }
    public Delegate Original { get; }

    /// <summary>The delegate's target: a lambda's closure object, from which the thunk reads the captured variables at each call.</summary>
    public readonly object? Closure;

    /// <summary>The captured variables the thunk passes after the delegate's arguments (empty when none; null when one has no compiled form).</summary>
    public IReadOnlyList<Frontend.CapturedVariable>? Captures { get; }

    /// <summary>The native entry point; zero until compiled (a field, so the thunk loads it directly).</summary>
    public IntPtr EntryPoint;

    /// <summary>
    /// The native entry point when its calls are bounded (<see cref="CompiledSpecialization.IsBounded"/>), else zero:
    /// the thunk tests it first and then calls without the GC transition. Set before <see cref="EntryPoint"/>.
    /// </summary>
    public IntPtr BoundedEntryPoint;

    /// <summary>
    /// Compiles on the first call (once, whatever the number of threads): sets <see cref="BoundedEntryPoint"/> and
    /// <see cref="EntryPoint"/>, or, when the method cannot be compiled in non-strict mode, neither (the thunk then
    /// runs the .NET method).
    /// </summary>
    public void EnsureCompiled()
    {
        if (EntryPoint != IntPtr.Zero || _fallback) return;
        lock (_gate)
        {
            if (EntryPoint != IntPtr.Zero || _fallback) return;
            try
            {
                var compiled = SpecializationCache.GetOrCompile(Method, Options);
                if (compiled.IsBounded) BoundedEntryPoint = compiled.EntryPoint;
                EntryPoint = compiled.EntryPoint;
            }
            catch (NumbanaException error) when (!Options.Strict && error is not LlvmException)
            {
                _fallback = true;
                JitDiagnostics.ReportFallback(Method, error);
            }
        }
    }
}
