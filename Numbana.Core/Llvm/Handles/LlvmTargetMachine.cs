using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>
/// A target machine: the code generator for one triple, CPU and feature set. It serves both the
/// optimizer (<see cref="LlvmPasses"/>, which needs the target's cost model) and code generation
/// (<c>EmitToText</c>, <c>EmitToBytes</c>).
/// </summary>
/// <remarks>
/// A target machine is not thread-safe (concurrent <c>LLVMRunPasses</c> on one crashed, see
/// LLVM-NOTES.md): every use through this class takes <see cref="Gate"/>, so sharing one is safe but
/// serializes; for parallel compiles create one per compile (they are cheap).
/// </remarks>
internal sealed class LlvmTargetMachine : LlvmOwningHandle
{
    private LlvmTargetMachine(LLVMTargetMachineRef machine, string triple, string cpu, string features)
        : base(machine.Handle, dependsOn: null)
    {
        Triple = triple;
        Cpu = cpu;
        Features = features;
        DataLayout = ReadDataLayout(machine);
    }

    /// <summary>The borrowed handle for the raw API; hold <see cref="Gate"/> while LLVM uses it.</summary>
    public LLVMTargetMachineRef Ref => new(Live);

    /// <summary>The lock that serializes every use of this target machine.</summary>
    public object Gate { get; } = new();

    /// <summary>The target triple, e.g. <c>x86_64-pc-linux-gnu</c> or <c>nvptx64-nvidia-cuda</c>.</summary>
    public string Triple { get; }

    /// <summary>The CPU, e.g. <c>znver3</c> or <c>sm_80</c>.</summary>
    public string Cpu { get; }

    /// <summary>The feature string, e.g. <c>+avx2,+fma,...</c> or <c>+ptx75</c>.</summary>
    public string Features { get; }

    /// <summary>The data layout string that modules for this target must carry.</summary>
    public string DataLayout { get; }

    /// <summary>The default target triple of this libLLVM, normalized (the host's, for a native build).</summary>
    public static string HostTriple
    {
        get
        {
            LlvmLibrary.EnsureLoaded();
            string triple = LlvmText.TakeMessage(LLVMGetDefaultTargetTriple());
            return LlvmText.TakeMessage(LLVMNormalizeTargetTriple(triple));
        }
    }

    /// <summary>The host CPU name as LLVM detects it (e.g. <c>znver3</c>, <c>skylake-avx512</c>).</summary>
    public static string HostCpu
    {
        get
        {
            LlvmLibrary.EnsureLoaded();
            return LlvmText.TakeMessage(LLVMGetHostCPUName());
        }
    }

    /// <summary>The host CPU features as LLVM detects them (<c>+avx2,-avx512f,...</c>).</summary>
    public static string HostFeatures
    {
        get
        {
            LlvmLibrary.EnsureLoaded();
            return LlvmText.TakeMessage(LLVMGetHostCPUFeatures());
        }
    }

    /// <summary>
    /// Creates a target machine for this host (default triple, host CPU and features), initializing
    /// the host target if needed.
    /// </summary>
    public static LlvmTargetMachine CreateForHost(LLVMCodeGenOptLevel optLevel = LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive,
        LLVMRelocMode relocMode = LLVMRelocMode.LLVMRelocDefault, LLVMCodeModel codeModel = LLVMCodeModel.LLVMCodeModelJITDefault)
    {
        LlvmTargets.InitializeHost();
        return Create(HostTriple, HostCpu, HostFeatures, optLevel, relocMode, codeModel);
    }

