using Numbana.Llvm;
using Numbana.Llvm.Handles;

namespace Numbana.Backends.Cpu.OrcJit;

/// <summary>
/// A fresh LLVM context for building one module for the JIT, paired with the ORC thread-safe context
/// that owns it. Build the module in <see cref="Context"/>, then hand it over with
/// <see cref="ToThreadSafeModule"/> and <see cref="HostJit.AddModule"/>.
/// </summary>
/// <remarks>
/// <para>The C API differs by LLVM version: up to 20 the thread-safe context creates the LLVM context
/// (<c>LLVMOrcCreateNewThreadSafeContext</c> + <c>LLVMOrcThreadSafeContextGetContext</c>); from 21 an LLVM
/// context is created first and wrapped (<c>LLVMOrcCreateNewThreadSafeContextFromLLVMContext</c>, which
/// takes it). The choice goes by which entry point the loaded libLLVM exports (the same as
/// <see cref="LlvmLibrary.Version"/> &gt;= 21, but exact for patched builds).</para>
/// <para>Ownership: <see cref="Context"/> is borrowed in both cases (the thread-safe context owns the LLVM
/// context) and keeps the thread-safe context alive while it or a module of it lives. After a module is
/// handed to the JIT, the JIT uses the context (under the thread-safe context's lock) when it compiles:
/// do not build anything more in this context then; dispose this object (the JIT keeps its own
/// reference) and take a fresh one for the next module.</para>
/// </remarks>
internal sealed class JitModuleContext : IDisposable
{
    private JitModuleContext(OrcThreadSafeContext threadSafeContext, LlvmContext context)
    {
        ThreadSafeContext = threadSafeContext;
        Context = context;
    }

    /// <summary>The thread-safe context (one reference to it).</summary>
    public OrcThreadSafeContext ThreadSafeContext { get; }

    /// <summary>The LLVM context to build the module in (borrowed from <see cref="ThreadSafeContext"/>).</summary>
    public LlvmContext Context { get; }

    /// <summary>Creates a new context pair in the way the loaded LLVM supports.</summary>
    /// <exception cref="LlvmException">libLLVM cannot be loaded.</exception>
    public static JitModuleContext Create()
    {
        LlvmLibrary.EnsureLoaded();
        if (OrcThreadSafeContext.CanGetContext)
        {
            // LLVM <= 20: the thread-safe context makes the LLVM context; we borrow it.
            OrcThreadSafeContext threadSafe = OrcThreadSafeContext.Create();
            try
            {
                return new JitModuleContext(threadSafe, threadSafe.GetContext());
            }
            catch
            {
                threadSafe.Dispose();
                throw;
            }
        }

        // LLVM >= 21: make the LLVM context, let the thread-safe context take it, then borrow it back.
        LlvmContext owned = LlvmContext.Create();
        Numbana.Llvm.Interop.LLVMContextRef raw = owned.Ref;
        OrcThreadSafeContext wrapper = OrcThreadSafeContext.Wrap(owned); // closes 'owned'
        return new JitModuleContext(wrapper, LlvmContext.Borrow(raw, wrapper));
    }

    /// <summary>Creates an empty module in <see cref="Context"/>.</summary>
    public LlvmModule CreateModule(string name) => LlvmModule.Create(name, Context);

    /// <summary>Wraps <paramref name="module"/> (built in <see cref="Context"/>) for the JIT, taking it.</summary>
    public OrcThreadSafeModule ToThreadSafeModule(LlvmModule module) => OrcThreadSafeModule.Create(module, ThreadSafeContext);

    /// <summary>Drops this reference to the context; modules handed to the JIT keep it alive.</summary>
    public void Dispose()
    {
        Context.Dispose();
        ThreadSafeContext.Dispose();
    }
}
