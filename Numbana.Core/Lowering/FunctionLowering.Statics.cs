using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// A <c>static readonly</c> array: its data pointer and length, loaded from the field's cell, an external
    /// global the host defines (<see cref="StaticArrays"/>). The cell never changes once the code can run,
    /// so the loads are <c>!invariant.load</c> (LLVM hoists them out of loops, and the length keeps the range
    /// of an array length, so bounds checks of counted loops still vectorize).
    /// </summary>
    private LLVMValueRef LowerStaticArray(StaticArrayInstruction staticArray)
    {
        var name = StaticArrays.SymbolOf(staticArray.Field);
        var cell = LLVMGetNamedGlobal(_module.Module, name);
        if (cell.IsNull) cell = LLVMAddGlobal(_module.Module, _types.Array, name);
        var data = InvariantLoad(_types.Pointer, cell);
        var lengthAddress = LLVMBuildGEP2(_builder, _types.I8, cell, [ConstOf(_types.I64, StaticArrays.LengthOffset)]);
        var length = InvariantLoad(_types.I32, lengthAddress);
        SetLengthRange(length);
        var array = LLVMBuildInsertValue(_builder, LLVMGetPoison(_types.Array), data, 0, "");
        return LLVMBuildInsertValue(_builder, array, length, 1, "");
    }

    private unsafe LLVMValueRef InvariantLoad(LLVMTypeRef type, LLVMValueRef address)
    {
        var load = LLVMBuildLoad2(_builder, type, address, "");
        var empty = LLVMMDNodeInContext2(_module.Context, null, 0);
        LLVMSetMetadata(load, LLVMGetMDKindIDInContext(_module.Context, "invariant.load"), LLVMMetadataAsValue(_module.Context, empty));
        return load;
    }

    /// <summary><c>!range !{i32 0, i32 Array.MaxLength + 1}</c>: what the length parameters' range attribute says for arguments.</summary>
    private unsafe void SetLengthRange(LLVMValueRef lengthLoad)
    {
        var bounds = stackalloc LLVMMetadataRef[]
        {
            LLVMValueAsMetadata(Const32(0)),
            LLVMValueAsMetadata(ConstOf(_types.I32, DataModel.LengthBound)),
        };
        var node = LLVMMDNodeInContext2(_module.Context, bounds, 2);
        LLVMSetMetadata(lengthLoad, LLVMGetMDKindIDInContext(_module.Context, "range"), LLVMMetadataAsValue(_module.Context, node));
    }
}
