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
        if (arrayType.IsJagged)
            throw Unsupported($"new {JaggedAllocationAsWritten(elementClrType)} (a jagged array) cannot be created in compiled code: compiled code sees a jagged array " +
                "as a table of rows pinned at the call, so a new one's rows could not be pinned or kept alive. Allocate the jagged array and its rows in .NET code " +
                "and pass it in, or use a two-dimensional array (new T[n, m]), which compiled code can allocate.");
        var length = Pop();
        if (length.Type != NType.I32 && length.Type != NType.NInt)
            throw Unsupported($"An array length must be an int or nint, not a {length.Type}.");
        Push(Append(new NewArrayInstruction(arrayType.Element, length, instruction.Offset)));
        return true;
    }

    /// <summary>How C# writes the allocation of an array of <paramref name="rowType"/>: new double[n][] for rows double[].</summary>
    private static string JaggedAllocationAsWritten(Type rowType)
    {
        var emptyBrackets = "";
        for (; rowType.IsSZArray; rowType = rowType.GetElementType()!) emptyBrackets += "[]";
        return $"{MethodNames.TypeName(rowType)}[n]{emptyBrackets}";
    }
}
