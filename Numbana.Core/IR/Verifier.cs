namespace Numbana.IR;

/// <summary>
/// Checks the invariants every pass must keep: each block ends in one terminator; edges pass as many
/// arguments, of the same types, as their target has parameters; operands are defined in the function
/// and dominate their uses; operand types fit each instruction. A failure is a compiler bug, not a user
/// error, so it raises <see cref="IrVerificationException"/> with the function printed.
/// </summary>
/// <remarks>It does not check that exceptions are raised where .NET would raise them; execution tests do.</remarks>
internal static class Verifier
{
    public static void Verify(Function function)
    {
        var errors = new List<string>();
        function.Renumber();
        var dominators = new Dominators(function);
        var definedIn = new Dictionary<Value, (Block Block, int Index)>();
        foreach (var block in function.Blocks)
        {
            foreach (var parameter in block.Parameters) definedIn[parameter] = (block, -1);
            for (var i = 0; i < block.Instructions.Count; i++) definedIn[block.Instructions[i]] = (block, i);
        }

        foreach (var block in function.Blocks)
        {
            if (block.Terminator is null) errors.Add($"{block} does not end in a terminator");
            for (var i = 0; i < block.Instructions.Count; i++)
            {
                var instruction = block.Instructions[i];
                var where = $"{block}, {Printer.Format(instruction).Trim()}";
                if (instruction is Terminator && i != block.Instructions.Count - 1) errors.Add($"{where}: terminator in the middle of a block");
                if (instruction.Block != block) errors.Add($"{where}: instruction's block is {instruction.Block}");
                foreach (var operand in UsedValues(instruction))
                {
                    if (!definedIn.TryGetValue(operand, out var def))
                        errors.Add($"{where}: operand {operand} is not defined in this function");
                    else if (dominators.IsReachable(block) && !(def.Block == block ? def.Index < i : dominators.Dominates(def.Block, block)))
                        errors.Add($"{where}: operand {operand} does not dominate its use");
                }
                if (instruction is Terminator terminator)
                    foreach (var edge in terminator.Successors)
                        CheckEdge(edge, where, errors);
                CheckTypes(instruction, function, where, errors);
            }
        }

        if (function.Entry.Parameters.Count != function.ParameterTypes.Count)
            errors.Add($"the entry block has {function.Entry.Parameters.Count} parameters, the function {function.ParameterTypes.Count}");
        if (errors.Count > 0)
            throw new IrVerificationException($"IR verification failed for {function.Name}:\n  {string.Join("\n  ", errors)}\n{Printer.Print(function)}");
    }

    private static IEnumerable<Value> UsedValues(Instruction instruction)
    {
        foreach (var operand in instruction.Operands) yield return operand;
        // Edge arguments are used at the end of the block that branches.
        if (instruction is Terminator terminator)
            foreach (var edge in terminator.Successors)
                foreach (var argument in edge.Arguments) yield return argument;
    }

    private static void CheckEdge(BlockCall edge, string where, List<string> errors)
    {
        var parameters = edge.Target.Parameters;
        if (parameters.Count != edge.Arguments.Count)
        {
            errors.Add($"{where}: {edge.Target} takes {parameters.Count} arguments, the edge passes {edge.Arguments.Count}");
            return;
        }
        for (var i = 0; i < parameters.Count; i++)
            if (parameters[i].Type != edge.Arguments[i].Type)
                errors.Add($"{where}: argument {i} to {edge.Target} is {edge.Arguments[i].Type}, the parameter is {parameters[i].Type}");
    }

