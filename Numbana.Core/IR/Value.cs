namespace Numbana.IR;

/// <summary>An SSA value: the result of an instruction or a block parameter.</summary>
internal abstract class Value
{
    protected Value(NType type) => Type = type;

    public NType Type { get; }

    /// <summary>The number the printer shows (v12); assigned by <see cref="Function.Renumber"/>.</summary>
    public int Id { get; internal set; } = -1;

    public override string ToString() => "v" + Id;
}

/// <summary>
/// A block parameter: the SSA form's phi, with its incoming values passed as arguments by the
/// branches that jump to the block (as in Cranelift).
/// </summary>
internal sealed class BlockParameter : Value
{
    public BlockParameter(Block block, NType type) : base(type) => Block = block;

    public Block Block { get; }

    /// <summary>
    /// While SSA is being built, the value each predecessor passes. <see cref="Frontend.SsaBuilder"/>
    /// moves these into the branch arguments when the function is complete, and clears them.
    /// </summary>
    internal Dictionary<Block, Value>? PendingIncoming { get; set; }
}
