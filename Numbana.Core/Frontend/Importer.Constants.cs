using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

internal sealed partial class Importer
{
    /// <summary>
    /// ldsfld of a <c>static readonly</c> field of a primitive type: the field's value when the method is
    /// compiled, as a constant (reading it runs the class's static constructor first, as .NET would before
    /// the first read). A readonly field cannot change after its static constructor, so this is exact.
    /// </summary>
    /// <remarks>
    /// Mutable static fields stay rejected: compiled code does not see later writes to a copy. Static readonly
    /// arrays are not handled here (their elements are mutable and their address would have to be pinned).
    /// </remarks>
    private bool TryImportStaticField(IlInstruction instruction)
    {
        if (instruction.OpCode != ILOpCode.Ldsfld) return false;
        FieldInfo field;
        try
        {
            field = _method.Module.ResolveField(instruction.IntOperand,
                _method.DeclaringType?.IsGenericType == true ? _method.DeclaringType.GetGenericArguments() : null,
                _method.IsGenericMethod ? _method.GetGenericArguments() : null)!;
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (!field.IsStatic || !field.IsInitOnly || ClrTypes.TryMap(field.FieldType, out _) is not PrimitiveType type || type == NType.Void)
            return false;
        object? value;
        try
        {
            value = field.GetValue(null);
        }
        catch (TargetInvocationException error)
        {
            throw Unsupported($"Reading {MethodNames.TypeName(field.DeclaringType)}.{field.Name} ran its static constructor, which threw " +
                $"{error.InnerException?.GetType().Name}: {error.InnerException?.Message}");
        }
        var bits = value switch
        {
            float f => BitConverter.SingleToInt32Bits(f),
            double d => BitConverter.DoubleToInt64Bits(d),
            bool b => b ? 1 : 0,
            char c => c,
            nint n => n,
            nuint n => (long)n,
            ulong u => (long)u,
            _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };
        // Small and unsigned types widen as ldsfld would: to their stack type, zero- or sign-extended by the value itself.
        if (type.StackType == NType.I32) bits = unchecked((int)bits);
        Push(Append(new ConstantInstruction(type.StackType, bits, instruction.Offset)));
        return true;
    }
}
