using Numbana.IR;

namespace Numbana.Frontend;

internal enum VariableKind { Argument, Local, StackSlot }

/// <summary>A CIL storage place that becomes SSA values: an argument, a local, or an evaluation-stack slot at a block boundary.</summary>
internal readonly record struct Variable(VariableKind Kind, int Index);

/// <summary>
/// Builds SSA form on the fly while the importer walks the blocks (Braun, Buchwald, Hack, Leißa,
/// Mallon, Zwinkau: "Simple and Efficient Construction of Static Single Assignment Form", CC 2013).
/// Phis are block parameters; their incoming values are kept per predecessor until <see cref="Finish"/>
/// removes the trivial ones and writes the rest into the branch arguments.
/// </summary>
/// <remarks>
/// The predecessors of every block are known before import (from the CIL's branches), so a block is
/// sealed as soon as all of them have been filled. Stack slots carried across blocks (the conditional
/// operator leaves a value on the stack at a join) are variables like locals.
/// </remarks>
internal sealed class SsaBuilder
{
    private readonly Dictionary<Variable, Dictionary<Block, Value>> _definitions = new();
    private readonly Dictionary<Block, List<(Variable Variable, BlockParameter Parameter)>> _incomplete = new();
    private readonly HashSet<Block> _sealed = new();
    private readonly HashSet<Block> _filled = new();
    private readonly IReadOnlyDictionary<Block, List<Block>> _predecessors;
    private readonly Func<Variable, Block, NType> _typeOf;

    /// <param name="predecessors">Every reachable block's predecessors, without duplicates.</param>
    /// <param name="typeOf">The type of a variable at the entry of a block.</param>
    public SsaBuilder(IReadOnlyDictionary<Block, List<Block>> predecessors, Func<Variable, Block, NType> typeOf)
    {
        _predecessors = predecessors;
        _typeOf = typeOf;
    }

    public void Write(Variable variable, Block block, Value value)
    {
        if (!_definitions.TryGetValue(variable, out var perBlock))
            _definitions[variable] = perBlock = new Dictionary<Block, Value>();
        perBlock[block] = value;
    }

    public Value Read(Variable variable, Block block)
    {
        if (_definitions.TryGetValue(variable, out var perBlock) && perBlock.TryGetValue(block, out var value))
            return value;
        return ReadRecursive(variable, block);
    }

    /// <summary>Records that <paramref name="block"/> has all its instructions, then seals the blocks that now can be.</summary>
    public void MarkFilled(Block block)
    {
        _filled.Add(block);
        foreach (var successor in ControlFlow.Successors(block))
            if (!_sealed.Contains(successor) && _predecessors[successor].All(_filled.Contains))
                Seal(successor);
    }

    /// <summary>Seals a block whose predecessors are all known and filled (the entry block at the start).</summary>
    public void Seal(Block block)
    {
        _sealed.Add(block);
        if (_incomplete.Remove(block, out var pending))
            foreach (var (variable, parameter) in pending)
                AddIncoming(variable, parameter);
    }

    private Value ReadRecursive(Variable variable, Block block)
    {
        Value value;
        var predecessors = _predecessors[block];
        if (!_sealed.Contains(block))
        {
            var parameter = NewParameter(variable, block);
            if (!_incomplete.TryGetValue(block, out var pending)) _incomplete[block] = pending = [];
            pending.Add((variable, parameter));
            value = parameter;
        }
        else if (predecessors.Count == 1)
        {
            value = Read(variable, predecessors[0]);
        }
        else if (predecessors.Count == 0)
        {
            throw new InvalidOperationException($"{variable} is read in {block} but defined nowhere: the importer must define every variable in the entry block");
        }
        else
        {
            var parameter = NewParameter(variable, block);
            // Write first: a loop reads the variable back through its own back edge.
            Write(variable, block, parameter);
            AddIncoming(variable, parameter);
            value = parameter;
        }
        Write(variable, block, value);
        return value;
    }

    private BlockParameter NewParameter(Variable variable, Block block)
    {
        var parameter = block.AddParameter(_typeOf(variable, block));
        parameter.PendingIncoming = new Dictionary<Block, Value>();
        return parameter;
    }

    private void AddIncoming(Variable variable, BlockParameter parameter)
    {
        foreach (var predecessor in _predecessors[parameter.Block])
        {
            var incoming = Read(variable, predecessor);
            if (incoming.Type != parameter.Type)
                throw new UnsupportedIlException(
                    $"A {DescribeVariable(variable)} holds a {incoming.Type} on one path and a {parameter.Type} on another: the IL is not verifiable.",
                    parameter.Block.Function.Method, parameter.Block.IlOffset, null);
            parameter.PendingIncoming![predecessor] = incoming;
        }
    }

    private static string DescribeVariable(Variable variable) => variable.Kind switch
    {
        VariableKind.Argument => $"parameter {variable.Index}",
        VariableKind.Local => $"local variable {variable.Index}",
        _ => $"evaluation stack slot {variable.Index}",
    };

    /// <summary>
    /// Ends construction: removes block parameters whose incoming values are all one value (or the
    /// parameter itself), then moves the remaining incoming values into the branches' arguments.
    /// </summary>
    public void Finish(Function function)
    {
        if (_incomplete.Count > 0)
            throw new InvalidOperationException("SSA construction finished with unsealed blocks: " + string.Join(", ", _incomplete.Keys));

        var replacements = new Dictionary<Value, Value>();
        Value Resolve(Value value)
        {
            while (replacements.TryGetValue(value, out var replacement)) value = replacement;
            return value;
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var block in function.Blocks)
            {
                for (var i = block.Parameters.Count - 1; i >= 0; i--)
                {
                    var parameter = block.Parameters[i];
                    if (parameter.PendingIncoming is null) continue;
                    Value? only = null;
                    var trivial = true;
                    foreach (var incoming in parameter.PendingIncoming.Values.Select(Resolve))
                    {
                        if (incoming == parameter || incoming == only) continue;
                        if (only is not null) { trivial = false; break; }
                        only = incoming;
                    }
                    if (!trivial || only is null) continue;
                    replacements[parameter] = only;
                    block.Parameters.RemoveAt(i);
                    changed = true;
                }
            }
        }

        foreach (var block in function.Blocks)
        {
            foreach (var instruction in block.Instructions)
                for (var i = 0; i < instruction.Operands.Length; i++)
                    instruction.Operands[i] = Resolve(instruction.Operands[i]);
            var terminator = block.Terminator!;
            foreach (var edge in terminator.Successors)
            {
                edge.Arguments.Clear();
                foreach (var parameter in edge.Target.Parameters)
                {
                    if (parameter.PendingIncoming is null) continue;
                    edge.Arguments.Add(Resolve(parameter.PendingIncoming[block]));
                }
            }
        }
        foreach (var block in function.Blocks)
            foreach (var parameter in block.Parameters)
                parameter.PendingIncoming = null;
    }
}
