using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// Multi-dimensional arrays (T[,], T[,,], ...). C# compiles <c>a[i, j]</c> to calls of methods the runtime
/// gives each array type (<c>Get</c>, <c>Set</c>, <c>Address</c>) and <c>a.GetLength(d)</c>, <c>a.Length</c>,
/// <c>a.Rank</c> to members of System.Array: each becomes an element address (with one bounds check per
/// dimension) followed by a load or a store, or a read of the lengths compiled code receives.
/// </summary>
/// <remarks>
/// The arrays are zero-based (the call refuses others), so GetLowerBound is 0 and GetUpperBound is
/// GetLength - 1; C#'s foreach over a T[,] uses them. <c>new T[n, m]</c> allocates through the host (see
/// <see cref="NewMultiDimensionalArrayInstruction"/>).
/// </remarks>
internal sealed partial class Importer
{
    private const string SupportedMultiDimensionalMembers =
        "supported are a[i, j] (read, write, compound assignment, ref), Length, LongLength, Rank, GetLength(d), " +
        "GetLowerBound(d), GetUpperBound(d) and foreach";

    private bool TryImportMultiDimensionalArray(IlInstruction instruction)
    {
        if (instruction.OpCode is not (ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj)) return false;
        var callee = ResolveMethodToken(instruction.IntOperand);
        if (instruction.OpCode == ILOpCode.Newobj)
        {
            if (callee.DeclaringType is not { IsArray: true } allocated || allocated.IsSZArray) return false;
            ImportNewMultiDimensionalArray(allocated, callee.GetParameters().Length);
            return true;
        }
        if (callee is not MethodInfo method || method.IsStatic) return false;
        var arity = method.GetParameters().Length;
        if (_stack.Count < arity + 1 || _stack[^(arity + 1)].Type is not MultiDimensionalArrayType arrayType) return false;
        var offset = instruction.Offset;

        if (method.DeclaringType is { IsArray: true })
        {
            switch (method.Name)
            {
                case "Get" when arity == arrayType.Rank:
                    Push(Append(new LoadInstruction(ElementAddress(arrayType), offset)));
                    return true;
                case "Set" when arity == arrayType.Rank + 1:
                {
                    var value = CoerceForStore(Pop(), arrayType.Element);
                    Append(new StoreInstruction(ElementAddress(arrayType), value, offset));
                    return true;
                }
                case "Address" when arity == arrayType.Rank:
                    Push(ElementAddress(arrayType));
                    return true;
            }
            throw Unsupported($"{MethodNames.Describe(method)} cannot be compiled: {SupportedMultiDimensionalMembers}.");
        }

        if (method.DeclaringType != typeof(Array))
            throw Unsupported($"{MethodNames.Describe(method)} cannot be compiled on a multi-dimensional array: {SupportedMultiDimensionalMembers}.");
        switch (method.Name, arity)
        {
            case ("get_Rank", 0):
                Pop();
                Push(Append(new ConstantInstruction(NType.I32, arrayType.Rank, offset)));
                return true;
            case ("get_Length", 0):
                Push(TotalLength(Pop(), arrayType, NType.I32));
                return true;
            case ("get_LongLength", 0):
                Push(TotalLength(Pop(), arrayType, NType.I64));
                return true;
            case ("GetLength", 1):
            {
                var dimension = PopInt32("The dimension");
                Push(Append(new MultiDimensionalLengthInstruction(Pop(), dimension, offset)));
                return true;
            }
            case ("GetUpperBound", 1):
            {
                var dimension = PopInt32("The dimension");
                var length = Append(new MultiDimensionalLengthInstruction(Pop(), dimension, offset));
                Push(Append(new BinaryInstruction(BinaryOp.Sub, NType.I32, length, Append(new ConstantInstruction(NType.I32, 1, offset)), offset)));
                return true;
            }
            case ("GetLowerBound", 1):
            {
                // Zero for every array that reaches compiled code; the dimension is still checked, as .NET does.
                var dimension = PopInt32("The dimension");
                Append(new MultiDimensionalLengthInstruction(Pop(), dimension, offset));
                Push(Append(new ConstantInstruction(NType.I32, 0, offset)));
                return true;
            }
        }
        throw Unsupported($"{MethodNames.Describe(method)} cannot be compiled on a multi-dimensional array: {SupportedMultiDimensionalMembers}.");
    }

    /// <summary>
    /// <c>new T[n, m]</c>: the constructor taking one length per dimension (C# never calls the one taking lower
    /// bounds and lengths for <c>new</c>; it is refused).
    /// </summary>
    private void ImportNewMultiDimensionalArray(Type arrayClrType, int parameterCount)
    {
        if (ClrTypes.TryMap(arrayClrType, out var whyNot) is not MultiDimensionalArrayType arrayType)
            throw Unsupported($"new {MethodNames.TypeName(arrayClrType)} cannot be compiled: {whyNot}.");
        if (parameterCount != arrayType.Rank)
            throw Unsupported($"This constructor of {MethodNames.TypeName(arrayClrType)} (with lower bounds) cannot be compiled: " +
                "compiled code makes zero-based arrays, new T[n, m].");
        var lengths = new Value[arrayType.Rank];
        for (var d = arrayType.Rank - 1; d >= 0; d--) lengths[d] = PopInt32("An array length");
        Push(Append(new NewMultiDimensionalArrayInstruction(arrayType, lengths, _instruction.Offset)));
    }

    /// <summary>Pops the indices (the last one is on top) and the array; gives the element's address.</summary>
    private Value ElementAddress(MultiDimensionalArrayType arrayType)
    {
        var indices = new Value[arrayType.Rank];
        for (var d = arrayType.Rank - 1; d >= 0; d--)
        {
            // C# passes a long or nint index as a native int (after conv.ovf.i); the runtime's accessor takes an
            // int32, and CIL narrows a native int argument to an int32 parameter implicitly, as call does.
            var index = Pop();
            indices[d] = index.Type == NType.NInt
                ? CoerceForStore(index, NType.I32)
                : index.Type == NType.I32 ? index : throw Unsupported($"A multi-dimensional array index must be an int, not a {index.Type}.");
        }
        return Append(new MultiDimensionalElementAddressInstruction(Pop(), indices, _instruction.Offset));
    }

    /// <summary>The element count: the product of the lengths (it fits an int: .NET limits it to Array.MaxLength).</summary>
    private Value TotalLength(Value array, MultiDimensionalArrayType arrayType, NType type)
    {
        var offset = _instruction.Offset;
        Value? total = null;
        for (var d = 0; d < arrayType.Rank; d++)
        {
            Value length = Append(new MultiDimensionalLengthInstruction(array, Append(new ConstantInstruction(NType.I32, d, offset)), offset));
            if (type == NType.I64) length = Append(new ConvertInstruction(NType.I64, length, sourceUnsigned: false, checkOverflow: false, offset));
            total = total is null ? length : Append(new BinaryInstruction(BinaryOp.Mul, type, total, length, offset));
        }
        return total!;
    }
}
