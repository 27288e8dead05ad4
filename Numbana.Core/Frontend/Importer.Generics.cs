using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// Generic code and specialized parameters: <c>constrained.</c> calls of generic math (<c>T.Zero</c>,
/// <c>a + b</c> on <c>T : INumber&lt;T&gt;</c>) become the primitive operation once T is a primitive,
/// and the collection members of a parameter declared as an interface or base type
/// (<c>IReadOnlyList&lt;double&gt;.Count</c>, <c>IList&lt;T&gt;[i]</c>, <c>Array.Length</c>) become array
/// operations when the specialization passes an array (or a List&lt;T&gt;'s backing span) for it.
/// </summary>
/// <remarks>
/// What it does not do: virtual calls on objects, interface calls on anything but a specialized array,
/// or the generic-math members beyond arithmetic, comparisons, Zero/One, Min/Max/Abs/Sqrt and
/// CreateChecked/CreateTruncating; those stay unsupported with the reason. Out-of-range indices of an
/// array seen through IList&lt;T&gt; (or of a List&lt;T&gt;) raise IndexOutOfRangeException, where .NET raises
/// ArgumentOutOfRangeException.
/// </remarks>
internal sealed partial class Importer
{
    /// <summary>The type a <c>constrained.</c> prefix named, for the call that follows it.</summary>
    private Type? _constrainedType;