    /// <summary>
    /// Creates a target machine, initializing the target that <paramref name="triple"/> names
    /// (X86, AArch64 or NVPTX) if needed.
    /// </summary>
    /// <example><c>LlvmTargetMachine.Create("nvptx64-nvidia-cuda", "sm_80", "+ptx75")</c></example>
    /// <exception cref="LlvmException">LLVM knows no such target, or refused to create the machine.</exception>
    public static LlvmTargetMachine Create(string triple, string cpu, string features,
        LLVMCodeGenOptLevel optLevel = LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive,
        LLVMRelocMode relocMode = LLVMRelocMode.LLVMRelocDefault,
        LLVMCodeModel codeModel = LLVMCodeModel.LLVMCodeModelDefault)
    {
        LlvmTargets.InitializeForTriple(triple);
        if (LLVMGetTargetFromTriple(triple, out LLVMTargetRef target, out IntPtr error) != 0)
            throw new LlvmException($"finding the LLVM target for '{triple}': {LlvmText.TakeMessage(error)}");
        LlvmText.TakeMessage(error);

        LLVMTargetMachineRef machine = LLVMCreateTargetMachine(target, triple, cpu, features, optLevel, relocMode, codeModel);
        if (machine.IsNull)
            throw new LlvmException($"creating an LLVM target machine for '{triple}' (cpu '{cpu}', features '{features}') failed.");
        return new LlvmTargetMachine(machine, triple, cpu, features);
    }

    /// <summary>
    /// Generates assembly text (PTX for NVPTX) or, with <see cref="LLVMCodeGenFileType.LLVMObjectFile"/>,
    /// an object file as Latin-1 text; use <c>EmitToBytes</c> for objects. Code generation changes
    /// the module (it lowers it for the target): emit from a clone to keep the original.
    /// </summary>
    /// <exception cref="LlvmException">Code generation failed.</exception>
    public string EmitToText(LlvmModule module, LLVMCodeGenFileType fileType = LLVMCodeGenFileType.LLVMAssemblyFile) =>
        EmitToText(module.Ref, fileType);

    /// <inheritdoc cref="EmitToText(LlvmModule, LLVMCodeGenFileType)"/>
    public string EmitToText(LLVMModuleRef module, LLVMCodeGenFileType fileType = LLVMCodeGenFileType.LLVMAssemblyFile)
    {
        byte[] bytes = Emit(module, fileType);
        return fileType == LLVMCodeGenFileType.LLVMAssemblyFile
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : System.Text.Encoding.Latin1.GetString(bytes);
    }

    /// <summary>Generates a relocatable object file (ELF, Mach-O or COFF for the triple).</summary>
    /// <exception cref="LlvmException">Code generation failed.</exception>
    public byte[] EmitToBytes(LlvmModule module, LLVMCodeGenFileType fileType = LLVMCodeGenFileType.LLVMObjectFile) =>
        Emit(module.Ref, fileType);

    /// <inheritdoc cref="EmitToBytes(LlvmModule, LLVMCodeGenFileType)"/>
    public byte[] EmitToBytes(LLVMModuleRef module, LLVMCodeGenFileType fileType = LLVMCodeGenFileType.LLVMObjectFile) =>
        Emit(module, fileType);

    /// <summary>Hands the target machine to a new owner (<c>LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine</c> consumes it).</summary>
    public LLVMTargetMachineRef ReleaseOwnership() => new(TakeOwnership());

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject) => LLVMDisposeTargetMachine(new LLVMTargetMachineRef(nativeObject));

    private unsafe byte[] Emit(LLVMModuleRef module, LLVMCodeGenFileType fileType)
    {
        int failed;
        IntPtr error;
        LLVMMemoryBufferRef buffer;
        lock (Gate)
            failed = LLVMTargetMachineEmitToMemoryBuffer(Ref, module, fileType, out error, out buffer);
        if (failed != 0)
            throw new LlvmException($"generating {(fileType == LLVMCodeGenFileType.LLVMAssemblyFile ? "assembly" : "an object file")} for '{Triple}' (cpu '{Cpu}'): {LlvmText.TakeMessage(error)}");
        LlvmText.TakeMessage(error);
        try
        {
            var bytes = new ReadOnlySpan<byte>((void*)LLVMGetBufferStart(buffer), checked((int)LLVMGetBufferSize(buffer)));
            return bytes.ToArray();
        }
        finally
        {
            LLVMDisposeMemoryBuffer(buffer);
        }
    }

    private static string ReadDataLayout(LLVMTargetMachineRef machine)
    {
        LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(machine);
        try
        {
            return LlvmText.TakeMessage(LLVMCopyStringRepOfTargetData(layout));
        }
        finally
        {
            LLVMDisposeTargetData(layout);
        }
    }
}
