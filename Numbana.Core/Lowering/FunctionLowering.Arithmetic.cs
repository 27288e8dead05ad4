using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    private LLVMValueRef LowerBinary(BinaryInstruction binary)
    {
        var left = Get(binary.Left);
        var right = Get(binary.Right);
        if (binary.Type.IsFloat)
        {
            var result = binary.Op switch
            {
                BinaryOp.Add => LLVMBuildFAdd(_builder, left, right, ""),
                BinaryOp.Sub => LLVMBuildFSub(_builder, left, right, ""),
                BinaryOp.Mul => LLVMBuildFMul(_builder, left, right, ""),
                BinaryOp.Div => LLVMBuildFDiv(_builder, left, right, ""),
                // CIL's rem on floats is C's fmod, which LLVM's frem is.
                BinaryOp.Rem => LLVMBuildFRem(_builder, left, right, ""),
                _ => throw new InvalidOperationException($"{binary.Op} on {binary.Type}"),
            };
            ApplyFastMath(result);
            return result;
        }

        var width = binary.Type.BitWidth;
        return binary.Op switch
        {
            // No nsw/nuw: C# arithmetic wraps.
            BinaryOp.Add => LLVMBuildAdd(_builder, left, right, ""),
            BinaryOp.Sub => LLVMBuildSub(_builder, left, right, ""),
            BinaryOp.Mul => LLVMBuildMul(_builder, left, right, ""),
            BinaryOp.Div => SignedDivision(left, right, width, remainder: false),
            BinaryOp.Rem => SignedDivision(left, right, width, remainder: true),
            BinaryOp.DivUnsigned => UnsignedDivision(left, right, remainder: false),
            BinaryOp.RemUnsigned => UnsignedDivision(left, right, remainder: true),
            BinaryOp.And => LLVMBuildAnd(_builder, left, right, ""),
            BinaryOp.Or => LLVMBuildOr(_builder, left, right, ""),
            BinaryOp.Xor => LLVMBuildXor(_builder, left, right, ""),
            BinaryOp.Shl => LLVMBuildShl(_builder, left, ShiftCount(binary), ""),
            BinaryOp.Shr => LLVMBuildAShr(_builder, left, ShiftCount(binary), ""),
            BinaryOp.ShrUnsigned => LLVMBuildLShr(_builder, left, ShiftCount(binary), ""),
            _ => throw new InvalidOperationException($"{binary.Op} on {binary.Type}"),
        };
    }

    /// <summary>
    /// The shift count, converted to the shifted value's width and masked to width - 1: CIL leaves
    /// larger counts unspecified, RyuJIT masks them (as x86 and ARM64 do), and LLVM would make them poison.
    /// </summary>
    private LLVMValueRef ShiftCount(BinaryInstruction shift)
    {
        var type = _types.ValueType(shift.Type);
        var count = Get(shift.Right);
        if (shift.Right.Type.BitWidth != shift.Type.BitWidth)
            count = shift.Right.Type.BitWidth < shift.Type.BitWidth
                ? LLVMBuildZExt(_builder, count, type, "")
                : LLVMBuildTrunc(_builder, count, type, "");
        return LLVMBuildAnd(_builder, count, ConstOf(type, shift.Type.BitWidth - 1), "");
    }

    /// <summary>x / y and x % y with .NET's checks: y == 0 raises DivideByZeroException, MinValue / -1 (and % -1) OverflowException.</summary>
    private LLVMValueRef SignedDivision(LLVMValueRef left, LLVMValueRef right, int width, bool remainder)
    {
        var type = LLVMTypeOf(right);
        ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, right, ConstOf(type, 0), ""), ExceptionStatus.DivideByZero);
        var minimum = width == 64 ? long.MinValue : int.MinValue;
        var isMinimum = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, left, ConstOf(type, minimum), "");
        var isMinusOne = LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, right, ConstOf(type, -1), "");
        ThrowIf(LLVMBuildAnd(_builder, isMinimum, isMinusOne, ""), ExceptionStatus.Overflow);
        return remainder ? LLVMBuildSRem(_builder, left, right, "") : LLVMBuildSDiv(_builder, left, right, "");
    }

    private LLVMValueRef UnsignedDivision(LLVMValueRef left, LLVMValueRef right, bool remainder)
    {
        ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, right, ConstOf(LLVMTypeOf(right), 0), ""), ExceptionStatus.DivideByZero);
        return remainder ? LLVMBuildURem(_builder, left, right, "") : LLVMBuildUDiv(_builder, left, right, "");
    }

    private LLVMValueRef LowerUnary(UnaryInstruction unary)
    {
        var operand = Get(unary.Operand);
        if (unary.Op == UnaryOp.Not) return LLVMBuildNot(_builder, operand, "");
        if (!unary.Type.IsFloat) return LLVMBuildNeg(_builder, operand, "");
        var result = LLVMBuildFNeg(_builder, operand, "");
        ApplyFastMath(result);
        return result;
    }

    private LLVMValueRef LowerCompare(CompareInstruction compare)
    {
        var left = Get(compare.Left);
        var right = Get(compare.Right);
        LLVMValueRef result;
        if (compare.Left.Type.IsFloat)
        {
            // CIL's plain comparisons are ordered (false on NaN); the .un forms and bne.un are unordered (true on NaN).
            var predicate = compare.Condition switch
            {
                Condition.Equal => LLVMRealPredicate.LLVMRealOEQ,
                Condition.NotEqual => LLVMRealPredicate.LLVMRealUNE,
                Condition.Less => LLVMRealPredicate.LLVMRealOLT,
                Condition.LessOrEqual => LLVMRealPredicate.LLVMRealOLE,
                Condition.Greater => LLVMRealPredicate.LLVMRealOGT,
                Condition.GreaterOrEqual => LLVMRealPredicate.LLVMRealOGE,
                Condition.LessUnsigned => LLVMRealPredicate.LLVMRealULT,
                Condition.LessOrEqualUnsigned => LLVMRealPredicate.LLVMRealULE,
                Condition.GreaterUnsigned => LLVMRealPredicate.LLVMRealUGT,
                Condition.GreaterOrEqualUnsigned => LLVMRealPredicate.LLVMRealUGE,
                _ => throw new InvalidOperationException(compare.Condition.ToString()),
            };
            result = LLVMBuildFCmp(_builder, predicate, left, right, "");
            ApplyFastMath(result);
        }
        else
        {
            var predicate = compare.Condition switch
            {
                Condition.Equal => LLVMIntPredicate.LLVMIntEQ,
                Condition.NotEqual => LLVMIntPredicate.LLVMIntNE,
                Condition.Less => LLVMIntPredicate.LLVMIntSLT,
                Condition.LessOrEqual => LLVMIntPredicate.LLVMIntSLE,
                Condition.Greater => LLVMIntPredicate.LLVMIntSGT,
                Condition.GreaterOrEqual => LLVMIntPredicate.LLVMIntSGE,
                Condition.LessUnsigned => LLVMIntPredicate.LLVMIntULT,
                Condition.LessOrEqualUnsigned => LLVMIntPredicate.LLVMIntULE,
                Condition.GreaterUnsigned => LLVMIntPredicate.LLVMIntUGT,
                Condition.GreaterOrEqualUnsigned => LLVMIntPredicate.LLVMIntUGE,
                _ => throw new InvalidOperationException(compare.Condition.ToString()),
            };
            result = LLVMBuildICmp(_builder, predicate, left, right, "");
        }
        return LLVMBuildZExt(_builder, result, _types.I32, "");
    }
}