    private bool TryImportGeneric(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Constrained:
                _constrainedType = ResolveTypeToken(instruction.IntOperand);
                return true;
            case ILOpCode.Call:
            case ILOpCode.Callvirt:
            {
                var constrained = _constrainedType;
                _constrainedType = null;
                if (constrained is null && instruction.OpCode == ILOpCode.Call && !IsInstanceCallToken(instruction.IntOperand))
                    return false; // a plain static call: Importer.Calls
                var callee = ResolveMethodToken(instruction.IntOperand);
                if (constrained is not null) return ImportConstrainedCall(constrained, callee);
                return callee is MethodInfo method && !method.IsStatic && TryImportCollectionMember(method);
            }
            case ILOpCode.Castclass:
            {
                // A cast of a specialized array to its own type (object o => (double[])o) is a no-op.
                var target = ResolveTypeToken(instruction.IntOperand);
                if (_stack.Count == 0 || _stack[^1].Type is not ArrayType arrayType) return false;
                if (ClrTypes.TryMap(target, out _) != arrayType)
                    throw Unsupported($"The argument is a {arrayType} here: it cannot be cast to {MethodNames.TypeName(target)}.");
                return true;
            }
            default:
                return false;
        }
    }

    private bool IsInstanceCallToken(int token)
    {
        try
        {
            return ResolveMethodToken(token) is { IsStatic: false };
        }
        catch (UnsupportedIlException)
        {
            return false;
        }
    }

    private MethodBase ResolveMethodToken(int token)
    {
        try
        {
            return _method.Module.ResolveMethod(token, TypeArgumentsOf(_method), MethodArgumentsOf(_method))!;
        }
        catch (ArgumentException error)
        {
            throw Unsupported($"The called method (token 0x{token:x8}) cannot be resolved: {error.Message}");
        }
    }

    private Type ResolveTypeToken(int token)
    {
        try
        {
            return _method.Module.ResolveType(token, TypeArgumentsOf(_method), MethodArgumentsOf(_method));
        }
        catch (ArgumentException error)
        {
            throw Unsupported($"The type (token 0x{token:x8}) cannot be resolved: {error.Message}");
        }
    }

    private static Type[]? TypeArgumentsOf(MethodBase method) =>
        method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;

    private static Type[]? MethodArgumentsOf(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;

    /// <summary>
    /// The type of a local in an instantiated generic method: a method body may report the open type
    /// (T, T[]) of its definition, so generic parameters are replaced by the instantiation's arguments.
    /// </summary>
    internal static Type SubstituteGenericParameters(Type type, MethodBase method)
    {
        if (!type.ContainsGenericParameters) return type;
        if (type.IsGenericParameter)
        {
            var arguments = type.DeclaringMethod is not null ? MethodArgumentsOf(method) : TypeArgumentsOf(method);
            return arguments is not null && type.GenericParameterPosition < arguments.Length && !arguments[type.GenericParameterPosition].IsGenericParameter
                ? arguments[type.GenericParameterPosition]
                : type;
        }
        if (type.IsSZArray) return SubstituteGenericParameters(type.GetElementType()!, method).MakeArrayType();
        if (type.IsArray) return SubstituteGenericParameters(type.GetElementType()!, method).MakeArrayType(type.GetArrayRank());
        if (type.IsByRef) return SubstituteGenericParameters(type.GetElementType()!, method).MakeByRefType();
        if (type.IsPointer) return SubstituteGenericParameters(type.GetElementType()!, method).MakePointerType();
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments().Select(a => SubstituteGenericParameters(a, method)).ToArray();
            return arguments.Any(a => a.ContainsGenericParameters) ? type : type.GetGenericTypeDefinition().MakeGenericType(arguments);
        }
        return type;
    }

    /// <summary>
    /// A member of IReadOnlyList&lt;T&gt;, IList&lt;T&gt;, ICollection&lt;T&gt;, List&lt;T&gt; or Array called on a
    /// value that the specialization made an array: Count/Length is the length, the indexer an element.
    /// </summary>
    private bool TryImportCollectionMember(MethodInfo method)
    {
        var parameterCount = method.GetParameters().Length;
        if (_stack.Count < parameterCount + 1 || _stack[^(parameterCount + 1)].Type is not ArrayType) return false;
        var declaring = method.DeclaringType;
        if (declaring is null || !IsCollectionType(declaring))
            throw Unsupported($"{MethodNames.Describe(method)} is called on an argument that is compiled as an array: only Count, Length and the indexer are supported.");
        switch (method.Name, parameterCount)
        {
            case ("get_Count" or "get_Length", 0):
                Push(Append(new ArrayLengthInstruction(PopArray(), _instruction.Offset)));
                return true;
            case ("get_Item", 1):
            {
                var index = PopIndex();
                var array = PopArray();
                Push(Append(new ArrayLoadInstruction(array, index, _instruction.Offset)));
                return true;
            }
            case ("set_Item", 2):
            {
                var value = Pop();
                var index = PopIndex();
                var array = PopArray();
                var element = ((ArrayType)array.Type).Element;
                var stored = CoerceForStore(value, element);
                if (stored.Type != element.StackType) throw Unsupported($"A {value.Type} cannot be stored into a {array.Type}.");
                Append(new ArrayStoreInstruction(array, index, stored, _instruction.Offset));
                return true;
            }
            default:
                throw Unsupported($"{MethodNames.Describe(method)} is called on an argument that is compiled as an array: only Count, Length and the indexer are supported.");
        }
    }

    private static bool IsCollectionType(Type type)
    {
        if (type == typeof(Array) || type == typeof(System.Collections.ICollection) || type == typeof(System.Collections.IList)) return true;
        if (!type.IsGenericType) return false;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IList<>)
            || definition == typeof(ICollection<>) || definition == typeof(List<>);
    }

    /// <summary>
    /// <c>constrained. T call I::M</c>: when T is a primitive, the static abstract interface member M
    /// (generic math) is the primitive operation itself.
    /// </summary>
    private bool ImportConstrainedCall(Type constrained, MethodBase callee)
    {
        if (constrained.IsValueType && ClrTypes.TryMap(constrained, out _) is StructType) return ImportConstrainedStructCall(constrained, callee);
        if (ClrTypes.TryMap(constrained, out _) is not { } type || type is ArrayType || type == NType.Void)
            throw Unsupported($"A generic-math call ({MethodNames.Describe(callee)}) on {MethodNames.TypeName(constrained)} cannot be compiled: " +
                "instantiate the generic method with a primitive type (int, long, float, double, ...).");
        if (callee is not MethodInfo method)
            throw Unsupported($"{MethodNames.Describe(callee)} cannot be called through a constrained. prefix in compiled code.");
        var offset = _instruction.Offset;
        var unsigned = type.Kind is TypeKind.U8 or TypeKind.U16 or TypeKind.U32 or TypeKind.U64 or TypeKind.NUInt or TypeKind.Char;
        var arity = method.GetParameters().Length;
        switch (method.Name, arity)
        {
            case ("get_Zero", 0) or ("get_AdditiveIdentity", 0):
                Push(Append(Constant(type, 0)));
                return true;
            case ("get_One", 0) or ("get_MultiplicativeIdentity", 0):
                Push(Append(Constant(type, 1)));
                return true;
            case ("op_Addition", 2): return Arithmetic(BinaryOp.Add);
            case ("op_Subtraction", 2): return Arithmetic(BinaryOp.Sub);
            case ("op_Multiply", 2): return Arithmetic(BinaryOp.Mul);
            case ("op_Division", 2): return Arithmetic(unsigned ? BinaryOp.DivUnsigned : BinaryOp.Div);
            case ("op_Modulus", 2): return Arithmetic(unsigned ? BinaryOp.RemUnsigned : BinaryOp.Rem);
            case ("op_UnaryPlus", 1):
                return true;
            case ("op_UnaryNegation", 1):
                Push(Narrow(Append(new UnaryInstruction(UnaryOp.Neg, Pop(), offset))));
                return true;
            case ("op_Increment", 1) or ("op_Decrement", 1):
                Push(Append(Constant(type, 1)));
                return Arithmetic(method.Name == "op_Increment" ? BinaryOp.Add : BinaryOp.Sub);
            case ("op_LessThan", 2): Compare(unsigned ? Condition.LessUnsigned : Condition.Less); return true;
            case ("op_LessThanOrEqual", 2): Compare(unsigned ? Condition.LessOrEqualUnsigned : Condition.LessOrEqual); return true;
            case ("op_GreaterThan", 2): Compare(unsigned ? Condition.GreaterUnsigned : Condition.Greater); return true;
            case ("op_GreaterThanOrEqual", 2): Compare(unsigned ? Condition.GreaterOrEqualUnsigned : Condition.GreaterOrEqual); return true;
            case ("op_Equality", 2): Compare(Condition.Equal); return true;
            case ("op_Inequality", 2): Compare(Condition.NotEqual); return true;
            case ("Max", 2) or ("Min", 2) or ("Abs", 1) or ("Sqrt", 1):
            {
                // double.Max(a, b) is Math.Max(a, b), and so on: the lowering of Math keeps .NET's semantics.
                var function = method.Name switch
                {
                    "Max" => MathFunction.Max, "Min" => MathFunction.Min, "Abs" => MathFunction.Abs, _ => MathFunction.Sqrt,
                };
                var allowed = function == MathFunction.Sqrt
                    ? type.IsFloat
                    : type.IsFloat || type == NType.I32 || type == NType.I64;
                if (!allowed) break;
                var arguments = new Value[arity];
                for (var i = arity - 1; i >= 0; i--) arguments[i] = Pop();
                Push(Append(new MathInstruction(function, type.StackType, arguments, offset)));
                return true;
            }
            case ("CreateChecked", 1) or ("CreateTruncating", 1) when method.IsGenericMethod:
            {
                var source = method.GetGenericArguments()[0];
                if (ClrTypes.TryMap(source, out _) is not { } sourceType || sourceType is ArrayType) break;
                var sourceUnsigned = sourceType.Kind is TypeKind.U8 or TypeKind.U16 or TypeKind.U32 or TypeKind.U64 or TypeKind.NUInt or TypeKind.Char;
                var value = Pop();
                var check = method.Name == "CreateChecked" && !type.IsFloat;
                Push(value.Type == type && type.IsStackType ? value : Append(new ConvertInstruction(type, value, sourceUnsigned, check, offset)));
                return true;
            }
        }
        throw Unsupported($"The generic-math member {MethodNames.Describe(method)} is not supported in compiled code yet: " +
            "supported are Zero, One, + - * / %, unary -, ++, --, comparisons, Min, Max, Abs, Sqrt, CreateChecked and CreateTruncating.");

        bool Arithmetic(BinaryOp op)
        {
            Binary(op);
            Push(Narrow(Pop()));
            return true;
        }

        // Arithmetic on byte, short, char... wraps to the type's width, as the operator of that type does.
        Value Narrow(Value value) => type.IsStackType || type.IsFloat
            ? value
            : Append(new ConvertInstruction(type, value, sourceUnsigned: false, checkOverflow: false, offset));
    }

    private ConstantInstruction Constant(NType type, int value) => type.Kind switch
    {
        TypeKind.F64 => new ConstantInstruction(NType.F64, BitConverter.DoubleToInt64Bits(value), _instruction.Offset),
        TypeKind.F32 => new ConstantInstruction(NType.F32, BitConverter.SingleToInt32Bits(value), _instruction.Offset),
        _ => new ConstantInstruction(type.StackType, value, _instruction.Offset),
    };
}
