using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Numbana.Llvm;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Backends.Cpu.OrcJit;

/// <summary>
/// The process's JIT engine for the host CPU: an ORC LLJIT whose main dylib also resolves the
/// process's own symbols (libm's <c>exp</c>, <c>sin</c>, <c>pow</c>...). One is enough per process
/// (<see cref="Shared"/>).
/// </summary>
/// <remarks>
/// <para>Every operation takes one lock: LLJIT add + lookup from several threads at once crashed
/// (LLVM-NOTES.md). Compilation happens inside <see cref="Lookup"/> (ORC compiles lazily, on the looking-up
/// thread), so lookups of different modules serialize; build and optimize modules outside, in parallel.</para>
/// <para>Errors: a failed lookup returns only "Failed to materialize symbols"; the cause goes to the
/// session's error reporter. The reporter installed here records it, and <see cref="Lookup"/> puts it in
/// the <see cref="LlvmException"/>.</para>
/// <para>What it does not do: optimization (see <see cref="LlvmPasses"/> with <see cref="CreateTargetMachine"/>),
/// or unloading modules added with <see cref="AddModule"/> (use <see cref="AddRemovableModule"/>).</para>
/// </remarks>
internal sealed class HostJit : IDisposable
{
    private static readonly Lazy<HostJit> shared = new(() => new HostJit(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly object gate = new();
    private readonly object reportGate = new();
    private readonly OrcLlJit jit;
    private readonly GCHandle self;
    private readonly List<string> reportedErrors = [];
    private readonly HashSet<JitModuleHandle> removableModules = [];
    private bool disposed;

    /// <summary>Creates a JIT for this host.</summary>
    /// <param name="addProcessSymbolGenerator">
    /// Adds a generator that resolves undefined symbols from the process. LLJIT 19 already links a
    /// process-symbols dylib into the main dylib by default, so this is off; the tests turn it on and
    /// off to check that fact.
    /// </param>
    /// <exception cref="LlvmException">libLLVM cannot be loaded or the JIT cannot be built.</exception>
    internal HostJit(bool addProcessSymbolGenerator = false)
    {
        jit = OrcLlJit.CreateForHost();
        try
        {
            // Weak: the handle must not keep this object alive (its finalizable LLJIT would never go).
            self = GCHandle.Alloc(this, GCHandleType.Weak);
            unsafe
            {
                LLVMOrcExecutionSessionSetErrorReporter(jit.ExecutionSession, &ReportError, GCHandle.ToIntPtr(self));
            }
            if (addProcessSymbolGenerator)
                AddProcessSymbolGenerator();

            TargetTriple = jit.TargetTriple;
            DataLayout = jit.DataLayout;
            HostCpu = LlvmTargetMachine.HostCpu;
            HostFeatures = LlvmTargetMachine.HostFeatures;
        }
        catch
        {
            jit.Dispose();
            if (self.IsAllocated)
                self.Free();
            throw;
        }
    }

    /// <summary>The process's JIT, created on first use.</summary>
    /// <exception cref="LlvmException">libLLVM cannot be loaded or the JIT cannot be built.</exception>
    public static HostJit Shared => shared.Value;

    /// <summary>The triple the JIT compiles for (modules must carry it).</summary>
    public string TargetTriple { get; }

    /// <summary>The data layout modules must carry.</summary>
    public string DataLayout { get; }

    /// <summary>The host CPU name (the JIT generates code for it).</summary>
    public string HostCpu { get; }

    /// <summary>The host CPU features (the JIT generates code for them).</summary>
    public string HostFeatures { get; }

    /// <summary>
    /// A fresh target machine with the JIT's triple, CPU and features, for the optimizer's cost model
    /// (<see cref="LlvmPasses"/>) and for <see cref="LlvmModule.SetTargetFrom"/>. One per compile: a target
    /// machine is not thread-safe. The caller owns it.
    /// </summary>
    public LlvmTargetMachine CreateTargetMachine(LLVMCodeGenOptLevel optLevel = LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive) =>
        LlvmTargetMachine.Create(TargetTriple, HostCpu, HostFeatures, optLevel,
            LLVMRelocMode.LLVMRelocDefault, LLVMCodeModel.LLVMCodeModelJITDefault);

    /// <summary>
    /// Adds a module to the main dylib, taking it (also when adding fails). Nothing is compiled yet:
    /// that happens on the first <see cref="Lookup"/> of one of its symbols.
    /// </summary>
    /// <exception cref="LlvmException">LLVM refused the module (e.g. it defines a symbol already defined).</exception>
    public void AddModule(OrcThreadSafeModule module)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            LLVMOrcThreadSafeModuleRef tsm = module.ReleaseOwnership();
            LlvmText.ThrowIfError(LLVMOrcLLJITAddLLVMIRModule(jit.Ref, jit.MainJitDylib, tsm), "adding a module to the JIT");
        }
    }

