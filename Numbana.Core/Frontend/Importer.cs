using System.Reflection;
using System.Reflection.Metadata;
using Numbana.IL;
using Numbana.IR;
using Numbana.Typing;

namespace Numbana.Frontend;

/// <summary>
/// Imports one method's CIL into a typed SSA <see cref="Function"/>: the evaluation stack and the
/// locals become SSA values (through <see cref="SsaBuilder"/>), and every value gets its type from
/// the specialization's parameter types as the instructions are read. The opcode families live in
/// the partial files beside this one (Arithmetic, Conversions, ControlFlow, Arrays, Calls).
/// </summary>
/// <remarks>
/// It does not optimize: constant folding, inlining and dead code are left to later passes and LLVM.
/// Blocks are imported in reverse postorder; unreachable IL is ignored.
/// </remarks>
internal sealed partial class Importer
{
    private readonly UnitBuilder _unit;
    private readonly Function _function;
    private readonly MethodBase _method;
    private readonly NType?[] _localTypes;
    private readonly Type[] _localClrTypes;
    private readonly Dictionary<int, Block> _blockAt = new();
    private readonly Dictionary<Block, IlBlock> _ilBlockOf = new();
    private readonly Dictionary<Block, NType[]> _entryStack = new();
    private readonly List<Value> _stack = [];
    private SsaBuilder _ssa = null!;
    private Block _block = null!;
    private IlInstruction _instruction = null!;
    private IlBlock _ilBlock = null!;
    /// <summary>The index of <see cref="_instruction"/> in <see cref="_ilBlock"/>; a family that consumes a sequence (throw new X("...")) advances it.</summary>
    private int _instructionIndex;

    private Importer(UnitBuilder unit, Function function, MethodBase method, Type[] localClrTypes)
    {
        _unit = unit;
        _function = function;
        _method = method;
        _localClrTypes = localClrTypes;
        // A local whose type has no IR form is reported where it is first used, so that the user
        // reads about the instruction (often a newobj or ldstr just before) and its source line.
        // Prange's range and enumerator locals are structs that Importer.Prange replaces by counters.
        _localTypes = localClrTypes.Select(type => IsPrangeType(type) ? null : ClrTypes.TryMap(type, out _)).ToArray();
    }

    public static void Import(UnitBuilder unit, Function function)
    {
        var method = function.Method!;
        var body = method.GetMethodBody()
            ?? throw new UnsupportedIlException(
                $"{MethodNames.Describe(method)} has no IL body (it is abstract, extern, or implemented by the runtime): only methods with C# bodies can be compiled.",
                method, -1, null);
        if (body.ExceptionHandlingClauses.Count > 0)
        {
            var clause = body.ExceptionHandlingClauses[0];
            throw new UnsupportedIlException(
                "try/catch/finally (and using, lock and foreach over an IDisposable, which compile to them) cannot be compiled: " +
                "check the inputs before the loop and return an error value, or move the try/catch into the .NET code that calls the compiled method.",
                method, clause.TryOffset, "try", Diagnostics.SourceLocator.Find(method, clause.TryOffset));
        }
        var localTypes = body.LocalVariables.Select(local => SubstituteGenericParameters(local.LocalType, method)).ToArray();
        if (method.IsGenericMethodDefinition || method.ContainsGenericParameters)
            throw new UnsupportedIlException("Open generic methods cannot be compiled yet: call a non-generic method.", method, -1, null);
        if (!method.IsStatic && !HasStructReceiver(method) && !IsCompilerGeneratedClosure(method.DeclaringType))
            throw new UnsupportedIlException(
                "Only static methods and lambdas can be compiled yet: make the method static, or pass what it reads from 'this' as parameters.",
                method, -1, null, Diagnostics.SourceLocator.Find(method, -1));

        var il = body.GetILAsByteArray() ?? [];
        var instructions = IlDecoder.Decode(method, il);
        new Importer(unit, function, method, localTypes).ImportBody(IlBlocks.Find(method, instructions));
        Verifier.Verify(function);
    }

