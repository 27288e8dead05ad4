using System.Diagnostics;
using System.Reflection;
using Numbana.Backends.Cpu.OrcJit;
using Numbana.Frontend;
using Numbana.IR;
using Numbana.Llvm;
using Numbana.Llvm.Handles;
using Numbana.Lowering;
using Numbana.Transforms;

namespace Numbana.Backends.Cpu.Compilation;

/// <summary>
/// One specialization compiled for the host CPU: its native entry point and what each stage produced
/// (for tests, inspection and the NUMBANA_DUMP switch).
/// </summary>
internal sealed record CompiledSpecialization(
    MethodInfo Method,
    JitOptions Options,
    IntPtr EntryPoint,
    string TypedIr,
    string LlvmIr,
    string OptimizedLlvmIr,
    TimeSpan CompileTime,
    string? UnboundedReason,
    IReadOnlyList<Type>? ArgumentTypes = null,
    bool FromDiskCache = false,
    string ParallelDiagnostics = "")
{
    /// <summary>
    /// True when a call runs in bounded time and never calls back into .NET (<see cref="Analysis.BoundedCallAnalysis"/>):
    /// the thunks then call the entry without the GC transition. <see cref="UnboundedReason"/> says why not otherwise.
    /// </summary>
    public bool IsBounded => UnboundedReason is null;
}

/// <summary>
/// The host pipeline, stage by stage: CIL to typed IR (<see cref="UnitBuilder"/>), the IR passes
/// (<see cref="IrPipeline"/>), IR to LLVM IR
/// (<see cref="ModuleLowering"/>), LLVM's O0-O3 pipeline for the host CPU, then ORC LLJIT.
/// </summary>
internal static class CpuCompiler
{
    private static long _compilations;

    /// <summary>How many specializations this process has compiled (for tests of the cache and of thread safety).</summary>
    public static long CompilationCount => Interlocked.Read(ref _compilations);

    public static CompiledSpecialization Compile(MethodInfo method, JitOptions options) => Compile(method, null, options);

    /// <summary>Compiles the specialization for the runtime <paramref name="argumentTypes"/> (null: the declared parameter types).</summary>
    public static CompiledSpecialization Compile(MethodInfo method, IReadOnlyList<Type>? argumentTypes, JitOptions options)
    {
        if (!TargetSelection.IsHost(options))
            throw new NotSupportedException($"{MethodNames.Describe(method)}: code for {options.TargetTriple} cannot run on this machine; " +
                "compile it with Jit.Compile(MethodInfo, options).Compile(types) and read it with InspectAsm.");
        var clock = Stopwatch.StartNew();
        var unit = UnitBuilder.Build(method, options, argumentTypes);
        IrPipeline.Run(unit, options, TargetSelection.VectorStoreAlignment(HostJit.Shared, options));
        var typedIr = unit.ToString();
        var parallelDiagnostics = ParallelLoopOutlining.Report(unit);
        var unboundedReason = Analysis.BoundedCallAnalysis.WhyUnbounded(unit);

        var jit = HostJit.Shared;
        Runtime.ParallelForRuntime.EnsureDefined(jit); // before any module that calls it is added
        Runtime.ManagedAllocation.EnsureDefined(jit); // new T[n] calls back into .NET (also from cached objects)
        Runtime.PinnedStaticArrays.EnsureDefined(jit, unit); // static readonly arrays: their cells resolve by name (also in cached objects)
        // The on-disk cache is consulted after import (its key hashes the IL of every function in the unit)
        // and before LLVM: a hit skips optimization and code generation.
        var cacheKey = options.Cache ? Caching.ObjectCache.KeyFor(unit, argumentTypes, options, jit) : null;
        if (cacheKey is not null && Caching.ObjectCache.TryLoad(cacheKey, jit) is { } hit)
            return new CompiledSpecialization(method, options, hit.Address, typedIr, "", hit.OptimizedLlvmIr, clock.Elapsed, unboundedReason, argumentTypes, FromDiskCache: true, ParallelDiagnostics: parallelDiagnostics);
        Interlocked.Increment(ref _compilations);
        using var moduleContext = JitModuleContext.Create();
        var module = LlvmModule.Create(unit.EntryPoint.Name, moduleContext.Context);
        try
        {
            var entryName = ModuleLowering.Lower(unit, moduleContext.Context.Ref, module.Ref, options);
            if (cacheKey is not null) entryName = Caching.ObjectCache.GiveUniqueName(module, entryName);
            var llvmIr = module.PrintToString();
            if (!module.TryVerify(out var verifierMessage))
                throw new InvalidOperationException($"Numbana produced invalid LLVM IR for {MethodNames.Describe(method)} (a bug in Numbana):\n{verifierMessage}\n{llvmIr}");

            using (var targetMachine = TargetSelection.CreateTargetMachine(jit, options))
            {
                module.SetTargetFrom(targetMachine);
                TargetSelection.ApplyCpu(module, options, targetMachine, jit);
                LlvmPasses.Run(module, targetMachine, $"default<O{options.OptLevel}>");
            }
            var optimizedIr = module.PrintToString();
            if (cacheKey is not null)
                Caching.ObjectCache.EmitAddAndStore(cacheKey, module, entryName, optimizedIr, jit, options);
            else
                jit.AddModule(OrcThreadSafeModule.Create(module, moduleContext.ThreadSafeContext));
            var address = jit.Lookup(entryName);
            var compiled = new CompiledSpecialization(method, options, (IntPtr)(long)address, typedIr, llvmIr, optimizedIr, clock.Elapsed, unboundedReason, argumentTypes, ParallelDiagnostics: parallelDiagnostics);
            StageDump.WriteIfRequested(compiled);
            return compiled;
        }
        finally
        {
            module.Dispose();
        }
    }
}
