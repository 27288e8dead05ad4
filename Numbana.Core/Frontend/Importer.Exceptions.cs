using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Runtime;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    /// <summary>
    /// <c>throw new X()</c>, <c>throw new X("message")</c> and <c>throw new X("message", "paramName")</c>
    /// for the exception types of <see cref="ThrownExceptions.Supported"/>: the IL sequence
    /// <c>ldstr*; newobj X::.ctor(string*); throw</c> becomes one <see cref="ThrowInstruction"/> whose
    /// status names the constructor and its constant arguments, and the caller raises that exception.
    /// </summary>
    /// <remarks>
    /// Only constant arguments: a message built at run time (concatenation, interpolation, ToString) would
    /// need strings in compiled code. The exception object is never created in compiled code; the caller
    /// creates it after the native frames have returned, so its stack trace starts at the thunk.
    /// </remarks>
    private bool TryImportThrow(IlInstruction instruction)
    {
        if (instruction.OpCode is not (ILOpCode.Ldstr or ILOpCode.Newobj)) return false;
        var instructions = _ilBlock.Instructions;
        var index = _instructionIndex;
        var arguments = new List<string?>();
        while (index < instructions.Count && instructions[index].OpCode == ILOpCode.Ldstr)
            arguments.Add(ResolveString(instructions[index++]));
        if (index >= instructions.Count || instructions[index].OpCode != ILOpCode.Newobj)
            return instruction.OpCode == ILOpCode.Ldstr ? RejectComputedMessage(index) : false;

        var constructor = ResolveConstructor(instructions[index]);
        if (constructor?.DeclaringType is not { } exceptionType || !typeof(Exception).IsAssignableFrom(exceptionType))
            return false;
        var thrown = index + 1 < instructions.Count && instructions[index + 1].OpCode == ILOpCode.Throw;
        if (!ThrownExceptions.Supported.Contains(exceptionType))
        {
            if (!thrown) return false;
            _instruction = instructions[index];
            throw Unsupported($"Throwing {MethodNames.TypeName(exceptionType)} cannot be compiled: compiled code can throw " +
                string.Join(", ", ThrownExceptions.Supported.Select(t => t.Name).Order()) +
                " with constant arguments. Throw one of those, or check the inputs in .NET code before the call.");
        }
        var parameters = constructor.GetParameters();
        if (!thrown || parameters.Length != arguments.Count || parameters.Any(p => p.ParameterType != typeof(string)))
            return RejectComputedMessage(index);

        _instruction = instructions[index + 1];
        _instructionIndex = index + 1;
        _stack.Clear();
        Append(new ThrowInstruction(ThrownExceptions.Register(constructor, [.. arguments]), _instruction.Offset));
        return true;
    }

    /// <summary>A string argument of an exception that is not a constant: say so at the newobj (or report the ldstr as usual).</summary>
    private bool RejectComputedMessage(int from)
    {
        var instructions = _ilBlock.Instructions;
        for (var i = from; i + 1 < instructions.Count; i++)
        {
            if (instructions[i].OpCode != ILOpCode.Newobj || instructions[i + 1].OpCode != ILOpCode.Throw) continue;
            if (ResolveConstructor(instructions[i])?.DeclaringType is not { } type || !typeof(Exception).IsAssignableFrom(type)) return false;
            throw Unsupported($"The message of the thrown {MethodNames.TypeName(type)} is computed at run time: compiled code can only throw " +
                "exceptions whose arguments are constant strings (throw new ArgumentException(\"n must be positive\", nameof(n))). " +
                "Use a constant message, or check the inputs in .NET code before the call.");
        }
        return false;
    }

    private ConstructorInfo? ResolveConstructor(IlInstruction newobj)
    {
        try
        {
            return _method.Module.ResolveMethod(newobj.IntOperand,
                _method.DeclaringType?.IsGenericType == true ? _method.DeclaringType.GetGenericArguments() : null,
                _method.IsGenericMethod ? _method.GetGenericArguments() : null) as ConstructorInfo;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private string ResolveString(IlInstruction ldstr) => _method.Module.ResolveString(ldstr.IntOperand);
}
