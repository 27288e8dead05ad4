using System.Text;

namespace Numbana.IR;

/// <summary>
/// Writes the IR's text form:
/// <code>
/// function Sum(f64[]) -> f64 {
/// block0(v0: f64[]):
///     v1 = const i32 0                      ; IL_0000
///     jump block1(v1)
/// }
/// </code>
/// </summary>
internal static class Printer
{
    public static string Print(Function function)
    {
        function.Renumber();
        var text = new StringBuilder();
        text.Append("function ").Append(function.Name).Append('(')
            .Append(string.Join(", ", function.ParameterTypes)).Append(") -> ").Append(function.ReturnType).Append(" {\n");
        foreach (var block in function.Blocks)
        {
            text.Append(block);
            if (block.Parameters.Count > 0)
                text.Append('(').Append(string.Join(", ", block.Parameters.Select(p => $"{p}: {p.Type}"))).Append(')');
            text.Append(":\n");
            foreach (var instruction in block.Instructions)
                text.Append("    ").Append(Format(instruction)).Append('\n');
        }
        return text.Append("}\n").ToString();
    }

    public static string Format(Instruction instruction)
    {
        var line = new StringBuilder();
        if (instruction.HasResult) line.Append(instruction).Append(" = ");
        line.Append(instruction.Mnemonic);
        if (instruction.Detail is { } detail) line.Append(' ').Append(detail);
        var operands = instruction is Terminator and not ReturnInstruction and not BranchInstruction and not SwitchInstruction
            ? []
            : instruction.Operands;
        if (instruction is BranchInstruction or SwitchInstruction)
            line.Insert(line.Length - (instruction.Detail?.Length ?? 0), operands[0] + ", ");
        else if (operands.Length > 0)
            line.Append(instruction.Detail is null ? " " : ", ").Append(string.Join(", ", operands.Select(o => o.ToString())));
        if (instruction.HasResult && instruction is not ConstantInstruction && instruction.Type != NType.Void)
            line.Append(" : ").Append(instruction.Type);
        if (instruction.IlOffset >= 0)
            line.Append(new string(' ', Math.Max(1, 44 - line.Length))).Append($"; IL_{instruction.IlOffset:x4}");
        return line.ToString();
    }
}
