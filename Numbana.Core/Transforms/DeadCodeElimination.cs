using Numbana.IR;

namespace Numbana.Transforms;

/// <summary>
/// Removes instructions whose results nobody uses and that have no effect of their own (constants,
/// arithmetic that cannot throw, conversions, lengths), and block parameters that nobody reads.
/// </summary>
/// <remarks>
/// It keeps everything that can raise a .NET exception (division, checked loads and stores, calls,
/// Math.Abs of integers): removing one would drop the exception .NET raises. It does not remove
/// unreachable blocks (the importer never creates them) and does not simplify the control flow.
/// </remarks>
internal static class DeadCodeElimination
{
    public static void Run(Function function)
    {
        var used = new HashSet<Value>();
        var work = new Stack<Value>();
        void MarkUsed(Value value)
        {
            if (used.Add(value)) work.Push(value);
        }

        // Roots: instructions with effects; then everything they use, transitively.
        foreach (var instruction in function.Blocks.SelectMany(b => b.Instructions))
            if (HasEffect(instruction)) MarkUsed(instruction);
        foreach (var parameter in function.Entry.Parameters) MarkUsed(parameter);
        while (work.TryPop(out var value))
        {
            if (value is Instruction instruction)
            {
                foreach (var operand in instruction.Operands) MarkUsed(operand);
                if (instruction is Terminator terminator)
                    foreach (var edge in terminator.Successors)
                        for (var i = 0; i < edge.Arguments.Count; i++)
                            if (used.Contains(edge.Target.Parameters[i])) MarkUsed(edge.Arguments[i]);
            }
            else if (value is BlockParameter parameter && parameter.Block != function.Entry)
            {
                // A used parameter makes the arguments every edge passes for it used.
                var index = parameter.Block.Parameters.IndexOf(parameter);
                foreach (var edge in function.Blocks.Select(b => b.Terminator!).SelectMany(t => t.Successors))
                    if (edge.Target == parameter.Block) MarkUsed(edge.Arguments[index]);
            }
        }

        foreach (var block in function.Blocks)
        {
            block.Instructions.RemoveAll(instruction => !used.Contains(instruction));
            if (block == function.Entry) continue;
            for (var i = block.Parameters.Count - 1; i >= 0; i--)
            {
                if (used.Contains(block.Parameters[i])) continue;
                block.Parameters.RemoveAt(i);
                foreach (var edge in function.Blocks.Select(b => b.Terminator!).SelectMany(t => t.Successors))
                    if (edge.Target == block) edge.Arguments.RemoveAt(i);
            }
        }
    }

    private static bool HasEffect(Instruction instruction) => instruction switch
    {
        Terminator or ArrayStoreInstruction or StoreInstruction or CallInstruction or SpanFillInstruction or SpanCopyInstruction => true,
        // These can raise IndexOutOfRange, DivideByZero or Overflow.
        ArrayLoadInstruction or ElementAddressInstruction or LoadInstruction => true,
        SliceInstruction or SpanOverMemoryInstruction or MultiDimensionalElementAddressInstruction or MultiDimensionalLengthInstruction => true,
        BinaryInstruction binary => binary.Type.IsInteger && binary.Op is BinaryOp.Div or BinaryOp.DivUnsigned or BinaryOp.Rem or BinaryOp.RemUnsigned,
        MathInstruction math => math.CanThrow,
        ConvertInstruction convert => convert.CheckOverflow,
        CheckedBinaryInstruction => true,
        ParallelInstruction => true, // Prange: the count raises on a zero step; the loop has effects
        // A negative length raises OverflowException (an unused new T[n] with a known length could go: LLVM drops it then).
        NewArrayInstruction or NewMultiDimensionalArrayInstruction => true,
        // A row of a jagged array may be null: its Length raises NullReferenceException even when the length is unused
        // (kept for every array: for a non-null one the lowering's plain field read is dropped by LLVM).
        ArrayLengthInstruction { Array.Type: ArrayType } => true,
        _ => false,
    };
}
