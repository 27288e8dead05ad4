using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>Spans (slices, stackalloc) and multi-dimensional arrays (element addresses, lengths).</summary>
internal sealed partial class FunctionLowering
{
    /// <summary>
    /// <c>Slice(start[, length])</c>: .NET (64-bit) raises ArgumentOutOfRangeException unless
    /// <c>(ulong)(uint)start + (ulong)(uint)length &lt;= (ulong)(uint)span.Length</c>, or for <c>Slice(start)</c>
    /// unless <c>(uint)start &lt;= (uint)span.Length</c>. These checks stay on with BoundsCheck off: they are
    /// argument validation with a defined exception, not index checks.
    /// </summary>
    private unsafe LLVMValueRef LowerSlice(SliceInstruction slice)
    {
        var span = Get(slice.Span);
        var data = LLVMBuildExtractValue(_builder, span, 0, "");
        var spanLength = LLVMBuildExtractValue(_builder, span, 1, "");
        var start = Get(slice.Start);
        LLVMValueRef newLength;
        if (slice.Length is { } lengthValue)
        {
            var length = Get(lengthValue);
            var end = LLVMBuildAdd(_builder, LLVMBuildZExt(_builder, start, _types.I64, ""), LLVMBuildZExt(_builder, length, _types.I64, ""), "");
            ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGT, end, LLVMBuildZExt(_builder, spanLength, _types.I64, ""), ""), slice.OutOfRange);
            newLength = length;
        }
        else
        {
            ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGT, start, spanLength, ""), slice.OutOfRange);
            newLength = LLVMBuildNUWSub(_builder, spanLength, start, "");
        }
        var offset = LLVMBuildZExt(_builder, start, _types.I64, "");
        var elementType = _types.MemoryType(((SpanType)slice.Type).Element);
        var newData = LLVMBuildInBoundsGEP2(_builder, elementType, data, &offset, 1, "");
        var result = LLVMBuildInsertValue(_builder, LLVMGetPoison(_types.Array), newData, 0, "");
        return LLVMBuildInsertValue(_builder, result, newLength, 1, "");
    }

    /// <summary>
    /// stackalloc: a constant size outside any loop becomes an entry-block alloca (mem2reg and SROA see
    /// through it); any other is a dynamic alloca at the point of the localloc, growing the stack each time
    /// it runs, as .NET's localloc does. The function then probes the stack page by page
    /// ("probe-stack"="inline-asm"), so a size too large for the stack hits the guard page (a stack overflow,
    /// as in .NET) rather than skipping over it into other memory. The bytes are zeroed each time.
    /// </summary>
    private LLVMValueRef LowerStackAlloc(StackAllocInstruction alloc)
    {
        var byteCount = Get(alloc.ByteCount);
        LLVMValueRef memory;
        if (ConstantByteCount(alloc.ByteCount) is { } constantBytes && !IsInCycle(alloc.Block!))
        {
            var bytes = LLVMArrayType2(_types.I8, (ulong)constantBytes);
            memory = Alloca(bytes);
            LLVMSetAlignment(memory, 16);
        }
        else
        {
            memory = LLVMBuildArrayAlloca(_builder, _types.I8, byteCount, "");
            LLVMSetAlignment(memory, 16);
            _module.AddFunctionAttribute(_llvmFunction, _module.StringAttribute("probe-stack", "inline-asm"));
        }
        LLVMBuildMemSet(_builder, memory, LLVMConstInt(_types.I8, 0, 0), byteCount, 16);
        return LLVMBuildPtrToInt(_builder, memory, _types.I64, "");
    }

    /// <summary>
    /// Constant data: a private, unnamed_addr constant global of the bytes, aligned to 16 so that any element
    /// type can be read from it (CreateSpan&lt;long&gt;, &lt;double&gt;).
    /// </summary>
    private LLVMValueRef LowerConstantData(ConstantDataInstruction constant)
    {
        var initializer = LLVMConstStringInContext2(_module.Context, constant.Data, DontNullTerminate: true);
        var global = LLVMAddGlobal(_module.Module, LLVMTypeOf(initializer), "numbana.data");
        LLVMSetInitializer(global, initializer);
        LLVMSetGlobalConstant(global, 1);
        LLVMSetLinkage(global, LLVMLinkage.LLVMPrivateLinkage);
        LLVMSetUnnamedAddress(global, LLVMUnnamedAddr.LLVMGlobalUnnamedAddr);
        LLVMSetAlignment(global, 16);
        return LLVMBuildPtrToInt(_builder, global, _types.I64, "");
    }

    /// <summary>
    /// The size of a stackalloc when it is a constant of at most 1 MiB: C# writes <c>ldc.i4 size; conv.u</c>, so a
    /// constant seen through a conversion to a native integer counts too.
    /// </summary>
    private static long? ConstantByteCount(Value byteCount)
    {
        var value = byteCount is ConvertInstruction { CheckOverflow: false, Target.Kind: TypeKind.NInt or TypeKind.NUInt } convert
            && convert.Operand is ConstantInstruction { Type.Kind: TypeKind.I32, Bits: >= 0 }
            ? convert.Operand
            : byteCount;
        return value is ConstantInstruction { Bits: >= 0 and <= 1 << 20 } constant ? constant.Bits : null;
    }

    /// <summary>True when <paramref name="block"/> can run again after itself (it is part of a loop).</summary>
    private static bool IsInCycle(Block block)
    {
        var visited = new HashSet<Block>();
        var pending = new Stack<Block>(ControlFlow.Successors(block));
        while (pending.TryPop(out var next))
        {
            if (next == block) return true;
            if (!visited.Add(next)) continue;
            foreach (var successor in ControlFlow.Successors(next)) pending.Push(successor);
        }
        return false;
    }

    /// <summary><c>new Span&lt;T&gt;(void*, int length)</c>: ArgumentOutOfRangeException for a negative length.</summary>
    private LLVMValueRef LowerSpanOverMemory(SpanOverMemoryInstruction span)
    {
        var length = Get(span.Length);
        ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSLT, length, Const32(0), ""), span.OutOfRange);
        var data = LLVMBuildIntToPtr(_builder, Get(span.Memory), _types.Pointer, "");
        var result = LLVMBuildInsertValue(_builder, LLVMGetPoison(_types.Array), data, 0, "");
        return LLVMBuildInsertValue(_builder, result, length, 1, "");
    }

    /// <summary>
    /// The address of a multi-dimensional element: every index is checked against its dimension (unsigned
    /// compare, so negative indices fail too) before the row-major offset is formed in 64 bits. With the
    /// checks on, each index is in [0, length) and the offset is below the element count, so the
    /// multiplications and additions cannot wrap (nuw nsw).
    /// </summary>
    private unsafe LLVMValueRef LowerMultiDimensionalElementAddress(MultiDimensionalElementAddressInstruction address)
    {
        var array = Get(address.Array);
        var indices = address.Indices;
        var check = _module.Options.BoundsCheck;
        var lengths = new LLVMValueRef[indices.Length];
        for (var d = 0; d < indices.Length; d++)
        {
            lengths[d] = LLVMBuildExtractValue(_builder, array, (uint)(d + 1), "");
            if (check)
                ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGE, Get(indices[d]), lengths[d], ""), ExceptionStatus.IndexOutOfRange);
        }
        LLVMValueRef offset = default;
        for (var d = 0; d < indices.Length; d++)
        {
            var index = check ? LLVMBuildZExt(_builder, Get(indices[d]), _types.I64, "") : LLVMBuildSExt(_builder, Get(indices[d]), _types.I64, "");
            if (d == 0)
            {
                offset = index;
                continue;
            }
            var length = LLVMBuildZExt(_builder, lengths[d], _types.I64, "");
            offset = check
                ? LLVMBuildNUWAdd(_builder, LLVMBuildNUWMul(_builder, offset, length, ""), index, "")
                : LLVMBuildAdd(_builder, LLVMBuildMul(_builder, offset, length, ""), index, "");
        }
        var data = LLVMBuildExtractValue(_builder, array, 0, "");
        var elementType = _types.MemoryType(address.ArrayType.Element);
        return LLVMBuildGEP2(_builder, elementType, data, &offset, 1, "");
    }

    /// <summary>
    /// <c>GetLength(dimension)</c>: a constant dimension reads its field; a computed one is checked against the
    /// rank (IndexOutOfRangeException, as .NET) and picks its field with a chain of selects.
    /// </summary>
    private LLVMValueRef LowerMultiDimensionalLength(MultiDimensionalLengthInstruction length)
    {
        var array = Get(length.Array);
        var rank = ((MultiDimensionalArrayType)length.Array.Type).Rank;
        if (length.Dimension is ConstantInstruction { Bits: var constant } && constant >= 0 && constant < rank)
            return LLVMBuildExtractValue(_builder, array, (uint)(constant + 1), "");
        var dimension = Get(length.Dimension);
        ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGE, dimension, Const32(rank), ""), ExceptionStatus.IndexOutOfRange);
        var result = LLVMBuildExtractValue(_builder, array, (uint)rank, "");
        for (var d = rank - 2; d >= 0; d--)
        {
            var isThis = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, dimension, Const32(d), "");
            result = LLVMBuildSelect(_builder, isThis, LLVMBuildExtractValue(_builder, array, (uint)(d + 1), ""), result, "");
        }
        return result;
    }

    /// <summary>
    /// <c>Fill(value)</c> and <c>Clear()</c>: a plain store loop over the span (LLVM turns it into memset or
    /// vector stores); nothing can fail.
    /// </summary>
    private unsafe LLVMValueRef LowerSpanFill(SpanFillInstruction fill)
    {
        var span = Get(fill.Span);
        var data = LLVMBuildExtractValue(_builder, span, 0, "");
        var length = LLVMBuildZExt(_builder, LLVMBuildExtractValue(_builder, span, 1, ""), _types.I64, "");
        var value = NarrowToMemory(Get(fill.FillValue), fill.ElementType);
        var elementType = _types.MemoryType(fill.ElementType);

        var before = LLVMGetInsertBlock(_builder);
        var loop = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "fill");
        var done = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "filled");
        var zero = ConstOf(_types.I64, 0);
        LLVMBuildCondBr(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, length, zero, ""), done, loop);
        LLVMPositionBuilderAtEnd(_builder, loop);
        var index = LLVMBuildPhi(_builder, _types.I64, "");
        var element = LLVMBuildInBoundsGEP2(_builder, elementType, data, &index, 1, "");
        LLVMBuildStore(_builder, value, element);
        var next = LLVMBuildNUWAdd(_builder, index, ConstOf(_types.I64, 1), "");
        LLVMAddIncoming(index, &zero, &before, 1);
        LLVMAddIncoming(index, &next, &loop, 1);
        LLVMBuildCondBr(_builder, LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntULT, next, length, ""), loop, done);
        LLVMPositionBuilderAtEnd(_builder, done);
        return default;
    }

    /// <summary>CopyTo and TryCopyTo: a length check, then llvm.memmove of length * element size bytes.</summary>
    private LLVMValueRef LowerSpanCopy(SpanCopyInstruction copy)
    {
        var source = Get(copy.Source);
        var destination = Get(copy.Destination);
        var sourceLength = LLVMBuildExtractValue(_builder, source, 1, "");
        var tooShort = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntUGT, sourceLength, LLVMBuildExtractValue(_builder, destination, 1, ""), "");
        var elementType = _types.MemoryType(copy.ElementType);
        if (copy.TooShort is { } status)
        {
            ThrowIf(tooShort, status);
            EmitMove();
            return default;
        }
        var before = LLVMGetInsertBlock(_builder);
        var move = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "copy");
        var done = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "copied");
        LLVMBuildCondBr(_builder, tooShort, done, move);
        LLVMPositionBuilderAtEnd(_builder, move);
        EmitMove();
        var moved = LLVMGetInsertBlock(_builder);
        LLVMBuildBr(_builder, done);
        LLVMPositionBuilderAtEnd(_builder, done);
        var result = LLVMBuildPhi(_builder, _types.I32, "");
        LLVMAddIncoming(result, [Const32(0), Const32(1)], [before, moved]);
        return result;

        void EmitMove()
        {
            var bytes = LLVMBuildNUWMul(_builder, LLVMBuildZExt(_builder, sourceLength, _types.I64, ""), LLVMSizeOf(elementType), "");
            LLVMBuildMemMove(_builder, LLVMBuildExtractValue(_builder, destination, 0, ""), 1,
                LLVMBuildExtractValue(_builder, source, 0, ""), 1, bytes);
        }
    }
}
