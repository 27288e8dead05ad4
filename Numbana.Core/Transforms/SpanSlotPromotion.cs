using Numbana.IR;

namespace Numbana.Transforms;

/// <summary>
/// Turns the stack slots of span variables back into SSA values. C# calls a span's members on its address
/// (ldloca, ldarga), so the importer gives every such variable a slot; but those members are imported as
/// loads of the whole span, so a slot whose address is only loaded from and stored to can be an SSA value
/// like any other local. That matters beyond tidiness: a Prange body cannot take the address of a slot in
/// its parent's frame, so an unpromoted span kept the loop sequential.
/// </summary>
/// <remarks>
/// It builds maximal SSA (a block parameter per slot on every block but the entry, every edge passing the
/// value at its end) and then removes the parameters whose incoming values are all one value. It leaves
/// alone a slot whose address escapes (a ref or in argument, a ref local): that one must stay in memory.
/// Slots of other types are not touched (their address is taken to be passed to callees).
/// </remarks>
internal static class SpanSlotPromotion
{
    public static void Run(Function function)
    {
        var slots = Promotable(function);
        if (slots.Count == 0) return;

        var order = ControlFlow.ReversePostorder(function);
        var entry = function.Entry;
        var parameters = new Dictionary<(Block, LocalSlotInstruction), BlockParameter>();
        foreach (var block in order.Where(b => b != entry))
            foreach (var slot in slots)
                parameters[(block, slot)] = block.AddParameter(slot.Element);

        var replacements = new Dictionary<Value, Value>();
        Value Resolve(Value value)
        {
            while (replacements.TryGetValue(value, out var replacement)) value = replacement;
            return value;
        }

        var valueAtEnd = new Dictionary<(Block, LocalSlotInstruction), Value>();
        foreach (var block in order)
        {
            var current = new Dictionary<LocalSlotInstruction, Value>();
            foreach (var slot in slots)
            {
                if (block != entry) current[slot] = parameters[(block, slot)];
            }
            var kept = new List<Instruction>();
            foreach (var instruction in block.Instructions)
            {
                switch (instruction)
                {
                    case LocalSlotInstruction slot when slots.Contains(slot):
                        // Before the importer's first store the span is empty (C# zero-initializes locals).
                        var zero = new ConstantInstruction(slot.Element, 0, slot.IlOffset) { Block = block };
                        kept.Add(zero);
                        current[slot] = zero;
                        continue;
                    case StoreInstruction store when store.Address is LocalSlotInstruction slot && slots.Contains(slot):
                        current[slot] = Resolve(store.StoredValue);
                        continue;
                    case LoadInstruction load when load.Address is LocalSlotInstruction slot && slots.Contains(slot):
                        replacements[load] = current[slot];
                        continue;
                }
                kept.Add(instruction);
            }
            block.Instructions.Clear();
            block.Instructions.AddRange(kept);
            foreach (var slot in slots) valueAtEnd[(block, slot)] = current[slot];
        }

        // Every edge passes each slot's value at the end of its source block, in the order the parameters were added.
        foreach (var block in order)
            foreach (var edge in block.Terminator!.Successors)
                foreach (var slot in slots)
                    edge.Arguments.Add(valueAtEnd[(block, slot)]);

        RemoveTrivialParameters(function, order, parameters.Values.ToHashSet(), replacements, Resolve);

        foreach (var block in function.Blocks)
        {
            foreach (var instruction in block.Instructions)
                for (var i = 0; i < instruction.Operands.Length; i++)
                    instruction.Operands[i] = Resolve(instruction.Operands[i]);
            foreach (var edge in block.Terminator?.Successors ?? [])
                for (var i = 0; i < edge.Arguments.Count; i++)
                    edge.Arguments[i] = Resolve(edge.Arguments[i]);
        }
    }

    /// <summary>The span slots whose address is only the address of loads and stores.</summary>
    private static List<LocalSlotInstruction> Promotable(Function function)
    {
        var candidates = function.Blocks.SelectMany(b => b.Instructions).OfType<LocalSlotInstruction>()
            .Where(slot => slot.Element is SpanType).ToHashSet();
        if (candidates.Count == 0) return [];
        foreach (var block in function.Blocks)
        {
            foreach (var instruction in block.Instructions)
            {
                for (var i = 0; i < instruction.Operands.Length; i++)
                {
                    if (instruction.Operands[i] is not LocalSlotInstruction slot || !candidates.Contains(slot)) continue;
                    var addressOnly = i == 0 && instruction is LoadInstruction or StoreInstruction;
                    if (!addressOnly) candidates.Remove(slot);
                }
            }
            foreach (var edge in block.Terminator?.Successors ?? [])
                foreach (var argument in edge.Arguments)
                    if (argument is LocalSlotInstruction slot) candidates.Remove(slot);
        }
        return [.. candidates];
    }

    /// <summary>
    /// Removes the added parameters whose incoming values (other than the parameter itself) are all one value,
    /// with their edge arguments, until none is left; uses of a removed parameter go to that value.
    /// </summary>
    private static void RemoveTrivialParameters(Function function, List<Block> order, HashSet<BlockParameter> added,
        Dictionary<Value, Value> replacements, Func<Value, Value> resolve)
    {
        var incomingEdges = order.ToDictionary(b => b, _ => new List<BlockCall>());
        foreach (var block in order)
            foreach (var edge in block.Terminator!.Successors)
                incomingEdges[edge.Target].Add(edge);

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var block in order)
            {
                for (var i = block.Parameters.Count - 1; i >= 0; i--)
                {
                    var parameter = block.Parameters[i];
                    if (!added.Contains(parameter)) continue;
                    Value? only = null;
                    var trivial = true;
                    foreach (var edge in incomingEdges[block])
                    {
                        var incoming = resolve(edge.Arguments[i]);
                        if (incoming == parameter || incoming == only) continue;
                        if (only is not null) { trivial = false; break; }
                        only = incoming;
                    }
                    if (!trivial || only is null) continue;
                    replacements[parameter] = only;
                    block.Parameters.RemoveAt(i);
                    foreach (var edge in incomingEdges[block]) edge.Arguments.RemoveAt(i);
                    changed = true;
                }
            }
        }
    }
}
