using Numbana.IR;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>
    /// CIL's conv.*: to the target's width (integers widen by the target's signedness, as conv.u8 of
    /// an int32 zero-extends), then back to the target's stack type. Float to integer saturates and
    /// maps NaN to 0, as .NET 9 and later do everywhere.
    /// </summary>
    private LLVMValueRef LowerConvert(ConvertInstruction convert)
    {
        if (convert.CheckOverflow) return CheckedConvert(convert);
        var source = convert.Operand.Type;
        var target = convert.Target;
        var value = Get(convert.Operand);

        if (target.IsFloat)
        {
            var floatType = _types.MemoryType(target);
            if (source.IsFloat)
            {
                if (source.BitWidth == target.BitWidth) return value;
                return source.BitWidth < target.BitWidth
                    ? LLVMBuildFPExt(_builder, value, floatType, "")
                    : LLVMBuildFPTrunc(_builder, value, floatType, "");
            }
            return convert.SourceUnsigned
                ? LLVMBuildUIToFP(_builder, value, floatType, "")
                : LLVMBuildSIToFP(_builder, value, floatType, "");
        }

        LLVMValueRef narrowed;
        if (source.IsFloat)
        {
            // Small targets convert through int32 and truncate, as RyuJIT does.
            var sourceType = _types.ValueType(source);
            if (target.BitWidth >= 32)
            {
                var intrinsic = target.IsSigned ? "llvm.fptosi.sat" : "llvm.fptoui.sat";
                narrowed = Call(_module.Intrinsic(intrinsic, _types.Int(target.BitWidth), sourceType), value);
            }
            else
            {
                narrowed = Call(_module.Intrinsic("llvm.fptosi.sat", _types.I32, sourceType), value);
                narrowed = LLVMBuildTrunc(_builder, narrowed, _types.Int(target.BitWidth), "");
            }
        }
        else
        {
            narrowed = ResizeInteger(value, source.BitWidth, target.BitWidth, signExtend: target.IsSigned);
        }
        return WidenFromMemory(narrowed, target);
    }

    private LLVMValueRef ResizeInteger(LLVMValueRef value, int from, int to, bool signExtend)
    {
        if (from == to) return value;
        var type = _types.Int(to);
        if (from > to) return LLVMBuildTrunc(_builder, value, type, "");
        return signExtend ? LLVMBuildSExt(_builder, value, type, "") : LLVMBuildZExt(_builder, value, type, "");
    }

    /// <summary>
    /// A value of <paramref name="type"/> in its memory form (i8 for bool and bytes, i16 for shorts
    /// and char) widened to its stack type: signed types sign-extend, the others zero-extend.
    /// </summary>
    private LLVMValueRef WidenFromMemory(LLVMValueRef value, NType type)
    {
        var stack = type.StackType;
        if (!type.IsInteger || type.BitWidth == stack.BitWidth) return value;
        return ResizeInteger(value, type.BitWidth, stack.BitWidth, signExtend: type.IsSigned);
    }

    /// <summary>A stack value narrowed to the memory form of <paramref name="type"/> (truncation, as stelem and stind do).</summary>
    private LLVMValueRef NarrowToMemory(LLVMValueRef value, NType type)
    {
        var stack = type.StackType;
        if (!type.IsInteger || type.BitWidth == stack.BitWidth) return value;
        return LLVMBuildTrunc(_builder, value, _types.MemoryType(type), "");
    }
}