    private static void CheckTypes(Instruction instruction, Function function, string where, List<string> errors)
    {
        void Expect(bool condition, string message)
        {
            if (!condition) errors.Add($"{where}: {message}");
        }

        switch (instruction)
        {
            case BinaryInstruction binary when binary.Op is BinaryOp.Shl or BinaryOp.Shr or BinaryOp.ShrUnsigned:
                Expect(binary.Left.Type == binary.Type && binary.Type.IsInteger, "a shift's value must be an integer of the result type");
                Expect(binary.Right.Type == NType.I32 || binary.Right.Type == NType.NInt, "a shift count must be i32 or nint");
                break;
            case BinaryInstruction binary:
                Expect(binary.Left.Type == binary.Type && binary.Right.Type == binary.Type, "binary operands must have the result type");
                Expect(binary.Type.IsNumeric, "binary operations take numbers");
                Expect(binary.Type.IsInteger || binary.Op is not (BinaryOp.And or BinaryOp.Or or BinaryOp.Xor or BinaryOp.DivUnsigned or BinaryOp.RemUnsigned),
                    "bitwise and unsigned operations take integers");
                break;
            case CheckedBinaryInstruction checkedBinary:
                Expect(checkedBinary.Left.Type == checkedBinary.Type && checkedBinary.Right.Type == checkedBinary.Type, "checked operands must have the result type");
                Expect(checkedBinary.Type.IsInteger && checkedBinary.Type.IsStackType, "checked arithmetic takes i32, i64 or nint");
                break;
            case UnaryInstruction unary:
                Expect(unary.Type.IsNumeric && (unary.Op == UnaryOp.Neg || unary.Type.IsInteger), "neg takes a number, not an integer");
                break;
            case CompareInstruction compare:
                Expect(compare.Left.Type == compare.Right.Type && compare.Left.Type.IsStackType, "compared values must have one stack type");
                break;
            case ConvertInstruction convert:
                Expect(convert.Operand.Type.IsNumeric && convert.Target.IsNumeric, "conversions are between numbers");
                break;
            case ArrayIsNotNullInstruction notNull:
                Expect(notNull.Array.Type is ArrayType, "array.notnull takes an array");
                break;
            case ArrayLengthInstruction length:
                Expect(length.Array.Type is ContiguousType, "array.length takes an array or span");
                break;
            case NewArrayInstruction newArray:
                Expect(newArray.Length.Type == NType.I32 || newArray.Length.Type == NType.NInt, "array.new takes an i32 or nint length");
                break;
            case ArrayLoadInstruction load:
                Expect(load.Array.Type is ContiguousType, "array.load takes an array or span");
                Expect(load.Index.Type == NType.I32 || load.Index.Type == NType.NInt, "an index is i32 or nint");
                break;
            case ArrayStoreInstruction store:
                Expect(store.Array.Type is ContiguousType, "array.store takes an array or span");
                Expect(store.Index.Type == NType.I32 || store.Index.Type == NType.NInt, "an index is i32 or nint");
                if (store.Array.Type is ContiguousType array)
                    Expect(store.StoredValue.Type == array.Element.StackType, $"the stored value must be {array.Element.StackType}");
                break;
            case AlignmentPeelCountInstruction peel:
                Expect(peel.Array.Type is ContiguousType, "align.peel takes an array or a span");
                Expect(peel.Index.Type == NType.I32 || peel.Index.Type == NType.NInt, "an index is i32 or nint");
                Expect(peel.AlignmentBytes > 0 && (peel.AlignmentBytes & (peel.AlignmentBytes - 1)) == 0, "an alignment is a power of two");
                break;
            case ElementAddressInstruction address:
                Expect(address.Array.Type is ContiguousType, "array.address takes an array or span");
                Expect(address.Index.Type == NType.I32 || address.Index.Type == NType.NInt, "an index is i32 or nint");
                break;
            case ViewAsInstruction view:
                Expect(view.Source.Type is ContiguousType source && source.Element == ((SpanType)view.Type).Element, "view.as keeps the element type");
                break;
            case SliceInstruction slice:
                Expect(slice.Span.Type is SpanType && slice.Type == slice.Span.Type, "span.slice takes and gives one span type");
                Expect(slice.Start.Type == NType.I32 && (slice.Length is null || slice.Length.Type == NType.I32), "a slice's start and length are i32");
                break;
            case SpanOverMemoryInstruction fromStack:
                Expect(fromStack.Memory is StackAllocInstruction or ConstantDataInstruction, "span.from_memory takes the memory of a stack.alloc or const.data");
                Expect(fromStack.Length.Type == NType.I32, "a span length is i32");
                break;
            case SpanFillInstruction fill:
                Expect(fill.Span.Type is SpanType { ReadOnly: false }, "span.fill takes a writable span");
                if (fill.Span.Type is SpanType filled) Expect(fill.FillValue.Type == filled.Element.StackType, $"the fill value must be {filled.Element.StackType}");
                break;
            case MultiDimensionalElementAddressInstruction mdAddress:
                Expect(mdAddress.Indices.Length == mdAddress.ArrayType.Rank, "mdarray.address takes one index per dimension");
                foreach (var index in mdAddress.Indices) Expect(index.Type == NType.I32, "a multi-dimensional index is i32");
                break;
            case MultiDimensionalLengthInstruction mdLength:
                Expect(mdLength.Array.Type is MultiDimensionalArrayType && mdLength.Dimension.Type == NType.I32, "mdarray.length takes an array and an i32 dimension");
                break;
            case LoadInstruction load:
                Expect(load.Address.Type is ByRefType, "load takes a reference");
                break;
            case StoreInstruction store:
                Expect(store.Address.Type is ByRefType, "store takes a reference");
                if (store.Address.Type is ByRefType reference)
                    Expect(store.StoredValue.Type == reference.Element.StackType, $"the stored value must be {reference.Element.StackType}");
                break;
            case FieldAddressInstruction fieldAddress:
                Expect(fieldAddress.StructAddress.Type is ByRefType { Element: StructType structType } && structType.Fields.Contains(fieldAddress.Field),
                    "field.address takes a reference to a struct that has the field");
                break;
            case ExtractFieldInstruction extract:
                Expect(extract.StructValue.Type is StructType extracted && extracted.Fields.Contains(extract.Field),
                    "field.extract takes a struct that has the field");
                break;
            case MakeStructInstruction make:
                Expect(make.Operands.Length == make.StructType.Fields.Count, "struct.make takes one value per field");
                for (var i = 0; i < Math.Min(make.Operands.Length, make.StructType.Fields.Count); i++)
                    Expect(make.Operands[i].Type == make.StructType.Fields[i].Type.StackType, $"struct.make field {i} type");
                break;
            case CallInstruction call:
                Expect(call.Operands.Length == call.Callee.ParameterTypes.Count, "call argument count");
                for (var i = 0; i < Math.Min(call.Operands.Length, call.Callee.ParameterTypes.Count); i++)
                    Expect(call.Operands[i].Type == call.Callee.ParameterTypes[i].StackType, $"call argument {i} type");
                break;
            case MathInstruction math:
                if (math.SignatureError() is { } mathError) errors.Add($"{where}: {mathError}");
                break;
            case BranchInstruction branch:
                Expect(branch.Condition.Type == NType.I32, "a branch condition is an i32");
                break;
            case SwitchInstruction @switch:
                Expect(@switch.Selector.Type == NType.I32, "a switch selector is an i32");
                break;
            case ReturnInstruction ret:
                Expect(function.ReturnType == NType.Void ? ret.ReturnedValue is null : ret.ReturnedValue?.Type == function.ReturnType.StackType,
                    $"return must give {function.ReturnType.StackType}");
                break;
        }
    }
}

