using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// <c>new T[n]</c>: .NET's length checks (a negative length, or an nint above int.MaxValue, raises
    /// OverflowException), then the host allocator (<see cref="ArrayAllocation"/>); a null result means
    /// .NET refused the size (above Array.MaxLength): OutOfMemoryException.
    /// </summary>
    private LLVMValueRef LowerNewArray(NewArrayInstruction newArray)
    {
        var length = Get(newArray.Length);
        if (newArray.Length.Type == NType.I32)
        {
            ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSLT, length, Const32(0), ""), ExceptionStatus.Overflow);
        }
        else
        {
            // Read as unsigned, a negative nint is above int.MaxValue too: one compare covers both.
            ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGT, length, ConstOf(_types.I64, int.MaxValue), ""), ExceptionStatus.Overflow);
            length = LLVMBuildTrunc(_builder, length, _types.I32, "");
        }
        var data = Call(AllocateArrayFunction(), Const32(ArrayAllocation.ElementCode(newArray.Element)), length);
        ThrowIf(LLVMBuildIsNull(_builder, data, ""), ExceptionStatus.OutOfMemory);
        var array = LLVMBuildInsertValue(_builder, LLVMGetPoison(_types.Array), data, 0, "");
        return LLVMBuildInsertValue(_builder, array, length, 1, "");
    }

    /// <summary>The declaration of the host allocator (once per module). Its result is fresh memory: noalias, as malloc's.</summary>
    private unsafe (LLVMValueRef Function, LLVMTypeRef Type) AllocateArrayFunction()
    {
        var parameters = stackalloc LLVMTypeRef[] { _types.I32, _types.I32 };
        var type = LLVMFunctionType(_types.Pointer, parameters, 2, 0);
        var function = LLVMGetNamedFunction(_module.Module, ArrayAllocation.Symbol);
        if (function.IsNull)
        {
            function = LLVMAddFunction(_module.Module, ArrayAllocation.Symbol, type);
            _module.AddFunctionAttribute(function, _module.EnumAttribute("nounwind"));
            LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeReturnIndex, _module.EnumAttribute("noalias"));
        }
        return (function, type);
    }

    /// <summary>
    /// <c>new T[n, m]</c>: a negative length raises OverflowException (checked in order, before allocating, as
    /// .NET does); the lengths go to the host allocator in a stack buffer; a null result is OutOfMemoryException.
    /// </summary>
    private unsafe LLVMValueRef LowerNewMultiDimensionalArray(NewMultiDimensionalArrayInstruction newArray)
    {
        var rank = newArray.ArrayType.Rank;
        var lengthsType = LLVMArrayType2(_types.I32, (ulong)rank);
        var buffer = Alloca(lengthsType);
        var lengths = new LLVMValueRef[rank];
        for (var d = 0; d < rank; d++)
        {
            lengths[d] = Get(newArray.Operands[d]);
            ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSLT, lengths[d], Const32(0), ""), ExceptionStatus.Overflow);
            var offset = ConstOf(_types.I64, d);
            LLVMBuildStore(_builder, lengths[d], LLVMBuildGEP2(_builder, _types.I32, buffer, &offset, 1, ""));
        }
        var parameters = stackalloc LLVMTypeRef[] { _types.I32, _types.I32, _types.Pointer };
        var type = LLVMFunctionType(_types.Pointer, parameters, 3, 0);
        var function = LLVMGetNamedFunction(_module.Module, ArrayAllocation.MultiDimensionalSymbol);
        if (function.IsNull)
        {
            function = LLVMAddFunction(_module.Module, ArrayAllocation.MultiDimensionalSymbol, type);
            _module.AddFunctionAttribute(function, _module.EnumAttribute("nounwind"));
            LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeReturnIndex, _module.EnumAttribute("noalias"));
        }
        var data = Call((function, type), Const32((int)newArray.ArrayType.Element.Kind), Const32(rank), buffer);
        ThrowIf(LLVMBuildIsNull(_builder, data, ""), ExceptionStatus.OutOfMemory);
        var array = LLVMBuildInsertValue(_builder, LLVMGetPoison(_types.ValueType(newArray.Type)), data, 0, "");
        for (var d = 0; d < rank; d++)
            array = LLVMBuildInsertValue(_builder, array, lengths[d], (uint)(d + 1), "");
        return array;
    }
}
