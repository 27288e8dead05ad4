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
    private static readonly ConcurrentDictionary<(MethodInfo Method, JitOptions Options), Lazy<CompiledSpecialization>> Compiled = new();

    public static CompiledSpecialization GetOrCompile(MethodInfo method, JitOptions options)
    {
        var entry = Compiled.GetOrAdd((method, options),
            key => new Lazy<CompiledSpecialization>(() => CpuCompiler.Compile(key.Method, key.Options), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed compile is not cached: the next call tries again (and reports the same error).
            Compiled.TryRemove(new KeyValuePair<(MethodInfo, JitOptions), Lazy<CompiledSpecialization>>((method, options), entry));
            throw;
        }
    }
}
