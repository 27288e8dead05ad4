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
            case ILOpCode.Ldelem_r4: case ILOpCode.Ldelem_r8: case ILOpCode.Ldelem: case ILOpCode.Ldelem_ref:
            {
                var index = PopIndex();
                var array = PopArray();
                Push(Append(new ArrayLoadInstruction(array, index, instruction.Offset)));
                return true;
            }
            case ILOpCode.Stelem_i1: case ILOpCode.Stelem_i2: case ILOpCode.Stelem_i4: case ILOpCode.Stelem_i8:
            case ILOpCode.Stelem_i: case ILOpCode.Stelem_r4: case ILOpCode.Stelem_r8: case ILOpCode.Stelem: case ILOpCode.Stelem_ref:
            {
                var value = Pop();
                var index = PopIndex();
                var array = PopArray();
                if (array.Type is ArrayType { IsJagged: true }) throw Unsupported(JaggedRowStoreRejection);
                var element = ((ArrayType)array.Type).Element;
                Append(new ArrayStoreInstruction(array, index, CoerceForStore(value, element) is var stored && stored.Type == element.StackType
                    ? stored
                    : throw Unsupported($"A {value.Type} cannot be stored into a {array.Type}."), instruction.Offset));
                return true;
            }
            case ILOpCode.Ldelema:
            {
                var index = PopIndex();
                var array = PopArray();
                if (array.Type is ArrayType { IsJagged: true }) throw Unsupported(JaggedRowStoreRejection);
                Push(Append(new ElementAddressInstruction(array, index, instruction.Offset)));
                return true;
            }
            case ILOpCode.Ldind_i1: case ILOpCode.Ldind_u1: case ILOpCode.Ldind_i2: case ILOpCode.Ldind_u2: case ILOpCode.Ldind_i4:
            case ILOpCode.Ldind_u4: case ILOpCode.Ldind_i8: case ILOpCode.Ldind_i: case ILOpCode.Ldind_r4: case ILOpCode.Ldind_r8:
            case ILOpCode.Ldobj:
                Push(Append(new LoadInstruction(PopReference(), instruction.Offset)));
                return true;
            case ILOpCode.Stind_i1: case ILOpCode.Stind_i2: case ILOpCode.Stind_i4: case ILOpCode.Stind_i8: case ILOpCode.Stind_i:
            case ILOpCode.Stind_r4: case ILOpCode.Stind_r8: case ILOpCode.Stobj:
            {
                var value = Pop();
                var address = PopReference();
                Append(new StoreInstruction(address, CoerceForStore(value, ((ByRefType)address.Type).Element), instruction.Offset));
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// Why m[i] = row (and ref m[i]) is refused: compiled code reads the rows of a jagged array from a native
    /// table of pinned rows built at the call (JaggedArgument), not from the array object, so a row written
    /// there would neither reach the caller's array nor be pinned, and a row allocated by compiled code
    /// would have nothing keeping it alive once stored.
    /// </summary>
    private const string JaggedRowStoreRejection =
        "Compiled code cannot replace a row of a jagged array (m[i] = row, or ref m[i]): it reads the rows through a table of rows pinned at the call. " +
        "Create or replace the rows in .NET code before the call, or write into the elements of the existing row (m[i][j] = x).";

    /// <summary>Pops a managed reference; ldobj/stobj of a primitive type act as ldind/stind.</summary>
    private Value PopReference()
    {
        var value = Pop();
        return value.Type is ByRefType ? value : throw Unsupported($"{_instruction.Name} needs a reference, not a {value.Type}.");
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
