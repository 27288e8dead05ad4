using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    /// <summary>
    /// C#'s <c>checked</c> arithmetic and conversions: add.ovf, sub.ovf, mul.ovf (and .un), conv.ovf.*
    /// (and .un). Each raises OverflowException where .NET does; the range checks are the lowering's.
    /// </summary>
    private bool TryImportChecked(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Add_ovf: CheckedBinary(CheckedOp.Add, unsigned: false); return true;
            case ILOpCode.Add_ovf_un: CheckedBinary(CheckedOp.Add, unsigned: true); return true;
            case ILOpCode.Sub_ovf: CheckedBinary(CheckedOp.Sub, unsigned: false); return true;
            case ILOpCode.Sub_ovf_un: CheckedBinary(CheckedOp.Sub, unsigned: true); return true;
            case ILOpCode.Mul_ovf: CheckedBinary(CheckedOp.Mul, unsigned: false); return true;
            case ILOpCode.Mul_ovf_un: CheckedBinary(CheckedOp.Mul, unsigned: true); return true;
        }

        var (target, sourceUnsigned) = instruction.OpCode switch
        {
            ILOpCode.Conv_ovf_i1 => (NType.I8, false),
            ILOpCode.Conv_ovf_u1 => (NType.U8, false),
            ILOpCode.Conv_ovf_i2 => (NType.I16, false),
            ILOpCode.Conv_ovf_u2 => (NType.U16, false),
            ILOpCode.Conv_ovf_i4 => (NType.I32, false),
            ILOpCode.Conv_ovf_u4 => (NType.U32, false),
            ILOpCode.Conv_ovf_i8 => (NType.I64, false),
            ILOpCode.Conv_ovf_u8 => (NType.U64, false),
            ILOpCode.Conv_ovf_i => (NType.NInt, false),
            ILOpCode.Conv_ovf_u => (NType.NUInt, false),
            ILOpCode.Conv_ovf_i1_un => (NType.I8, true),
            ILOpCode.Conv_ovf_u1_un => (NType.U8, true),
            ILOpCode.Conv_ovf_i2_un => (NType.I16, true),
            ILOpCode.Conv_ovf_u2_un => (NType.U16, true),
            ILOpCode.Conv_ovf_i4_un => (NType.I32, true),
            ILOpCode.Conv_ovf_u4_un => (NType.U32, true),
            ILOpCode.Conv_ovf_i8_un => (NType.I64, true),
            ILOpCode.Conv_ovf_u8_un => (NType.U64, true),
            ILOpCode.Conv_ovf_i_un => (NType.NInt, true),
            ILOpCode.Conv_ovf_u_un => (NType.NUInt, true),
            _ => ((NType?)null, false),
        };
        if (target is null) return false;
        var operand = Pop();
        if (!operand.Type.IsNumeric)
            throw Unsupported($"{instruction.Name} converts numbers, not a {operand.Type}.");
        // The .un forms read an integer operand as unsigned; a float operand is a float either way.
        Push(Append(new ConvertInstruction(target, operand, sourceUnsigned: sourceUnsigned && operand.Type.IsInteger,
            checkOverflow: true, instruction.Offset)));
        return true;
    }

    private void CheckedBinary(CheckedOp op, bool unsigned)
    {
        var right = Pop();
        var left = Pop();
        var type = ClrTypes.BinaryNumericResult(left.Type, right.Type);
        if (type is null || !type.IsInteger)
            throw Unsupported($"{_instruction.Name} (checked arithmetic) works on integers; it cannot combine a {left.Type} and a {right.Type}.");
        // An int32 operand beside a native int widens as in unchecked arithmetic: zero-extended for
        // the .un forms (ECMA-335 III.1.6), sign-extended otherwise.
        Push(Append(new CheckedBinaryInstruction(op, unsigned, type, WidenChecked(left, type, unsigned), WidenChecked(right, type, unsigned), _instruction.Offset)));
    }

    private Value WidenChecked(Value value, NType type, bool unsigned) => value.Type == type
        ? value
        : Append(new ConvertInstruction(unsigned ? NType.NUInt : type, value, sourceUnsigned: unsigned, checkOverflow: false, _instruction.Offset));
}
