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
/// <item>no function of the unit has a cycle in its control flow, and no function calls itself, directly or
/// through others: every instruction runs at most once per call;</item>
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
    /// <summary>The largest constant stackalloc a bounded call may make: zeroing it takes well under a microsecond.</summary>
    public const int LargestStackAllocation = 16 * 1024;

    /// <summary>Null when a call of <paramref name="unit"/>'s entry point is bounded; else the first reason it is not, naming the method.</summary>
    public static string? WhyUnbounded(CompilationUnit unit)
    {
        foreach (var function in unit.Functions)
        {
            if (FindCycle(function) is { } block)
                return $"{Describe(function)} has a loop (at IL offset {Math.Max(block.IlOffset, 0)})";
            foreach (var instruction in function.Blocks.SelectMany(b => b.Instructions))
                if (WhyUnbounded(instruction) is { } reason)
                    return $"{Describe(function)} {reason} (at IL offset {instruction.IlOffset})";
        }
        return FindRecursion(unit) is { } recursive ? $"{Describe(recursive)} is recursive" : null;
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

    /// <summary>A block that starts a cycle of the control-flow graph (the target of a back edge), or null.</summary>
    private static Block? FindCycle(Function function)
    {
        // Iterative depth-first search: a successor still on the stack closes a cycle.
        var state = new Dictionary<Block, bool>(); // false: on the stack; true: finished
        var stack = new Stack<(Block Block, int NextSuccessor)>();
        state[function.Entry] = false;
        stack.Push((function.Entry, 0));
        while (stack.Count > 0)
        {
            var (block, next) = stack.Pop();
            var successors = block.Terminator?.Successors ?? [];
            if (next == successors.Count)
            {
                state[block] = true;
                continue;
            }
            stack.Push((block, next + 1));
            var target = successors[next].Target;
            if (!state.TryGetValue(target, out var finished))
            {
                state[target] = false;
                stack.Push((target, 0));
            }
            else if (!finished)
            {
                return target;
            }
        }
        return null;
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
