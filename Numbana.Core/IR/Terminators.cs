namespace Numbana.IR;

/// <summary>A control-flow edge: the target block and the arguments for its parameters.</summary>
internal sealed class BlockCall
{
    public BlockCall(Block target) => Target = target;

    public Block Target { get; }

    public List<Value> Arguments { get; } = [];

    public override string ToString() => Arguments.Count == 0
        ? Target.ToString()
        : $"{Target}({string.Join(", ", Arguments)})";
}

/// <summary>The last instruction of every block: it says where control goes next.</summary>
internal abstract class Terminator : Instruction
{
    protected Terminator(int ilOffset, params Value[] operands) : base(NType.Void, ilOffset, operands) { }

    /// <summary>The outgoing edges, in order.</summary>
    public abstract IReadOnlyList<BlockCall> Successors { get; }

    /// <summary>Replaces a use of <paramref name="old"/> in the edges' arguments.</summary>
    public void ReplaceArgumentUses(Value old, Value replacement)
    {
        foreach (var edge in Successors)
            for (var i = 0; i < edge.Arguments.Count; i++)
                if (edge.Arguments[i] == old) edge.Arguments[i] = replacement;
    }
}

internal sealed class JumpInstruction : Terminator
{
    public JumpInstruction(BlockCall target, int ilOffset) : base(ilOffset) => Target = target;

    public BlockCall Target { get; }

    /// <summary>True on the back edge of a loop of a few iterations at most, which LLVM must neither vectorize nor unroll.</summary>
    public bool ClosesScalarLoop { get; init; }

    public override IReadOnlyList<BlockCall> Successors => [Target];
    public override string Mnemonic => "jump";
    public override string Detail => ClosesScalarLoop ? Target + " (scalar loop)" : Target.ToString();
}

/// <summary>Goes to <see cref="IfTrue"/> when the i32 condition is non-zero, else to <see cref="IfFalse"/>.</summary>
internal sealed class BranchInstruction : Terminator
{
    public BranchInstruction(Value condition, BlockCall ifTrue, BlockCall ifFalse, int ilOffset)
        : base(ilOffset, condition)
    {
        IfTrue = ifTrue;
        IfFalse = ifFalse;
    }

    public Value Condition => Operands[0];
    public BlockCall IfTrue { get; }
    public BlockCall IfFalse { get; }
    public override IReadOnlyList<BlockCall> Successors => [IfTrue, IfFalse];
    public override string Mnemonic => "branch";
    public override string Detail => $"{IfTrue}, {IfFalse}";
}

/// <summary>CIL's switch: a jump table over an i32, with a default edge for out-of-range values.</summary>
internal sealed class SwitchInstruction : Terminator
{
    public SwitchInstruction(Value selector, BlockCall[] cases, BlockCall defaultTarget, int ilOffset)
        : base(ilOffset, selector)
    {
        Cases = cases;
        Default = defaultTarget;
    }

    public Value Selector => Operands[0];
    public BlockCall[] Cases { get; }
    public BlockCall Default { get; }
    public override IReadOnlyList<BlockCall> Successors => [.. Cases, Default];
    public override string Mnemonic => "switch";
    public override string Detail => $"[{string.Join(", ", Cases.Select(c => c.ToString()))}], default {Default}";
}

internal sealed class ReturnInstruction : Terminator
{
    public ReturnInstruction(Value? value, int ilOffset) : base(ilOffset, value is null ? [] : [value]) { }

    public Value? ReturnedValue => Operands.Length == 0 ? null : Operands[0];
    public override IReadOnlyList<BlockCall> Successors => [];
    public override string Mnemonic => "return";
}

/// <summary>Raises a .NET exception in the caller (no exception crosses native frames: see <see cref="Runtime.ExceptionStatus"/>).</summary>
internal sealed class ThrowInstruction : Terminator
{
    public ThrowInstruction(Runtime.ExceptionStatus status, int ilOffset) : base(ilOffset) => Status = status;

    public Runtime.ExceptionStatus Status { get; }
    public override IReadOnlyList<BlockCall> Successors => [];
    public override string Mnemonic => "throw";
    public override string Detail => Runtime.ThrownExceptions.Describe(Status);
}
