using System.Reflection;
using Numbana.IR;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    /// <summary>
    /// A call of a recognized numeric library method (<see cref="MathFunctions"/>) becomes a
    /// <see cref="MathInstruction"/>. Math.Round's overloads become Round(x), RoundWithMode(x, mode) or
    /// RoundDigits(x, digits, mode), where Round(x, digits) passes MidpointRounding.ToEven.
    /// </summary>
    private bool TryImportMathCall(MethodInfo callee)
    {
        if (MathFunctions.Match(callee) is not { } call) return false;
        var parameters = callee.GetParameters();
        var values = new Value[parameters.Length];
        for (var i = parameters.Length - 1; i >= 0; i--)
            values[i] = CoerceForStore(Pop(), call.ParameterTypes[i]);

        // Round(x, digits) is Round(x, digits, MidpointRounding.ToEven), and ToEven is 0.
        if (call.Function == MathFunction.RoundDigits && values.Length == 2)
            values = [values[0], values[1], Append(new ConstantInstruction(NType.I32, 0, _instruction.Offset))];
        Push(Append(new MathInstruction(call.Function, call.ResultType.StackType, values, _instruction.Offset, call.OperandType)));
        return true;
    }

    /// <summary>
    /// Math.DivRem(a, b, out rem) and Math.BigMul(a, b, out low), as CoreLib computes them:
    /// DivRem is <c>q = a / b; rem = a - q * b; return q</c>, so b = 0 raises DivideByZeroException and
    /// MinValue / -1 OverflowException before rem is written, as in .NET; BigMul writes the low 64 bits
    /// of the exact product (the wrapped product) and returns the high 64 bits.
    /// </summary>
    private bool TryImportMathOutCall(MethodInfo callee)
    {
        if (MathFunctions.MatchOutForm(callee) is not { } match) return false;
        var (function, operandType) = match;
        var type = operandType.StackType;
        var output = CoerceForStore(Pop(), NType.ByRefOf(operandType));
        var right = CoerceForStore(Pop(), operandType);
        var left = CoerceForStore(Pop(), operandType);
        var offset = _instruction.Offset;
        if (function == MathFunction.DivRem)
        {
            var quotient = Append(new BinaryInstruction(BinaryOp.Div, type, left, right, offset));
            var product = Append(new BinaryInstruction(BinaryOp.Mul, type, quotient, right, offset));
            Append(new StoreInstruction(output, Append(new BinaryInstruction(BinaryOp.Sub, type, left, product, offset)), offset));
            Push(quotient);
        }
        else
        {
            var high = Append(new MathInstruction(MathFunction.BigMulHigh, type, [left, right], offset, operandType));
            Append(new StoreInstruction(output, Append(new BinaryInstruction(BinaryOp.Mul, type, left, right, offset)), offset));
            Push(high);
        }
        return true;
    }
}
