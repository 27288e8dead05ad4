using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    private bool TryImportArithmetic(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Add: Binary(BinaryOp.Add); return true;
            case ILOpCode.Sub: Binary(BinaryOp.Sub); return true;
            case ILOpCode.Mul: Binary(BinaryOp.Mul); return true;
            case ILOpCode.Div: Binary(BinaryOp.Div); return true;
            case ILOpCode.Div_un: Binary(BinaryOp.DivUnsigned, integersOnly: true); return true;
            case ILOpCode.Rem: Binary(BinaryOp.Rem); return true;
            case ILOpCode.Rem_un: Binary(BinaryOp.RemUnsigned, integersOnly: true); return true;
            case ILOpCode.And: Binary(BinaryOp.And, integersOnly: true); return true;
            case ILOpCode.Or: Binary(BinaryOp.Or, integersOnly: true); return true;
            case ILOpCode.Xor: Binary(BinaryOp.Xor, integersOnly: true); return true;
            case ILOpCode.Shl: Shift(BinaryOp.Shl); return true;
            case ILOpCode.Shr: Shift(BinaryOp.Shr); return true;
            case ILOpCode.Shr_un: Shift(BinaryOp.ShrUnsigned); return true;
            case ILOpCode.Neg:
            {
                var operand = Pop();
                if (!operand.Type.IsNumeric) throw Unsupported($"neg needs a number, not a {operand.Type}.");
                Push(Append(new UnaryInstruction(UnaryOp.Neg, operand, instruction.Offset)));
                return true;
            }
            case ILOpCode.Not:
            {
                var operand = Pop();
                if (!operand.Type.IsInteger) throw Unsupported($"not (~) needs an integer, not a {operand.Type}.");
                Push(Append(new UnaryInstruction(UnaryOp.Not, operand, instruction.Offset)));
                return true;
            }
            case ILOpCode.Ceq: Compare(Condition.Equal); return true;
            case ILOpCode.Cgt: Compare(Condition.Greater); return true;
            case ILOpCode.Cgt_un: Compare(Condition.GreaterUnsigned); return true;
            case ILOpCode.Clt: Compare(Condition.Less); return true;
            case ILOpCode.Clt_un: Compare(Condition.LessUnsigned); return true;
            default: return false;
        }
    }

    private void Binary(BinaryOp op, bool integersOnly = false)
    {
        var right = Pop();
        var left = Pop();
        var type = ClrTypes.BinaryNumericResult(left.Type, right.Type);
        if (type is null || (integersOnly && !type.IsInteger))
            throw Unsupported($"{_instruction.Name} cannot combine a {left.Type} and a {right.Type}.");
        Push(Append(new BinaryInstruction(op, type, Widen(left, type), Widen(right, type), _instruction.Offset)));
    }

    private void Shift(BinaryOp op)
    {
        var count = Pop();
        var value = Pop();
        if (!value.Type.IsInteger || !value.Type.IsStackType || (count.Type != NType.I32 && count.Type != NType.NInt))
            throw Unsupported($"{_instruction.Name} shifts an integer by an int or nint count, not a {value.Type} by a {count.Type}.");
        Push(Append(new BinaryInstruction(op, value.Type, value, count, _instruction.Offset)));
    }

    private void Compare(Condition condition)
    {
        var right = Pop();
        var left = Pop();
        Push(Append(MakeCompare(condition, left, right)));
    }

    private CompareInstruction MakeCompare(Condition condition, Value left, Value right)
    {
        if (left.Type is ArrayType || right.Type is ArrayType)
            throw Unsupported("Comparing arrays (== null, or two arrays for identity) is not supported in compiled code yet.");
        var type = ClrTypes.BinaryNumericResult(left.Type, right.Type)
            ?? throw Unsupported($"{_instruction.Name} cannot compare a {left.Type} with a {right.Type}.");
        return new CompareInstruction(condition, Widen(left, type), Widen(right, type), _instruction.Offset);
    }

    /// <summary>The implicit widening CIL does inside a binary operation: int32 to native int (sign-extended), float32 to float64.</summary>
    private Value Widen(Value value, NType type) => value.Type == type
        ? value
        : Append(new ConvertInstruction(type, value, sourceUnsigned: false, checkOverflow: false, _instruction.Offset));
}
