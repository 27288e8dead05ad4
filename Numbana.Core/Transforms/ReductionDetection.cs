using Numbana.IR;

namespace Numbana.Transforms;

/// <summary>
/// Finds whether a loop-carried value of a Prange loop is a reduction: a parameter of the loop header
/// that the body only ever updates as <c>r = r op x</c> (or <c>r op= x</c>, <c>r = Math.Min(r, x)</c>),
/// with one operator family and an <c>x</c> that does not depend on <c>r</c>, possibly through
/// conditional updates (a join in the body whose every incoming value is <c>r</c> or an update of it).
/// </summary>
/// <remarks>
/// The accumulator's chain is the set of values reachable from the header parameter through such
/// updates and joins; every use of a chain value inside the loop must be another update, a join, or
/// the back edge. A use anywhere else (a comparison, a store, an index) means iterations observe each
/// other's values: not a reduction. It does not look at what happens after the loop: reading a
/// reduction's value there is the point. Subtraction reduces as an addition (its partial values are
/// negated sums); a small-integer accumulator (byte, short) truncates after each update, which
/// commutes with +, -, *, &amp;, |, ^ but not with min and max.
/// </remarks>
internal static class ReductionDetection
{
    /// <summary>The reduction <paramref name="accumulator"/> is, or null with the reason it is not one.</summary>
    /// <param name="accumulator">A parameter of <paramref name="header"/> other than the counter.</param>
    /// <param name="header">The loop header.</param>
    /// <param name="body">The blocks of the loop body (without the header).</param>
    /// <param name="whyNot">Why it is not a reduction (null when it is one).</param>
    public static Reduction? Detect(BlockParameter accumulator, Block header, IReadOnlySet<Block> body, out string? whyNot)
    {
        var uses = new Dictionary<Value, List<(Instruction? User, Block? Target, int Index)>>();
        void AddUse(Value value, (Instruction?, Block?, int) use)
        {
            if (!uses.TryGetValue(value, out var list)) uses[value] = list = [];
            list.Add(use);
        }
        foreach (var block in body)
            foreach (var instruction in block.Instructions)
            {
                foreach (var operand in instruction.Operands) AddUse(operand, (instruction, null, 0));
                if (instruction is Terminator terminator)
                    foreach (var edge in terminator.Successors)
                        for (var i = 0; i < edge.Arguments.Count; i++) AddUse(edge.Arguments[i], (null, edge.Target, i));
            }
        foreach (var instruction in header.Instructions)
            if (instruction.Operands.Contains(accumulator))
            {
                whyNot = $"the loop header reads it ({instruction.Mnemonic})";
                return null;
            }

        var chain = new HashSet<Value> { accumulator };
        var work = new Stack<Value>([accumulator]);
        ReductionOperator? family = null;
        NType? narrowTo = null;
        var accumulatorIndex = header.Parameters.IndexOf(accumulator);
        whyNot = null;

        bool Join(ReductionOperator op)
        {
            if (family is null || family == op)
            {
                family = op;
                return true;
            }
            return false;
        }

        while (work.TryPop(out var value))
        {
            if (!uses.TryGetValue(value, out var valueUses)) continue;
            foreach (var (user, target, index) in valueUses)
            {
                if (user is null)
                {
                    if (target == header)
                    {
                        if (index != accumulatorIndex)
                        {
                            whyNot = "its value is carried into another variable of the next iteration";
                            return null;
                        }
                        continue;
                    }
                    var parameter = target!.Parameters[index];
                    if (chain.Add(parameter)) work.Push(parameter);
                    continue;
                }
                if (chain.Contains(user)) continue;
                switch (user)
                {
                    case BinaryInstruction binary when binary.Type == accumulator.Type
                        && binary.Op is BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.And or BinaryOp.Or or BinaryOp.Xor:
                    {
                        if (chain.Contains(binary.Left) && chain.Contains(binary.Right))
                        {
                            whyNot = $"it is combined with itself ({binary.Mnemonic})";
                            return null;
                        }
                        if (binary.Op == BinaryOp.Sub && !chain.Contains(binary.Left))
                        {
                            whyNot = "it is subtracted from another value (x - r is not a reduction; r - x is)";
                            return null;
                        }
                        var op = binary.Op switch
                        {
                            BinaryOp.Add or BinaryOp.Sub => ReductionOperator.Add,
                            BinaryOp.Mul => ReductionOperator.Mul,
                            BinaryOp.And => ReductionOperator.And,
                            BinaryOp.Or => ReductionOperator.Or,
                            _ => ReductionOperator.Xor,
                        };
                        if (!Join(op))
                        {
                            whyNot = $"it is updated with both {family.ToString()!.ToLowerInvariant()} and {op.ToString().ToLowerInvariant()}";
                            return null;
                        }
                        chain.Add(binary);
                        work.Push(binary);
                        break;
                    }
                    case MathInstruction math when math.Type == accumulator.Type && math.Operands.Length == 2
                        && math.Function is MathFunction.Min or MathFunction.Max:
                    {
                        if (chain.Contains(math.Operands[0]) && chain.Contains(math.Operands[1]))
                        {
                            whyNot = "it is combined with itself (Math." + math.Function + ")";
                            return null;
                        }
                        var op = math.Function == MathFunction.Min ? ReductionOperator.Min : ReductionOperator.Max;
                        if (!Join(op))
                        {
                            whyNot = $"it is updated with both {family.ToString()!.ToLowerInvariant()} and {op.ToString().ToLowerInvariant()}";
                            return null;
                        }
                        chain.Add(math);
                        work.Push(math);
                        break;
                    }
                    case ConvertInstruction convert when !convert.CheckOverflow && convert.Type == accumulator.Type
                        && accumulator.Type.IsInteger && convert.Target.IsInteger && convert.Target.BitWidth < 32
                        && (narrowTo is null || narrowTo == convert.Target):
                        narrowTo = convert.Target;
                        chain.Add(convert);
                        work.Push(convert);
                        break;
                    default:
                        whyNot = $"its value is used by {user.Mnemonic}" + (user.Detail is { } detail ? " " + detail : "") + " inside the loop";
                        return null;
                }
            }
        }

        // Every join in the chain must receive the accumulator (or an update of it) on every edge.
        foreach (var block in body.Append(header))
            foreach (var edge in block.Terminator!.Successors)
                for (var i = 0; i < edge.Arguments.Count; i++)
                {
                    var parameter = edge.Target.Parameters[i];
                    if (!chain.Contains(parameter) || !(body.Contains(block))) continue;
                    if (!chain.Contains(edge.Arguments[i]))
                    {
                        whyNot = "on some path it is assigned a value that does not come from itself";
                        return null;
                    }
                }
        if (family is null)
        {
            whyNot = "it is never updated";
            return null;
        }
        if (narrowTo is not null && family is ReductionOperator.Min or ReductionOperator.Max)
        {
            whyNot = "a min or max of a small integer type is not a supported reduction";
            return null;
        }
        if (!accumulator.Type.IsNumeric)
        {
            whyNot = $"a {accumulator.Type} is not a number";
            return null;
        }
        return new Reduction(family.Value, accumulator.Type, narrowTo);
    }
}
