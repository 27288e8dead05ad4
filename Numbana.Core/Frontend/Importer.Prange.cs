using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;

namespace Numbana.Frontend;

/// <summary>
/// Prange loops. C# compiles <c>foreach (int i in Prange.Range(n))</c> to
/// <code>
///     call Prange.Range; stloc r; ldloca r; call PrangeRange.GetEnumerator; stloc e; br COND
/// BODY: ldloca e; call get_Current; stloc i; ...
/// COND: ldloca e; call MoveNext; brtrue BODY
/// </code>
/// The range and its enumerator are structs, which the IR has no form for; this file intercepts the
/// calls on them (before the generic handling of locals and calls) and imports a counted loop: the
/// enumerator local becomes an i64 counter variable, MoveNext an increment and an unsigned compare
/// against the iteration count, get_Current <c>start + (counter - 1) * step</c>.
/// </summary>
/// <remarks>
/// It does not parallelize anything: it records the loop (<see cref="PrangeLoops"/>) for
/// <see cref="Transforms.ParallelLoopOutlining"/>. The range and enumerator never exist as values:
/// markers on the evaluation stack stand for them between an instruction and the next.
/// </remarks>
internal sealed partial class Importer
{
    private readonly Dictionary<int, PrangeMarker> _prangeRanges = new();
    private readonly Dictionary<int, List<(int IlOffset, PrangeLoop Loop)>> _prangeEnumerators = new();

    /// <summary>Stands for a range, an enumerator, or an enumerator local's address on the evaluation stack.</summary>
    private sealed class PrangeMarker : Value
    {
        public PrangeMarker() : base(NType.Void) { }

        public Value? Start, End, Step;
        public bool IsLong;
        public PrangeLoop? Loop;
        public int EnumeratorLocal = -1;
    }

    private static bool IsPrangeType(Type? type) =>
        type == typeof(PrangeRange) || type == typeof(PrangeLongRange) || type == typeof(PrangeEnumerator) || type == typeof(PrangeLongEnumerator);

    /// <summary>Imports the instruction if it belongs to a Prange loop's pattern; false otherwise.</summary>
    private bool TryImportPrange(IlInstruction instruction)
    {
        switch (instruction.OpCode)
        {
            case ILOpCode.Stloc_0: case ILOpCode.Stloc_1: case ILOpCode.Stloc_2: case ILOpCode.Stloc_3:
                return TryStorePrange(instruction.OpCode - ILOpCode.Stloc_0);
            case ILOpCode.Stloc_s: case ILOpCode.Stloc:
                return TryStorePrange(instruction.IntOperand);
            case ILOpCode.Ldloca_s: case ILOpCode.Ldloca:
            case ILOpCode.Ldloc_s: case ILOpCode.Ldloc:
                return TryLoadPrange(instruction.IntOperand);
            case ILOpCode.Ldloc_0: case ILOpCode.Ldloc_1: case ILOpCode.Ldloc_2: case ILOpCode.Ldloc_3:
                return TryLoadPrange(instruction.OpCode - ILOpCode.Ldloc_0);
            case ILOpCode.Call:
                return TryCallPrange(instruction);
            default:
                return false;
        }
    }

    private bool TryStorePrange(int local)
    {
        if (_stack.Count == 0 || _stack[^1] is not PrangeMarker marker) return false;
        Pop();
        if (marker.Loop is null)
        {
            _prangeRanges[local] = marker;
            return true;
        }
        // The enumerator local becomes the loop's counter: the number of MoveNext calls made.
        CheckLocal(local);
        _localTypes[local] = NType.I64;
        if (!_prangeEnumerators.TryGetValue(local, out var loops)) _prangeEnumerators[local] = loops = [];
        loops.Add((_instruction.Offset, marker.Loop));
        _ssa.Write(new Variable(VariableKind.Local, local), _block, Append(new ConstantInstruction(NType.I64, 0, _instruction.Offset)));
        return true;
    }

    private bool TryLoadPrange(int local)
    {
        if (_prangeRanges.TryGetValue(local, out var range) && local < _localClrTypes.Length && IsPrangeType(_localClrTypes[local]))
        {
            Push(range);
            return true;
        }
        if (_prangeEnumerators.ContainsKey(local) && _instruction.OpCode is ILOpCode.Ldloca or ILOpCode.Ldloca_s)
        {
            Push(new PrangeMarker { EnumeratorLocal = local });
            return true;
        }
        return false;
    }

