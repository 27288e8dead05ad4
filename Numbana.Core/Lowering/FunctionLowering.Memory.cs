using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    private LLVMValueRef LowerArrayLoad(ArrayLoadInstruction load)
    {
        var address = ElementAddress(load.Array, load.Index);
        if (load.ElementType is not ArrayType) return LoadValue(address, load.ElementType);
        // A row of a jagged array: its descriptor in the table the call built, which nothing changes during
        // the call (compiled code cannot store rows), so LICM may hoist m[i] out of loops that store elements.
        return InvariantLoad(_types.MemoryType(load.ElementType), address);
    }

    /// <summary>array.Length; a row of a jagged array may be null: NullReferenceException, as .NET.</summary>
    private LLVMValueRef LowerArrayLength(ArrayLengthInstruction length)
    {
        var array = Get(length.Array);
        if (MayBeNull(length.Array))
            ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, LLVMBuildExtractValue(_builder, array, 0, ""), LLVMConstNull(_types.Pointer), ""),
                ExceptionStatus.NullReference);
        return LLVMBuildZExt(_builder, LLVMBuildExtractValue(_builder, array, 1, ""), _types.I64, "");
    }

    private LLVMValueRef LowerArrayIsNotNull(ArrayIsNotNullInstruction notNull)
    {
        var data = LLVMBuildExtractValue(_builder, Get(notNull.Array), 0, "");
        return LLVMBuildZExt(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntNE, data, LLVMConstNull(_types.Pointer), ""), _types.I32, "");
    }

    /// <summary>
    /// Whether <paramref name="array"/> may be a null row of a jagged array (<see cref="ModuleLowering.ArraysMayBeNull"/>):
    /// a null row's data pointer is null, while every non-null array, even an empty one, has its data address.
    /// Arrays compiled code allocates or reads from static fields are never null.
    /// </summary>
    private bool MayBeNull(Value array) =>
        _module.ArraysMayBeNull && array.Type is ArrayType && array is not (NewArrayInstruction or StaticArrayInstruction);

    /// <summary>
    /// Raises IndexOutOfRangeException when <paramref name="outOfRange"/>; for an array that may be a null row,
    /// NullReferenceException instead when its data pointer is null (a null row has length 0, so every index
    /// fails the bounds check first: telling the two apart costs nothing on the in-range path).
    /// </summary>
    private void ThrowIndexOutOfRangeIf(LLVMValueRef outOfRange, Value array, LLVMValueRef data)
    {
        if (!MayBeNull(array))
        {
            ThrowIf(outOfRange, ExceptionStatus.IndexOutOfRange);
            return;
        }
        var failed = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "index.fail");
        var next = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "");
        MarkUnlikely(LLVMBuildCondBr(_builder, outOfRange, failed, next));
        LLVMPositionBuilderAtEnd(_builder, failed);
        var isNull = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, data, LLVMConstNull(_types.Pointer), "");
        LLVMBuildCondBr(_builder, isNull, ThrowBlock(ExceptionStatus.NullReference), ThrowBlock(ExceptionStatus.IndexOutOfRange));
        LLVMPositionBuilderAtEnd(_builder, next);
    }

    private LLVMValueRef LowerArrayStore(ArrayStoreInstruction store)
    {
        StoreValue(Get(store.StoredValue), store.ElementType, ElementAddress(store.Array, store.Index));
        return default;
    }

    /// <summary>
    /// The address of array[index], after .NET's bounds check: the index, read as unsigned, must be
    /// below the length (one compare covers negative indices too). With BoundsCheck off the check is omitted.
    /// </summary>
    private unsafe LLVMValueRef ElementAddress(Value array, Value index)
    {
        var arrayValue = Get(array);
        var indexValue = Get(index);
        var data = LLVMBuildExtractValue(_builder, arrayValue, 0, "");
        var length = LLVMBuildExtractValue(_builder, arrayValue, 1, "");
        // Without bounds checks a null row would be dereferenced: BoundsCheck = false removes index checks, not null checks.
        if (!_module.Options.BoundsCheck && MayBeNull(array))
            ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, data, LLVMConstNull(_types.Pointer), ""), ExceptionStatus.NullReference);
        LLVMValueRef offset;
        if (index.Type == NType.I32)
        {
            if (_module.Options.BoundsCheck)
                ThrowIndexOutOfRangeIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGE, indexValue, length, ""), array, data);
            if (_module.Options.BoundsCheck)
            {
                // After the check the index is in [0, length): a non-negative zero extension.
                offset = LLVMBuildZExt(_builder, indexValue, _types.I64, "");
                LLVMSetNNeg(offset, 1);
            }
            else
            {
                offset = LLVMBuildSExt(_builder, indexValue, _types.I64, "");
            }
        }
        else
        {
            offset = indexValue;
            if (_module.Options.BoundsCheck)
            {
                var wideLength = LLVMBuildZExt(_builder, length, _types.I64, "");
                ThrowIndexOutOfRangeIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGE, offset, wideLength, ""), array, data);
            }
        }
        var elementType = _types.MemoryType(((ContiguousType)array.Type).Element);
        return LLVMBuildGEP2(_builder, elementType, data, &offset, 1, "");
    }

    /// <summary>
    /// The elements from &amp;array[index] to the next multiple of the alignment, in plain integer
    /// arithmetic on the address (no GEP, no load): the index may be out of range, since the loop the
    /// count is for checks each index itself when it runs.
    /// </summary>
    private LLVMValueRef LowerAlignmentPeelCount(AlignmentPeelCountInstruction peel)
    {
        var data = LLVMBuildExtractValue(_builder, Get(peel.Array), 0, "");
        var address = LLVMBuildPtrToInt(_builder, data, _types.I64, "");
        var index = Get(peel.Index);
        if (peel.Index.Type == NType.I32) index = LLVMBuildSExt(_builder, index, _types.I64, "");
        var elementBytes = peel.ElementType.BitWidth / 8;
        var first = LLVMBuildAdd(_builder, address, LLVMBuildMul(_builder, index, ConstOf(_types.I64, elementBytes), ""), "");
        var bytesToAlignment = LLVMBuildAnd(_builder, LLVMBuildNeg(_builder, first, ""), ConstOf(_types.I64, peel.AlignmentBytes - 1), "");
        var count = LLVMBuildLShr(_builder, bytesToAlignment, ConstOf(_types.I64, System.Numerics.BitOperations.Log2((uint)elementBytes)), "");
        return peel.Type == NType.I32 ? LLVMBuildTrunc(_builder, count, _types.I32, "") : count;
    }

    /// <summary>
    /// Calls a function of the unit through the native ABI; a non-zero status returned by the callee
    /// is returned at once, so the exception reaches the managed caller after exactly the callee's stores.
    /// </summary>
    private LLVMValueRef LowerCall(CallInstruction call)
    {
        var callee = call.Callee;
        var arguments = new List<LLVMValueRef>();
        for (var i = 0; i < call.Operands.Length; i++)
        {
            var value = Get(call.Operands[i]);
            var type = callee.ParameterTypes[i];
            if (DataModel.IsAggregate(type))
            {
                for (uint field = 0; field < DataModel.FieldCount(type); field++)
                    arguments.Add(LLVMBuildExtractValue(_builder, value, field, ""));
            }
            else if (type is StructType)
            {
                // Structs go by reference to a copy of the caller's: the callee may change its parameter.
                var copy = SlotFor(type);
                StoreValue(value, type, copy);
                arguments.Add(copy);
            }
            else
            {
                arguments.Add(NarrowToMemory(value, type));
            }
        }
        LLVMValueRef resultSlot = default;
        if (callee.ReturnType != NType.Void)
        {
            resultSlot = SlotFor(callee.ReturnType);
            arguments.Add(resultSlot);
        }
        else
        {
            arguments.Add(LLVMConstNull(_types.Pointer));
        }
        var status = Call(_module.Functions[callee], [.. arguments]);
        var failed = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntNE, status, Const32(0), "");
        var propagate = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "propagate");
        var next = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "");
        MarkUnlikely(LLVMBuildCondBr(_builder, failed, propagate, next));
        LLVMPositionBuilderAtEnd(_builder, propagate);
        LLVMBuildRet(_builder, status);
        LLVMPositionBuilderAtEnd(_builder, next);
        if (callee.ReturnType == NType.Void) return default;
        return LoadValue(resultSlot, callee.ReturnType);
    }
}
