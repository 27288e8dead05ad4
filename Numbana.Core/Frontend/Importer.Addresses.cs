using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    /// <summary>The slots of the locals whose address the method takes (by IL local index).</summary>
    private readonly Dictionary<int, Value> _localSlots = new();

    /// <summary>The slots of the parameters whose address the method takes (by parameter index, 'this' excluded).</summary>
    private readonly Dictionary<int, Value> _argumentSlots = new();

    /// <summary>
    /// Gives every local and parameter whose address some ldloca/ldarga takes a <see cref="LocalSlotInstruction"/>
    /// in the entry block, holding its initial value (zero, or the argument). Such a variable lives in memory
    /// for the whole method, so a callee writing through <c>ref</c> or <c>out</c> is seen by every later read.
    /// Locals of types without an IR form (Prange's enumerators, structs) are left to their own families.
    /// </summary>
    private void CreateSlots(Block entry, IEnumerable<IlInstruction> instructions)
    {
        foreach (var instruction in instructions)
        {
            switch (instruction.OpCode)
            {
                case ILOpCode.Ldloca: case ILOpCode.Ldloca_s:
                {
                    var index = instruction.IntOperand;
                    if (_localSlots.ContainsKey(index) || index >= _localTypes.Length || _localTypes[index] is not { } type || type is ArrayType) break;
                    var slot = entry.Append(new LocalSlotInstruction(type, -1));
                    entry.Append(new StoreInstruction(slot, _ssa.Read(new Variable(VariableKind.Local, index), entry), -1));
                    _localSlots[index] = slot;
                    break;
                }
                case ILOpCode.Ldarga: case ILOpCode.Ldarga_s:
                {
                    var index = _method.IsStatic || HasStructReceiver(_method) ? instruction.IntOperand : instruction.IntOperand - 1;
                    if (_argumentSlots.ContainsKey(index) || index < 0 || index >= _function.ParameterTypes.Count) break;
                    var type = _function.ParameterTypes[index];
                    if (type is ArrayType or ByRefType) break;
                    var slot = entry.Append(new LocalSlotInstruction(type, -1));
                    entry.Append(new StoreInstruction(slot, entry.Parameters[index], -1));
                    _argumentSlots[index] = slot;
                    break;
                }
            }
        }
    }

    /// <summary>ldloca and ldarga of a variable with a slot: the slot's address (<c>ref x</c>, <c>out x</c>, <c>in x</c>).</summary>
    private bool TryImportAddress(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Ldloca: case ILOpCode.Ldloca_s:
                if (_localSlots.TryGetValue(CheckLocal(instruction.IntOperand), out var localSlot))
                {
                    Push(localSlot);
                    return true;
                }
                LocalType(instruction.IntOperand); // a local without an IR form: say which type
                return false;
            case ILOpCode.Ldarga: case ILOpCode.Ldarga_s:
                if (_argumentSlots.TryGetValue(CheckArgument(instruction.IntOperand), out var argumentSlot))
                {
                    Push(argumentSlot);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private Value LoadArgument(int ilIndex)
    {
        // A lambda's argument 0 is its closure: ldfld of a captured variable follows (Importer.Closures.cs).
        // A struct method's argument 0 is 'this', a reference to the struct: an ordinary parameter.
        if (ilIndex == 0 && !_method.IsStatic && !HasStructReceiver(_method)) return LoadClosure();
        var index = CheckArgument(ilIndex);
        return _argumentSlots.TryGetValue(index, out var slot)
            ? Append(new LoadInstruction(slot, _instruction.Offset))
            : _ssa.Read(new Variable(VariableKind.Argument, index), _block);
    }

    private void StoreArgument(int ilIndex)
    {
        var index = CheckArgument(ilIndex);
        var value = CoerceForStore(Pop(), _function.ParameterTypes[index]);
        if (_argumentSlots.TryGetValue(index, out var slot)) Append(new StoreInstruction(slot, value, _instruction.Offset));
        else _ssa.Write(new Variable(VariableKind.Argument, index), _block, value);
    }
}
