using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>
/// <c>llvm.loop</c> metadata on a loop's back edge: what LLVM's loop passes may do with the loop.
/// </summary>
internal static class LoopMetadata
{
    /// <summary>
    /// The loop runs a few iterations at most (an alignment peel): vectorizing or unrolling it would only
    /// add code and compile time, and LLVM cannot see the bound for itself.
    /// </summary>
    public static unsafe void MarkScalar(LLVMContextRef context, LLVMValueRef backEdge)
    {
        var i1 = LLVMInt1TypeInContext(context);
        var vectorizeOff = Node(context, LLVMMDStringInContext2(context, "llvm.loop.vectorize.enable"), LLVMValueAsMetadata(LLVMConstInt(i1, 0, 0)));
        var unrollOff = Node(context, LLVMMDStringInContext2(context, "llvm.loop.unroll.disable"));
        // A loop ID's first operand is the node itself: build it around a placeholder, then close the cycle
        // (LLVMMetadataReplaceAllUsesWith also deletes the placeholder).
        var placeholder = LLVMTemporaryMDNode(context, null, 0);
        var loopId = Node(context, placeholder, vectorizeOff, unrollOff);
        LLVMMetadataReplaceAllUsesWith(placeholder, loopId);
        LLVMSetMetadata(backEdge, LLVMGetMDKindIDInContext(context, "llvm.loop"), LLVMMetadataAsValue(context, loopId));
    }

    private static LLVMMetadataRef Node(LLVMContextRef context, params LLVMMetadataRef[] operands) => LLVMMDNodeInContext2(context, operands);
}
