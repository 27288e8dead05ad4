namespace Numbana.IR;

/// <summary>
/// The instructions of Prange loops (see <see cref="Transforms.ParallelLoopOutlining"/>). They share a
/// base class so that the lowering and the passes recognize the family in one place; every one of
/// them is kept by dead code elimination (the count raises on a zero step, the loop has effects).
/// </summary>
internal abstract class ParallelInstruction : Instruction
{
    protected ParallelInstruction(NType type, int ilOffset, params Value[] operands) : base(type, ilOffset, operands) { }
}

/// <summary>
/// The number of values of Prange.Range(start, end, step), as an unsigned i64, computed from i64
/// operands exactly as <see cref="Prange"/> does; a zero step raises ArgumentException.
/// </summary>
internal sealed class PrangeCountInstruction : ParallelInstruction
{
    public PrangeCountInstruction(Value start, Value end, Value step, int ilOffset)
        : base(NType.I64, ilOffset, start, end, step) { }

    public Value Start => Operands[0];
    public Value End => Operands[1];
    public Value Step => Operands[2];
    public override string Mnemonic => "prange.count";
}

/// <summary>The operators a reduction combines partial values with (a subtraction reduces as an addition).</summary>
internal enum ReductionOperator { Add, Mul, And, Or, Xor, Min, Max }

/// <summary>
/// One reduction of a parallel loop: the operator, the stack type of the accumulator, and the small
/// integer type it is truncated to after each update (a byte or short accumulator), if any.
/// </summary>
internal sealed record Reduction(ReductionOperator Operator, NType Type, NType? NarrowTo)
{
    /// <summary>The code the runtime combines by: operator * 4 + (i32 0, i64 1, f32 2, f64 3).</summary>
    public int RuntimeCode => (int)Operator * 4 + Type.Kind switch
    {
        TypeKind.I32 => 0,
        TypeKind.I64 or TypeKind.NInt => 1,
        TypeKind.F32 => 2,
        _ => 3,
    };

    /// <summary>
    /// The bits of the identity each chunk starts from. The float sum starts at -0.0, the identity of
    /// IEEE addition (+0.0 + -0.0 is +0.0); min and max start at the infinities or the extreme integers.
    /// </summary>
    public long IdentityBits => (Operator, Type.Kind) switch
    {
        (ReductionOperator.Add, TypeKind.F32) => BitConverter.SingleToInt32Bits(-0.0f),
        (ReductionOperator.Add, TypeKind.F64) => BitConverter.DoubleToInt64Bits(-0.0),
        (ReductionOperator.Add or ReductionOperator.Or or ReductionOperator.Xor, _) => 0,
        (ReductionOperator.Mul, TypeKind.F32) => BitConverter.SingleToInt32Bits(1f),
        (ReductionOperator.Mul, TypeKind.F64) => BitConverter.DoubleToInt64Bits(1.0),
        (ReductionOperator.Mul, _) => 1,
        (ReductionOperator.And, _) => -1,
        (ReductionOperator.Min, TypeKind.F32) => BitConverter.SingleToInt32Bits(float.PositiveInfinity),
        (ReductionOperator.Min, TypeKind.F64) => BitConverter.DoubleToInt64Bits(double.PositiveInfinity),
        (ReductionOperator.Min, TypeKind.I32) => int.MaxValue,
        (ReductionOperator.Min, _) => long.MaxValue,
        (ReductionOperator.Max, TypeKind.F32) => BitConverter.SingleToInt32Bits(float.NegativeInfinity),
        (ReductionOperator.Max, TypeKind.F64) => BitConverter.DoubleToInt64Bits(double.NegativeInfinity),
        (ReductionOperator.Max, TypeKind.I32) => int.MinValue,
        (ReductionOperator.Max, _) => long.MinValue,
        _ => throw new InvalidOperationException($"no identity for {Operator} on {Type}"),
    };

    public override string ToString() => $"{Operator.ToString().ToLowerInvariant()} {Type}" + (NarrowTo is null ? "" : $" (as {NarrowTo})");
}

/// <summary>
/// Runs <see cref="Body"/> over the iterations [0, count) on the parallel-for runtime, in chunks,
/// then combines the reductions' partial values into <see cref="ReductionResultInstruction"/>s.
/// Operands: the count, the body's live-in values (passed through a context record), then the
/// reductions' values before the loop. A chunk's exception returns its status at once, as a call's.
/// </summary>
/// <remarks>
/// The body is <c>body(live-ins..., i64 chunkStart, i64 chunkEnd, nint partials)</c>: it writes each
/// reduction's chunk value with <see cref="PartialStoreInstruction"/>.
/// </remarks>
internal sealed class ParallelForInstruction : ParallelInstruction
{
    public ParallelForInstruction(Function body, Value count, Value[] liveIns, Value[] initialValues, Reduction[] reductions, int ilOffset)
        : base(NType.Void, ilOffset, [count, .. liveIns, .. initialValues])
    {
        Body = body;
        LiveInCount = liveIns.Length;
        Reductions = reductions;
    }

    public Function Body { get; }
    public int LiveInCount { get; }
    public Reduction[] Reductions { get; }
    public Value Count => Operands[0];
    public ReadOnlySpan<Value> LiveIns => Operands.AsSpan(1, LiveInCount);
    public ReadOnlySpan<Value> InitialValues => Operands.AsSpan(1 + LiveInCount);
    public override string Mnemonic => "parallel.for";
    public override string Detail => "@" + Body.Name + (Reductions.Length == 0 ? "" : $" reduce [{string.Join(", ", Reductions.Select(r => r.ToString()))}]");
}

/// <summary>The combined value of reduction <see cref="Index"/> of a <see cref="ParallelForInstruction"/> (in the same block, after it).</summary>
internal sealed class ReductionResultInstruction : ParallelInstruction
{
    public ReductionResultInstruction(ParallelForInstruction loop, int index, int ilOffset)
        : base(loop.Reductions[index].Type, ilOffset)
    {
        Loop = loop;
        Index = index;
    }

    /// <summary>The loop (not an operand: it has no value of its own).</summary>
    public ParallelForInstruction Loop { get; }
    public int Index { get; }
    public override string Mnemonic => "parallel.result";
    public override string Detail => Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Writes a chunk's value of reduction <see cref="Index"/> into the runtime's partials record (an outlined body's last act).</summary>
internal sealed class PartialStoreInstruction : ParallelInstruction
{
    public PartialStoreInstruction(Value partials, int index, Value value, int ilOffset)
        : base(NType.Void, ilOffset, partials, value) => Index = index;

    public Value Partials => Operands[0];
    public Value StoredValue => Operands[1];
    public int Index { get; }
    public override string Mnemonic => "parallel.partial";
    public override string Detail => Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
