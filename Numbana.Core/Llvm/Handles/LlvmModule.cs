using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>
/// An LLVM module, owned until it is handed over (to a thread-safe module for the JIT, or to
/// <c>LLVMLinkModules2</c>) with <see cref="ReleaseOwnership"/>. Keeps its context alive.
/// </summary>
internal sealed class LlvmModule : LlvmOwningHandle
{
    private LlvmModule(LLVMModuleRef module, LlvmContext context)
        : base(module.Handle, context)
    {
        Context = context;
    }

    /// <summary>The borrowed handle for the raw API.</summary>
    /// <exception cref="ObjectDisposedException">Disposed or handed over.</exception>
    public LLVMModuleRef Ref => new(Live);

    /// <summary>The context the module lives in.</summary>
    public LlvmContext Context { get; }

    /// <summary>The module's identifier.</summary>
    public string Name
    {
        get
        {
            IntPtr name = LLVMGetModuleIdentifier(Ref, out nuint length);
            return LlvmText.Borrow(name, length);
        }
    }

    /// <summary>The target triple (<c>""</c> when not set).</summary>
    public string TargetTriple
    {
        get => LlvmText.Borrow(LLVMGetTarget(Ref));
        set => LLVMSetTarget(Ref, value);
    }

    /// <summary>The data layout string (<c>""</c> when not set).</summary>
    public string DataLayout
    {
        get => LlvmText.Borrow(LLVMGetDataLayoutStr(Ref));
        set => LLVMSetDataLayout(Ref, value);
    }

    /// <summary>Creates an empty module named <paramref name="name"/> in <paramref name="context"/>.</summary>
    public static LlvmModule Create(string name, LlvmContext context)
    {
        LLVMModuleRef module = LLVMModuleCreateWithNameInContext(name, context.Ref);
        return new LlvmModule(module, context);
    }

    /// <summary>Takes ownership of a module that lives in <paramref name="context"/> (e.g. one the raw API created).</summary>
    public static LlvmModule Adopt(LLVMModuleRef module, LlvmContext context)
    {
        if (module.IsNull)
            throw new ArgumentException("The module is null.", nameof(module));
        return new LlvmModule(module, context);
    }

    /// <summary>Parses LLVM IR text (as <c>llvm-as</c> reads it) into a new module.</summary>
    /// <exception cref="LlvmException">The text is not valid IR; the message has LLVM's line and column.</exception>
    public static unsafe LlvmModule Parse(string irText, LlvmContext context, string name = "parsed")
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(irText);
        LLVMMemoryBufferRef buffer = LLVMCreateMemoryBufferWithMemoryRangeCopy(bytes, name);
        // LLVMParseIRInContext takes the buffer, whether it succeeds or not.
        if (LLVMParseIRInContext(context.Ref, buffer, out LLVMModuleRef module, out IntPtr message) != 0)
            throw new LlvmException($"parsing LLVM IR '{name}': {LlvmText.TakeMessage(message)}");
        LlvmText.TakeMessage(message);
        return new LlvmModule(module, context);
    }

    /// <summary>The module as IR text.</summary>
    public string PrintToString() => LlvmText.TakeMessage(LLVMPrintModuleToString(Ref));

    /// <summary>Runs the IR verifier; returns false with the verifier's text when the module is broken.</summary>
    public bool TryVerify(out string message)
    {
        // LLVMVerifyModule allocates the message even when the module is fine: always free it.
        bool broken = LLVMVerifyModule(Ref, LLVMVerifierFailureAction.LLVMReturnStatusAction, out IntPtr text) != 0;
        message = LlvmText.TakeMessage(text).TrimEnd();
        return !broken;
    }

    /// <summary>Runs the IR verifier.</summary>
    /// <exception cref="LlvmException">The module is broken; the message is the verifier's text.</exception>
    public void Verify()
    {
        if (!TryVerify(out string message))
            throw new LlvmException($"LLVM IR verification failed for module '{Name}': {message}");
    }

    /// <summary>Sets the target triple and data layout from <paramref name="targetMachine"/> (needed before optimizing or JIT-adding).</summary>
    public void SetTargetFrom(LlvmTargetMachine targetMachine)
    {
        LLVMSetTarget(Ref, targetMachine.Triple);
        LLVMSetDataLayout(Ref, targetMachine.DataLayout);
    }

    /// <summary>A deep copy in the same context, owned by the caller.</summary>
    public LlvmModule Clone() => new(LLVMCloneModule(Ref), Context);

    /// <summary>Hands the module to a new owner; this wrapper is closed afterwards.</summary>
    public LLVMModuleRef ReleaseOwnership() => new(TakeOwnership());

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject) => LLVMDisposeModule(new LLVMModuleRef(nativeObject));
}
