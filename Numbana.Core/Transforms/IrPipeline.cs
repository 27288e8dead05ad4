using Numbana.IR;

namespace Numbana.Transforms;

/// <summary>
/// The passes that run on the typed IR, in order, between import and lowering. The verifier runs
/// after each, so a broken pass is caught where it breaks the IR. Most optimization is LLVM's job;
/// these passes exist for what LLVM cannot know (.NET semantics) or to keep the IR readable.
/// </summary>
internal static class IrPipeline
{
    /// <param name="unit">The functions to transform, in place.</param>
    /// <param name="options">The options of the specialization (OptLevel decides what runs).</param>
    /// <param name="vectorStoreAlignment">The alignment (bytes) at which the target stores a vector in one piece (<see cref="StoreAlignmentPeeling"/>).</param>
    public static void Run(CompilationUnit unit, JitOptions options, int vectorStoreAlignment)
    {
        foreach (var function in unit.Functions)
        {
            SpanSlotPromotion.Run(function); // span locals whose members C# calls through their address become SSA values again
            DeadCodeElimination.Run(function); // drop the zero values of locals that are always assigned first
            Verifier.Verify(function);
        }
        ParallelLoopOutlining.Run(unit); // Prange loops -> outlined bodies + parallel.for (after DCE: it drops dead header parameters)
        foreach (var function in unit.Functions) Verifier.Verify(function);
        if (options.OptLevel >= 2) // where LLVM vectorizes; the peeled copy is a few scalar iterations of code more
        {
            foreach (var function in unit.Functions)
            {
                StoreAlignmentPeeling.Run(function, vectorStoreAlignment); // after outlining, so Prange bodies' inner loops are peeled too
                Verifier.Verify(function);
            }
        }
    }
}
