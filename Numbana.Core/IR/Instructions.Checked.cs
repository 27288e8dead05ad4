namespace Numbana.IR;

/// <summary>The operations of CIL's checked arithmetic (add.ovf, sub.ovf, mul.ovf and their .un forms).</summary>
internal enum CheckedOp { Add, Sub, Mul }

/// <summary>
/// Integer arithmetic that raises OverflowException when the exact result does not fit the type
/// (C#'s <c>checked</c>): add.ovf, sub.ovf and mul.ovf read their operands as signed, the .un forms
/// as unsigned, on i32, i64 or nint.
/// </summary>
/// <remarks>It never wraps, and it is never removed as dead code: the exception is its effect.</remarks>
internal sealed class CheckedBinaryInstruction : Instruction
{
    public CheckedBinaryInstruction(CheckedOp op, bool unsigned, NType type, Value left, Value right, int ilOffset)
        : base(type, ilOffset, left, right)
    {
        Op = op;
        Unsigned = unsigned;
    }

    public CheckedOp Op { get; }

    /// <summary>The operands and the result are read as unsigned (add.ovf.un and friends).</summary>
    public bool Unsigned { get; }

    public Value Left => Operands[0];
    public Value Right => Operands[1];
    public override string Mnemonic => Op.ToString().ToLowerInvariant() + (Unsigned ? ".ovf.un" : ".ovf");
}
