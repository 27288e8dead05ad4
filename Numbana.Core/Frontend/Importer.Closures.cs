using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;

namespace Numbana.Frontend;

/// <summary>
/// What ldarg.0 pushes in a lambda that captures: a reference to its closure object (or, after ldfld of a
/// link field, to the closure of an enclosing scope). It never becomes an IR value: the ldfld, ldflda or
/// stfld of a captured variable that consumes it becomes a use of the lambda's hidden parameter for that
/// variable (<see cref="ClosureCaptures"/>). Any other use of it is rejected with the reason.
/// </summary>
internal sealed class ClosureReference(IReadOnlyList<FieldInfo> path) : Value(NType.Void)
{
    /// <summary>The link fields followed from the lambda's own closure (empty for the closure itself).</summary>
    public IReadOnlyList<FieldInfo> Path { get; } = path;

    public bool SamePath(ClosureReference other) => Path.SequenceEqual(other.Path);

    public override string ToString() => "closure" + string.Concat(Path.Select(f => "." + f.Name));
}

internal sealed partial class Importer
{
    /// <summary>The closure references on the evaluation stack at the start of a block, by stack slot (they bypass SSA: each is one fixed object).</summary>
    private readonly Dictionary<Block, Dictionary<int, ClosureReference>> _entryClosureReferences = new();

    /// <summary>ldarg.0 in a lambda that captures: the closure object itself.</summary>
    private ClosureReference LoadClosure()
    {
        if (_unit.CapturesOf(_function).Count == 0)
            throw Unsupported("The method uses its closure object ('this') other than to read captured variables: " +
                "pass the values it needs as parameters.");
        return new ClosureReference([]);
    }

    /// <summary>
    /// ldfld, ldflda and stfld on a closure reference (and callvirt of a closure's local function, see <see cref="TryImportClosureCall"/>): a link to an outer closure gives the outer closure's
    /// reference; a captured variable becomes its hidden parameter: the value, or a load or store through the
    /// reference to the closure's field when the lambda writes the variable.
    /// </summary>
    private bool TryImportClosureAccess(IlInstruction instruction)
    {
        // A local function of an enclosing scope's closure: C# calls it with callvirt (on a field), for the null check a closure never needs.
        if (instruction.OpCode == ILOpCode.Callvirt)
            return ClosureCaptures.AsClosureMethod(ClosureCaptures.ResolveMethod(_method, instruction.IntOperand)) is { } callee && TryImportClosureCall(callee);
        if (instruction.OpCode is not (ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld)) return false;
        var objectSlot = instruction.OpCode == ILOpCode.Stfld ? 2 : 1;
        if (_stack.Count < objectSlot || _stack[^objectSlot] is not ClosureReference closure) return false;
        var field = ClosureCaptures.ResolveField(_method, instruction.IntOperand)
            ?? throw Unsupported($"The field (token 0x{instruction.IntOperand:x8}) cannot be resolved.");

        if (ClosureCaptures.IsClosureLink(field) && instruction.OpCode == ILOpCode.Ldfld)
        {
            Pop();
            Push(new ClosureReference([.. closure.Path, field]));
            return true;
        }
        var captures = _unit.CapturesOf(_function);
        var index = -1;
        for (var i = 0; i < captures.Count; i++)
            if (captures[i].Field == field && captures[i].Path.Take(captures[i].Path.Count - 1).SequenceEqual(closure.Path)) index = i;
        if (index < 0)
            throw Unsupported($"The lambda uses its closure's field '{field.Name}' in a way Numbana does not compile: pass the value as a parameter.");
        var capture = captures[index];
        var parameter = _ssa.Read(new Variable(VariableKind.Argument, _function.ParameterTypes.Count - captures.Count + index), _block);
        switch (instruction.OpCode)
        {
            case ILOpCode.Ldfld:
                Pop();
                Push(capture.Written ? Append(new LoadInstruction(parameter, instruction.Offset)) : parameter);
                break;
            case ILOpCode.Ldflda:
                Pop();
                Push(parameter);
                break;
            default:
            {
                var value = CoerceForStore(Pop(), capture.Type);
                Pop();
                Append(new StoreInstruction(parameter, value, instruction.Offset));
                break;
            }
        }
        return true;
    }

    /// <summary>
    /// A call of a local function or lambda of a closure (an instance method of a closure class, called on a
    /// closure reference): the callee is compiled with hidden parameters for the captured variables it uses
    /// (<see cref="ClosureCaptures"/>), which this function passes from its own: the value, or the reference to
    /// the closure's field when the callee writes the variable.
    /// </summary>
    private bool TryImportClosureCall(MethodInfo callee)
    {
        if (ClosureCaptures.AsClosureMethod(callee) is null) return false;
        var parameterCount = callee.GetParameters().Length;
        if (_stack.Count <= parameterCount || _stack[^(parameterCount + 1)] is not ClosureReference closure) return false;
        var closureType = closure.Path.Count > 0 ? closure.Path[^1].FieldType : _method.DeclaringType;
        if (closureType != callee.DeclaringType)
            throw Unsupported($"{MethodNames.Describe(callee)} is called on another closure object than its own: pass the values as parameters.");

        var function = _unit.GetOrAddFunction(callee, _method);
        var arguments = PopArguments(callee);
        Pop();
        var mine = _unit.CapturesOf(_function);
        var hidden = new List<Value>();
        foreach (var capture in _unit.CapturesOf(function))
        {
            var index = -1;
            for (var i = 0; i < mine.Count; i++)
                if (mine[i].Field == capture.Field) index = i;
            if (index < 0 || (capture.Written && !mine[index].Written))
                throw new InvalidOperationException($"Numbana did not pass the captured variable '{capture.Name}' on to {MethodNames.Describe(callee)}: a bug in ClosureCaptures.");
            var parameter = _ssa.Read(new Variable(VariableKind.Argument, _function.ParameterTypes.Count - mine.Count + index), _block);
            hidden.Add(capture.Written || !mine[index].Written ? parameter : Append(new LoadInstruction(parameter, _instruction.Offset)));
        }
        var call = Append(new CallInstruction(function, [.. arguments, .. hidden], _instruction.Offset));
        if (call.HasResult) Push(call);
        return true;
    }

    /// <summary>
    /// Keeps a closure reference that is on the stack across a branch (C#'s <c>captured += c ? 1 : 2</c> holds
    /// it while the right side branches); false for an ordinary value, which goes through SSA.
    /// </summary>
    private bool PassClosureReference(Block target, int slot, Value value)
    {
        var known = _entryClosureReferences.GetValueOrDefault(target)?.GetValueOrDefault(slot);
        if (value is not ClosureReference closure)
        {
            if (known is not null)
                throw Unsupported($"The evaluation stack holds the closure on one path into IL_{target.IlOffset:x4} and a value on another: the IL is not verifiable.");
            return false;
        }
        if (known is not null && !known.SamePath(closure))
            throw Unsupported($"Two paths into IL_{target.IlOffset:x4} hold different closure objects on the evaluation stack: pass the values as parameters.");
        if (!_entryClosureReferences.TryGetValue(target, out var references)) _entryClosureReferences[target] = references = new();
        references[slot] = closure;
        return true;
    }

    /// <summary>The closure reference a block starts with in a stack slot, or null for an ordinary value.</summary>
    private ClosureReference? ClosureReferenceAt(Block block, int slot) => _entryClosureReferences.GetValueOrDefault(block)?.GetValueOrDefault(slot);
}
