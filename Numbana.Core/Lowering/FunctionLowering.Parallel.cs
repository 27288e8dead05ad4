using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>
/// Prange loops. A <see cref="ParallelForInstruction"/> becomes a call of the runtime's
/// <c>int numbana_parallel_for(ptr body, ptr context, i64 count, i32 reductions, ptr kinds, ptr values)</c>
/// (an [UnmanagedCallersOnly] method the CPU backend defines as an absolute symbol). The live-in
/// values go into a context record on the stack; <c>body</c> is a small function made here,
/// <c>i32 chunk(ptr context, i64 chunkStart, i64 chunkEnd, ptr partials)</c>, that loads them and calls
/// the outlined body with the native ABI (LLVM inlines the body into it: it has one caller).
/// The reductions' values travel in an i64 slot each: the initial values in, the combined values out.
/// </summary>
internal sealed partial class FunctionLowering
{
    /// <summary>The runtime entry compiled code calls for a parallel loop (see Numbana.Backends.Cpu's ParallelForRuntime).</summary>
    public const string ParallelForSymbol = "numbana_parallel_for";

    private readonly Dictionary<ParallelForInstruction, LLVMValueRef> _reductionSlots = new();

    private LLVMValueRef LowerParallel(ParallelInstruction instruction) => instruction switch
    {
        PrangeCountInstruction count => LowerPrangeCount(count),
        ParallelForInstruction loop => LowerParallelFor(loop),
        ReductionResultInstruction result => LLVMBuildLoad2(_builder, _types.ValueType(result.Type), ReductionSlot(_reductionSlots[result.Loop], result.Index), ""),
        PartialStoreInstruction store => LLVMBuildStore(_builder, Get(store.StoredValue),
            ReductionSlot(LLVMBuildIntToPtr(_builder, Get(store.Partials), _types.Pointer, ""), store.Index)),
        _ => throw new InvalidOperationException($"no lowering for {instruction.Mnemonic}"),
    };

    private static readonly Lazy<ExceptionStatus> ZeroStepStatus = new(() => ThrownExceptions.Register(
        typeof(ArgumentException).GetConstructor([typeof(string), typeof(string)])!,
        [Prange.ZeroStepMessage, "step"]));