/// <summary>An internal inconsistency of the IR: a bug in Numbana, reported with the IR printed.</summary>
internal sealed class IrVerificationException(string message) : Exception(message);

/// <summary>Dominator tree (Cooper, Harvey and Kennedy's iterative algorithm) over reachable blocks.</summary>
internal sealed class Dominators
{
    private readonly Dictionary<Block, Block> _immediate = new();
    private readonly Dictionary<Block, int> _postorder = new();

    public Dominators(Function function)
    {
        var order = ControlFlow.ReversePostorder(function);
        for (var i = 0; i < order.Count; i++) _postorder[order[i]] = order.Count - 1 - i;
        var predecessors = ControlFlow.Predecessors(function);
        var entry = function.Entry;
        _immediate[entry] = entry;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var block in order)
            {
                if (block == entry) continue;
                Block? idom = null;
                foreach (var predecessor in predecessors[block])
                {
                    if (!_immediate.ContainsKey(predecessor)) continue;
                    idom = idom is null ? predecessor : Intersect(predecessor, idom);
                }
                if (idom is not null && (!_immediate.TryGetValue(block, out var old) || old != idom))
                {
                    _immediate[block] = idom;
                    changed = true;
                }
            }
        }
    }

    public bool IsReachable(Block block) => _immediate.ContainsKey(block);

    public bool Dominates(Block dominator, Block block)
    {
        if (!IsReachable(block)) return true;
        for (var current = block; ; current = _immediate[current])
        {
            if (current == dominator) return true;
            if (_immediate[current] == current) return false;
        }
    }

    private Block Intersect(Block a, Block b)
    {
        while (a != b)
        {
            while (_postorder[a] < _postorder[b]) a = _immediate[a];
            while (_postorder[b] < _postorder[a]) b = _immediate[b];
        }
        return a;
    }
}

/// <summary>Graph queries over a function's blocks.</summary>
internal static class ControlFlow
{
    public static IEnumerable<Block> Successors(Block block) =>
        block.Terminator?.Successors.Select(edge => edge.Target).Distinct() ?? [];

    public static Dictionary<Block, List<Block>> Predecessors(Function function)
    {
        var predecessors = function.Blocks.ToDictionary(b => b, _ => new List<Block>());
        foreach (var block in function.Blocks)
            foreach (var successor in Successors(block))
                predecessors[successor].Add(block);
        return predecessors;
    }

    /// <summary>The blocks reachable from the entry, in reverse postorder.</summary>
    public static List<Block> ReversePostorder(Function function)
    {
        var visited = new HashSet<Block>();
        var postorder = new List<Block>();
        var stack = new Stack<(Block Block, IEnumerator<Block> Next)>();
        visited.Add(function.Entry);
        stack.Push((function.Entry, Successors(function.Entry).GetEnumerator()));
        while (stack.Count > 0)
        {
            var (block, next) = stack.Peek();
            if (next.MoveNext())
            {
                if (visited.Add(next.Current)) stack.Push((next.Current, Successors(next.Current).GetEnumerator()));
            }
            else
            {
                stack.Pop();
                postorder.Add(block);
            }
        }
        postorder.Reverse();
        return postorder;
    }
}
