using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>
/// An ORC LLJIT instance. This wrapper only owns it and reads its properties; the engine that adds
/// modules, looks symbols up and serializes all of that (LLJIT add + lookup is not thread-safe) is
/// <c>Numbana.Backends.Cpu.OrcJit.HostJit</c>.
/// </summary>
internal sealed class OrcLlJit : LlvmOwningHandle
{
    private OrcLlJit(LLVMOrcLLJITRef jit)
        : base(jit.Handle, dependsOn: null)
    {
    }

    /// <summary>The borrowed handle for the raw API.</summary>
    public LLVMOrcLLJITRef Ref => new(Live);

    /// <summary>The main JIT dylib (owned by the session).</summary>
    public LLVMOrcJITDylibRef MainJitDylib => LLVMOrcLLJITGetMainJITDylib(Ref);

    /// <summary>The execution session (owned by the LLJIT).</summary>
    public LLVMOrcExecutionSessionRef ExecutionSession => LLVMOrcLLJITGetExecutionSession(Ref);

    /// <summary>The triple the JIT compiles for.</summary>
    public string TargetTriple => LlvmText.Borrow(LLVMOrcLLJITGetTripleString(Ref));

    /// <summary>The data layout modules added to the JIT must carry.</summary>
    public string DataLayout => LlvmText.Borrow(LLVMOrcLLJITGetDataLayoutStr(Ref));

    /// <summary>The character the platform prefixes to symbol names (<c>'\0'</c> on ELF, <c>'_'</c> on Mach-O).</summary>
    public byte GlobalPrefix => LLVMOrcLLJITGetGlobalPrefix(Ref);

    /// <summary>
    /// Creates an LLJIT for this host: <c>LLVMOrcJITTargetMachineBuilderDetectHost</c> gives the host
    /// triple, CPU and features (so the JIT emits AVX2/FMA code where the CPU has them).
    /// </summary>
    /// <exception cref="LlvmException">LLVM could not detect the host or build the JIT.</exception>
    public static OrcLlJit CreateForHost()
    {
        LlvmTargets.InitializeHost();
        LlvmText.ThrowIfError(LLVMOrcJITTargetMachineBuilderDetectHost(out LLVMOrcJITTargetMachineBuilderRef jtmb),
            "detecting the host for the LLVM JIT");
        return Create(jtmb);
    }

    /// <summary>
    /// Creates an LLJIT that generates code with (a copy of the settings of) <paramref name="targetMachine"/>,
    /// which is consumed: the wrapper is closed afterwards.
    /// </summary>
    public static OrcLlJit CreateFor(LlvmTargetMachine targetMachine)
    {
        LLVMOrcJITTargetMachineBuilderRef jtmb = LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(targetMachine.ReleaseOwnership());
        return Create(jtmb);
    }

    /// <summary>Builds the LLJIT from a JIT target machine builder, which it takes.</summary>
    private static OrcLlJit Create(LLVMOrcJITTargetMachineBuilderRef jtmb)
    {
        LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
        LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb); // the builder takes the JTMB
        // LLVMOrcCreateLLJIT takes the builder, even when it fails.
        LlvmText.ThrowIfError(LLVMOrcCreateLLJIT(out LLVMOrcLLJITRef jit, builder), "creating the LLVM JIT (LLJIT)");
        return new OrcLlJit(jit);
    }

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject)
    {
        // A finalizer cannot throw: an error while tearing down (e.g. a failed deinitializer) is dropped.
        LlvmText.Consume(LLVMOrcDisposeLLJIT(new LLVMOrcLLJITRef(nativeObject)));
    }
}
