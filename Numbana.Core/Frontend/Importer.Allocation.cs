using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    /// <summary><c>new T[n]</c> for the element types of <see cref="ClrTypes"/>: see <see cref="NewArrayInstruction"/>.</summary>
    private bool TryImportAllocation(IlInstruction instruction)
    {
        if (instruction.OpCode != ILOpCode.Newarr) return false;
        Type elementClrType;
        try
        {
            elementClrType = _method.Module.ResolveType(instruction.IntOperand,
                _method.DeclaringType?.IsGenericType == true ? _method.DeclaringType.GetGenericArguments() : null,
                _method.IsGenericMethod ? _method.GetGenericArguments() : null);
        }
        catch (ArgumentException error)
        {
            throw Unsupported($"The element type of the new array (token 0x{instruction.IntOperand:x8}) cannot be resolved: {error.Message}");
        }
        if (ClrTypes.TryMap(elementClrType.MakeArrayType(), out var whyNot) is not ArrayType arrayType)
            throw Unsupported($"new {MethodNames.TypeName(elementClrType)}[n] cannot be compiled: {whyNot}.");
        var length = Pop();
        if (length.Type != NType.I32 && length.Type != NType.NInt)
            throw Unsupported($"An array length must be an int or nint, not a {length.Type}.");
        Push(Append(new NewArrayInstruction(arrayType.Element, length, instruction.Offset)));
        return true;
    }
}
