using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    private bool TryImportCall(IlInstruction instruction)
    {
        if (instruction.OpCode != ILOpCode.Call) return false;
        MethodBase callee;
        try
        {
            callee = _method.Module.ResolveMethod(instruction.IntOperand,
                _method.DeclaringType?.IsGenericType == true ? _method.DeclaringType.GetGenericArguments() : null,
                _method.IsGenericMethod ? _method.GetGenericArguments() : null)!;
        }
        catch (ArgumentException error)
        {
            throw Unsupported($"The called method (token 0x{instruction.IntOperand:x8}) cannot be resolved: {error.Message}");
        }

        if (callee is not MethodInfo calleeInfo)
            throw Unsupported($"Calling the constructor {MethodNames.Describe(callee)} is not supported in compiled code yet.");
        if (MathFunctions.TryMatch(calleeInfo) is { } math)
        {
            var arguments = PopArguments(calleeInfo);
            Push(Append(new MathInstruction(math, arguments[0].Type, arguments, instruction.Offset)));
            return true;
        }
        if (!calleeInfo.IsStatic)
            throw Unsupported($"Calling the instance method {MethodNames.Describe(calleeInfo)} is not supported in compiled code yet: call static methods.");
        if (calleeInfo.DeclaringType?.Assembly == typeof(object).Assembly)
            throw Unsupported($"{MethodNames.Describe(calleeInfo)} is a .NET library method that Numbana does not compile yet. " +
                "Supported: Math.Sqrt, Abs, Min, Max, Floor, Ceiling, Exp, Log, Sin, Cos, Pow, and static methods of your own.");

        var function = _unit.GetOrAddFunction(calleeInfo, _method);
        var values = PopArguments(calleeInfo);
        var call = Append(new CallInstruction(function, values, instruction.Offset));
        if (call.HasResult) Push(call);
        return true;
    }

    /// <summary>Pops a call's arguments (the last one is on top) and converts each to its parameter's type.</summary>
    private Value[] PopArguments(MethodInfo callee)
    {
        var parameters = callee.GetParameters();
        var values = new Value[parameters.Length];
        for (var i = parameters.Length - 1; i >= 0; i--)
        {
            var type = Typing.ClrTypes.TryMap(parameters[i].ParameterType, out var whyNot)
                ?? throw Unsupported($"Parameter '{parameters[i].Name}' of {MethodNames.Describe(callee)} has type {MethodNames.TypeName(parameters[i].ParameterType)}: {whyNot}.");
            values[i] = CoerceForStore(Pop(), type);
        }
        return values;
    }
}

/// <summary>The System.Math methods compiled as <see cref="MathInstruction"/>s, with .NET's semantics kept by the lowering.</summary>
internal static class MathFunctions
{
    private static readonly Dictionary<string, MathFunction> ByName = new()
    {
        ["Sqrt"] = MathFunction.Sqrt, ["Abs"] = MathFunction.Abs, ["Min"] = MathFunction.Min, ["Max"] = MathFunction.Max,
        ["Floor"] = MathFunction.Floor, ["Ceiling"] = MathFunction.Ceiling, ["Exp"] = MathFunction.Exp, ["Log"] = MathFunction.Log,
        ["Sin"] = MathFunction.Sin, ["Cos"] = MathFunction.Cos, ["Pow"] = MathFunction.Pow,
    };

    public static MathFunction? TryMatch(MethodInfo method)
    {
        if (method.DeclaringType != typeof(Math) || !ByName.TryGetValue(method.Name, out var function)) return null;
        var parameters = method.GetParameters();
        var type = method.ReturnType;
        var arity = function is MathFunction.Min or MathFunction.Max or MathFunction.Pow ? 2 : 1;
        if (parameters.Length != arity || parameters.Any(p => p.ParameterType != type)) return null;
        var allowed = function switch
        {
            MathFunction.Abs or MathFunction.Min or MathFunction.Max =>
                type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long),
            _ => type == typeof(double),
        };
        return allowed ? function : null;
    }
}
