using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    /// <summary>
    /// <c>sizeof</c> of a primitive type is a constant: C# emits <c>sizeof nuint</c> to mask the
    /// count of a shift of a native integer (<c>x &gt;&gt; n</c> is <c>x &gt;&gt; (n &amp; (sizeof(nuint) * 8 - 1))</c>).
    /// Other types are left to the families that know them.
    /// </summary>
    private bool TryImportPrimitiveSizeof(IlInstruction instruction)
    {
        if (instruction.OpCode != ILOpCode.Sizeof) return false;
        Type type;
        try
        {
            type = _method.Module.ResolveType(instruction.IntOperand,
                _method.DeclaringType?.IsGenericType == true ? _method.DeclaringType.GetGenericArguments() : null,
                _method.IsGenericMethod ? _method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (ClrTypes.TryMap(type, out _) is not PrimitiveType primitive || primitive == NType.Void) return false;
        Push(Append(new ConstantInstruction(NType.I32, primitive.BitWidth / 8, instruction.Offset)));
        return true;
    }
}
