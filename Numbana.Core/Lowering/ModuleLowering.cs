using System.Text;
using Numbana.IR;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Lowering;

/// <summary>
/// Lowers a <see cref="CompilationUnit"/> into an LLVM module: declares every function with the native
/// ABI (<see cref="DataModel.FunctionType"/>), then lowers each body with <see cref="FunctionLowering"/>.
/// The entry point is external; callees are internal so LLVM can inline and drop them.
/// </summary>
/// <remarks>It targets no machine in particular: the caller sets the triple and data layout and optimizes.</remarks>
internal sealed class ModuleLowering
{
    private readonly Dictionary<string, LLVMValueRef> _intrinsics = new();
    private readonly Dictionary<string, (LLVMValueRef Function, LLVMTypeRef Type)> _libraryFunctions = new();

    private ModuleLowering(LLVMContextRef context, LLVMModuleRef module, JitOptions options)
    {
        Context = context;
        Module = module;
        Options = options;
        Types = new DataModel(context);
    }

    public LLVMContextRef Context { get; }
    public LLVMModuleRef Module { get; }
    public JitOptions Options { get; }
    public DataModel Types { get; }
    public Dictionary<Function, (LLVMValueRef Value, LLVMTypeRef Type)> Functions { get; } = new();

    /// <summary>
    /// True when some function of the unit takes a jagged array: its rows may be null (a null row is
    /// <c>{ null, 0 }</c> in the table), so array uses check for null where .NET would raise
    /// NullReferenceException. Without jagged arrays every array in compiled code is non-null (null
    /// arguments are refused at the call; ldnull is not compiled) and no check is emitted.
    /// </summary>
    public bool ArraysMayBeNull { get; private set; }

    /// <summary>Lowers the unit into <paramref name="module"/>; returns the entry point's symbol name.</summary>
    public static string Lower(CompilationUnit unit, LLVMContextRef context, LLVMModuleRef module, JitOptions options)
    {
        var lowering = new ModuleLowering(context, module, options)
        {
            ArraysMayBeNull = unit.Functions.Any(f => f.ParameterTypes.Any(t => t is ArrayType { IsJagged: true })),
        };
        foreach (var function in unit.Functions)
            lowering.Declare(function, isEntry: function == unit.EntryPoint);
        foreach (var function in unit.Functions)
            FunctionLowering.Lower(lowering, function);
        return unit.EntryPoint.Name;
    }

    private void Declare(Function function, bool isEntry)
    {
        var type = Types.FunctionType(function);
        var value = LLVMAddFunction(Module, function.Name, type);
        if (!isEntry) LLVMSetLinkage(value, LLVMLinkage.LLVMInternalLinkage);
        AddFunctionAttribute(value, EnumAttribute("nounwind"));
        uint abiIndex = 1; // attribute index 0 is the return value
        foreach (var parameterType in function.ParameterTypes)
        {
            if (DataModel.IsAggregate(parameterType))
            {
                LLVMAddAttributeAtIndex(value, abiIndex, EnumAttribute("noundef"));
                // Each length (of an array, a span, a dimension) is 0 to Array.MaxLength. Knowing it lets
                // LLVM drop the overflow checks of vectorized loops and the sign extension of indices.
                var fields = (uint)DataModel.FieldCount(parameterType);
                for (uint field = 1; field < fields; field++)
                {
                    LLVMAddAttributeAtIndex(value, abiIndex + field, EnumAttribute("noundef"));
                    LLVMAddAttributeAtIndex(value, abiIndex + field, RangeAttribute(32, 0, DataModel.LengthBound));
                }
                abiIndex += fields;
            }
            else
            {
                LLVMAddAttributeAtIndex(value, abiIndex, EnumAttribute("noundef"));
                abiIndex += 1;
            }
        }
        Functions[function] = (value, type);
    }

    public void AddFunctionAttribute(LLVMValueRef function, LLVMAttributeRef attribute) =>
        LLVMAddAttributeAtIndex(function, LLVMAttributeIndex.LLVMAttributeFunctionIndex, attribute);

    public unsafe LLVMAttributeRef EnumAttribute(string name, ulong value = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        uint kind;
        fixed (byte* p = bytes) kind = LLVMGetEnumAttributeKindForName(p, (nuint)bytes.Length);
        if (kind == 0) throw new InvalidOperationException($"LLVM has no attribute named '{name}'");
        return LLVMCreateEnumAttribute(Context, kind, value);
    }

    public unsafe LLVMAttributeRef StringAttribute(string key, string value)
    {
        var k = Encoding.UTF8.GetBytes(key);
        var v = Encoding.UTF8.GetBytes(value);
        fixed (byte* pk = k)
        fixed (byte* pv = v)
            return LLVMCreateStringAttribute(Context, pk, (uint)k.Length, pv, (uint)v.Length);
    }

    /// <summary>A <c>range(iN lower, upper)</c> attribute (half-open, as LLVM's ConstantRange).</summary>
    public unsafe LLVMAttributeRef RangeAttribute(uint bits, long lower, long upper)
    {
        var bytes = Encoding.UTF8.GetBytes("range");
        uint kind;
        fixed (byte* p = bytes) kind = LLVMGetEnumAttributeKindForName(p, (nuint)bytes.Length);
        var lowerWord = (ulong)lower;
        var upperWord = (ulong)upper;
        return LLVMCreateConstantRangeAttribute(Context, kind, bits, &lowerWord, &upperWord);
    }

    /// <summary>The declaration of an overloaded LLVM intrinsic (llvm.sqrt, llvm.smax, ...) for the given types.</summary>
    public unsafe (LLVMValueRef Function, LLVMTypeRef Type) Intrinsic(string name, params LLVMTypeRef[] overloadTypes)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        uint id;
        fixed (byte* p = bytes) id = LLVMLookupIntrinsicID(p, (nuint)bytes.Length);
        if (id == 0) throw new InvalidOperationException($"LLVM has no intrinsic named '{name}'");
        fixed (LLVMTypeRef* types = overloadTypes)
        {
            var function = LLVMGetIntrinsicDeclaration(Module, id, types, (nuint)overloadTypes.Length);
            var type = LLVMIntrinsicGetType(Context, id, types, (nuint)overloadTypes.Length);
            return (function, type);
        }
    }

    /// <summary>
    /// A C library math function (exp, log, sin, cos, pow): .NET calls the same libm on Linux, so
    /// results match bit for bit. Declared without side effects (no errno is read) so LLVM may hoist it.
    /// </summary>
    public unsafe (LLVMValueRef Function, LLVMTypeRef Type) LibraryFunction(string name, LLVMTypeRef returnType, params LLVMTypeRef[] parameters)
    {
        if (_libraryFunctions.TryGetValue(name, out var known)) return known;
        LLVMTypeRef type;
        fixed (LLVMTypeRef* p = parameters) type = LLVMFunctionType(returnType, p, (uint)parameters.Length, 0);
        var function = LLVMAddFunction(Module, name, type);
        AddFunctionAttribute(function, EnumAttribute("nounwind"));
        AddFunctionAttribute(function, EnumAttribute("willreturn"));
        AddFunctionAttribute(function, EnumAttribute("memory", 0)); // memory(none)
        return _libraryFunctions[name] = (function, type);
    }
}
