using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace Numbana.IL;

/// <summary>One decoded CIL instruction.</summary>
/// <param name="Offset">The IL offset of the opcode.</param>
/// <param name="OpCode">The opcode, as System.Reflection.Metadata names it.</param>
/// <param name="Operand">The immediate: an int (also tokens and local/argument indices), long, float,
/// double, the absolute branch target offset, or an int[] of switch targets; null when there is none.</param>
/// <param name="NextOffset">The offset of the following instruction.</param>
internal sealed record IlInstruction(int Offset, ILOpCode OpCode, object? Operand, int NextOffset)
{
    public int IntOperand => (int)Operand!;

    public int BranchTarget => (int)Operand!;

    public int[] SwitchTargets => (int[])Operand!;

    /// <summary>The name as in ECMA-335 (for messages): "ldelem.r8".</summary>
    public string Name => OpCodeTable.Get(OpCode).Name ?? OpCode.ToString();

    public FlowControl Flow => OpCodeTable.Get(OpCode).FlowControl;

    /// <summary>True for instructions after which control does not fall through.</summary>
    public bool EndsBlock => Flow is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw;

    public override string ToString() => $"IL_{Offset:x4}: {Name}" + Operand switch
    {
        null => "",
        int[] targets => " (" + string.Join(", ", targets.Select(t => $"IL_{t:x4}")) + ")",
        _ when Flow is FlowControl.Branch or FlowControl.Cond_Branch => $" IL_{BranchTarget:x4}",
        _ => " " + Operand,
    };
}

/// <summary>The opcode table, built once from <see cref="OpCodes"/>.</summary>
internal static class OpCodeTable
{
    private static readonly Dictionary<ILOpCode, OpCode> ByValue = typeof(OpCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(op => (ILOpCode)(ushort)op.Value);

    public static bool TryGet(ILOpCode code, out OpCode opCode) => ByValue.TryGetValue(code, out opCode);

    public static OpCode Get(ILOpCode code) => ByValue[code];
}
