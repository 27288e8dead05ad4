using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Numbana.IL;

/// <summary>A CIL basic block: a run of instructions entered only at the first and left only at the last.</summary>
internal sealed class IlBlock
{
    public IlBlock(int start) => StartOffset = start;

    public int StartOffset { get; }

    public List<IlInstruction> Instructions { get; } = [];

    public IlInstruction Last => Instructions[^1];

    /// <summary>Offsets of the blocks control may go to next, in the order the terminator names them.</summary>
    public List<int> SuccessorOffsets { get; } = [];

    public override string ToString() => $"IL block at IL_{StartOffset:x4}";
}

/// <summary>Splits a method's instructions into basic blocks at branch targets and after branches.</summary>
internal static class IlBlocks
{
    public static SortedDictionary<int, IlBlock> Find(MethodBase method, IReadOnlyList<IlInstruction> instructions)
    {
        if (instructions.Count == 0)
            throw new UnsupportedIlException("The method has no IL body.", method, -1, null);

        var validOffsets = instructions.Select(i => i.Offset).ToHashSet();
        var leaders = new SortedSet<int> { 0 };
        foreach (var instruction in instructions)
        {
            foreach (var target in Targets(instruction))
            {
                if (!validOffsets.Contains(target))
                    throw new UnsupportedIlException($"A branch goes to IL_{target:x4}, which is not the start of an instruction: the IL is malformed.",
                        method, instruction.Offset, instruction.Name);
                leaders.Add(target);
            }
            if (instruction.EndsBlock && instruction.NextOffset < instructions[^1].NextOffset)
                leaders.Add(instruction.NextOffset);
        }

        var blocks = new SortedDictionary<int, IlBlock>();
        IlBlock? current = null;
        foreach (var instruction in instructions)
        {
            if (leaders.Contains(instruction.Offset))
            {
                current = new IlBlock(instruction.Offset);
                blocks.Add(instruction.Offset, current);
            }
            current!.Instructions.Add(instruction);
        }

        foreach (var block in blocks.Values)
        {
            var last = block.Last;
            block.SuccessorOffsets.AddRange(Targets(last));
            var fallsThrough = last.Flow is FlowControl.Cond_Branch or FlowControl.Next or FlowControl.Call or FlowControl.Break or FlowControl.Meta;
            if (fallsThrough)
            {
                if (!blocks.ContainsKey(last.NextOffset))
                    throw new UnsupportedIlException("Control runs past the end of the method body: the IL is malformed.", method, last.Offset, last.Name);
                // A conditional branch's fall-through edge is its false edge, taken second.
                block.SuccessorOffsets.Add(last.NextOffset);
            }
        }
        return blocks;
    }

    private static IEnumerable<int> Targets(IlInstruction instruction) => instruction.Flow switch
    {
        FlowControl.Branch or FlowControl.Cond_Branch when instruction.OpCode == ILOpCode.Switch => instruction.SwitchTargets,
        FlowControl.Branch or FlowControl.Cond_Branch => [instruction.BranchTarget],
        _ => [],
    };
}