    /// <summary>The count of range(start, end, step) as Prange.Count computes it; a zero step raises ArgumentException.</summary>
    private LLVMValueRef LowerPrangeCount(PrangeCountInstruction count)
    {
        var start = Get(count.Start);
        var end = Get(count.End);
        var step = Get(count.Step);
        var zero = ConstOf(_types.I64, 0);
        ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, step, zero, ""), ZeroStepStatus.Value);
        var positive = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSGT, step, zero, "");
        var span = LLVMBuildSelect(_builder, positive, LLVMBuildSub(_builder, end, start, ""), LLVMBuildSub(_builder, start, end, ""), "");
        var nonEmpty = LLVMBuildSelect(_builder, positive,
            LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSGT, end, start, ""),
            LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSGT, start, end, ""), "");
        var magnitude = LLVMBuildSelect(_builder, positive, step, LLVMBuildSub(_builder, zero, step, ""), "");
        var one = ConstOf(_types.I64, 1);
        var values = LLVMBuildAdd(_builder, LLVMBuildUDiv(_builder, LLVMBuildSub(_builder, span, one, ""), magnitude, ""), one, "");
        return LLVMBuildSelect(_builder, nonEmpty, values, zero, "prange.count");
    }

    private unsafe LLVMValueRef LowerParallelFor(ParallelForInstruction loop)
    {
        var liveIns = loop.LiveIns.ToArray();
        var contextType = _types.Struct(liveIns.Select(v => _types.ValueType(v.Type)).ToArray());
        var context = Alloca(contextType);
        for (var i = 0; i < liveIns.Length; i++)
            LLVMBuildStore(_builder, Get(liveIns[i]), LLVMBuildStructGEP2(_builder, contextType, context, (uint)i, ""));

        var reductions = loop.Reductions;
        var slots = Alloca(LLVMArrayType2(_types.I64, (ulong)Math.Max(1, reductions.Length)));
        var kinds = Alloca(LLVMArrayType2(_types.I32, (ulong)Math.Max(1, reductions.Length)));
        var initial = loop.InitialValues.ToArray();
        for (var j = 0; j < reductions.Length; j++)
        {
            LLVMBuildStore(_builder, Get(initial[j]), ReductionSlot(slots, j));
            var kind = Const32(reductions[j].RuntimeCode);
            var index = ConstOf(_types.I64, j);
            LLVMBuildStore(_builder, kind, LLVMBuildGEP2(_builder, _types.I32, kinds, &index, 1, ""));
        }
        _reductionSlots[loop] = slots;

        var chunk = ChunkFunction(loop, contextType);
        var runtime = RuntimeFunction();
        var status = Call(runtime, chunk, context, Get(loop.Count), Const32(reductions.Length), kinds, slots);
        var failed = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntNE, status, Const32(0), "");
        var propagate = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "parallel.failed");
        var next = LLVMAppendBasicBlockInContext(_module.Context, _llvmFunction, "");
        MarkUnlikely(LLVMBuildCondBr(_builder, failed, propagate, next));
        LLVMPositionBuilderAtEnd(_builder, propagate);
        LLVMBuildRet(_builder, status);
        LLVMPositionBuilderAtEnd(_builder, next);
        return status;
    }

    private unsafe LLVMValueRef ReductionSlot(LLVMValueRef slots, int index)
    {
        var offset = ConstOf(_types.I64, index);
        return LLVMBuildGEP2(_builder, _types.I64, slots, &offset, 1, "");
    }

    private unsafe (LLVMValueRef Function, LLVMTypeRef Type) RuntimeFunction()
    {
        LLVMTypeRef[] parameters = [_types.Pointer, _types.Pointer, _types.I64, _types.I32, _types.Pointer, _types.Pointer];
        LLVMTypeRef type;
        fixed (LLVMTypeRef* p = parameters) type = LLVMFunctionType(_types.I32, p, (uint)parameters.Length, 0);
        var function = LLVMGetNamedFunction(_module.Module, ParallelForSymbol);
        if (function.IsNull)
        {
            function = LLVMAddFunction(_module.Module, ParallelForSymbol, type);
            _module.AddFunctionAttribute(function, _module.EnumAttribute("nounwind"));
        }
        return (function, type);
    }

    /// <summary>
    /// <c>i32 chunk(ptr context, i64 chunkStart, i64 chunkEnd, ptr partials)</c>: loads the live-ins and
    /// calls the outlined body with the native ABI (array live-ins as pointer and length).
    /// </summary>
    private unsafe LLVMValueRef ChunkFunction(ParallelForInstruction loop, LLVMTypeRef contextType)
    {
        LLVMTypeRef[] parameters = [_types.Pointer, _types.I64, _types.I64, _types.Pointer];
        LLVMTypeRef type;
        fixed (LLVMTypeRef* p = parameters) type = LLVMFunctionType(_types.I32, p, (uint)parameters.Length, 0);
        var body = _module.Functions[loop.Body];
        var chunk = LLVMAddFunction(_module.Module, loop.Body.Name + ".chunk", type);
        LLVMSetLinkage(chunk, LLVMLinkage.LLVMInternalLinkage);
        _module.AddFunctionAttribute(chunk, _module.EnumAttribute("nounwind"));

        var builder = LLVMCreateBuilderInContext(_module.Context);
        try
        {
            LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(_module.Context, chunk, "entry"));
            var context = LLVMGetParam(chunk, 0);
            var arguments = new List<LLVMValueRef>();
            var liveIns = loop.LiveIns.ToArray();
            for (var i = 0; i < liveIns.Length; i++)
            {
                var field = LLVMBuildStructGEP2(builder, contextType, context, (uint)i, "");
                var value = LLVMBuildLoad2(builder, _types.ValueType(liveIns[i].Type), field, "");
                if (DataModel.IsAggregate(liveIns[i].Type))
                {
                    for (uint part = 0; part < DataModel.FieldCount(liveIns[i].Type); part++)
                        arguments.Add(LLVMBuildExtractValue(builder, value, part, ""));
                }
                else
                {
                    arguments.Add(value);
                }
            }
            arguments.Add(LLVMGetParam(chunk, 1));
            arguments.Add(LLVMGetParam(chunk, 2));
            arguments.Add(LLVMBuildPtrToInt(builder, LLVMGetParam(chunk, 3), _types.I64, ""));
            arguments.Add(LLVMConstNull(_types.Pointer));
            var array = arguments.ToArray();
            LLVMValueRef status;
            fixed (LLVMValueRef* a = array)
                status = LLVMBuildCall2(builder, body.Type, body.Value, a, (uint)array.Length, "");
            LLVMBuildRet(builder, status);
        }
        finally
        {
            LLVMDisposeBuilder(builder);
        }
        return chunk;
    }
}
