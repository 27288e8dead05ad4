using System.Runtime.CompilerServices;
using System.Text;
using Numbana.Frontend;
using Numbana.IR;

namespace Numbana.Transforms;

/// <summary>
/// Turns each Prange loop the importer found (<see cref="PrangeLoops"/>) into a call of the parallel-for
/// runtime: the loop body moves into a new function over a chunk of iterations [chunkStart, chunkEnd),
/// and the loop becomes a <see cref="ParallelForInstruction"/> whose reductions
/// (<see cref="ReductionDetection"/>) come back as <see cref="ReductionResultInstruction"/>s.
/// </summary>
/// <remarks>
/// A loop stays sequential, with the reason in the report (<see cref="Report"/>), when parallel loops
/// are off, when it is nested in another Prange loop (the outer one is parallel; the inner one runs
/// sequentially within each outer iteration), or when its shape is not the plain foreach (a break or
/// return in the body). A loop-carried variable that is not a reduction is an error
/// (<see cref="UnsupportedIlException"/>), never a silent race. It does not privatize arrays or
/// detect races on array elements: iterations writing the same element is the user's contract, as in Numba.
/// </remarks>
internal static class ParallelLoopOutlining
{
    private static int _bodies;

    public static void Run(CompilationUnit unit)
    {
        foreach (var function in unit.Functions.ToList())
            foreach (var loop in PrangeLoops.Of(function).OrderBy(l => l.IlOffset))
                if (loop.ParallelAllowed) Outline(unit, function, loop);
    }

    /// <summary>The parallel diagnostics report of a unit, as Numba's parallel_diagnostics: each Prange loop, whether it runs in parallel and why not, and its reductions.</summary>
    public static string Report(CompilationUnit unit)
    {
        var text = new StringBuilder();
        foreach (var function in unit.Functions)
            foreach (var loop in PrangeLoops.Of(function).OrderBy(l => l.IlOffset))
            {
                var method = function.Method is null ? function.Name : MethodNames.Describe(function.Method);
                var source = function.Method is null ? null : Diagnostics.SourceLocator.Find(function.Method, loop.IlOffset);
                text.Append($"Prange loop at IL_{loop.IlOffset:x4} in {method}");
                if (source is not null) text.Append($" ({source})");
                text.Append(": ").Append(loop.Outcome).Append('\n');
            }
        return text.Length == 0 ? "No Prange loops.\n" : text.ToString();
    }

    private static void Outline(CompilationUnit unit, Function function, PrangeLoop loop)
    {
        var header = loop.Header;
        if (header is null || loop.Increment is null)
        {
            loop.Outcome = "sequential: MoveNext was not found where foreach calls it";
            return;
        }
        if (!function.Blocks.Contains(header))
        {
            loop.Outcome = "sequential: nested inside a parallel Prange loop (it runs sequentially within each outer iteration)";
            return;
        }
        if (Check(function, loop, header) is { } whyNot)
        {
            loop.Outcome = "sequential: " + whyNot;
            return;
        }
        Rewrite(unit, function, loop, header);
    }

    /// <summary>What the checks found about a loop, for the rewrite.</summary>
    private sealed record Shape(
        BranchInstruction Branch, BlockParameter Counter, HashSet<Block> Body, Block Preheader,
        List<BlockParameter> Accumulators, List<Reduction> Reductions, List<Value> LiveIns);

    private static readonly ConditionalWeakTable<PrangeLoop, Shape> Shapes = new();

