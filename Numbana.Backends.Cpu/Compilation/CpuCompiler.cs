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
    TimeSpan CompileTime);

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

    public static CompiledSpecialization Compile(MethodInfo method, JitOptions options)
    {
        Interlocked.Increment(ref _compilations);
        var clock = Stopwatch.StartNew();
        var unit = UnitBuilder.Build(method, options);
        IrPipeline.Run(unit);
        var typedIr = unit.ToString();

        var jit = HostJit.Shared;
        using var moduleContext = JitModuleContext.Create();
        var module = LlvmModule.Create(unit.EntryPoint.Name, moduleContext.Context);
        try
        {
            var entryName = ModuleLowering.Lower(unit, moduleContext.Context.Ref, module.Ref, options);
            var llvmIr = module.PrintToString();
            if (!module.TryVerify(out var verifierMessage))
                throw new InvalidOperationException($"Numbana produced invalid LLVM IR for {MethodNames.Describe(method)} (a bug in Numbana):\n{verifierMessage}\n{llvmIr}");

            using (var targetMachine = jit.CreateTargetMachine())
            {
                module.SetTargetFrom(targetMachine);
                LlvmPasses.Run(module, targetMachine, $"default<O{options.OptLevel}>");
            }
            var optimizedIr = module.PrintToString();
            jit.AddModule(OrcThreadSafeModule.Create(module, moduleContext.ThreadSafeContext));
            var address = jit.Lookup(entryName);
            var compiled = new CompiledSpecialization(method, options, (IntPtr)(long)address, typedIr, llvmIr, optimizedIr, clock.Elapsed);
            StageDump.WriteIfRequested(compiled);
            return compiled;
        }
        finally
        {
            module.Dispose();
        }
    }
}
