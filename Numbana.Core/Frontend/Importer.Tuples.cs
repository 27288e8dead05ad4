using System.Reflection;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// The Math methods that return value tuples: <c>Math.SinCos(x)</c> and <c>MathF.SinCos(x)</c> as (Sin(x), Cos(x)),
/// and <c>Math.DivRem(a, b)</c> of the 32- and 64-bit and native integers as (a / b, a - (a / b) * b), CoreLib's
/// own formula. ValueTuple&lt;...&gt; of numbers is an ordinary blittable struct (its fields Item1, Item2, ...),
/// so tuples as locals, results and arguments need nothing else.
/// </summary>
/// <remarks>
/// SinCos calls the C library's sin and cos: glibc's sincos, which .NET calls, computes each with the same
/// algorithm (checked by the differential tests). DivRem raises what the division raises: DivideByZeroException,
/// and OverflowException for MinValue / -1.
/// </remarks>
internal sealed partial class Importer
{
    private bool TryImportTupleMathCall(MethodInfo callee)
    {
        if (callee.DeclaringType != typeof(Math) && callee.DeclaringType != typeof(MathF)) return false;
        if (!callee.ReturnType.IsGenericType || !callee.ReturnType.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal)) return false;
        if (ClrTypes.TryMap(callee.ReturnType, out _) is not StructType tuple) return false;
        var parameters = callee.GetParameters();
        var offset = _instruction.Offset;
        switch (callee.Name, parameters.Length)
        {
            case ("SinCos", 1):
            {
                var type = tuple.Fields[0].Type;
                var x = CoerceForStore(Pop(), type);
                var sin = Append(new MathInstruction(MathFunction.Sin, type, [x], offset));
                var cos = Append(new MathInstruction(MathFunction.Cos, type, [x], offset));
                Push(Append(new MakeStructInstruction(tuple, [sin, cos], offset)));
                return true;
            }
            case ("DivRem", 2):
            {
                var type = tuple.Fields[0].Type;
                if (type.BitWidth < 32) return false; // byte, short...: left to the rejection that names the method
                var unsigned = type.Kind is TypeKind.U32 or TypeKind.U64 or TypeKind.NUInt;
                var right = CoerceForStore(Pop(), type);
                var left = CoerceForStore(Pop(), type);
                var quotient = Append(new BinaryInstruction(unsigned ? BinaryOp.DivUnsigned : BinaryOp.Div, type.StackType, left, right, offset));
                var product = Append(new BinaryInstruction(BinaryOp.Mul, type.StackType, quotient, right, offset));
                var remainder = Append(new BinaryInstruction(BinaryOp.Sub, type.StackType, left, product, offset));
                Push(Append(new MakeStructInstruction(tuple, [quotient, remainder], offset)));
                return true;
            }
            default:
                return false;
        }
    }

    private static bool IsValueTuple(Type? type) =>
        type is { IsValueType: true, IsGenericType: true } && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    /// <summary>
    /// <c>(a, b)</c>: the ValueTuple constructor stores its arguments into Item1, Item2, ... in order, which is
    /// the value made of them (the fields may lie in another order in memory: ValueTuple has auto layout).
    /// </summary>
    private bool TryImportTupleConstructor(MethodBase member, bool isNewobj)
    {
        if (member is not ConstructorInfo || !IsValueTuple(member.DeclaringType)) return false;
        if (ClrTypes.TryMap(member.DeclaringType!, out var whyNot) is not StructType tuple)
            throw Unsupported($"The tuple {MethodNames.TypeName(member.DeclaringType)} cannot be compiled: {whyNot}.");
        var parameters = member.GetParameters();
        var byName = new Value[parameters.Length];
        for (var i = parameters.Length - 1; i >= 0; i--)
            byName[i] = CoerceForStore(Pop(), tuple.FieldNamed("Item" + (i + 1))!.Type);
        var fields = tuple.Fields.Select(f => byName[int.Parse(f.Name.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) - 1]).ToArray();
        var made = Append(new MakeStructInstruction(tuple, fields, _instruction.Offset));
        if (isNewobj)
        {
            Push(made);
        }
        else
        {
            var address = PopReference();
            if (address.Type != NType.ByRefOf(tuple)) throw Unsupported($"{MethodNames.Describe(member)} is called on a {address.Type}.");
            Append(new StoreInstruction(address, made, _instruction.Offset));
        }
        return true;
    }
}
