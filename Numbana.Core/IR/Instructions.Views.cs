using Numbana.Runtime;

namespace Numbana.IR;

/// <summary>
/// Views one run of elements as another type without copying: a T[] as a Span&lt;T&gt; or ReadOnlySpan&lt;T&gt;
/// (<c>new Span&lt;T&gt;(array)</c>, <c>array.AsSpan()</c>, the implicit conversions), a Span&lt;T&gt; as a
/// ReadOnlySpan&lt;T&gt;. Both sides are <c>{ ptr, i32 }</c>, so it lowers to nothing; a null array
/// (<c>{ null, 0 }</c>) gives the empty span, as .NET's conversions do.
/// </summary>
internal sealed class ViewAsInstruction : Instruction
{
    public ViewAsInstruction(SpanType target, Value source, int ilOffset) : base(target, ilOffset, source) { }

    public Value Source => Operands[0];
    public override string Mnemonic => "view.as";
    public override string Detail => Type.ToString()!;
}

/// <summary>
/// <c>span.Slice(start)</c> and <c>span.Slice(start, length)</c> (and the array forms <c>AsSpan(start, length)</c>,
/// <c>new Span&lt;T&gt;(array, start, length)</c>): the span of the elements from <c>start</c>. As .NET on a
/// 64-bit machine, <c>start</c> and <c>length</c> are read as unsigned and their sum must not exceed the
/// span's length; otherwise <see cref="OutOfRange"/> (ArgumentOutOfRangeException) is raised.
/// </summary>
internal sealed class SliceInstruction : Instruction
{
    public SliceInstruction(Value span, Value start, Value? length, ExceptionStatus outOfRange, int ilOffset)
        : base(span.Type, ilOffset, length is null ? [span, start] : [span, start, length]) => OutOfRange = outOfRange;

    public Value Span => Operands[0];
    public Value Start => Operands[1];

    /// <summary>The new length, or null for "to the end" (<c>Slice(start)</c>).</summary>
    public Value? Length => Operands.Length > 2 ? Operands[2] : null;

    /// <summary>The status of .NET's <c>new ArgumentOutOfRangeException()</c> (ThrowHelper's parameterless form).</summary>
    public ExceptionStatus OutOfRange { get; }

    public override string Mnemonic => "span.slice";
}

/// <summary>
/// CIL's localloc (C#'s <c>stackalloc</c>): <see cref="ByteCount"/> zeroed bytes in the function's stack
/// frame, as an address (nint). The importer accepts its result only where a span is made from it
/// (<c>new Span&lt;T&gt;(void*, int)</c>), which is how C# compiles <c>Span&lt;T&gt; s = stackalloc T[n]</c>.
/// The memory is zeroed whether or not the method has localsinit (reading it uninitialized would be
/// unspecified anyway), and it lives until the function returns, as .NET's does.
/// </summary>
internal sealed class StackAllocInstruction : Instruction
{
    public StackAllocInstruction(Value byteCount, int ilOffset) : base(NType.NInt, ilOffset, byteCount) { }

    public Value ByteCount => Operands[0];
    public override string Mnemonic => "stack.alloc";
}

/// <summary>
/// <c>new Span&lt;T&gt;(void* pointer, int length)</c> on memory compiled code owns: a <see cref="StackAllocInstruction"/>'s,
/// or a <see cref="ConstantDataInstruction"/>'s for a ReadOnlySpan. A negative length raises <see cref="OutOfRange"/>
/// (ArgumentOutOfRangeException), as the constructor does.
/// </summary>
internal sealed class SpanOverMemoryInstruction : Instruction
{
    public SpanOverMemoryInstruction(SpanType type, Value memory, Value length, ExceptionStatus outOfRange, int ilOffset)
        : base(type, ilOffset, memory, length) => OutOfRange = outOfRange;

    public Value Memory => Operands[0];
    public Value Length => Operands[1];
    public ExceptionStatus OutOfRange { get; }
    public override string Mnemonic => "span.from_memory";
    public override string Detail => Type.ToString()!;
}

/// <summary>
/// The address of <c>array[i, j, ...]</c> (the runtime's Get, Set and Address methods of T[,] are a load, a
/// store or nothing after it): each index, read as unsigned, must be below its dimension's length, else
/// IndexOutOfRangeException; the element is at the row-major offset <c>(i * length1 + j) * length2 + k</c>.
/// </summary>
internal sealed class MultiDimensionalElementAddressInstruction : Instruction
{
    public MultiDimensionalElementAddressInstruction(Value array, Value[] indices, int ilOffset)
        : base(NType.ByRefOf(((MultiDimensionalArrayType)array.Type).Element), ilOffset, [array, .. indices]) { }

