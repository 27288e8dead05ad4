using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    private bool TryImportConversion(IlInstruction instruction)
    {
        NType? target = instruction.OpCode switch
        {
            ILOpCode.Conv_i1 => NType.I8,
            ILOpCode.Conv_u1 => NType.U8,
            ILOpCode.Conv_i2 => NType.I16,
            ILOpCode.Conv_u2 => NType.U16,
            ILOpCode.Conv_i4 => NType.I32,
            ILOpCode.Conv_u4 => NType.U32,
            ILOpCode.Conv_i8 => NType.I64,
            ILOpCode.Conv_u8 => NType.U64,
            ILOpCode.Conv_i => NType.NInt,
            ILOpCode.Conv_u => NType.NUInt,
            ILOpCode.Conv_r4 => NType.F32,
            ILOpCode.Conv_r8 or ILOpCode.Conv_r_un => NType.F64,
            _ => null,
        };
        if (target is null) return false;
        var operand = Pop();
        if (!operand.Type.IsNumeric)
            throw Unsupported($"{instruction.Name} converts numbers, not a {operand.Type}.");
        // C#'s (float)ulongValue is conv.r.un then conv.r4; RyuJIT converts the integer to float
        // directly (one rounding), so (float)((1UL << 63) + (1UL << 39) + 1) is 0x5F000001, not the
        // double-rounded 0x5F000000. Do the same; the unused conversion to double is dead code.
        if (target == NType.F32 && operand is ConvertInstruction { Target: var inner, SourceUnsigned: true, CheckOverflow: false } unsigned
            && inner == NType.F64 && unsigned.Operand.Type.IsInteger)
        {
            Push(Append(new ConvertInstruction(NType.F32, unsigned.Operand, sourceUnsigned: true, checkOverflow: false, instruction.Offset)));
            return true;
        }
        Push(Append(new ConvertInstruction(target, operand, sourceUnsigned: instruction.OpCode == ILOpCode.Conv_r_un,
            checkOverflow: false, instruction.Offset)));
        return true;
    }
}
