using Numbana.IR;

namespace Numbana.Transforms;

/// <summary>
/// Runs the first few iterations of an inner loop in a copy of their own, until the element the loop
/// stores to is aligned for the target's vector stores, so that the loop LLVM vectorizes never splits a
/// store across cache lines.
/// </summary>
/// <remarks>
/// <para>
/// Why: a .NET array's element 0 lies 16 bytes after an 8-byte-aligned object start, so a double[]'s data
/// is 16-byte aligned or not by the chance of allocation. A 32-byte store at an address that is 8 mod 16
/// crosses a cache line every other time; on AMD Zen (this project's benchmark machine) the i-k-j matmul
/// took 50 ms instead of 37 ms whenever c's rows were misaligned, whatever b's alignment (measured in
/// docs/performance.md). LLVM's loop vectorizer does not peel for alignment (GCC's does).
/// </para>
/// <para>
/// The program runs the same iterations in the same order: the copy runs iterations
/// <c>lo .. min(bound, lo + count) - 1</c> and hands its loop-carried values to the original loop, which
/// runs the rest. Exceptions, the stores made before them and float rounding are exactly as before.
/// </para>
/// <para>
/// The shape handled is the one C#'s <c>for (int j = lo; j &lt; bound; j++)</c> imports to when the body is
/// one block: a header holding <c>cmp less iv, bound</c> (and what computes the bound, such as an array's
/// length) and a branch into the body or out, a body
/// without calls, allocations or parallel loops that jumps back with <c>iv + 1</c>, and a store to
/// <c>array[iv]</c> or <c>array[iv + k]</c> of 4- or 8-byte elements, where the array, the bound and
/// <c>k</c> are computed before the loop or from such values by arithmetic that cannot throw (k is computed
/// again before the loop). Anything else is left alone.
/// </para>
/// </remarks>
internal static class StoreAlignmentPeeling
{
    /// <summary>
    /// Splits the loops of <paramref name="function"/> so that their stores start at a multiple of
    /// <paramref name="alignmentBytes"/>: the width the target CPU stores a vector in one piece, 32 bytes
    /// for AVX2 CPUs with 256-bit data paths, 16 for SSE, NEON, and AMD Zen 1, which splits 256-bit
    /// stores into 128-bit halves (there 16 gives all the gain, and 32 costs scalar iterations:
    /// measured in docs/performance.md).
    /// </summary>
    public static void Run(Function function, int alignmentBytes)
    {
        var predecessors = Predecessors(function);
        foreach (var header in function.Blocks.ToArray())
        {
            if (Match(header, predecessors) is not { } loop) continue;
            Peel(function, loop, alignmentBytes);
            predecessors = Predecessors(function);
        }
    }

    /// <summary>A loop of the handled shape, and the store whose address decides the peel.</summary>
    private sealed record Loop(Block Preheader, Block Header, Block Body, CompareInstruction Exit,
        BlockParameter Induction, Value Array, Value Index);

    private static Loop? Match(Block header, Dictionary<Block, List<Block>> predecessors)
    {
        if (header.Instructions is not [.., CompareInstruction { Condition: Condition.Less } exit, BranchInstruction branch]
            || branch.Condition != exit) return null;
        var body = branch.IfTrue.Target;
        if (body == header || body.Parameters.Count != 0 || branch.IfFalse.Target == body || branch.IfFalse.Target == header) return null;
        if (body.Terminator is not JumpInstruction back || back.Target.Target != header) return null;
        if (predecessors[body] is not [var onlyIntoBody] || onlyIntoBody != header) return null;
        if (predecessors[header].Where(b => b != body).ToList() is not [var preheader]
            || predecessors[header].Count != 2 || preheader.Terminator is not JumpInstruction) return null;

        if (exit.Left is not BlockParameter induction || induction.Block != header) return null;
        if (induction.Type != NType.I32 && induction.Type != NType.NInt) return null;
        // The header may compute the bound (j < a.Length reads the length there), nothing else.
        if (!header.Instructions.Take(header.Instructions.Count - 2).All(instruction => IsComputableBefore(instruction, header, body))
            || !IsComputableBefore(exit.Right, header, body)) return null;
        var step = back.Target.Arguments[header.Parameters.IndexOf(induction)];
        if (step is not BinaryInstruction { Op: BinaryOp.Add } add || add.Block != body
            || !(add.Left == induction && IsOne(add.Right) || add.Right == induction && IsOne(add.Left))) return null;
        if (!body.Instructions.Take(body.Instructions.Count - 1).All(CanCopy)) return null;

        foreach (var instruction in body.Instructions)
        {
            var (array, index) = instruction switch
            {
                ArrayStoreInstruction store => (store.Array, store.Index),
                StoreInstruction { Address: ElementAddressInstruction address } when address.Block == body => (address.Array, address.Index),
                _ => (null, null),
            };
            if (array is null || index is null || IsInLoop(array, header, body)) continue;
            if (array.Type is not ContiguousType { Element.BitWidth: 32 or 64 }) continue;
            if (IsUnitStride(index, induction, header, body))
                return new Loop(preheader, header, body, exit, induction, array, index);
        }
        return null;
    }

