using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// add.ovf, sub.ovf, mul.ovf (and .un): LLVM's llvm.{s,u}{add,sub,mul}.with.overflow, and a branch
    /// to the OverflowException status when the overflow bit is set.
    /// </summary>
    private LLVMValueRef LowerCheckedBinary(CheckedBinaryInstruction binary)
    {
        var type = _types.ValueType(binary.Type);
        var name = "llvm." + (binary.Unsigned ? "u" : "s") + binary.Op switch
        {
            CheckedOp.Add => "add",
            CheckedOp.Sub => "sub",
            _ => "mul",
        } + ".with.overflow";
        var pair = Call(_module.Intrinsic(name, type), Get(binary.Left), Get(binary.Right));
        ThrowIf(LLVMBuildExtractValue(_builder, pair, 1, ""), ExceptionStatus.Overflow);
        return LLVMBuildExtractValue(_builder, pair, 0, "");
    }

    /// <summary>
    /// conv.ovf.* (and .un): OverflowException unless the value fits the target type. An integer is
    /// compared in 128 bits (so every source and target range is exact); a float is truncated toward
    /// zero first and must lie in [MinValue, MaxValue + 1), which also rejects NaN, as .NET's helpers do.
    /// </summary>
    private LLVMValueRef CheckedConvert(ConvertInstruction convert)
    {
        var source = convert.Operand.Type;
        var target = convert.Target;
        var value = Get(convert.Operand);
        if (target.IsFloat)
            throw new InvalidOperationException("CIL has no checked conversion to a float");

        var width = target.BitWidth;
        LLVMValueRef narrowed;
        if (source.IsFloat)
        {
            var floatType = _types.ValueType(source);
            var truncated = Call(_module.Intrinsic("llvm.trunc", floatType), value);
            // Both bounds are powers of two (or zero), exact in float and double.
            var lower = target.IsSigned ? -Math.Pow(2, width - 1) : 0.0;
            var upper = target.IsSigned ? Math.Pow(2, width - 1) : Math.Pow(2, width);
            var inRange = LLVMBuildAnd(_builder,
                LLVMBuildFCmp(_builder, LLVMRealPredicate.LLVMRealOGE, truncated, LLVMConstReal(floatType, lower), ""),
                LLVMBuildFCmp(_builder, LLVMRealPredicate.LLVMRealOLT, truncated, LLVMConstReal(floatType, upper), ""), "");
            ThrowIf(LLVMBuildNot(_builder, inRange, ""), ExceptionStatus.Overflow);
            // In range now, so the plain conversion is exact (no poison); small targets go through 32 bits.
            var convertWidth = Math.Max(width, 32);
            narrowed = target.IsSigned || width < 32
                ? LLVMBuildFPToSI(_builder, truncated, _types.Int(convertWidth), "")
                : LLVMBuildFPToUI(_builder, truncated, _types.Int(convertWidth), "");
            narrowed = ResizeInteger(narrowed, convertWidth, width, signExtend: false);
        }
        else
        {
            var wide = LLVMInt128TypeInContext(_module.Context);
            var extended = convert.SourceUnsigned
                ? LLVMBuildZExt(_builder, value, wide, "")
                : LLVMBuildSExt(_builder, value, wide, "");
            var (minimum, maximum) = IntegerRange(target);
            var below = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSLT, extended, LLVMConstInt(wide, (ulong)minimum, 1), "");
            var above = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntSGT, extended, LLVMConstInt(wide, maximum, 0), "");
            ThrowIf(LLVMBuildOr(_builder, below, above, ""), ExceptionStatus.Overflow);
            narrowed = ResizeInteger(value, source.BitWidth, width, signExtend: false);
        }
        return WidenFromMemory(narrowed, target);
    }

    /// <summary>The smallest and largest value of an integer type (bool and char included).</summary>
    private static (long Minimum, ulong Maximum) IntegerRange(NType type)
    {
        var width = type.BitWidth;
        return type.IsSigned
            ? (-(1L << (width - 1)), (1UL << (width - 1)) - 1)
            : (0, width == 64 ? ulong.MaxValue : (1UL << width) - 1);
    }
}
