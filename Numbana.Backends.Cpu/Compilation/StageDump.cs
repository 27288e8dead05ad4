namespace Numbana.Backends.Cpu.Compilation;

/// <summary>
/// NUMBANA_DUMP=&lt;method name&gt; prints every stage (typed IR, LLVM IR, optimized LLVM IR) of that
/// method to standard error when it is compiled, as RyuJIT's JitDump does, and how its calls are made
/// (with or without the GC transition: <see cref="Analysis.BoundedCallAnalysis"/>).
/// </summary>
internal static class StageDump
{
    public static void WriteIfRequested(CompiledSpecialization compiled)
    {
        var wanted = Environment.GetEnvironmentVariable("NUMBANA_DUMP");
        if (string.IsNullOrEmpty(wanted) || (wanted != "*" && wanted != compiled.Method.Name)) return;
        var error = Console.Error;
        error.WriteLine($"=== Numbana: {MethodNames.Describe(compiled.Method)} with {compiled.Options} ({compiled.CompileTime.TotalMilliseconds:F1} ms)");
        error.WriteLine(compiled.IsBounded
            ? "--- call: bounded, made without the GC transition"
            : $"--- call: with the GC transition, because {compiled.UnboundedReason}");
        error.WriteLine("--- typed IR");
        error.WriteLine(compiled.TypedIr);
        error.WriteLine("--- LLVM IR");
        error.WriteLine(compiled.LlvmIr);
        error.WriteLine("--- optimized LLVM IR");
        error.WriteLine(compiled.OptimizedLlvmIr);
    }
}