    /// <summary>Splits the iteration space: a copy of the loop runs up to the aligned iteration, then the original.</summary>
    private static void Peel(Function function, Loop loop, int alignmentBytes)
    {
        var (preheader, header, body) = (loop.Preheader, loop.Header, loop.Body);
        var entry = (JumpInstruction)preheader.Terminator!;
        var first = entry.Target.Arguments[header.Parameters.IndexOf(loop.Induction)];

        // Before the loop: where the first iteration stores, how many iterations reach alignment, and
        // the peel's limit, which never exceeds the loop's bound (an overflowing first + count only makes
        // the peel empty).
        var beforeEntry = new List<Instruction>();
        var recomputed = new Dictionary<Value, Value> { [loop.Induction] = first };
        var firstIndex = Recompute(loop.Index, recomputed, header, body, beforeEntry);
        var bound = Recompute(loop.Exit.Right, recomputed, header, body, beforeEntry);
        var headerValues = header.Instructions.Take(header.Instructions.Count - 2)
            .Select(instruction => (instruction, Recompute(instruction, recomputed, header, body, beforeEntry))).ToList();
        var count = new AlignmentPeelCountInstruction(loop.Array, firstIndex, alignmentBytes, loop.Exit.IlOffset);
        var end = new BinaryInstruction(BinaryOp.Add, first.Type, first, count, loop.Exit.IlOffset);
        var limit = new MathInstruction(MathFunction.Min, first.Type, [end, bound], loop.Exit.IlOffset);
        beforeEntry.AddRange([count, end, limit]);
        foreach (var instruction in beforeEntry)
        {
            instruction.Block = preheader;
            preheader.Instructions.Insert(preheader.Instructions.Count - 1, instruction);
        }

        // The copy: header and body with the same parameters and instructions, exiting into the original header.
        var peelHeader = new Block(function, header.IlOffset);
        var peelBody = new Block(function, body.IlOffset);
        var copies = new Dictionary<Value, Value>();
        foreach (var parameter in header.Parameters) copies[parameter] = peelHeader.AddParameter(parameter.Type);
        foreach (var (instruction, beforeLoop) in headerValues) copies[instruction] = beforeLoop; // the body may read them too
        Value Copied(Value value) => copies.TryGetValue(value, out var copy) ? copy : value;

        var peelExit = peelHeader.Append(new CompareInstruction(Condition.Less, Copied(loop.Induction), limit, loop.Exit.IlOffset));
        var intoOriginal = new BlockCall(header);
        intoOriginal.Arguments.AddRange(peelHeader.Parameters);
        peelHeader.Append(new BranchInstruction(peelExit, new BlockCall(peelBody), intoOriginal, header.Terminator!.IlOffset));

        foreach (var instruction in body.Instructions.Take(body.Instructions.Count - 1))
            copies[instruction] = peelBody.Append(Copy(instruction, Copied));
        var back = (JumpInstruction)body.Terminator!;
        peelBody.Append(new JumpInstruction(Edge(peelHeader, back.Target.Arguments.Select(Copied)), back.IlOffset) { ClosesScalarLoop = true });

        var intoPeel = new JumpInstruction(Edge(peelHeader, entry.Target.Arguments), entry.IlOffset) { Block = preheader };
        preheader.Instructions[^1] = intoPeel;
        function.Blocks.InsertRange(function.Blocks.IndexOf(header), [peelHeader, peelBody]);
    }

    private static BlockCall Edge(Block target, IEnumerable<Value> arguments)
    {
        var edge = new BlockCall(target);
        edge.Arguments.AddRange(arguments);
        return edge;
    }

    /// <summary>True when <paramref name="index"/> is the induction variable, or it plus a value computable before the loop.</summary>
    private static bool IsUnitStride(Value index, BlockParameter induction, Block header, Block body)
    {
        if (index == induction) return true;
        return index is BinaryInstruction { Op: BinaryOp.Add } add && add.Block == body && add.Type == induction.Type
            && (add.Left == induction && IsComputableBefore(add.Right, header, body)
                || add.Right == induction && IsComputableBefore(add.Left, header, body));
    }