    /// <summary>Null when the loop can be outlined (its shape is then in <see cref="Shapes"/>); otherwise why it stays sequential.</summary>
    private static string? Check(Function function, PrangeLoop loop, Block header)
    {
        if (header.Terminator is not BranchInstruction branch
            || branch.Condition is not CompareInstruction { Condition: Condition.NotEqual, Left: CompareInstruction test }
            || test.Condition != Condition.LessUnsigned || test.Right != loop.Count
            || loop.Increment!.Left is not BlockParameter counter || counter.Block != header || test.Left != counter)
            return "the loop header is not the one foreach makes";

        var bodyEntry = branch.IfTrue.Target;
        var exit = branch.IfFalse.Target;
        var body = new HashSet<Block>();
        var work = new Stack<Block>([bodyEntry]);
        while (work.TryPop(out var block))
        {
            if (block == header || !body.Add(block)) continue;
            if (block == exit || block == function.Entry || block.Terminator is ReturnInstruction)
                return "the body leaves the loop (break, return or goto): a parallel loop must run every iteration";
            if (block.Terminator is not (JumpInstruction or BranchInstruction or SwitchInstruction or ThrowInstruction))
                return $"the body ends a block with {block.Terminator!.Mnemonic}";
            foreach (var edge in block.Terminator.Successors) work.Push(edge.Target);
        }

        var predecessors = ControlFlow.Predecessors(function);
        var outside = predecessors[header].Where(p => !body.Contains(p)).Distinct().ToList();
        if (outside.Count != 1 || outside[0].Terminator is not JumpInstruction { Target.Target: var jumpTarget } || jumpTarget != header)
            return "the loop is entered from more than one place";
        var preheader = outside[0];

        // The header computes the counter's test and increment only; only the increment is read in the body.
        foreach (var instruction in header.Instructions)
        {
            if (instruction is Terminator) continue;
            if (instruction is not (ConstantInstruction or BinaryInstruction or CompareInstruction))
                return $"the loop header computes {instruction.Mnemonic}";
            foreach (var block in function.Blocks)
            {
                if (block == header) continue;
                if (Uses(block, instruction) && !(instruction == loop.Increment && body.Contains(block)))
                    return "a value of the loop header is used outside the body";
            }
        }

        var accumulators = header.Parameters.Where(p => p != counter).ToList();
        var reductions = new List<Reduction>();
        foreach (var accumulator in accumulators)
        {
            var reduction = ReductionDetection.Detect(accumulator, header, body, out var whyNot);
            if (reduction is null)
                throw NotAReduction(function, loop, accumulator, header, body, whyNot!);
            reductions.Add(reduction);
        }

        // The body's live-ins: what it reads from outside (constants are copied instead).
        var definedInBody = new HashSet<Value>();
        foreach (var block in body)
        {
            definedInBody.UnionWith(block.Parameters);
            definedInBody.UnionWith(block.Instructions);
        }
        var liveIns = new List<Value>();
        var seen = new HashSet<Value>();
        foreach (var block in function.Blocks.Where(body.Contains))
            foreach (var instruction in block.Instructions)
            {
                var read = instruction.Operands.AsEnumerable();
                if (instruction is Terminator terminator) read = read.Concat(terminator.Successors.SelectMany(e => e.Arguments));
                foreach (var value in read)
                {
                    if (definedInBody.Contains(value) || value == loop.Increment || header.Parameters.Contains(value) || !seen.Add(value)) continue;
                    if (value is ConstantInstruction) continue;
                    if (value.Type is ByRefType)
                        return "the body reads a reference made outside the loop";
                    liveIns.Add(value);
                }
            }
        Shapes.AddOrUpdate(loop, new Shape(branch, counter, body, preheader, accumulators, reductions, liveIns));
        return null;
    }

    private static bool Uses(Block block, Value value) =>
        block.Instructions.Any(i => i.Operands.Contains(value)
            || (i is Terminator t && t.Successors.Any(e => e.Arguments.Contains(value))));

    private static UnsupportedIlException NotAReduction(Function function, PrangeLoop loop, BlockParameter accumulator, Block header, HashSet<Block> body, string whyNot)
    {
        var readAfter = function.Blocks.Any(b => !body.Contains(b) && b != header && Uses(b, accumulator))
            || header.Terminator!.Successors.Any(e => !body.Contains(e.Target) && e.Arguments.Contains(accumulator));
        var reason =
            $"A variable ({accumulator.Type}) is assigned in the body of this Prange loop and " +
            (readAfter ? "read after the loop" : "read again in a later iteration") +
            $", but it is not a reduction ({whyNot}). Running the iterations in parallel would race on it. " +
            "Declare the variable inside the loop body, update it only as x = x op value (+, -, *, &, |, ^, Math.Min, Math.Max), " +
            "or use an ordinary for loop.";
        var method = function.Method;
        return new UnsupportedIlException(reason, method, loop.IlOffset, "call",
            method is null ? null : Diagnostics.SourceLocator.Find(method, loop.IlOffset));
    }

