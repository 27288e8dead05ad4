using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>
/// Lowers one IR function's body to LLVM IR. Block parameters become phis; checks that .NET makes
/// (array bounds, division by zero, overflow of MinValue / -1) become branches to a block that
/// returns the exception's status, so every store made before the check stays, as in .NET.
/// The instruction families are in the partial files beside this one.
/// </summary>
/// <remarks>
/// It emits straightforward code and relies on LLVM's O2/O3 pipeline to hoist and vectorize: the
/// bounds checks of a counted loop are versioned away by LLVM itself (see LLVM-NOTES.md), because
/// lengths are SSA values with a known range rather than loads from memory.
/// </remarks>
internal sealed partial class FunctionLowering
{
    private readonly ModuleLowering _module;
    private readonly Function _function;
    private readonly LLVMValueRef _llvmFunction;
    private readonly LLVMBuilderRef _builder;
    private readonly DataModel _types;
    private readonly Dictionary<Value, LLVMValueRef> _values = new();
    private readonly Dictionary<Block, LLVMBasicBlockRef> _blocks = new();
    private readonly Dictionary<ExceptionStatus, LLVMBasicBlockRef> _throwBlocks = new();
    private LLVMBasicBlockRef _allocaBlock;
    private LLVMValueRef _resultPointer;
    private int _currentIlOffset;

    private FunctionLowering(ModuleLowering module, Function function, LLVMBuilderRef builder)
    {
        _module = module;
        _function = function;
        _llvmFunction = module.Functions[function].Value;
        _builder = builder;
        _types = module.Types;
    }

    private bool FastMath => _module.Options.FastMath;

    public static void Lower(ModuleLowering module, Function function)
    {
        var builder = LLVMCreateBuilderInContext(module.Context);
        try
        {
            new FunctionLowering(module, function, builder).LowerBody();
        }
        finally
        {
            LLVMDisposeBuilder(builder);
        }
    }

