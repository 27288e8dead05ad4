using System.Text;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>Branch-weight metadata: tells LLVM that exception paths are cold, so they are laid out out of line.</summary>
internal static class BranchWeights
{
    public static unsafe void MarkFirstUnlikely(LLVMContextRef context, LLVMValueRef conditionalBranch)
    {
        var i32 = LLVMInt32TypeInContext(context);
        var name = Encoding.UTF8.GetBytes("branch_weights");
        var kindName = Encoding.UTF8.GetBytes("prof");
        LLVMMetadataRef nameNode;
        uint kind;
        fixed (byte* p = name) nameNode = LLVMMDStringInContext2(context, p, (nuint)name.Length);
        fixed (byte* p = kindName) kind = LLVMGetMDKindIDInContext(context, p, (uint)kindName.Length);
        var operands = new[]
        {
            nameNode,
            LLVMValueAsMetadata(LLVMConstInt(i32, 1, 0)),
            LLVMValueAsMetadata(LLVMConstInt(i32, 1 << 20, 0)),
        };
        fixed (LLVMMetadataRef* p = operands)
        {
            var node = LLVMMDNodeInContext2(context, p, (nuint)operands.Length);
            LLVMSetMetadata(conditionalBranch, kind, LLVMMetadataAsValue(context, node));
        }
    }
}
