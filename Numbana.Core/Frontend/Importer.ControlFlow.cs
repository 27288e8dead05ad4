using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    private bool TryImportControlFlow(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Br: case ILOpCode.Br_s:
                Append(new JumpInstruction(EdgeTo(instruction.BranchTarget), instruction.Offset));
                return true;
            case ILOpCode.Brtrue: case ILOpCode.Brtrue_s:
                BranchOnValue(Pop(), jumpIfTrue: true);
                return true;
            case ILOpCode.Brfalse: case ILOpCode.Brfalse_s:
                BranchOnValue(Pop(), jumpIfTrue: false);
                return true;
            case ILOpCode.Beq: case ILOpCode.Beq_s: CompareAndBranch(Condition.Equal); return true;
            case ILOpCode.Bne_un: case ILOpCode.Bne_un_s: CompareAndBranch(Condition.NotEqual); return true;
            case ILOpCode.Bge: case ILOpCode.Bge_s: CompareAndBranch(Condition.GreaterOrEqual); return true;
            case ILOpCode.Bge_un: case ILOpCode.Bge_un_s: CompareAndBranch(Condition.GreaterOrEqualUnsigned); return true;
            case ILOpCode.Bgt: case ILOpCode.Bgt_s: CompareAndBranch(Condition.Greater); return true;
            case ILOpCode.Bgt_un: case ILOpCode.Bgt_un_s: CompareAndBranch(Condition.GreaterUnsigned); return true;
            case ILOpCode.Ble: case ILOpCode.Ble_s: CompareAndBranch(Condition.LessOrEqual); return true;
            case ILOpCode.Ble_un: case ILOpCode.Ble_un_s: CompareAndBranch(Condition.LessOrEqualUnsigned); return true;
            case ILOpCode.Blt: case ILOpCode.Blt_s: CompareAndBranch(Condition.Less); return true;
            case ILOpCode.Blt_un: case ILOpCode.Blt_un_s: CompareAndBranch(Condition.LessUnsigned); return true;
            case ILOpCode.Switch:
            {
                var selector = Pop();
                if (selector.Type != NType.I32)
                    throw Unsupported($"switch needs an int selector, not a {selector.Type}.");
                var cases = instruction.SwitchTargets.Select(EdgeTo).ToArray();
                Append(new SwitchInstruction(selector, cases, EdgeTo(instruction.NextOffset), instruction.Offset));
                return true;
            }
            case ILOpCode.Ret:
                Return();
                return true;
            default:
                return false;
        }
    }

    private void BranchOnValue(Value value, bool jumpIfTrue)
    {
        // row != null, row is null: only a row of a jagged array can be null (arguments are checked at the call).
        if (value.Type is ArrayType)
        {
            Branch(Append(new ArrayIsNotNullInstruction(value, _instruction.Offset)), jumpIfTrue);
            return;
        }
        if (!value.Type.IsInteger)
            throw Unsupported($"{_instruction.Name} tests an integer or a bool, not a {value.Type}.");
        var zero = Append(new ConstantInstruction(value.Type, 0, _instruction.Offset));
        var condition = Append(new CompareInstruction(Condition.NotEqual, value, zero, _instruction.Offset));
        Branch(condition, jumpIfTrue);
    }

    private void CompareAndBranch(Condition condition)
    {
        var right = Pop();
        var left = Pop();
        Branch(Append(MakeCompare(condition, left, right)), jumpIfTrue: true);
    }

    /// <summary>Ends the block with a two-way branch: the target when the condition is <paramref name="jumpIfTrue"/>, else the next instruction.</summary>
    private void Branch(Value condition, bool jumpIfTrue)
    {
        var taken = EdgeTo(_instruction.BranchTarget);
        var fallThrough = EdgeTo(_instruction.NextOffset);
        Append(jumpIfTrue
            ? new BranchInstruction(condition, taken, fallThrough, _instruction.Offset)
            : new BranchInstruction(condition, fallThrough, taken, _instruction.Offset));
    }

    private void Return()
    {
        var returnType = _function.ReturnType;
        if (returnType == NType.Void)
        {
            if (_stack.Count != 0) throw Unsupported("ret leaves values on the evaluation stack of a void method: the IL is malformed.");
            Append(new ReturnInstruction(null, _instruction.Offset));
            return;
        }
        var value = CoerceForStore(Pop(), returnType);
        if (_stack.Count != 0) throw Unsupported("ret leaves values on the evaluation stack: the IL is malformed.");
        Append(new ReturnInstruction(value, _instruction.Offset));
    }
}