    private void ImportBody(SortedDictionary<int, IlBlock> ilBlocks)
    {
        // A block of our own holds the parameters and the locals' zero values, so that IL offset 0
        // can be a loop header like any other block.
        var entry = _function.AddBlock(-1);
        foreach (var type in _function.ParameterTypes) entry.AddParameter(type.StackType);

        var reachable = ReachableInReversePostorder(ilBlocks);
        foreach (var ilBlock in reachable)
        {
            var block = _function.AddBlock(ilBlock.StartOffset);
            _blockAt[ilBlock.StartOffset] = block;
            _ilBlockOf[block] = ilBlock;
        }

        var predecessors = new Dictionary<Block, List<Block>> { [entry] = [] };
        foreach (var block in _ilBlockOf.Keys) predecessors[block] = [];
        predecessors[_blockAt[0]].Add(entry);
        foreach (var (block, ilBlock) in _ilBlockOf)
            foreach (var successor in ilBlock.SuccessorOffsets.Distinct())
                predecessors[_blockAt[successor]].Add(block);

        _ssa = new SsaBuilder(predecessors, TypeOfVariable);
        _ssa.Seal(entry);
        for (var i = 0; i < _function.ParameterTypes.Count; i++)
            _ssa.Write(new Variable(VariableKind.Argument, i), entry, entry.Parameters[i]);
        for (var i = 0; i < _localTypes.Length; i++)
            if (_localTypes[i] is { } localType)
                _ssa.Write(new Variable(VariableKind.Local, i), entry, entry.Append(Zero(localType.StackType, -1)));
        CreateSlots(entry, reachable.SelectMany(b => b.Instructions));
        entry.Append(new JumpInstruction(new BlockCall(_blockAt[0]), -1));
        _entryStack[_blockAt[0]] = [];
        _ssa.MarkFilled(entry);

        foreach (var ilBlock in reachable)
        {
            ImportBlock(_blockAt[ilBlock.StartOffset], ilBlock);
        }
        _ssa.Finish(_function);
    }

    private static List<IlBlock> ReachableInReversePostorder(SortedDictionary<int, IlBlock> blocks)
    {
        var visited = new HashSet<int>();
        var postorder = new List<IlBlock>();
        var stack = new Stack<(IlBlock Block, int Next)>();
        visited.Add(0);
        stack.Push((blocks[0], 0));
        while (stack.Count > 0)
        {
            var (block, next) = stack.Pop();
            if (next < block.SuccessorOffsets.Count)
            {
                stack.Push((block, next + 1));
                var successor = block.SuccessorOffsets[next];
                if (visited.Add(successor)) stack.Push((blocks[successor], 0));
            }
            else
            {
                postorder.Add(block);
            }
        }
        postorder.Reverse();
        return postorder;
    }

    private NType TypeOfVariable(Variable variable, Block block) => variable.Kind switch
    {
        VariableKind.Argument => _function.ParameterTypes[variable.Index].StackType,
        VariableKind.Local => _localTypes[variable.Index]!.StackType,
        _ => _entryStack[block][variable.Index],
    };

    private void ImportBlock(Block block, IlBlock ilBlock)
    {
        _block = block;
        _stack.Clear();
        var entryTypes = _entryStack[block];
        for (var i = 0; i < entryTypes.Length; i++)
            _stack.Add(ClosureReferenceAt(block, i) ?? _ssa.Read(new Variable(VariableKind.StackSlot, i), block));

        _ilBlock = ilBlock;
        for (_instructionIndex = 0; _instructionIndex < ilBlock.Instructions.Count; _instructionIndex++)
        {
            _instruction = ilBlock.Instructions[_instructionIndex];
            ImportInstruction(_instruction);
        }

        if (_block.Terminator is null)
        {
            // The block ends because the next instruction is a branch target: fall through.
            _instruction = ilBlock.Last;
            Append(new JumpInstruction(EdgeTo(ilBlock.Last.NextOffset), ilBlock.Last.Offset));
        }
        _ssa.MarkFilled(block);
    }

    /// <summary>An edge to the block at <paramref name="offset"/>, passing the evaluation stack along.</summary>
    private BlockCall EdgeTo(int offset)
    {
        var target = _blockAt[offset];
        var types = _stack.Select(v => v.Type).ToArray();
        if (_entryStack.TryGetValue(target, out var expected))
        {
            if (!expected.SequenceEqual(types))
                throw Unsupported($"The evaluation stack holds [{string.Join(", ", types.Select(t => t.ToString()))}] on one path into IL_{offset:x4} " +
                    $"and [{string.Join(", ", expected.Select(t => t.ToString()))}] on another: the IL is not verifiable.");
        }
        else
        {
            _entryStack[target] = types;
        }
        for (var i = 0; i < _stack.Count; i++)
            if (!PassClosureReference(target, i, _stack[i]))
                _ssa.Write(new Variable(VariableKind.StackSlot, i), _block, _stack[i]);
        return new BlockCall(target);
    }

