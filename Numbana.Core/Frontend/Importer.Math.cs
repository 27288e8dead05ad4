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
}