    /// <summary>A value from before the loop, or arithmetic in the body that cannot throw on such values.</summary>
    private static bool IsComputableBefore(Value value, Block header, Block body)
    {
        if (!IsInLoop(value, header, body)) return true;
        return value switch
        {
            ConstantInstruction => true,
            BinaryInstruction binary when binary.Type.IsInteger && binary.Op is BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul
                or BinaryOp.And or BinaryOp.Or or BinaryOp.Xor or BinaryOp.Shl or BinaryOp.Shr or BinaryOp.ShrUnsigned =>
                IsComputableBefore(binary.Left, header, body) && IsComputableBefore(binary.Right, header, body),
            ConvertInstruction { CheckOverflow: false } convert when convert.Type.IsInteger && convert.Operand.Type.IsInteger =>
                IsComputableBefore(convert.Operand, header, body),
            ArrayLengthInstruction length => IsComputableBefore(length.Array, header, body),
            _ => false,
        };
    }

    /// <summary>Computes <paramref name="value"/> again before the loop (see <see cref="IsComputableBefore"/>), with the induction variable's first value.</summary>
    private static Value Recompute(Value value, Dictionary<Value, Value> done, Block header, Block body, List<Instruction> output)
    {
        if (done.TryGetValue(value, out var known)) return known;
        if (!IsInLoop(value, header, body)) return value;
        var instruction = (Instruction)value;
        var copy = Copy(instruction, operand => Recompute(operand, done, header, body, output));
        output.Add(copy);
        return done[value] = copy;
    }

    private static bool IsInLoop(Value value, Block header, Block body) => value switch
    {
        Instruction instruction => instruction.Block == header || instruction.Block == body,
        BlockParameter parameter => parameter.Block == header || parameter.Block == body,
        _ => false,
    };

    private static bool IsOne(Value value) => value is ConstantInstruction { Bits: 1 } constant && constant.Type.IsInteger;

    /// <summary>The instructions a vectorizable loop body is made of; a body with anything else is not peeled.</summary>
    private static bool CanCopy(Instruction instruction) => instruction is ConstantInstruction or BinaryInstruction
        or CheckedBinaryInstruction or UnaryInstruction or CompareInstruction or ConvertInstruction or ArrayLengthInstruction
        or ArrayLoadInstruction or ArrayStoreInstruction or ElementAddressInstruction or LoadInstruction or StoreInstruction
        or MathInstruction;

    private static Instruction Copy(Instruction instruction, Func<Value, Value> operand) => instruction switch
    {
        ConstantInstruction constant => new ConstantInstruction(constant.Type, constant.Bits, constant.IlOffset),
        BinaryInstruction binary => new BinaryInstruction(binary.Op, binary.Type, operand(binary.Left), operand(binary.Right), binary.IlOffset),
        CheckedBinaryInstruction binary => new CheckedBinaryInstruction(binary.Op, binary.Unsigned, binary.Type,
            operand(binary.Left), operand(binary.Right), binary.IlOffset),
        UnaryInstruction unary => new UnaryInstruction(unary.Op, operand(unary.Operand), unary.IlOffset),
        CompareInstruction compare => new CompareInstruction(compare.Condition, operand(compare.Left), operand(compare.Right), compare.IlOffset),
        ConvertInstruction convert => new ConvertInstruction(convert.Target, operand(convert.Operand), convert.SourceUnsigned,
            convert.CheckOverflow, convert.IlOffset),
        ArrayLengthInstruction length => new ArrayLengthInstruction(operand(length.Array), length.IlOffset),
        ArrayLoadInstruction load => new ArrayLoadInstruction(operand(load.Array), operand(load.Index), load.IlOffset),
        ArrayStoreInstruction store => new ArrayStoreInstruction(operand(store.Array), operand(store.Index), operand(store.StoredValue), store.IlOffset),
        ElementAddressInstruction address => new ElementAddressInstruction(operand(address.Array), operand(address.Index), address.IlOffset),
        LoadInstruction load => new LoadInstruction(operand(load.Address), load.IlOffset),
        StoreInstruction store => new StoreInstruction(operand(store.Address), operand(store.StoredValue), store.IlOffset),
        MathInstruction math => new MathInstruction(math.Function, math.Type, [.. math.Operands.Select(operand)], math.IlOffset, math.OperandType),
        _ => throw new InvalidOperationException($"StoreAlignmentPeeling cannot copy {instruction.Mnemonic} (a bug: CanCopy let it through)"),
    };

    private static Dictionary<Block, List<Block>> Predecessors(Function function)
    {
        var predecessors = function.Blocks.ToDictionary(block => block, _ => new List<Block>());
        foreach (var block in function.Blocks)
            foreach (var edge in block.Terminator?.Successors ?? [])
                predecessors[edge.Target].Add(block);
        return predecessors;
    }
}