    private void ImportInstruction(IlInstruction instruction)
    {
        // Prange loops first: their range and enumerator are struct locals that no other family handles.
        if (TryImportPrange(instruction)) return;
        switch (instruction.OpCode)
        {
            case ILOpCode.Nop:
                break;
            case ILOpCode.Ldarg_0: case ILOpCode.Ldarg_1: case ILOpCode.Ldarg_2: case ILOpCode.Ldarg_3:
                Push(LoadArgument((int)instruction.OpCode - (int)ILOpCode.Ldarg_0));
                break;
            case ILOpCode.Ldarg_s: case ILOpCode.Ldarg:
                Push(LoadArgument(instruction.IntOperand));
                break;
            case ILOpCode.Starg_s: case ILOpCode.Starg:
                StoreArgument(instruction.IntOperand);
                break;
            case ILOpCode.Ldloc_0: case ILOpCode.Ldloc_1: case ILOpCode.Ldloc_2: case ILOpCode.Ldloc_3:
                Push(LoadLocal(instruction.OpCode - ILOpCode.Ldloc_0));
                break;
            case ILOpCode.Ldloc_s: case ILOpCode.Ldloc:
                Push(LoadLocal(instruction.IntOperand));
                break;
            case ILOpCode.Stloc_0: case ILOpCode.Stloc_1: case ILOpCode.Stloc_2: case ILOpCode.Stloc_3:
                StoreLocal(instruction.OpCode - ILOpCode.Stloc_0);
                break;
            case ILOpCode.Stloc_s: case ILOpCode.Stloc:
                StoreLocal(instruction.IntOperand);
                break;
            case ILOpCode.Ldc_i4_m1: case ILOpCode.Ldc_i4_0: case ILOpCode.Ldc_i4_1: case ILOpCode.Ldc_i4_2: case ILOpCode.Ldc_i4_3:
            case ILOpCode.Ldc_i4_4: case ILOpCode.Ldc_i4_5: case ILOpCode.Ldc_i4_6: case ILOpCode.Ldc_i4_7: case ILOpCode.Ldc_i4_8:
                Push(Append(new ConstantInstruction(NType.I32, (int)instruction.OpCode - (int)ILOpCode.Ldc_i4_0, instruction.Offset)));
                break;
            case ILOpCode.Ldc_i4_s: case ILOpCode.Ldc_i4:
                Push(Append(new ConstantInstruction(NType.I32, instruction.IntOperand, instruction.Offset)));
                break;
            case ILOpCode.Ldc_i8:
                Push(Append(new ConstantInstruction(NType.I64, (long)instruction.Operand!, instruction.Offset)));
                break;
            case ILOpCode.Ldc_r4:
                Push(Append(new ConstantInstruction(NType.F32, BitConverter.SingleToInt32Bits((float)instruction.Operand!), instruction.Offset)));
                break;
            case ILOpCode.Ldc_r8:
                Push(Append(new ConstantInstruction(NType.F64, BitConverter.DoubleToInt64Bits((double)instruction.Operand!), instruction.Offset)));
                break;
            case ILOpCode.Dup:
            {
                var value = Pop();
                Push(value);
                Push(value);
                break;
            }
            case ILOpCode.Pop:
                Pop();
                break;
            default:
                if (TryImportClosureAccess(instruction)) break;
                if (!TryImportSpan(instruction) && !TryImportMultiDimensionalArray(instruction) && !TryImportGeneric(instruction) && !TryImportArithmetic(instruction) && !TryImportConversion(instruction) && !TryImportChecked(instruction) && !TryImportPrimitiveSizeof(instruction) && !TryImportControlFlow(instruction)
                    && !TryImportStruct(instruction)
                    && !TryImportArray(instruction) && !TryImportThrow(instruction) && !TryImportAllocation(instruction) && !TryImportAddress(instruction) && !TryImportStaticField(instruction) && !TryImportCall(instruction))
                    throw Unsupported(UnsupportedReasons.For(instruction, _method));
                break;
        }
    }

