using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Llvm.Handles;

/// <summary>An instruction builder (<c>llvm::IRBuilder</c>) for one context.</summary>
internal sealed class LlvmBuilder : LlvmOwningHandle
{
    private LlvmBuilder(LLVMBuilderRef builder, LlvmContext context)
        : base(builder.Handle, context)
    {
    }

    /// <summary>The borrowed handle for the raw API.</summary>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public LLVMBuilderRef Ref => new(Live);

    /// <summary>Creates a builder in <paramref name="context"/> (kept alive while the builder lives).</summary>
    public static LlvmBuilder Create(LlvmContext context)
    {
        LLVMBuilderRef builder = LLVMCreateBuilderInContext(context.Ref);
        return new LlvmBuilder(builder, context);
    }

    /// <inheritdoc/>
    protected override void Free(IntPtr nativeObject) => LLVMDisposeBuilder(new LLVMBuilderRef(nativeObject));
}
