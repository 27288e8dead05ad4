using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Runtime;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// Span&lt;T&gt; and ReadOnlySpan&lt;T&gt; of primitives, and stackalloc. Their members are generic library
/// methods built on Unsafe and intrinsics, so they are never compiled from their IL: each one C# calls is
/// mapped here to the IR operation it stands for (the indexer to array.address, Slice to span.slice, the
/// conversions from arrays to view.as, stackalloc to stack.alloc), with .NET's checks and exceptions.
/// </summary>
/// <remarks>
/// A span local or parameter whose member C# calls is addressed (ldloca, ldarga): it lives in a slot like
/// any address-taken variable, and each member call loads it (Transforms/SpanSlotPromotion then makes the
/// slot an SSA value again where its address does not escape). What it does not do: spans of structs, spans
/// over strings or pointers, the MemoryExtensions algorithms (IndexOf, Sort, SequenceEqual), ToArray,
/// enumerators outside foreach (C# compiles foreach over a span to the indexer and Length).
/// </remarks>
internal sealed partial class Importer
{
    /// <summary>The status of <c>new ArgumentOutOfRangeException()</c>, which Span's ThrowHelper raises for a bad slice.</summary>
    private static ExceptionStatus SpanOutOfRange =>
        ThrownExceptions.Register(typeof(ArgumentOutOfRangeException).GetConstructor(Type.EmptyTypes)!, []);

    private const string SupportedSpanMembers =
        "supported are new Span<T>(array), new Span<T>(array, start, length), array.AsSpan(), AsSpan(start), AsSpan(start, length), " +
        "the conversions from T[] and to ReadOnlySpan<T>, stackalloc, the indexer, Length, IsEmpty, Slice(start), Slice(start, length), " +
        "Clear(), Fill(value), CopyTo(span), TryCopyTo(span), array.CopyTo(span) and foreach";