    /// <summary>
    /// Adds a relocatable object file (made by a target machine with this JIT's triple, CPU and features)
    /// to the main dylib; its symbols are linked at their first <see cref="Lookup"/>. The bytes are copied.
    /// </summary>
    /// <exception cref="LlvmException">LLVM refused the object (e.g. it defines a symbol already defined).</exception>
    public unsafe void AddObjectFile(ReadOnlySpan<byte> objectFile, string name)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            LLVMMemoryBufferRef buffer;
            fixed (byte* bytes = objectFile)
                buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, (nuint)objectFile.Length, name);
            // LLVMOrcLLJITAddObjectFile takes the buffer, whether it succeeds or not.
            LlvmText.ThrowIfError(LLVMOrcLLJITAddObjectFile(jit.Ref, jit.MainJitDylib, buffer), "adding an object file to the JIT");
        }
    }

    /// <summary>
    /// Adds a module whose code can be removed later by disposing the returned handle (its symbols
    /// then disappear; calling its code afterwards crashes). Takes the module.
    /// </summary>
    /// <exception cref="LlvmException">LLVM refused the module.</exception>
    public JitModuleHandle AddRemovableModule(OrcThreadSafeModule module)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            LLVMOrcResourceTrackerRef tracker = LLVMOrcJITDylibCreateResourceTracker(jit.MainJitDylib);
            LLVMOrcThreadSafeModuleRef tsm = module.ReleaseOwnership();
            LLVMErrorRef error = LLVMOrcLLJITAddLLVMIRModuleWithRT(jit.Ref, tracker, tsm);
            if (!error.IsNull)
            {
                LLVMOrcReleaseResourceTracker(tracker);
                LlvmText.ThrowIfError(error, "adding a module to the JIT");
            }
            var handle = new JitModuleHandle(this, tracker);
            removableModules.Add(handle);
            return handle;
        }
    }

    /// <summary>
    /// The address of <paramref name="name"/> (unmangled, as in the IR), compiling its module first if
    /// needed.
    /// </summary>
    /// <example><c>var add = (delegate* unmanaged&lt;int, int, int&gt;)HostJit.Shared.Lookup("add");</c></example>
    /// <exception cref="LlvmException">
    /// The symbol is not defined, or its module failed to compile or link (the message has the cause,
    /// e.g. the undefined external it calls).
    /// </exception>
    public ulong Lookup(string name)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            TakeReportedErrors(); // forget causes of earlier failures
            LLVMErrorRef error = LLVMOrcLLJITLookup(jit.Ref, out ulong address, name);
            if (!error.IsNull)
            {
                string message = LlvmText.TakeErrorMessage(error);
                string causes = TakeReportedErrors();
                throw new LlvmException(causes.Length == 0
                    ? $"looking up '{name}' in the JIT: {message}"
                    : $"looking up '{name}' in the JIT: {message}; cause: {causes}");
            }
            return address;
        }
    }

    /// <summary>
    /// Defines <paramref name="name"/> in the main dylib at a fixed <paramref name="address"/>, e.g. an
    /// <c>[UnmanagedCallersOnly]</c> method for compiled code to call back into .NET. Flags:
    /// Exported, plus Callable for functions.
    /// </summary>
    /// <exception cref="LlvmException">The name is already defined.</exception>
    public unsafe void DefineAbsoluteSymbol(string name, IntPtr address, bool callable = true)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            var flags = LLVMJITSymbolGenericFlags.LLVMJITSymbolGenericFlagsExported;
            if (callable)
                flags |= LLVMJITSymbolGenericFlags.LLVMJITSymbolGenericFlagsCallable;
            var pair = new LLVMOrcCSymbolMapPair
            {
                Name = LLVMOrcLLJITMangleAndIntern(jit.Ref, name), // the unit takes this reference
                Sym = new LLVMJITEvaluatedSymbol
                {
                    Address = (ulong)address,
                    Flags = new LLVMJITSymbolFlags { GenericFlags = flags, TargetFlags = 0 },
                },
            };
            LLVMOrcMaterializationUnitRef unit = LLVMOrcAbsoluteSymbols(&pair, 1);
            LLVMErrorRef error = LLVMOrcJITDylibDefine(jit.MainJitDylib, unit);
            if (!error.IsNull)
            {
                LLVMOrcDisposeMaterializationUnit(unit); // the dylib owns it only on success
                LlvmText.ThrowIfError(error, $"defining the symbol '{name}' in the JIT");
            }
        }
    }

    /// <summary>
    /// Loads a shared library (e.g. <c>libmvec.so.1</c>) so that its symbols resolve for compiled code;
    /// a <c>NativeLibrary.Load</c> is invisible to the JIT. Process-wide and permanent.
    /// </summary>
    /// <exception cref="LlvmException">The library cannot be loaded.</exception>
    public static void LoadLibraryPermanently(string fileName)
    {
        LlvmLibrary.EnsureLoaded();
        if (LLVMLoadLibraryPermanently(fileName) != 0)
            throw new LlvmException($"loading '{fileName}' for the JIT failed (LLVMLoadLibraryPermanently).");
    }

    /// <summary>Removes every removable module, then destroys the JIT. Code it made must not run afterwards.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
            // Trackers must go before the session that they point into.
            foreach (JitModuleHandle module in removableModules)
                module.RemoveWhileLocked();
            removableModules.Clear();
            jit.Dispose(); // the error reporter may still run here, so 'self' is freed after
            self.Free();
        }
    }

    /// <summary>Removes one module's code (called by <see cref="JitModuleHandle.Dispose"/>).</summary>
    internal void Remove(JitModuleHandle module)
    {
        lock (gate)
        {
            if (disposed || !removableModules.Remove(module))
                return; // already gone with the JIT, or removed before
            module.RemoveWhileLocked();
        }
    }

    /// <summary>Adds a generator that looks undefined symbols up in the process (dlsym over everything loaded).</summary>
    private void AddProcessSymbolGenerator()
    {
        unsafe
        {
            LlvmText.ThrowIfError(
                LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(out LLVMOrcDefinitionGeneratorRef generator, jit.GlobalPrefix, null, IntPtr.Zero),
                "creating the JIT's process-symbol generator");
            LLVMOrcJITDylibAddGenerator(jit.MainJitDylib, generator); // the dylib takes it
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    private void RecordError(string message)
    {
        lock (reportGate)
            reportedErrors.Add(message);
    }

    private string TakeReportedErrors()
    {
        lock (reportGate)
        {
            string all = string.Join("; ", reportedErrors);
            reportedErrors.Clear();
            return all;
        }
    }

    /// <summary>The session's error reporter: consumes the error and records its text.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ReportError(IntPtr context, LLVMErrorRef error)
    {
        try
        {
            string message = LlvmText.TakeErrorMessage(error);
            if (GCHandle.FromIntPtr(context).Target is HostJit owner)
                owner.RecordError(message);
        }
        catch (Exception)
        {
            // Nothing may unwind into LLVM's frames; the lookup still fails with LLVM's own message.
        }
    }
}

/// <summary>
/// A module added with <see cref="HostJit.AddRemovableModule"/>; disposing it removes the module's
/// code and symbols from the JIT (its resource tracker's <c>LLVMOrcResourceTrackerRemove</c>).
/// </summary>
internal sealed class JitModuleHandle : IDisposable
{
    private readonly HostJit owner;
    private LLVMOrcResourceTrackerRef tracker;

    internal JitModuleHandle(HostJit owner, LLVMOrcResourceTrackerRef tracker)
    {
        this.owner = owner;
        this.tracker = tracker;
    }

    /// <summary>Removes the module from the JIT; calling its code afterwards crashes.</summary>
    public void Dispose() => owner.Remove(this);

    /// <summary>Removes and releases the tracker; the caller holds the JIT's lock.</summary>
    internal void RemoveWhileLocked()
    {
        if (tracker.IsNull)
            return;
        // A failed removal leaves nothing to retry; its error is dropped rather than thrown from Dispose.
        LlvmText.Consume(LLVMOrcResourceTrackerRemove(tracker));
        LLVMOrcReleaseResourceTracker(tracker);
        tracker = default;
    }
}