    private bool TryCallPrange(IlInstruction instruction)
    {
        MethodBase callee;
        try
        {
            callee = _method.Module.ResolveMethod(instruction.IntOperand,
                _method.DeclaringType?.IsGenericType == true ? _method.DeclaringType.GetGenericArguments() : null,
                _method.IsGenericMethod ? _method.GetGenericArguments() : null)!;
        }
        catch (ArgumentException)
        {
            return false; // generic context needed: not a Prange method; TryImportCall reports it
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        if (callee.DeclaringType == typeof(Prange) && callee.Name == nameof(Prange.Range))
        {
            ImportRange((MethodInfo)callee);
            return true;
        }
        if (!IsPrangeType(callee.DeclaringType)) return false;
        switch (callee.Name)
        {
            case nameof(PrangeRange.GetEnumerator):
                ImportGetEnumerator();
                return true;
            case nameof(PrangeEnumerator.MoveNext):
                ImportMoveNext(PopEnumerator());
                return true;
            case "get_" + nameof(PrangeEnumerator.Current):
                ImportCurrent(PopEnumerator());
                return true;
            default:
                throw Unsupported($"{MethodNames.Describe(callee)} is not supported in compiled code: use Prange ranges only in foreach.");
        }
    }

    private void ImportRange(MethodInfo range)
    {
        var arity = range.GetParameters().Length;
        var isLong = range.ReturnType == typeof(PrangeLongRange);
        var arguments = new Value[arity];
        for (var i = arity - 1; i >= 0; i--) arguments[i] = ToI64(Pop(), isLong);
        var offset = _instruction.Offset;
        Value Constant(long value) => Append(new ConstantInstruction(NType.I64, value, offset));
        var marker = arity switch
        {
            1 => new PrangeMarker { Start = Constant(0), End = arguments[0], Step = Constant(1) },
            2 => new PrangeMarker { Start = arguments[0], End = arguments[1], Step = Constant(1) },
            _ => new PrangeMarker { Start = arguments[0], End = arguments[1], Step = arguments[2] },
        };
        marker.IsLong = isLong;
        Push(marker);
    }

    /// <summary>A Range argument as an i64 (int arguments are sign-extended).</summary>
    private Value ToI64(Value value, bool isLong)
    {
        if (value is PrangeMarker || !value.Type.IsInteger)
            throw Unsupported($"Prange.Range takes {(isLong ? "long" : "int")} arguments, not a {value.Type}.");
        return value.Type == NType.I64
            ? value
            : Append(new ConvertInstruction(NType.I64, value, sourceUnsigned: false, checkOverflow: false, _instruction.Offset));
    }

    private void ImportGetEnumerator()
    {
        if (_stack.Count == 0 || Pop() is not PrangeMarker { Loop: null, Start: not null } range)
            throw Unsupported("GetEnumerator of a Prange range is only supported where foreach calls it.");
        var count = Append(new PrangeCountInstruction(range.Start, range.End!, range.Step!, _instruction.Offset));
        var loop = new PrangeLoop(_function, _instruction.Offset, count, range.Start, range.Step!, _unit.Options.Parallel)
        {
            Outcome = _unit.Options.Parallel ? "not examined" : "sequential: JitOptions.Parallel is false",
        };
        PrangeLoops.Add(loop);
        Push(new PrangeMarker { Loop = loop, IsLong = range.IsLong });
    }

    /// <summary>Pops an enumerator local's address and finds its loop (C# may reuse one local for several loops: the nearest GetEnumerator before this offset is this loop's).</summary>
    private (int Local, PrangeLoop Loop) PopEnumerator()
    {
        if (_stack.Count == 0 || Pop() is not PrangeMarker { EnumeratorLocal: >= 0 } address)
            throw Unsupported("A Prange enumerator is only supported where foreach uses it.");
        var loops = _prangeEnumerators[address.EnumeratorLocal];
        var best = loops.Where(l => l.IlOffset < _instruction.Offset).MaxBy(l => l.IlOffset);
        if (best.Loop is null) throw Unsupported("A Prange enumerator is used before its GetEnumerator call.");
        return (address.EnumeratorLocal, best.Loop);
    }

    private void ImportMoveNext((int Local, PrangeLoop Loop) enumerator)
    {
        var offset = _instruction.Offset;
        var variable = new Variable(VariableKind.Local, enumerator.Local);
        var counter = _ssa.Read(variable, _block);
        var one = Append(new ConstantInstruction(NType.I64, 1, offset));
        var next = Append(new BinaryInstruction(BinaryOp.Add, NType.I64, counter, one, offset));
        var more = Append(new CompareInstruction(Condition.LessUnsigned, counter, enumerator.Loop.Count, offset));
        _ssa.Write(variable, _block, next);
        Push(more);
        if (enumerator.Loop.Header is null)
        {
            enumerator.Loop.Header = _block;
            enumerator.Loop.Increment = next;
        }
    }

    private void ImportCurrent((int Local, PrangeLoop Loop) enumerator)
    {
        var offset = _instruction.Offset;
        var counter = _ssa.Read(new Variable(VariableKind.Local, enumerator.Local), _block);
        var one = Append(new ConstantInstruction(NType.I64, 1, offset));
        var iteration = Append(new BinaryInstruction(BinaryOp.Sub, NType.I64, counter, one, offset));
        var scaled = Append(new BinaryInstruction(BinaryOp.Mul, NType.I64, iteration, enumerator.Loop.Step, offset));
        Value current = Append(new BinaryInstruction(BinaryOp.Add, NType.I64, enumerator.Loop.Start, scaled, offset));
        var isInt = _localClrTypes.Length > enumerator.Local && _localClrTypes[enumerator.Local] == typeof(PrangeEnumerator);
        if (isInt) current = Append(new ConvertInstruction(NType.I32, current, sourceUnsigned: false, checkOverflow: false, offset));
        Push(current);
    }
}
