// Borrowed LLVM handles: each is the C typedef of the same name, a plain pointer that owns nothing.
// Owning wrappers live in Numbana.Llvm.Handles; these structs can be copied freely.

namespace Numbana.Llvm.Interop;

/// <summary>An LLVM context: owns types, constants and metadata. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMContextRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMContextRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A module (<c>llvm::Module</c>). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMModuleRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMModuleRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A type, owned by its context. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMTypeRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMTypeRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A value (constant, instruction, argument, function, global), owned by its module or context. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMValueRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMValueRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A basic block, owned by its function. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMBasicBlockRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMBasicBlockRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An IR builder (<c>llvm::IRBuilder</c>). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMBuilderRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMBuilderRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An attribute, owned by its context. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMAttributeRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMAttributeRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A metadata node or string, owned by its context. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMMetadataRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMMetadataRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A module-level named metadata node. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMNamedMDNodeRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMNamedMDNodeRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A use of a value. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMUseRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMUseRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A diagnostic passed to a context's diagnostic handler (valid during the callback only). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMDiagnosticInfoRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMDiagnosticInfoRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A registered target (static data inside libLLVM; never freed). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMTargetRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMTargetRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A target machine. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMTargetMachineRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMTargetMachineRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A data layout (<c>llvm::DataLayout</c>). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMTargetDataRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMTargetDataRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A memory buffer. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMMemoryBufferRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMMemoryBufferRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An <c>llvm::Error</c>; null means success. Must be consumed exactly once. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMErrorRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMErrorRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>Options for <c>LLVMRunPasses</c>. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMPassBuilderOptionsRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMPassBuilderOptionsRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A disassembler context (<c>void*</c> in C). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMDisasmContextRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMDisasmContextRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An LLJIT instance. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcLLJITRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcLLJITRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An LLJIT builder (consumed by <c>LLVMOrcCreateLLJIT</c>). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcLLJITBuilderRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcLLJITBuilderRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A reference to an ORC thread-safe context (reference counted). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcThreadSafeContextRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcThreadSafeContextRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An ORC thread-safe module (a module plus a reference to its context). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcThreadSafeModuleRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcThreadSafeModuleRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A JIT target machine builder. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcJITTargetMachineBuilderRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcJITTargetMachineBuilderRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A JIT dylib (owned by the execution session). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcJITDylibRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcJITDylibRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An ORC execution session (owned by the LLJIT). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcExecutionSessionRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcExecutionSessionRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An interned symbol name (reference counted). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcSymbolStringPoolEntryRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcSymbolStringPoolEntryRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>The session's symbol string pool. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcSymbolStringPoolRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcSymbolStringPoolRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A materialization unit. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcMaterializationUnitRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcMaterializationUnitRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A resource tracker (reference counted). Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcResourceTrackerRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcResourceTrackerRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>A definition generator. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcDefinitionGeneratorRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcDefinitionGeneratorRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An ORC object layer. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcObjectLayerRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcObjectLayerRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}

/// <summary>An ORC IR transform layer. Borrowed: copying it duplicates no ownership.</summary>
internal readonly record struct LLVMOrcIRTransformLayerRef(IntPtr Handle)
{
    /// <summary>The null handle.</summary>
    public static LLVMOrcIRTransformLayerRef Null => default;

    /// <summary>Whether this is the null handle.</summary>
    public bool IsNull => Handle == IntPtr.Zero;
}