    public Value Array => Operands[0];
    public ReadOnlySpan<Value> Indices => Operands.AsSpan(1);
    public MultiDimensionalArrayType ArrayType => (MultiDimensionalArrayType)Array.Type;
    public override string Mnemonic => "mdarray.address";
    public override string Detail => ArrayType.Element.ToString()!;
}

/// <summary>
/// <c>array.GetLength(dimension)</c> of a multi-dimensional array, an i32; a dimension outside
/// [0, rank) raises IndexOutOfRangeException, as .NET's GetLength does.
/// </summary>
internal sealed class MultiDimensionalLengthInstruction : Instruction
{
    public MultiDimensionalLengthInstruction(Value array, Value dimension, int ilOffset) : base(NType.I32, ilOffset, array, dimension) { }

    public Value Array => Operands[0];
    public Value Dimension => Operands[1];
    public override string Mnemonic => "mdarray.length";
}

/// <summary><c>span.Fill(value)</c>, and <c>span.Clear()</c> (a fill with zero): stores the value into every element.</summary>
internal sealed class SpanFillInstruction : Instruction
{
    public SpanFillInstruction(Value span, Value value, int ilOffset) : base(NType.Void, ilOffset, span, value) { }

    public Value Span => Operands[0];
    public Value FillValue => Operands[1];
    public NType ElementType => ((SpanType)Span.Type).Element;
    public override string Mnemonic => "span.fill";
}

/// <summary>
/// <c>new T[n, m]</c> (newobj of the array type's constructor): a zeroed zero-based array from the host's
/// allocator (<see cref="ArrayAllocation.MultiDimensionalSymbol"/>), pinned until the call returns. A negative
/// length raises OverflowException, a total above what .NET allows OutOfMemoryException, as .NET does.
/// </summary>
internal sealed class NewMultiDimensionalArrayInstruction : Instruction
{
    public NewMultiDimensionalArrayInstruction(MultiDimensionalArrayType type, Value[] lengths, int ilOffset) : base(type, ilOffset, lengths) { }

    public MultiDimensionalArrayType ArrayType => (MultiDimensionalArrayType)Type;
    public override string Mnemonic => "mdarray.new";
    public override string Detail => ArrayType.Element.ToString()!;
}

/// <summary>
/// The address of read-only data the C# compiler put in the assembly (an RVA static field of
/// &lt;PrivateImplementationDetails&gt;): what <c>ReadOnlySpan&lt;T&gt; table = [1, 2, 3]</c> and
/// <c>ReadOnlySpan&lt;T&gt; table = new T[] { 1, 2, 3 }</c> point to. The bytes are read when the method is
/// compiled and become a constant global of the module; only a span is ever made from the address.
/// </summary>
internal sealed class ConstantDataInstruction : Instruction
{
    public ConstantDataInstruction(byte[] data, int ilOffset) : base(NType.NInt, ilOffset) => Data = data;

    public byte[] Data { get; }
    public override string Mnemonic => "const.data";
    public override string Detail => $"{Data.Length} bytes";
}

/// <summary>
/// <c>source.CopyTo(destination)</c> (Span, ReadOnlySpan, and MemoryExtensions' T[] form) and <c>TryCopyTo</c>: the elements
/// are copied as by memmove, so overlapping spans copy correctly, as .NET's do. A destination shorter than the source
/// raises <see cref="TooShort"/> (ArgumentException "Destination is too short.") for CopyTo; TryCopyTo (TooShort null)
/// copies nothing then and gives 0, else 1.
/// </summary>
internal sealed class SpanCopyInstruction : Instruction
{
    public SpanCopyInstruction(Value source, Value destination, ExceptionStatus? tooShort, int ilOffset)
        : base(tooShort is null ? NType.I32 : NType.Void, ilOffset, source, destination) => TooShort = tooShort;

    public Value Source => Operands[0];
    public Value Destination => Operands[1];
    public ExceptionStatus? TooShort { get; }
    public NType ElementType => ((ContiguousType)Source.Type).Element;
    public override string Mnemonic => TooShort is null ? "span.try_copy" : "span.copy";
}
