using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// Blittable structs: field access (ldfld, ldflda, stfld) on struct values and on references to them,
/// <c>default(S)</c> (initobj), <c>new S(...)</c> (newobj, and <c>call S::.ctor</c> on an address), and
/// calls of a struct's instance methods and constructors, which take 'this' as a reference.
/// </summary>
/// <remarks>
/// A struct value is an SSA value of a <see cref="StructType"/>; a struct local whose address is taken
/// lives in a slot (Importer.Addresses), so a method called on it sees and changes that memory, and a copy
/// (ldloc, ldobj) is a separate value: mutating it never changes the original, as in .NET.
/// Fields of classes stay unsupported (objects are not compiled).
/// </remarks>
internal sealed partial class Importer
{
    private bool TryImportStruct(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Ldfld:
            {
                var field = ResolveInstanceField(instruction.IntOperand);
                var target = Pop();
                if (target.Type is StructType valueType)
                {
                    Push(Append(new ExtractFieldInstruction(target, FieldOf(valueType, field), instruction.Offset)));
                    return true;
                }
                Push(Append(new LoadInstruction(FieldAddress(target, field), instruction.Offset)));
                return true;
            }
            case ILOpCode.Ldflda:
            {
                var field = ResolveInstanceField(instruction.IntOperand);
                Push(FieldAddress(Pop(), field));
                return true;
            }
            case ILOpCode.Stfld:
            {
                var field = ResolveInstanceField(instruction.IntOperand);
                var value = Pop();
                var address = FieldAddress(Pop(), field);
                Append(new StoreInstruction(address, CoerceForStore(value, ((ByRefType)address.Type).Element), instruction.Offset));
                return true;
            }
            case ILOpCode.Initobj:
            {
                // default(T) written through a reference: a zero struct, or zero of a primitive (generic code).
                var address = PopReference();
                var element = ((ByRefType)address.Type).Element;
                Append(new StoreInstruction(address, Append(Zero(element.StackType, instruction.Offset)), instruction.Offset));
                return true;
            }
            case ILOpCode.Newobj:
            {
                var constructor = ResolveMethodToken(instruction.IntOperand);
                if (constructor.DeclaringType is not { IsValueType: true } declaring || ClrTypes.TryMap(declaring, out _) is not StructType structType)
                    return false;
                if (TryImportVectorMember(constructor, isNewobj: true)) return true;
                if (TryImportTupleConstructor(constructor, isNewobj: true)) return true;
                // newobj of a struct: a zeroed temporary, the constructor called on its address, then its value.
                var function = FunctionForStructMember(constructor);
                var arguments = PopArguments(constructor);
                var temporary = Append(new LocalSlotInstruction(structType, instruction.Offset));
                Append(new StoreInstruction(temporary, Append(Zero(structType, instruction.Offset)), instruction.Offset));
                Append(new CallInstruction(function, [temporary, .. arguments], instruction.Offset));
                Push(Append(new LoadInstruction(temporary, instruction.Offset)));
                return true;
            }
            case ILOpCode.Ldsfld:
            {
                // A static readonly struct (Complex.Zero, a user's static readonly Point): its value when compiled, as constants.
                FieldInfo field;
                try
                {
                    field = _method.Module.ResolveField(instruction.IntOperand, TypeArgumentsOf(_method), MethodArgumentsOf(_method))!;
                }
                catch (ArgumentException)
                {
                    return false;
                }
                if (!field.IsStatic || !field.IsInitOnly || !field.FieldType.IsValueType || ClrTypes.TryMap(field.FieldType, out _) is not StructType constantType)
                    return false;
                Push(StructConstant(constantType, field.GetValue(null)!));
                return true;
            }
            case ILOpCode.Call or ILOpCode.Callvirt:
                return TryImportEqualityComparer(instruction);
            case ILOpCode.Newarr:
            {
                // new S[n]: the allocator learns the struct from its code, registered here (a cached object's import does it too).
                var elementClrType = ResolveTypeToken(instruction.IntOperand);
                if (!elementClrType.IsValueType || ClrTypes.TryMap(elementClrType, out _) is not StructType element) return false;
                Runtime.ArrayAllocation.ElementCode(element);
                var length = Pop();
                if (length.Type != NType.I32 && length.Type != NType.NInt)
                    throw Unsupported($"An array length must be an int or nint, not a {length.Type}.");
                Push(Append(new NewArrayInstruction(element, length, instruction.Offset)));
                return true;
            }
            case ILOpCode.Sizeof:
            {
                if (ClrTypes.TryMap(ResolveTypeToken(instruction.IntOperand), out _) is not StructType sized) return false;
                Push(Append(new ConstantInstruction(NType.I32, sized.Size, instruction.Offset)));
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// A call of a struct's member: its instance methods and constructors (on an address), and the members of
    /// System.Numerics.Complex and Vector2/3/4. False for other calls (Importer.Calls takes them).
    /// </summary>
    private bool TryImportStructCall(MethodBase callee)
    {
        // int.CompareTo and the like are left to Importer.Calls, which names the method.
        if (callee.DeclaringType is not { IsValueType: true, IsPrimitive: false, IsEnum: false } declaring) return false;
        if (TryImportVectorMember(callee, isNewobj: false)) return true;
        if (TryImportTupleConstructor(callee, isNewobj: false)) return true;
        if (!HasStructReceiver(callee) && !IsComplex(declaring)) return false;
        if (ClrTypes.TryMap(declaring, out var whyNot) is not StructType)
            throw Unsupported($"{MethodNames.Describe(callee)} is called on {MethodNames.TypeName(declaring)}, which cannot be compiled: {whyNot}.");
        var function = FunctionForStructMember(callee);
        var arguments = PopArguments(callee);
        if (HasStructReceiver(callee))
        {
            var receiver = Pop();
            if (receiver.Type != function.ParameterTypes[0])
                throw Unsupported($"{MethodNames.Describe(callee)} is called on a {receiver.Type}, where a {function.ParameterTypes[0]} is expected.");
            arguments = [receiver, .. arguments];
        }
        var call = Append(new CallInstruction(function, arguments, _instruction.Offset));
        if (call.HasResult) Push(call);
        return true;
    }

    /// <summary>
    /// The function compiled for a struct member. Members of the user's structs are compiled from their IL;
    /// of the library's structs, only System.Numerics.Complex's (plain arithmetic and Math calls in its IL, so
    /// compiling that IL gives .NET's results) and Vector2/3/4's (mapped in Importer.Vectors).
    /// </summary>
    private Function FunctionForStructMember(MethodBase member)
    {
        var declaring = member.DeclaringType!;
        if (IsLibraryType(declaring) && !IsComplex(declaring))
            throw Unsupported($"{MethodNames.Describe(member)} is a member of the .NET struct {MethodNames.TypeName(declaring)}, which Numbana does not compile: " +
                "use your own blittable structs, System.Numerics.Complex, or Vector2/Vector3/Vector4.");
        if (IsComplex(declaring) && !IsSupportedComplexMember(member))
            throw Unsupported($"{MethodNames.Describe(member)} is not supported in compiled code: the supported Complex members are " +
                string.Join(", ", SupportedComplexMembers.Order()) + ".");
        return _unit.GetOrAddFunction(member, _method);
    }

    /// <summary>Stands for <c>EqualityComparer&lt;T&gt;.Default</c> of a primitive T on the evaluation stack, until its Equals call.</summary>
    private sealed class EqualityComparerMarker() : Value(NType.Void);

    /// <summary>
    /// <c>EqualityComparer&lt;T&gt;.Default.Equals(a, b)</c> of a primitive T, which a record struct's generated
    /// Equals (and so its == and !=) calls for each field: T's own Equals, under which NaN equals NaN
    /// (and -0.0 equals +0.0), unlike ==.
    /// </summary>
    private bool TryImportEqualityComparer(IlInstruction instruction)
    {
        if (_constrainedType is not null) return false;
        MethodBase callee;
        try
        {
            callee = _method.Module.ResolveMethod(instruction.IntOperand, TypeArgumentsOf(_method), MethodArgumentsOf(_method))!;
        }
        catch (ArgumentException)
        {
            return false;
        }
        var declaring = callee.DeclaringType;
        if (declaring is not { IsGenericType: true } || declaring.GetGenericTypeDefinition() != typeof(EqualityComparer<>)) return false;
        if (ClrTypes.TryMap(declaring.GetGenericArguments()[0], out _) is not PrimitiveType compared || compared == NType.Void)
            throw Unsupported($"{MethodNames.Describe(callee)} compares {MethodNames.TypeName(declaring.GetGenericArguments()[0])} values: " +
                "only EqualityComparer<T>.Default.Equals of numbers, bool and char (a record struct's == on such fields) can be compiled.");
        switch (callee.Name, callee.GetParameters().Length)
        {
            case ("get_Default", 0):
                Push(new EqualityComparerMarker());
                return true;
            case ("Equals", 2) when _stack.Count >= 3 && _stack[^3] is EqualityComparerMarker:
            {
                var right = CoerceForStore(Pop(), compared);
                var left = CoerceForStore(Pop(), compared);
                Pop();
                var offset = instruction.Offset;
                Value equal = Append(new CompareInstruction(Condition.Equal, left, right, offset));
                if (compared.IsFloat)
                {
                    var leftIsNaN = Append(new CompareInstruction(Condition.NotEqual, left, left, offset));
                    var rightIsNaN = Append(new CompareInstruction(Condition.NotEqual, right, right, offset));
                    var bothNaN = Append(new BinaryInstruction(BinaryOp.And, NType.I32, leftIsNaN, rightIsNaN, offset));
                    equal = Append(new BinaryInstruction(BinaryOp.Or, NType.I32, equal, bothNaN, offset));
                }
                Push(equal);
                return true;
            }
            default:
                throw Unsupported($"{MethodNames.Describe(callee)} cannot be compiled: of EqualityComparer<T>, only Default.Equals(a, b) of numbers is supported.");
        }
    }

    /// <summary>A struct value read when the method is compiled, as a value built from constants.</summary>
    private Value StructConstant(StructType type, object value)
    {
        var fields = new Value[type.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = type.Fields[i];
            var fieldValue = field.Field.GetValue(value)!;
            fields[i] = field.Type switch
            {
                StructType nested => StructConstant(nested, fieldValue),
                { Kind: TypeKind.F64 } => Append(new ConstantInstruction(NType.F64, BitConverter.DoubleToInt64Bits((double)fieldValue), _instruction.Offset)),
                { Kind: TypeKind.F32 } => Append(new ConstantInstruction(NType.F32, BitConverter.SingleToInt32Bits((float)fieldValue), _instruction.Offset)),
                { Kind: TypeKind.Bool } => Append(new ConstantInstruction(NType.I32, (bool)fieldValue ? 1 : 0, _instruction.Offset)),
                { Kind: TypeKind.Char } => Append(new ConstantInstruction(NType.I32, (char)fieldValue, _instruction.Offset)),
                var integer => Append(new ConstantInstruction(integer.StackType, IntegerBits(fieldValue), _instruction.Offset)),
            };
        }
        return Append(new MakeStructInstruction(type, fields, _instruction.Offset));
    }

    private static long IntegerBits(object value) => value switch
    {
        nint n => n,
        nuint u => unchecked((long)u),
        ulong u => unchecked((long)u),
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// <c>constrained. S callvirt I::M</c> on a struct S: the struct's own implementation of M, called on the
    /// reference (no boxing), as .NET does. Members S does not define itself (ToString, GetHashCode and
    /// Equals of ValueType) would box, and are rejected.
    /// </summary>
    private bool ImportConstrainedStructCall(Type constrained, MethodBase callee)
    {
        MethodBase? implementation = null;
        if (callee is MethodInfo method && method.DeclaringType is { IsInterface: true } @interface && !method.IsStatic)
        {
            var map = constrained.GetInterfaceMap(@interface);
            var index = Array.IndexOf(map.InterfaceMethods, method);
            if (index >= 0) implementation = map.TargetMethods[index];
        }
        else if (callee is MethodInfo { IsStatic: false } objectMethod)
        {
            implementation = constrained.GetMethod(objectMethod.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly,
                objectMethod.GetParameters().Select(p => p.ParameterType).ToArray());
        }
        if (implementation is null || implementation.DeclaringType != constrained)
            throw Unsupported($"{MethodNames.Describe(callee)} is called on the struct {MethodNames.TypeName(constrained)}, which does not implement it itself: " +
                "calling it would box the struct, which compiled code cannot do. Call a method the struct defines.");
        return TryImportStructCall(implementation);
    }

    /// <summary>The address of <paramref name="field"/> in the struct <paramref name="target"/> refers to.</summary>
    private Value FieldAddress(Value target, FieldInfo field)
    {
        if (target.Type is not ByRefType { Element: StructType structType })
            throw Unsupported(target.Type is ArrayType || target.Type.IsNumeric
                ? $"The field {MethodNames.TypeName(field.DeclaringType)}.{field.Name} is read from a {target.Type}: fields of objects cannot be used in compiled code; pass the values as parameters."
                : $"The field {MethodNames.TypeName(field.DeclaringType)}.{field.Name} is read from a {target.Type}, not a struct.");
        return Append(new FieldAddressInstruction(target, FieldOf(structType, field), _instruction.Offset));
    }

    private StructField FieldOf(StructType structType, FieldInfo field) =>
        field.DeclaringType == structType.ClrType && structType.FieldNamed(field.Name) is { } found
            ? found
            : throw Unsupported($"The field {MethodNames.TypeName(field.DeclaringType)}.{field.Name} is read from a {structType}, which does not have it.");

    private FieldInfo ResolveInstanceField(int token)
    {
        FieldInfo field;
        try
        {
            field = _method.Module.ResolveField(token, TypeArgumentsOf(_method), MethodArgumentsOf(_method))!;
        }
        catch (ArgumentException error)
        {
            throw Unsupported($"The field (token 0x{token:x8}) cannot be resolved: {error.Message}");
        }
        if (field.IsStatic) throw Unsupported(UnsupportedReasons.For(_instruction, _method));
        if (field.DeclaringType is not { IsValueType: true })
            throw Unsupported($"The field {MethodNames.TypeName(field.DeclaringType)}.{field.Name} belongs to a class: fields of objects cannot be used in compiled code; pass the values as parameters.");
        return field;
    }

    private static bool IsLibraryType(Type type) => type.Assembly == typeof(object).Assembly || type.Assembly == typeof(System.Numerics.Complex).Assembly;

    private static bool IsComplex(Type type) => type == typeof(System.Numerics.Complex);

    /// <summary>
    /// The Complex members whose IL is plain arithmetic and Math calls (checked by differential tests), and
    /// the private helpers they call. Others (Log, Pow, Sin... with branches on special values Numbana has not
    /// been tested against) are rejected by name.
    /// </summary>
    private static readonly HashSet<string> SupportedComplexMembers =
    [
        ".ctor", "get_Real", "get_Imaginary", "get_Magnitude", "get_Phase", "op_Addition", "op_Subtraction", "op_Multiply", "op_Division",
        "op_UnaryNegation", "op_Equality", "op_Inequality", "Add", "Subtract", "Multiply", "Divide", "Negate", "Abs", "Conjugate",
        "FromPolarCoordinates", "Exp", "Sqrt", "IsNaN", "IsInfinity", "IsFinite", "op_Implicit", "Reciprocal",
    ];

    private static bool IsSupportedComplexMember(MethodBase member) => SupportedComplexMembers.Contains(member.Name);

    /// <summary>
    /// CoreLib methods that Complex's members call and whose IL is a plain managed algorithm (bit tests, Math
    /// calls, arithmetic), so that compiling it gives .NET's results: double.Hypot (Complex.Abs, Magnitude).
    /// </summary>
    private static bool IsLibraryHelperCompiledFromIl(MethodInfo method) =>
        method.DeclaringType == typeof(double) && method.Name == nameof(double.Hypot) && method.GetParameters().Length == 2;
}
