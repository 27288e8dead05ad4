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
    /// Mutable static fields stay rejected: compiled code does not see later writes to a copy. A static
    /// readonly array is not a constant: its elements are read at each use (<see cref="StaticArrayInstruction"/>).
    /// The values read here are part of the on-disk cache's key (ObjectCache hashes every static readonly
    /// field the unit's methods read), so a value computed at run time never loads code compiled for another.
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
        if (!field.IsStatic) return false;
        var mapped = ClrTypes.TryMap(field.FieldType, out _);
        if (!field.IsInitOnly)
        {
            if (mapped is null) return false;
            throw Unsupported($"Static fields that are not readonly ({MethodNames.TypeName(field.DeclaringType)}.{field.Name}) cannot be used in compiled code: " +
                "compiled code would not see later writes to them. Declare the field static readonly (a number is then read once, when the method is compiled; " +
                "an array's elements at each call), or pass the value as a parameter.");
        }
        if (mapped is ArrayType { IsJagged: true })
            throw Unsupported($"The static jagged array {MethodNames.TypeName(field.DeclaringType)}.{field.Name} cannot be used in compiled code: only a jagged array " +
                "passed as an argument has its rows pinned for the call. Pass it as a parameter.");
        if (mapped is ArrayType arrayType)
        {
            ImportStaticArray(field, arrayType, instruction);
            return true;
        }
        if (mapped is not PrimitiveType type || type == NType.Void)
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

    /// <summary>
    /// A static readonly array of numbers: its elements are not constants (a readonly field holds a fixed
    /// array, whose elements anyone may write), so compiled code reads them through the array's address, which
    /// the host pins for the life of the process. Reading the field here runs the static constructor.
    /// </summary>
    private void ImportStaticArray(FieldInfo field, ArrayType type, IlInstruction instruction)
    {
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
        if (value is null)
            throw Unsupported($"The static readonly array {MethodNames.TypeName(field.DeclaringType)}.{field.Name} is null when the method is compiled: " +
                "assign it in its declaration or in the static constructor.");
        Push(Append(new StaticArrayInstruction(field, type, instruction.Offset)));
    }
}