    private bool TryImportSpan(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Localloc:
                ImportStackAlloc();
                return true;
            case ILOpCode.Stind_i1: case ILOpCode.Stind_i2: case ILOpCode.Stind_i4: case ILOpCode.Stind_i8: case ILOpCode.Stind_i:
            case ILOpCode.Stind_r4: case ILOpCode.Stind_r8: case ILOpCode.Stobj:
                // A store through a native integer is a store through a pointer, and C# compiles the initializer
                // of a stackalloc (stackalloc int[] { 1, 2, 3 }) to exactly that.
                if (_stack.Count >= 2 && _stack[^2].Type == NType.NInt)
                    throw Unsupported("Writing through a pointer is not supported, and C# compiles a stackalloc with an initializer " +
                        "(stackalloc int[] { 1, 2, 3 }) to such writes: stackalloc without an initializer, then set the elements through the span.");
                return false;
            case ILOpCode.Ldsflda:
            {
                // ReadOnlySpan<byte> table = [1, 2, 3]: ldsflda <data>; ldc.i4 length; newobj ReadOnlySpan<byte>(void*, int).
                if (ResolveFieldToken(instruction.IntOperand) is not { } field || !field.Attributes.HasFlag(FieldAttributes.HasFieldRVA)) return false;
                Push(Append(new ConstantDataInstruction(ReadConstantData(field), instruction.Offset)));
                return true;
            }
            case ILOpCode.Ldtoken:
                return TryImportCreateSpan(instruction);
            case ILOpCode.Initobj:
            {
                // default(Span<T>): the empty span.
                if (_stack.Count == 0 || _stack[^1].Type is not ByRefType { Element: SpanType spanType }) return false;
                var address = Pop();
                Append(new StoreInstruction(address, Append(Zero(spanType, instruction.Offset)), instruction.Offset));
                return true;
            }
            case ILOpCode.Newobj:
            {
                if (ResolveMethodToken(instruction.IntOperand) is not ConstructorInfo constructor
                    || constructor.DeclaringType is not { } type || !ClrTypes.IsSpan(type, out _, out _)) return false;
                Push(ConstructSpan(constructor));
                return true;
            }
            case ILOpCode.Call: case ILOpCode.Callvirt:
            {
                var callee = ResolveMethodToken(instruction.IntOperand);
                if (callee.DeclaringType is { } declaring && ClrTypes.IsSpan(declaring, out _, out _))
                {
                    ImportSpanMember(callee);
                    return true;
                }
                if (callee.DeclaringType == typeof(MemoryExtensions) && callee.Name == nameof(MemoryExtensions.AsSpan))
                {
                    ImportAsSpan((MethodInfo)callee);
                    return true;
                }
                if (callee.DeclaringType == typeof(MemoryExtensions) && callee.Name == nameof(MemoryExtensions.CopyTo)
                    && callee.GetParameters() is [{ ParameterType.IsSZArray: true }, _] && _stack.Count >= 2 && _stack[^2].Type is ArrayType array)
                {
                    // array.CopyTo(span): the array as a span, then Span's CopyTo.
                    var destination = Pop();
                    var source = Append(new ViewAsInstruction(NType.SpanOf(array.Element, readOnly: true), Pop(), instruction.Offset));
                    CopySpan(source, destination, throwWhenTooShort: true);
                    return true;
                }
                return false;
            }
            default:
                return false;
        }
    }

    /// <summary>The IR type of a Span&lt;T&gt; or ReadOnlySpan&lt;T&gt; the C# code names, or the reason it has none.</summary>
    private SpanType SpanTypeOf(Type clrType) => ClrTypes.TryMap(clrType, out var whyNot) as SpanType
        ?? throw Unsupported($"{MethodNames.TypeName(clrType)} cannot be compiled: {whyNot}.");

    /// <summary>
    /// <c>new Span&lt;T&gt;(...)</c> (newobj, or a constructor called on the address of a span local): the
    /// constructor's arguments are on the stack; returns the span.
    /// </summary>
    private Value ConstructSpan(ConstructorInfo constructor)
    {
        var spanType = SpanTypeOf(constructor.DeclaringType!);
        var parameters = constructor.GetParameters();
        var offset = _instruction.Offset;
        switch (parameters.Length)
        {
            case 1 when parameters[0].ParameterType.IsSZArray:
                return Append(new ViewAsInstruction(spanType, PopArrayOf(spanType.Element), offset));
            case 3 when parameters[0].ParameterType.IsSZArray:
            {
                var length = PopInt32("the length");
                var start = PopInt32("the start");
                var whole = Append(new ViewAsInstruction(spanType, PopArrayOf(spanType.Element), offset));
                return Append(new SliceInstruction(whole, start, length, SpanOutOfRange, offset));
            }
            case 2 when parameters[0].ParameterType == typeof(void*):
            {
                var length = PopInt32("the length");
                var memory = Pop();
                if (memory is not (StackAllocInstruction or ConstantDataInstruction) || (memory is ConstantDataInstruction && !spanType.ReadOnly))
                    throw Unsupported("A span over a pointer can be compiled only when the pointer comes from stackalloc (Span<T> s = stackalloc T[n]) " +
                        "or from constant data (ReadOnlySpan<T> s = [1, 2, 3]): pointers are not supported; use an array or stackalloc.");
                return Append(new SpanOverMemoryInstruction(spanType, memory, length, SpanOutOfRange, offset));
            }
            default:
                throw Unsupported($"The constructor {MethodNames.Describe(constructor)} cannot be compiled: {SupportedSpanMembers}.");
        }
    }

    /// <summary>A member of Span&lt;T&gt; or ReadOnlySpan&lt;T&gt; (the receiver of an instance member is the span's address).</summary>
    private void ImportSpanMember(MethodBase callee)
    {
        var offset = _instruction.Offset;
        var spanType = SpanTypeOf(callee.DeclaringType!);
        if (callee is ConstructorInfo constructor)
        {
            // call Span<T>::.ctor on the address of a local: construct, then store into it.
            var span = ConstructSpanBelowReceiver(constructor);
            Append(new StoreInstruction(span.Address, span.Value, offset));
            return;
        }
        var method = (MethodInfo)callee;
        if (method.IsStatic)
        {
            switch (method.Name, method.GetParameters().Length)
            {
                case ("op_Implicit", 1):
                {
                    var target = SpanTypeOf(method.ReturnType);
                    var source = Pop();
                    if (source.Type is not (ArrayType or SpanType) || ((ContiguousType)source.Type).Element != target.Element)
                        throw Unsupported($"A {source.Type} cannot be converted to {target}.");
                    Push(Append(new ViewAsInstruction(target, source, offset)));
                    return;
                }
                case ("get_Empty", 0):
                    Push(Append(Zero(spanType, offset)));
                    return;
            }
            throw Unsupported($"{MethodNames.Describe(method)} cannot be compiled: {SupportedSpanMembers}.");
        }

        var arity = method.GetParameters().Length;
        switch (method.Name, arity)
        {
            case ("get_Item", 1):
            {
                var index = PopIndex();
                var receiver = PopSpan(spanType);
                Push(Append(new ElementAddressInstruction(receiver, index, offset)));
                return;
            }
            case ("get_Length", 0):
                Push(SpanLength(PopSpan(spanType)));
                return;
            case ("get_IsEmpty", 0):
            {
                var length = SpanLength(PopSpan(spanType));
                Push(Append(new CompareInstruction(Condition.Equal, length, Append(new ConstantInstruction(NType.I32, 0, offset)), offset)));
                return;
            }
            case ("Slice", 1):
            {
                var start = PopInt32("the start");
                Push(Append(new SliceInstruction(PopSpan(spanType), start, null, SpanOutOfRange, offset)));
                return;
            }
            case ("Slice", 2):
            {
                var length = PopInt32("the length");
                var start = PopInt32("the start");
                Push(Append(new SliceInstruction(PopSpan(spanType), start, length, SpanOutOfRange, offset)));
                return;
            }
            case ("CopyTo", 1) or ("TryCopyTo", 1):
            {
                var destination = Pop();
                var source = PopSpan(spanType);
                if (CopySpan(source, destination, method.Name == "CopyTo") is { } copied) Push(copied);
                return;
            }
            case ("Clear", 0) when !spanType.ReadOnly:
                Append(new SpanFillInstruction(PopSpan(spanType), Append(Zero(spanType.Element.StackType, offset)), offset));
                return;
            case ("Fill", 1) when !spanType.ReadOnly:
            {
                var value = CoerceForStore(Pop(), spanType.Element);
                Append(new SpanFillInstruction(PopSpan(spanType), value, offset));
                return;
            }
        }
        throw Unsupported($"{MethodNames.Describe(method)} cannot be compiled: {SupportedSpanMembers}.");
    }

    /// <summary>CopyTo (void, ArgumentException when the destination is too short) or TryCopyTo (a bool).</summary>
    private Value? CopySpan(Value source, Value destination, bool throwWhenTooShort)
    {
        if (destination.Type is not SpanType { ReadOnly: false } target || target.Element != ((ContiguousType)source.Type).Element)
            throw Unsupported($"A {source.Type} cannot be copied into a {destination.Type}: the destination must be a Span of the same element type.");
        var copy = Append(new SpanCopyInstruction(source, destination, throwWhenTooShort ? DestinationTooShort.Value : null, _instruction.Offset));
        return copy.HasResult ? copy : null;
    }

    /// <summary>
    /// The status of CopyTo's <c>ArgumentException("Destination is too short.", "destination")</c>. The message is the
    /// runtime's own (it is localized): it is read once from the exception .NET raises, without its parameter suffix.
    /// </summary>
    private static readonly Lazy<ExceptionStatus> DestinationTooShort = new(() =>
    {
        string message;
        try
        {
            ReadOnlySpan<byte> one = [0];
            one.CopyTo(Span<byte>.Empty);
            throw new InvalidOperationException("Span.CopyTo accepted a destination that is too short.");
        }
        catch (ArgumentException error)
        {
            var suffix = $" (Parameter '{error.ParamName}')";
            message = error.Message.EndsWith(suffix, StringComparison.Ordinal) ? error.Message[..^suffix.Length] : error.Message;
        }
        return ThrownExceptions.Register(typeof(ArgumentException).GetConstructor([typeof(string), typeof(string)])!, [message, "destination"]);
    });

    /// <summary>
    /// For <c>call Span&lt;T&gt;::.ctor</c> on an address: the constructor's arguments sit above the address on
    /// the stack. Pops them (through <see cref="ConstructSpan"/>), then the address.
    /// </summary>
    private (Value Address, Value Value) ConstructSpanBelowReceiver(ConstructorInfo constructor)
    {
        var span = ConstructSpan(constructor);
        var address = PopReference();
        if (address.Type is not ByRefType { Element: SpanType target } || target != span.Type)
            throw Unsupported($"The constructor of {span.Type} is called on a {address.Type}.");
        return (address, span);
    }

    /// <summary>
    /// <c>MemoryExtensions.AsSpan(array)</c>, <c>AsSpan(array, start)</c>, <c>AsSpan(array, start, length)</c> for
    /// T[]: the whole array, or a slice with Slice's checks (a null array is the empty span: only start 0
    /// and length 0 are in range, as .NET).
    /// </summary>
    private void ImportAsSpan(MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (!parameters[0].ParameterType.IsSZArray || parameters.Skip(1).Any(p => p.ParameterType != typeof(int)))
            throw Unsupported($"{MethodNames.Describe(method)} cannot be compiled: {SupportedSpanMembers}.");
        var spanType = SpanTypeOf(method.ReturnType);
        var offset = _instruction.Offset;
        var length = parameters.Length == 3 ? PopInt32("the length") : null;
        var start = parameters.Length >= 2 ? PopInt32("the start") : null;
        Value span = Append(new ViewAsInstruction(spanType, PopArrayOf(spanType.Element), offset));
        if (start is not null) span = Append(new SliceInstruction(span, start, length, SpanOutOfRange, offset));
        Push(span);
    }

    /// <summary>
    /// <c>localloc</c>: the size in bytes is a native unsigned integer (C# computes it with conv.u and
    /// mul.ovf.un, so a negative count has already raised OverflowException or become a huge size).
    /// </summary>
    private void ImportStackAlloc()
    {
        var size = Pop();
        if (size.Type == NType.I32)
            size = Append(new ConvertInstruction(NType.NUInt, size, sourceUnsigned: true, checkOverflow: false, _instruction.Offset));
        else if (size.Type != NType.NInt)
            throw Unsupported($"The size of a stackalloc must be an integer, not a {size.Type}.");
        Push(Append(new StackAllocInstruction(size, _instruction.Offset)));
    }

    /// <summary>
    /// <c>ldtoken &lt;data&gt;; call RuntimeHelpers.CreateSpan&lt;T&gt;(RuntimeFieldHandle)</c>, C#'s form of
    /// <c>ReadOnlySpan&lt;T&gt; table = [1, 2, 3]</c> for T wider than a byte: a read-only span over the constant data.
    /// </summary>
    private bool TryImportCreateSpan(IlInstruction ldtoken)
    {
        var instructions = _ilBlock.Instructions;
        if (_instructionIndex + 1 >= instructions.Count || instructions[_instructionIndex + 1].OpCode != ILOpCode.Call) return false;
        if (ResolveMethodToken(instructions[_instructionIndex + 1].IntOperand) is not MethodInfo { Name: "CreateSpan", IsGenericMethod: true } createSpan
            || createSpan.DeclaringType != typeof(System.Runtime.CompilerServices.RuntimeHelpers)) return false;
        if (ResolveFieldToken(ldtoken.IntOperand) is not { } field || !field.Attributes.HasFlag(FieldAttributes.HasFieldRVA)) return false;
        _instruction = instructions[++_instructionIndex];
        var spanType = SpanTypeOf(createSpan.ReturnType);
        var data = ReadConstantData(field);
        var elementBytes = Math.Max(spanType.Element.BitWidth / 8, 1);
        var memory = Append(new ConstantDataInstruction(data, _instruction.Offset));
        var length = Append(new ConstantInstruction(NType.I32, data.Length / elementBytes, _instruction.Offset));
        Push(Append(new SpanOverMemoryInstruction(spanType, memory, length, SpanOutOfRange, _instruction.Offset)));
        return true;
    }

    private FieldInfo? ResolveFieldToken(int token)
    {
        try
        {
            return _method.Module.ResolveField(token, TypeArgumentsOf(_method), MethodArgumentsOf(_method));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The bytes of an RVA static field (the compiler's constant data), as the runtime copies them into arrays.</summary>
    private static byte[] ReadConstantData(FieldInfo field)
    {
        var size = field.FieldType.IsPrimitive
            ? System.Runtime.InteropServices.Marshal.SizeOf(field.FieldType)
            : field.FieldType.StructLayoutAttribute?.Size ?? 0;
        var data = new byte[size];
        System.Runtime.CompilerServices.RuntimeHelpers.InitializeArray(data, field.FieldHandle);
        return data;
    }

    private Value SpanLength(Value span) =>
        Append(new ConvertInstruction(NType.I32, Append(new ArrayLengthInstruction(span, _instruction.Offset)), sourceUnsigned: false, checkOverflow: false, _instruction.Offset));

    /// <summary>Pops the receiver of a span member: the span's address (ldloca, ldarga), or the span itself.</summary>
    private Value PopSpan(SpanType expected)
    {
        var receiver = Pop();
        if (receiver.Type is ByRefType { Element: SpanType } reference && reference.Element == expected)
            return Append(new LoadInstruction(receiver, _instruction.Offset));
        if (receiver.Type == expected) return receiver;
        throw Unsupported($"A member of {expected} is called on a {receiver.Type}.");
    }

    private Value PopArrayOf(NType element)
    {
        var array = Pop();
        return array.Type is ArrayType arrayType && arrayType.Element == element
            ? array
            : throw Unsupported($"A span of {element} is made from a {array.Type}: use an array of {element}.");
    }

    private Value PopInt32(string what)
    {
        var value = Pop();
        return value.Type == NType.I32 ? value : throw Unsupported($"{what} must be an int, not a {value.Type}.");
    }
}
