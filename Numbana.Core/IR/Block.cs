namespace Numbana.IR;

/// <summary>A basic block: parameters, then instructions, ending in exactly one <see cref="Terminator"/>.</summary>
internal sealed class Block
{
    public Block(Function function, int ilOffset)
    {
        Function = function;
        IlOffset = ilOffset;
    }

    public Function Function { get; }

    /// <summary>The IL offset the block starts at, or -1 for blocks the compiler made.</summary>
    public int IlOffset { get; }

    public int Id { get; internal set; }

    public List<BlockParameter> Parameters { get; } = [];

    public List<Instruction> Instructions { get; } = [];

    public Terminator? Terminator => Instructions.Count > 0 ? Instructions[^1] as Terminator : null;

    public BlockParameter AddParameter(NType type)
    {
        var parameter = new BlockParameter(this, type);
        Parameters.Add(parameter);
        return parameter;
    }

    public T Append<T>(T instruction) where T : Instruction
    {
        if (Terminator is not null)
            throw new InvalidOperationException($"{this} already ends in {Terminator.Mnemonic}; nothing can follow a terminator.");
        instruction.Block = this;
        Instructions.Add(instruction);
        return instruction;
    }

    public override string ToString() => "block" + Id;
}

/// <summary>
/// A function of the typed IR: one specialization of one .NET method. The entry block's parameters
/// are the method's parameters, as stack types; <see cref="ParameterTypes"/> keeps the declared types
/// (bool, short, ...) that the native ABI passes.
/// </summary>
internal sealed class Function
{
    public Function(string name, System.Reflection.MethodBase? method, IReadOnlyList<NType> parameterTypes, NType returnType)
    {
        Name = name;
        Method = method;
        ParameterTypes = parameterTypes;
        ReturnType = returnType;
    }

    /// <summary>The symbol name; unique within a compilation unit.</summary>
    public string Name { get; }

    /// <summary>The .NET method this function was compiled from.</summary>
    public System.Reflection.MethodBase? Method { get; }

    public IReadOnlyList<NType> ParameterTypes { get; }

    public NType ReturnType { get; }

    public List<Block> Blocks { get; } = [];

    public Block Entry => Blocks[0];

    public Block AddBlock(int ilOffset)
    {
        var block = new Block(this, ilOffset) { Id = Blocks.Count };
        Blocks.Add(block);
        return block;
    }

    /// <summary>Numbers blocks and values in order, for printing and for dense side tables.</summary>
    public int Renumber()
    {
        var next = 0;
        for (var b = 0; b < Blocks.Count; b++)
        {
            Blocks[b].Id = b;
            foreach (var parameter in Blocks[b].Parameters) parameter.Id = next++;
            foreach (var instruction in Blocks[b].Instructions)
                instruction.Id = instruction.HasResult ? next++ : -1;
        }
        return next;
    }

    public override string ToString() => Printer.Print(this);
}

/// <summary>The functions compiled together into one native module; <see cref="EntryPoint"/> is the one the caller invokes.</summary>
internal sealed class CompilationUnit
{
    public CompilationUnit(Function entryPoint)
    {
        EntryPoint = entryPoint;
        Functions.Add(entryPoint);
    }

    public Function EntryPoint { get; }

    public List<Function> Functions { get; } = [];

    public override string ToString() => string.Join("\n", Functions.Select(Printer.Print));
}
