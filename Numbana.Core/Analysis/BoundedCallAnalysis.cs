using Numbana.Diagnostics;
using Numbana.IR;

namespace Numbana.Analysis;

/// <summary>
/// Decides whether a call of a compilation unit's entry point is <em>bounded</em>: it runs a number of
/// instructions that does not depend on its arguments' sizes, and never calls back into .NET. Such a call
/// may be made without the managed-to-native GC transition (the <c>SuppressGCTransition</c> calling
/// convention), which is most of what a call of a small kernel costs (docs/performance.md).
/// </summary>
/// <remarks>
/// <para>Without the transition the calling thread stays in cooperative mode for the whole native call: a
/// garbage collection that another thread starts waits for the call to return. .NET's rules for such calls
/// are that they are short (under a microsecond), never block, never throw and never call back into the
/// runtime. Compiled code never throws (a fault is a status the thunk raises) and never blocks; these
/// conditions make the rest hold:</para>
/// <list type="bullet">
/// <item>every cycle in a function's control flow is a <em>counted loop</em>, a counter that starts at a constant,
/// goes up by a positive constant and is compared with a constant (<c>for (var i = 0; i &lt; 3; i++)</c>), and
/// the trip counts of all the loops of the unit multiply to at most <see cref="LargestIterationCount"/>; no function
/// calls itself, directly or through others: every instruction runs a bounded number of times per call;</item>
/// <item>no instruction runs for a time that grows with a value: no span fill or copy (a loop or memmove of a
/// length known only at the call), no stackalloc of a size that is not a small constant (it is zeroed);</item>
/// <item>no instruction calls back into .NET: no <c>new T[n]</c> (the allocator is managed code), no parallel loop.</item>
/// </list>
/// <para>The check is an allow-list: an instruction kind it does not name makes the call unbounded, so a new
/// kind of instruction is safe until someone decides otherwise here. Library functions (Math.Sin, Pow, ...) run
/// in bounded time and do not call .NET, so they are allowed.</para>
/// </remarks>
internal static class BoundedCallAnalysis
{
    /// <summary>
    /// The most iterations the unit's counted loops may run in all (the product of their trip counts): small loops over
    /// the components of a point or a stencil's taps, not work over data, so that a collection waits microseconds at most.
    /// </summary>
    public const long LargestIterationCount = 256;

    /// <summary>Counted loops' constants stay within this magnitude, so that <c>counter + step</c> cannot wrap.</summary>
    private const long LargestLoopConstant = 1 << 20;

    /// <summary>The largest constant stackalloc a bounded call may make: zeroing it takes well under a microsecond.</summary>
    public const int LargestStackAllocation = 16 * 1024;

    /// <summary>Null when a call of <paramref name="unit"/>'s entry point is bounded; else the first reason it is not, naming the method.</summary>
    public static string? WhyUnbounded(CompilationUnit unit)
    {
        if (FindRecursion(unit) is { } recursive) return $"{Describe(recursive)} is recursive";
        // A callee's loops may run once per iteration of its caller's: the product over the unit bounds them all.
        long iterations = 1;
        foreach (var function in unit.Functions)
        {
            if (WhyLoopsUnbounded(function, ref iterations) is { } loops)
                return $"{Describe(function)} {loops}";
            foreach (var instruction in function.Blocks.SelectMany(b => b.Instructions))
                if (WhyUnbounded(instruction) is { } reason)
                    return $"{Describe(function)} {reason} (at IL offset {instruction.IlOffset})";
        }
        return null;
    }

    /// <summary>Why one instruction can run for an unbounded time or call .NET, or null when it cannot.</summary>
    private static string? WhyUnbounded(Instruction instruction) => instruction switch
    {
        NewArrayInstruction or NewMultiDimensionalArrayInstruction => "allocates an array (the allocator is .NET code)",
        ParallelInstruction => "runs a parallel loop",
        SpanFillInstruction => "fills a span (its length is known only at the call)",
        SpanCopyInstruction => "copies a span (its length is known only at the call)",
        StackAllocInstruction alloc when IsSmallConstant(alloc.ByteCount) => null,
        StackAllocInstruction => $"allocates on the stack a size that is not a constant of at most {LargestStackAllocation} bytes",
        ConstantInstruction or BinaryInstruction or UnaryInstruction or CompareInstruction or ConvertInstruction
            or CheckedBinaryInstruction or MathInstruction
            or ArrayLengthInstruction or ArrayLoadInstruction or ArrayStoreInstruction or ElementAddressInstruction or ArrayIsNotNullInstruction
            or LoadInstruction or StoreInstruction or LocalSlotInstruction or CallInstruction
            or FieldAddressInstruction or ExtractFieldInstruction or MakeStructInstruction
            or StaticArrayInstruction or ConstantDataInstruction
            or ViewAsInstruction or SliceInstruction or SpanOverMemoryInstruction
            or MultiDimensionalElementAddressInstruction or MultiDimensionalLengthInstruction
            or AlignmentPeelCountInstruction
            or JumpInstruction or BranchInstruction or SwitchInstruction or ReturnInstruction or ThrowInstruction => null,
        _ => $"uses '{instruction.Mnemonic}', which is not known to run in bounded time",
    };

    /// <summary>A constant byte count of at most <see cref="LargestStackAllocation"/>, as C# writes it: a constant, or a constant widened to nint.</summary>
    private static bool IsSmallConstant(Value byteCount) => byteCount switch
    {
        ConstantInstruction constant => constant.Bits is >= 0 and <= LargestStackAllocation,
        ConvertInstruction { Operands: [ConstantInstruction constant] } => constant.Bits is >= 0 and <= LargestStackAllocation,
        _ => false,
    };

