using Numbana.IR;
using Numbana.Llvm.Interop;
using Numbana.Runtime;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

internal sealed partial class FunctionLowering
{
    /// <summary>The quiet NaN with the sign bit clear (0x7FF8000000000000); double.NaN has it set.</summary>
    private static readonly double PositiveNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    /// <summary>
    /// System.Math with .NET's results: exact IEEE operations become LLVM intrinsics; Min and Max of
    /// floats propagate NaN and order -0.0 below +0.0 (llvm.minimum/maximum); Exp, Log, Sin, Cos and
    /// Pow call the C library that .NET calls on Linux.
    /// </summary>
    private LLVMValueRef LowerMath(MathInstruction math)
    {
        var type = _types.ValueType(math.Type);
        var arguments = math.Operands.Select(Get).ToArray();
        if (!math.Type.IsFloat) return IntegerMath(math.Function, type, math.Type.BitWidth, arguments);

        LLVMValueRef result;
        switch (math.Function)
        {
            case MathFunction.Sqrt: result = Call(_module.Intrinsic("llvm.sqrt", type), arguments); break;
            case MathFunction.Abs: result = Call(_module.Intrinsic("llvm.fabs", type), arguments); break;
            case MathFunction.Floor: result = Call(_module.Intrinsic("llvm.floor", type), arguments); break;
            case MathFunction.Ceiling: result = Call(_module.Intrinsic("llvm.ceil", type), arguments); break;
            case MathFunction.Min: result = Call(_module.Intrinsic("llvm.minimum", type), arguments); break;
            case MathFunction.Max: result = Call(_module.Intrinsic("llvm.maximum", type), arguments); break;
            case MathFunction.Exp: result = LibraryCall("exp", type, arguments); break;
            case MathFunction.Log: result = Log(type, arguments[0]); break;
            case MathFunction.Sin: result = LibraryCall("sin", type, arguments); break;
            case MathFunction.Cos: result = LibraryCall("cos", type, arguments); break;
            case MathFunction.Pow: result = LibraryCall("pow", type, arguments); break;
            default: throw new InvalidOperationException($"no lowering for Math.{math.Function} on {math.Type}");
        }
        ApplyFastMath(result);
        return result;
    }

    /// <summary>
    /// log(x): glibc gives -NaN for x &lt; 0, the .NET runtime's wrapper (PAL_log) gives the positive
    /// default NaN; keep .NET's bits.
    /// </summary>
    private LLVMValueRef Log(LLVMTypeRef type, LLVMValueRef x)
    {
        var log = LibraryCall("log", type, [x]);
        var negative = LLVMBuildFCmp(_builder, LLVMRealPredicate.LLVMRealOLT, x, LLVMConstReal(type, 0), "");
        return LLVMBuildSelect(_builder, negative, LLVMConstReal(type, PositiveNaN), log, "");
    }

    private LLVMValueRef LibraryCall(string name, LLVMTypeRef type, LLVMValueRef[] arguments)
    {
        var callee = _module.LibraryFunction(name, type, [.. arguments.Select(_ => type)]);
        var call = Call(callee, arguments);
        // Exact mode: keep the very libm call .NET makes; LLVM would otherwise rewrite some
        // (pow(2, x) into exp2(x), for one), which can differ in the last bit.
        if (!FastMath) LLVMAddCallSiteAttribute(call, LLVMAttributeIndex.LLVMAttributeFunctionIndex, _module.EnumAttribute("nobuiltin"));
        return call;
    }

    private LLVMValueRef IntegerMath(MathFunction function, LLVMTypeRef type, int width, LLVMValueRef[] arguments)
    {
        switch (function)
        {
            case MathFunction.Min: return Call(_module.Intrinsic("llvm.smin", type), arguments);
            case MathFunction.Max: return Call(_module.Intrinsic("llvm.smax", type), arguments);
            case MathFunction.Abs:
            {
                // Math.Abs(int.MinValue) has no positive counterpart: .NET throws OverflowException.
                var minimum = ConstOf(type, width == 64 ? long.MinValue : int.MinValue);
                ThrowIf(LLVMBuildICmp(_builder, LLVMIntPredicate.LLVMIntEQ, arguments[0], minimum, ""), ExceptionStatus.Overflow);
                return Call(_module.Intrinsic("llvm.abs", type), arguments[0], LLVMConstInt(_types.I1, 1, 0));
            }
            default:
                throw new InvalidOperationException($"no lowering for Math.{function} on integers");
        }
    }
}
