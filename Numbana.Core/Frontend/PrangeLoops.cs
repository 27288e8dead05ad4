using System.Runtime.CompilerServices;
using Numbana.IR;

namespace Numbana.Frontend;

/// <summary>
/// A <c>foreach (int i in Prange.Range(...))</c> loop as the importer found it: a counted loop over
/// iterations 0 to <see cref="Count"/> - 1, whose header tests the counter and whose body computes
/// <c>i = start + iteration * step</c>. <see cref="Transforms.ParallelLoopOutlining"/> turns it into a
/// parallel loop, or leaves it sequential and says why (<see cref="Outcome"/>).
/// </summary>
internal sealed class PrangeLoop
{
    public PrangeLoop(Function function, int ilOffset, PrangeCountInstruction count, Value start, Value step, bool parallelAllowed)
    {
        Function = function;
        IlOffset = ilOffset;
        Count = count;
        Start = start;
        Step = step;
        ParallelAllowed = parallelAllowed;
    }

    public Function Function { get; }

    /// <summary>The IL offset of the GetEnumerator call (the loop's identity in messages).</summary>
    public int IlOffset { get; }

    public PrangeCountInstruction Count { get; }

    /// <summary>The first value and the step, as i64.</summary>
    public Value Start { get; }
    public Value Step { get; }

    /// <summary>False when <see cref="JitOptions.Parallel"/> is off: the loop stays sequential.</summary>
    public bool ParallelAllowed { get; }

    /// <summary>The block holding MoveNext: the loop header, where the counter is a block parameter.</summary>
    public Block? Header { get; set; }

    /// <summary>The counter after MoveNext (the iteration's number plus one), defined in <see cref="Header"/>.</summary>
    public BinaryInstruction? Increment { get; set; }

    /// <summary>What became of the loop, for the parallel diagnostics report.</summary>
    public string Outcome { get; set; } = "not examined";

    /// <summary>True once the loop runs on the parallel-for runtime.</summary>
    public bool Parallelized { get; set; }
}

/// <summary>The Prange loops the importer found in each function (a side table, so the IR classes need no field for them).</summary>
internal static class PrangeLoops
{
    private static readonly ConditionalWeakTable<Function, List<PrangeLoop>> Loops = new();

    public static void Add(PrangeLoop loop) => Loops.GetOrCreateValue(loop.Function).Add(loop);

    public static IReadOnlyList<PrangeLoop> Of(Function function) =>
        Loops.TryGetValue(function, out var loops) ? loops : [];
}
