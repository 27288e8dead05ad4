using Numbana.IR;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    private LLVMValueRef LowerJump(JumpInstruction jump)
    {
        var source = LLVMGetInsertBlock(_builder);
        var result = LLVMBuildBr(_builder, _blocks[jump.Target.Target]);
        if (jump.ClosesScalarLoop) LoopMetadata.MarkScalar(_module.Context, result);
        AddIncoming(jump.Target, source);
        return result;
    }

    private LLVMValueRef LowerBranch(BranchInstruction branch)
    {
        var source = LLVMGetInsertBlock(_builder);
        var condition = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntNE, Get(branch.Condition), Const32(0), "");
        var result = LLVMBuildCondBr(_builder, condition, _blocks[branch.IfTrue.Target], _blocks[branch.IfFalse.Target]);
        AddIncoming(branch.IfTrue, source);
        AddIncoming(branch.IfFalse, source);
        return result;
    }

    private LLVMValueRef LowerSwitch(SwitchInstruction @switch)
    {
        var source = LLVMGetInsertBlock(_builder);
        var result = LLVMBuildSwitch(_builder, Get(@switch.Selector), _blocks[@switch.Default.Target], (uint)@switch.Cases.Length);
        AddIncoming(@switch.Default, source);
        for (var i = 0; i < @switch.Cases.Length; i++)
        {
            LLVMAddCase(result, Const32(i), _blocks[@switch.Cases[i].Target]);
            AddIncoming(@switch.Cases[i], source);
        }
        return result;
    }

    private LLVMValueRef LowerReturn(ReturnInstruction ret)
    {
        if (ret.ReturnedValue is { } value)
            StoreValue(Get(value), _function.ReturnType, _resultPointer);
        return LLVMBuildRet(_builder, Const32(0));
    }

    /// <summary>Adds this edge's arguments to the target's phis (one entry per edge, as LLVM wants for repeated predecessors).</summary>
    private unsafe void AddIncoming(BlockCall edge, LLVMBasicBlockRef source)
    {
        var parameters = edge.Target.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var phi = _values[parameters[i]];
            var incoming = Get(edge.Arguments[i]);
            LLVMAddIncoming(phi, &incoming, &source, 1);
        }
    }
}
