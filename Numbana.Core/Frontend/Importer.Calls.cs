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

        if (TryImportStructCall(callee)) return true;
        if (callee is not MethodInfo calleeInfo)
            throw Unsupported($"Calling the constructor {MethodNames.Describe(callee)} is not supported in compiled code yet.");
        if (TryImportMathCall(calleeInfo) || TryImportMathOutCall(calleeInfo) || TryImportClosureCall(calleeInfo)) return true;
        if (TryImportTupleMathCall(calleeInfo)) return true;
        if (!calleeInfo.IsStatic)
            throw Unsupported($"Calling the instance method {MethodNames.Describe(calleeInfo)} is not supported in compiled code yet: call static methods.");
        if (calleeInfo.DeclaringType?.Assembly == typeof(object).Assembly && !IsLibraryHelperCompiledFromIl(calleeInfo))
            throw Unsupported($"{MethodNames.Describe(calleeInfo)} is a .NET library method that Numbana does not compile yet. " +
                "Supported: the numeric methods of Math and MathF, double.IsNaN and the other classifications of double and float, " +
                "BitConverter's bit conversions, and static methods of your own.");

        var function = _unit.GetOrAddFunction(calleeInfo, _method);
        var values = PopArguments(calleeInfo);
        var call = Append(new CallInstruction(function, values, instruction.Offset));
        if (call.HasResult) Push(call);
        return true;
    }

    /// <summary>Pops a call's arguments (the last one is on top) and converts each to its parameter's type.</summary>
    private Value[] PopArguments(MethodBase callee)
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