    private void StoreLocal(int index)
    {
        var value = CoerceForStore(Pop(), LocalType(index));
        if (_localSlots.TryGetValue(index, out var slot)) Append(new StoreInstruction(slot, value, _instruction.Offset));
        else _ssa.Write(new Variable(VariableKind.Local, index), _block, value);
    }

    private Value LoadLocal(int index)
    {
        LocalType(index);
        return _localSlots.TryGetValue(index, out var slot)
            ? Append(new LoadInstruction(slot, _instruction.Offset))
            : _ssa.Read(new Variable(VariableKind.Local, index), _block);
    }

    private NType LocalType(int index)
    {
        CheckLocal(index);
        if (_localTypes[index] is { } type) return type;
        ClrTypes.TryMap(_localClrTypes[index], out var whyNot);
        throw Unsupported($"A local variable has type {MethodNames.TypeName(_localClrTypes[index])}: {whyNot}.");
    }

    /// <summary>
    /// The parameter an IL argument number names. A lambda is an instance method of the closure class
    /// the C# compiler generates: argument 0 is the closure, which only a lambda that captures reads.
    /// </summary>
    private int CheckArgument(int ilIndex)
    {
        var index = _method.IsStatic || HasStructReceiver(_method) ? ilIndex : ilIndex - 1;
        if (index < 0)
            throw Unsupported("The lambda assigns its closure object or takes its address: " +
                "its captured variables can be read and written, but the closure itself cannot be used as a value.");
        if (index >= _function.ParameterTypes.Count)
            throw Unsupported($"Argument {ilIndex} does not exist: the method has {_function.ParameterTypes.Count} parameters.");
        return index;
    }

    /// <summary>
    /// An instance method or constructor of a struct: its 'this' is a reference to the struct and is
    /// argument 0 of the function (a lambda's closure, also 'this', is not a parameter).
    /// </summary>
    internal static bool HasStructReceiver(MethodBase method) => !method.IsStatic && method.DeclaringType is { IsValueType: true };

    /// <summary>The class C# generates for lambdas and local functions (named &lt;&gt;c or &lt;&gt;c__DisplayClass...).</summary>
    internal static bool IsCompilerGeneratedClosure(Type? type) =>
        type is not null && type.Name.StartsWith("<>c", StringComparison.Ordinal)
        && type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false);

    private int CheckLocal(int index) => index < _localTypes.Length
        ? index
        : throw Unsupported($"Local variable {index} does not exist: the method has {_localTypes.Length} locals.");

    private void Push(Value value) => _stack.Add(value);

    private Value Pop()
    {
        if (_stack.Count == 0) throw Unsupported("The instruction pops more values than the evaluation stack holds: the IL is malformed.");
        var value = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private T Append<T>(T instruction) where T : Instruction => _block.Append(instruction);

    /// <summary>The value of a local before its first store (C# zero-initializes locals): 0, or a null array.</summary>
    private static ConstantInstruction Zero(NType stackType, int ilOffset) => new(stackType, 0, ilOffset);

    /// <summary>
    /// Converts a stack value to the stack type of a storage place of type <paramref name="target"/>
    /// the way CIL's stloc, starg, stelem and call do implicitly: small integers are truncated (and
    /// re-extended), int32 and native int convert into each other, float32 and float64 likewise.
    /// </summary>
    private Value CoerceForStore(Value value, NType target)
    {
        if (target is ByRefType)
            return value.Type == target ? value : throw Unsupported($"A {value.Type} is passed or stored where a {target} is expected.");
        if (target is ArrayType or StructType or SpanType or MultiDimensionalArrayType)
            return value.Type == target ? value : throw Unsupported($"A {value.Type} is stored where a {target} is expected.");
        if (!value.Type.IsNumeric || !target.IsNumeric)
            throw Unsupported($"A {value.Type} is stored where a {target} is expected.");
        if (value.Type == target) return value;
        if (value.Type.IsFloat != target.IsFloat)
            throw Unsupported($"A {value.Type} is stored where a {target} is expected: CIL needs an explicit conversion here.");
        if (target.BitWidth < 32 || value.Type.StackType != target.StackType)
            return Append(new ConvertInstruction(target, value, sourceUnsigned: false, checkOverflow: false, _instruction.Offset));
        return value;
    }

    private UnsupportedIlException Unsupported(string reason) =>
        new(reason, _method, _instruction?.Offset ?? -1, _instruction?.Name, Diagnostics.SourceLocator.Find(_method, _instruction?.Offset ?? -1));
}