    private void LowerBody()
    {
        _function.Renumber();
        // Allocas go in a block of their own at the top, so mem2reg promotes them.
        _allocaBlock = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "allocas");
        var order = ControlFlow.ReversePostorder(_function);
        foreach (var block in order)
            _blocks[block] = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, block.ToString());

        foreach (var block in order)
        {
            LLVMPositionBuilderAtEnd(_builder, _blocks[block]);
            if (block == _function.Entry) BindParameters(block);
            else
                foreach (var parameter in block.Parameters)
                {
                    var phi = LLVMBuildPhi(_builder, _types.ValueType(parameter.Type), "");
                    if (FastMath && parameter.Type.IsFloat) LLVMSetFastMathFlags(phi, (LLVMFastMathFlags)_module.Options.FastMathFlags);
                    _values[parameter] = phi;
                }
        }

        foreach (var block in order)
        {
            LLVMPositionBuilderAtEnd(_builder, _blocks[block]);
            foreach (var instruction in block.Instructions)
            {
                _currentIlOffset = instruction.IlOffset;
                var result = Lower(instruction);
                if (instruction.HasResult) _values[instruction] = result;
            }
        }

        LLVMPositionBuilderAtEnd(_builder, _allocaBlock);
        LLVMBuildBr(_builder, _blocks[_function.Entry]);
    }

    /// <summary>Turns the native ABI's arguments into the entry block's stack-typed values.</summary>
    private void BindParameters(Block entry)
    {
        uint abiIndex = 0;
        for (var i = 0; i < _function.ParameterTypes.Count; i++)
        {
            var type = _function.ParameterTypes[i];
            LLVMValueRef value;
            if (DataModel.IsAggregate(type))
            {
                value = LLVMGetPoison(_types.ValueType(type));
                for (uint field = 0; field < DataModel.FieldCount(type); field++)
                    value = LLVMBuildInsertValue(_builder, value, LLVMGetParam(_llvmFunction, abiIndex++), field, "");
            }
            else
            {
                // A struct arrives as a pointer to the caller's copy: read it once, into the callee's own value.
                value = type is StructType
                    ? LoadValue(LLVMGetParam(_llvmFunction, abiIndex++), type)
                    : WidenFromMemory(LLVMGetParam(_llvmFunction, abiIndex++), type);
            }
            _values[entry.Parameters[i]] = value;
        }
        _resultPointer = LLVMGetParam(_llvmFunction, abiIndex);
    }

    private LLVMValueRef Get(Value value) => _values.TryGetValue(value, out var lowered)
        ? lowered
        : throw new InvalidOperationException($"{value} is used before it is lowered in {_function.Name}");

    private LLVMValueRef Lower(Instruction instruction) => instruction switch
    {
        ConstantInstruction constant => LowerConstant(constant),
        BinaryInstruction binary => LowerBinary(binary),
        CheckedBinaryInstruction checkedBinary => LowerCheckedBinary(checkedBinary),
        UnaryInstruction unary => LowerUnary(unary),
        CompareInstruction compare => LowerCompare(compare),
        ConvertInstruction convert => LowerConvert(convert),
        NewArrayInstruction newArray => LowerNewArray(newArray),
        StaticArrayInstruction staticArray => LowerStaticArray(staticArray),
        LocalSlotInstruction slot => SlotFor(slot.Element),
        ArrayLengthInstruction length => LowerArrayLength(length),
        ArrayIsNotNullInstruction notNull => LowerArrayIsNotNull(notNull),
        ArrayLoadInstruction load => LowerArrayLoad(load),
        ArrayStoreInstruction store => LowerArrayStore(store),
        ElementAddressInstruction address => ElementAddress(address.Array, address.Index),
        AlignmentPeelCountInstruction peel => LowerAlignmentPeelCount(peel),
        LoadInstruction load => LoadValue(Get(load.Address), load.ElementType),
        StoreInstruction store => StoreAndReturnNothing(Get(store.StoredValue), store.ElementType, Get(store.Address)),
        FieldAddressInstruction fieldAddress => LowerFieldAddress(fieldAddress),
        ExtractFieldInstruction extract => LowerExtractField(extract),
        MakeStructInstruction make => LowerMakeStruct(make),
        CallInstruction call => LowerCall(call),
        ViewAsInstruction view => Get(view.Source),
        SliceInstruction slice => LowerSlice(slice),
        StackAllocInstruction alloc => LowerStackAlloc(alloc),
        ConstantDataInstruction data => LowerConstantData(data),
        SpanOverMemoryInstruction span => LowerSpanOverMemory(span),
        SpanFillInstruction fill => LowerSpanFill(fill),
        SpanCopyInstruction copy => LowerSpanCopy(copy),
        MultiDimensionalElementAddressInstruction address => LowerMultiDimensionalElementAddress(address),
        MultiDimensionalLengthInstruction length => LowerMultiDimensionalLength(length),
        NewMultiDimensionalArrayInstruction newArray => LowerNewMultiDimensionalArray(newArray),
        MathInstruction math => LowerMath(math),
        ParallelInstruction parallel => LowerParallel(parallel),
        JumpInstruction jump => LowerJump(jump),
        BranchInstruction branch => LowerBranch(branch),
        SwitchInstruction @switch => LowerSwitch(@switch),
        ReturnInstruction ret => LowerReturn(ret),
        ThrowInstruction @throw => LLVMBuildBr(_builder, ThrowBlock(@throw.Status)),
        _ => throw new InvalidOperationException($"no lowering for {instruction.Mnemonic}"),
    };

    private LLVMValueRef LowerConstant(ConstantInstruction constant) => constant.Type.Kind switch
    {
        TypeKind.F32 => LLVMConstReal(_types.F32, BitConverter.Int32BitsToSingle((int)constant.Bits)),
        TypeKind.F64 => LLVMConstReal(_types.F64, BitConverter.Int64BitsToDouble(constant.Bits)),
        TypeKind.Array or TypeKind.Span or TypeKind.MultiDimensionalArray => LLVMConstNull(_types.ValueType(constant.Type)),
        TypeKind.ByRef => LLVMConstNull(_types.Pointer),
        TypeKind.Struct => LLVMConstNull(_types.ValueType(constant.Type)), // default(S): every field zero
        _ => LLVMConstInt(_types.ValueType(constant.Type), (ulong)constant.Bits, 1),
    };

    private LLVMValueRef StoreAndReturnNothing(LLVMValueRef value, NType type, LLVMValueRef address)
    {
        StoreValue(value, type, address);
        return default;
    }

    private LLVMValueRef Const32(int value) => LLVMConstInt(_types.I32, (ulong)(long)value, 1);

    private LLVMValueRef ConstOf(LLVMTypeRef type, long value) => LLVMConstInt(type, (ulong)value, 1);

    /// <summary>
    /// The block that returns <paramref name="status"/> (one per status and function). Branching to it
    /// leaves every earlier store in place, exactly as the .NET exception would.
    /// </summary>
    private LLVMBasicBlockRef ThrowBlock(ExceptionStatus status)
    {
        if (_throwBlocks.TryGetValue(status, out var block)) return block;
        var current = LLVMGetInsertBlock(_builder);
        block = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "throw." + status);
        LLVMPositionBuilderAtEnd(_builder, block);
        LLVMBuildRet(_builder, Const32((int)status));
        LLVMPositionBuilderAtEnd(_builder, current);
        return _throwBlocks[status] = block;
    }

    /// <summary>Continues in a new block when <paramref name="failed"/> is false; otherwise raises <paramref name="status"/>.</summary>
    private void ThrowIf(LLVMValueRef failed, ExceptionStatus status)
    {
        var next = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "");
        var branch = LLVMBuildCondBr(_builder, failed, ThrowBlock(status), next);
        MarkUnlikely(branch);
        LLVMPositionBuilderAtEnd(_builder, next);
    }

    private void MarkUnlikely(LLVMValueRef conditionalBranch) => BranchWeights.MarkFirstUnlikely(_module.Context, conditionalBranch);

    private LLVMValueRef Alloca(LLVMTypeRef type)
    {
        var current = LLVMGetInsertBlock(_builder);
        LLVMPositionBuilderAtEnd(_builder, _allocaBlock);
        var slot = LLVMBuildAlloca(_builder, type, "");
        LLVMPositionBuilderAtEnd(_builder, current);
        return slot;
    }

    private unsafe LLVMValueRef Call((LLVMValueRef Function, LLVMTypeRef Type) callee, params LLVMValueRef[] arguments)
    {
        fixed (LLVMValueRef* p = arguments)
            return LLVMBuildCall2(_builder, callee.Type, callee.Function, p, (uint)arguments.Length, "");
    }

    private void ApplyFastMath(LLVMValueRef instruction)
    {
        if (FastMath && LLVMCanValueUseFastMathFlags(instruction) != 0)
            LLVMSetFastMathFlags(instruction, (LLVMFastMathFlags)_module.Options.FastMathFlags);
    }
}