    private static void Rewrite(CompilationUnit unit, Function function, PrangeLoop loop, Block header)
    {
        Shapes.TryGetValue(loop, out var shape);
        var (branch, counter, body, preheader, accumulators, reductions, liveIns) = shape!;
        var offset = loop.IlOffset;

        // The outlined body: body(live-ins..., i64 chunkStart, i64 chunkEnd, nint partials).
        var name = $"{function.Name}.prange{Interlocked.Increment(ref _bodies)}";
        var outlined = new Function(name, function.Method, [.. liveIns.Select(v => v.Type), NType.I64, NType.I64, NType.NInt], NType.Void);
        var entry = outlined.AddBlock(-1);
        var map = new Dictionary<Value, Value>();
        foreach (var value in liveIns) map[value] = entry.AddParameter(value.Type);
        var chunkStart = entry.AddParameter(NType.I64);
        var chunkEnd = entry.AddParameter(NType.I64);
        var partials = entry.AddParameter(NType.NInt);
        foreach (var constant in body.SelectMany(b => b.Instructions).SelectMany(i => i is Terminator t ? i.Operands.Concat(t.Successors.SelectMany(e => e.Arguments)) : i.Operands)
                     .OfType<ConstantInstruction>().Where(c => !body.Contains(c.Block!)).Distinct().ToList())
            map[constant] = entry.Append(new ConstantInstruction(constant.Type, constant.Bits, constant.IlOffset));
        var identities = reductions.Select(r => (Value)entry.Append(new ConstantInstruction(r.Type, r.IdentityBits, offset))).ToList();

        var newHeader = outlined.AddBlock(header.IlOffset);
        var iteration = newHeader.AddParameter(NType.I64);
        map[counter] = iteration;
        foreach (var accumulator in accumulators) map[accumulator] = newHeader.AddParameter(accumulator.Type);
        var start = new BlockCall(newHeader);
        start.Arguments.Add(chunkStart);
        start.Arguments.AddRange(identities);
        entry.Append(new JumpInstruction(start, offset));

        var blockMap = new Dictionary<Block, Block>();
        foreach (var block in function.Blocks.Where(body.Contains))
        {
            var copy = outlined.AddBlock(block.IlOffset);
            blockMap[block] = copy;
            foreach (var parameter in block.Parameters) map[parameter] = copy.AddParameter(parameter.Type);
        }
        var exit = outlined.AddBlock(-1);

        var one = newHeader.Append(new ConstantInstruction(NType.I64, 1, offset));
        var next = newHeader.Append(new BinaryInstruction(BinaryOp.Add, NType.I64, iteration, one, offset));
        map[loop.Increment!] = next;
        var more = newHeader.Append(new CompareInstruction(Condition.LessUnsigned, iteration, chunkEnd, offset));

        Value Map(Value value) => map.TryGetValue(value, out var mapped) ? mapped : value;
        BlockCall MapEdge(BlockCall edge)
        {
            if (edge.Target == header)
            {
                var back = new BlockCall(newHeader);
                back.Arguments.Add(Map(edge.Arguments[header.Parameters.IndexOf(counter)]));
                foreach (var accumulator in accumulators) back.Arguments.Add(Map(edge.Arguments[header.Parameters.IndexOf(accumulator)]));
                return back;
            }
            var call = new BlockCall(blockMap[edge.Target]);
            call.Arguments.AddRange(edge.Arguments.Select(Map));
            return call;
        }

        newHeader.Append(new BranchInstruction(more, MapEdge(branch.IfTrue), new BlockCall(exit), offset));
        for (var j = 0; j < accumulators.Count; j++)
            exit.Append(new PartialStoreInstruction(partials, j, newHeader.Parameters[1 + j], offset));
        exit.Append(new ReturnInstruction(null, offset));

        foreach (var (block, copy) in blockMap)
        {
            foreach (var instruction in block.Instructions)
            {
                if (instruction is Terminator) continue;
                for (var i = 0; i < instruction.Operands.Length; i++) instruction.Operands[i] = Map(instruction.Operands[i]);
                copy.Append(instruction);
            }
            copy.Append<Instruction>(block.Terminator switch
            {
                JumpInstruction jump => new JumpInstruction(MapEdge(jump.Target), jump.IlOffset),
                BranchInstruction b => new BranchInstruction(Map(b.Condition), MapEdge(b.IfTrue), MapEdge(b.IfFalse), b.IlOffset),
                SwitchInstruction s => new SwitchInstruction(Map(s.Selector), s.Cases.Select(MapEdge).ToArray(), MapEdge(s.Default), s.IlOffset),
                var other => other!, // a throw: no operands, no edges
            });
        }

        // The caller: the preheader's jump into the loop becomes the parallel-for, then a jump to the exit.
        var enter = (JumpInstruction)preheader.Terminator!;
        preheader.Instructions.RemoveAt(preheader.Instructions.Count - 1);
        var initial = accumulators.Select(a => enter.Target.Arguments[header.Parameters.IndexOf(a)]).ToArray();
        var parallelFor = preheader.Append(new ParallelForInstruction(outlined, loop.Count, [.. liveIns], initial, [.. reductions], offset));
        var outerMap = new Dictionary<Value, Value> { [counter] = loop.Count, [loop.Increment!] = loop.Count };
        for (var j = 0; j < accumulators.Count; j++)
        {
            Value result = preheader.Append(new ReductionResultInstruction(parallelFor, j, offset));
            if (reductions[j].NarrowTo is { } narrow)
                result = preheader.Append(new ConvertInstruction(narrow, result, sourceUnsigned: false, checkOverflow: false, offset));
            outerMap[accumulators[j]] = result;
        }
        Value OuterMap(Value value) => outerMap.TryGetValue(value, out var mapped) ? mapped : value;
        var leave = new BlockCall(branch.IfFalse.Target);
        leave.Arguments.AddRange(branch.IfFalse.Arguments.Select(OuterMap));
        preheader.Append(new JumpInstruction(leave, offset));

        function.Blocks.RemoveAll(b => b == header || body.Contains(b));
        foreach (var block in function.Blocks)
            foreach (var instruction in block.Instructions)
            {
                for (var i = 0; i < instruction.Operands.Length; i++) instruction.Operands[i] = OuterMap(instruction.Operands[i]);
                if (instruction is Terminator terminator)
                    foreach (var (old, replacement) in outerMap) terminator.ReplaceArgumentUses(old, replacement);
            }
        unit.Functions.Add(outlined);

        loop.Parallelized = true;
        loop.Outcome = "parallel" + (reductions.Count == 0
            ? ", no reductions"
            : $", reductions: {string.Join(", ", reductions.Select(r => r.ToString()))}")
            + $"; body outlined as {outlined.Name} ({liveIns.Count} live-in values)";
    }
}