    /// <summary>
    /// Null when every cycle of <paramref name="function"/>'s control flow is a counted loop and their trip counts, times
    /// <paramref name="iterations"/> (those of the functions before it), multiply to at most <see cref="LargestIterationCount"/>; else why not.
    /// </summary>
    /// <remarks>
    /// Every cycle contains a back edge of a depth-first search (removing those leaves an acyclic graph). A back edge
    /// passes its header's parameters, and SSA makes the header dominate it, so each back edge closes a natural loop.
    /// The header must end in <c>branch (counter &lt; N), body, exit</c> with the counter one of its parameters; every back
    /// edge must pass <c>counter + s</c> (s &gt; 0) for it and every other edge into the header a constant; and the exit
    /// must not reach a back edge without passing the header. Then, each time the loop is entered, its back edges run
    /// at most its trip count times.
    /// </remarks>
    private static string? WhyLoopsUnbounded(Function function, ref long iterations)
    {
        foreach (var loop in FindBackEdges(function).GroupBy(edge => edge.Header))
        {
            var header = loop.Key;
            if (TripCount(function, header, loop.Select(edge => edge.Call).ToList()) is not { } trips)
                return $"has a loop that does not count up to a constant (at IL offset {Math.Max(header.IlOffset, 0)})";
            iterations *= Math.Max(trips, 1);
            if (iterations > LargestIterationCount)
                return $"has loops of more than {LargestIterationCount} iterations in all, with its callers' and callees' (at IL offset {Math.Max(header.IlOffset, 0)})";
        }
        return null;
    }

    /// <summary>The edges of a depth-first search from the entry that go to a block still on its stack.</summary>
    private static List<(Block Header, BlockCall Call)> FindBackEdges(Function function)
    {
        var backEdges = new List<(Block, BlockCall)>();
        var finished = new Dictionary<Block, bool>(); // false: on the stack; true: finished
        var stack = new Stack<(Block Block, int NextSuccessor)>();
        finished[function.Entry] = false;
        stack.Push((function.Entry, 0));
        while (stack.Count > 0)
        {
            var (block, next) = stack.Pop();
            var successors = block.Terminator?.Successors ?? [];
            if (next == successors.Count)
            {
                finished[block] = true;
                continue;
            }
            stack.Push((block, next + 1));
            var edge = successors[next];
            if (!finished.TryGetValue(edge.Target, out var done))
            {
                finished[edge.Target] = false;
                stack.Push((edge.Target, 0));
            }
            else if (!done)
            {
                backEdges.Add((edge.Target, edge));
            }
        }
        return backEdges;
    }

    /// <summary>How many times the loop at <paramref name="header"/> can take its back edges per entry, or null when it is not a counted loop.</summary>
    private static long? TripCount(Function function, Block header, List<BlockCall> backEdges)
    {
        if (header.Terminator is not BranchInstruction
            {
                Condition: CompareInstruction { Condition: Condition.Less or Condition.LessOrEqual, Left: BlockParameter counter, Right: ConstantInstruction limit } compare,
            } branch
            || counter.Block != header || Math.Abs(limit.Bits) > LargestLoopConstant)
            return null;
        var index = header.Parameters.IndexOf(counter);

        var step = long.MaxValue;
        foreach (var edge in backEdges)
        {
            if (edge.Arguments[index] is not BinaryInstruction { Op: BinaryOp.Add, Left: var left, Right: ConstantInstruction { Bits: > 0 and <= LargestLoopConstant } increment }
                || left != counter)
                return null;
            step = Math.Min(step, increment.Bits);
        }

        long? start = null;
        foreach (var edge in function.Blocks.SelectMany(b => b.Terminator?.Successors ?? []))
        {
            if (edge.Target != header || backEdges.Contains(edge)) continue;
            if (edge.Arguments[index] is not ConstantInstruction { Bits: var first } || Math.Abs(first) > LargestLoopConstant) return null;
            start = Math.Min(start ?? first, first);
        }
        if (start is null || ReachesWithout(branch.IfFalse.Target, backEdges, header)) return null;

        var end = limit.Bits + (compare.Condition == Condition.LessOrEqual ? 1 : 0);
        return end <= start.Value ? 0 : (end - start.Value + step - 1) / step;
    }

    /// <summary>Whether control can go from <paramref name="from"/> to one of <paramref name="edges"/> without passing <paramref name="header"/>.</summary>
    private static bool ReachesWithout(Block from, List<BlockCall> edges, Block header)
    {
        var seen = new HashSet<Block> { header };
        var pending = new Stack<Block>();
        if (seen.Add(from)) pending.Push(from);
        while (pending.Count > 0)
        {
            foreach (var edge in pending.Pop().Terminator?.Successors ?? [])
            {
                if (edges.Contains(edge)) return true;
                if (seen.Add(edge.Target)) pending.Push(edge.Target);
            }
        }
        return false;
    }

    /// <summary>A function that can call itself (directly or through other functions of the unit), or null.</summary>
    private static Function? FindRecursion(CompilationUnit unit)
    {
        var callees = unit.Functions.ToDictionary(f => f, f => f.Blocks
            .SelectMany(b => b.Instructions).OfType<CallInstruction>().Select(c => c.Callee).Distinct().ToList());
        foreach (var function in unit.Functions)
        {
            var seen = new HashSet<Function>();
            var pending = new Stack<Function>(callees[function]);
            while (pending.Count > 0)
            {
                var callee = pending.Pop();
                if (callee == function) return function;
                if (seen.Add(callee) && callees.TryGetValue(callee, out var next))
                    foreach (var n in next) pending.Push(n);
            }
        }
        return null;
    }

    private static string Describe(Function function) => function.Method is null ? function.Name : MethodNames.Describe(function.Method);
}
