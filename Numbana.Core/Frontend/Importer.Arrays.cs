using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    private bool TryImportArray(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Ldlen:
                Push(Append(new ArrayLengthInstruction(PopArray(), instruction.Offset)));
                return true;
            case ILOpCode.Ldelem_i1: case ILOpCode.Ldelem_u1: case ILOpCode.Ldelem_i2: case ILOpCode.Ldelem_u2:
            case ILOpCode.Ldelem_i4: case ILOpCode.Ldelem_u4: case ILOpCode.Ldelem_i8: case ILOpCode.Ldelem_i:
            case ILOpCode.Ldelem_r4: case ILOpCode.Ldelem_r8: case ILOpCode.Ldelem:
            {
                var index = PopIndex();
                var array = PopArray();
                Push(Append(new ArrayLoadInstruction(array, index, instruction.Offset)));
                return true;
            }
            case ILOpCode.Stelem_i1: case ILOpCode.Stelem_i2: case ILOpCode.Stelem_i4: case ILOpCode.Stelem_i8:
            case ILOpCode.Stelem_i: case ILOpCode.Stelem_r4: case ILOpCode.Stelem_r8: case ILOpCode.Stelem:
            {
                var value = Pop();
                var index = PopIndex();
                var array = PopArray();
                var element = ((ArrayType)array.Type).Element;
                Append(new ArrayStoreInstruction(array, index, CoerceForStore(value, element) is var stored && stored.Type == element.StackType
                    ? stored
                    : throw Unsupported($"A {value.Type} cannot be stored into a {array.Type}."), instruction.Offset));
                return true;
            }
            default:
                return false;
        }
    }

    private Value PopArray()
    {
        var value = Pop();
        return value.Type is ArrayType ? value : throw Unsupported($"{_instruction.Name} needs an array, not a {value.Type}.");
    }

    private Value PopIndex()
    {
        var index = Pop();
        return index.Type == NType.I32 || index.Type == NType.NInt
            ? index
            : throw Unsupported($"An array index must be an int or nint, not a {index.Type}.");
    }
}
