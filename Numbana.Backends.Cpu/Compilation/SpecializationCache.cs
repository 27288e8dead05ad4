using System.Collections.Concurrent;
using System.Reflection;

namespace Numbana.Backends.Cpu.Compilation;

/// <summary>
/// The process-wide cache of compiled specializations, keyed by method and options. A first call
/// from many threads at once compiles once; the others wait for it (Lazy's ExecutionAndPublication).
/// Compiled code is never unloaded: the JIT keeps it for the life of the process.
/// </summary>
internal static class SpecializationCache
{
    private static readonly ConcurrentDictionary<(MethodInfo Method, Dispatch.TypeList Arguments, JitOptions Options), Lazy<CompiledSpecialization>> Compiled = new();

    public static CompiledSpecialization GetOrCompile(MethodInfo method, JitOptions options) => GetOrCompile(method, null, options);

    /// <summary>
    /// The specialization of <paramref name="method"/> for the runtime <paramref name="argumentTypes"/>
    /// (null: the declared parameter types), compiled once.
    /// </summary>
    public static CompiledSpecialization GetOrCompile(MethodInfo method, IReadOnlyList<Type>? argumentTypes, JitOptions options)
    {
        var arguments = new Dispatch.TypeList(argumentTypes);
        var entry = Compiled.GetOrAdd((method, arguments, options),
            key => new Lazy<CompiledSpecialization>(() => CpuCompiler.Compile(key.Method, key.Arguments.Types, key.Options), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed compile is not cached: the next call tries again (and reports the same error).
            Compiled.TryRemove(new KeyValuePair<(MethodInfo, Dispatch.TypeList, JitOptions), Lazy<CompiledSpecialization>>((method, arguments, options), entry));
            throw;
        }
    }

    /// <summary>Forgets every specialization (tests of the on-disk cache: the next call loads or compiles again).</summary>
    internal static void ClearForTests() => Compiled.Clear();
}
