using Numbana.Backends.Cpu.OrcJit;
using Numbana.Llvm;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using NUnit.Framework;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>The owning wrappers: ownership transfer, dependencies, verification, parsing.</summary>
[TestFixture]
public class LlvmHandleTests
{
    [Test]
    public void ReleasingOwnershipClosesTheWrapper()
    {
        using LlvmContext context = LlvmContext.Create();
        LlvmModule module = LlvmModule.Create("m", context);
        LLVMModuleRef raw = module.ReleaseOwnership();
        Assert.That(() => module.Ref, Throws.TypeOf<ObjectDisposedException>());
        module.Dispose(); // does nothing: the module is someone else's now
        LLVMDisposeModule(raw);
    }

    [Test]
    public void AModuleKeepsItsContextAliveUntilItIsDisposed()
    {
        LlvmContext context = LlvmContext.Create();
        LlvmModule module = LlvmModule.Create("keeps", context);
        LlvmTestModules.AddIntAdd(module.Ref, "f");
        context.Dispose(); // the module still holds the context
        Assert.That(() => context.Ref, Throws.TypeOf<ObjectDisposedException>());
        Assert.That(module.PrintToString(), Does.Contain("add i32"));
        module.Dispose(); // now both go
    }

    [Test]
    public void VerifyThrowsTheVerifierText()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Create("broken", context);
        LLVMTypeRef i32 = LLVMInt32TypeInContext(context.Ref);
        LLVMValueRef function = LLVMAddFunction(module.Ref, "no_terminator", LLVMFunctionType(i32, []));
        LLVMAppendBasicBlockInContext(context.Ref, function, "entry"); // an empty block: no terminator

        Assert.That(module.TryVerify(out string text), Is.False);
        Assert.That(text, Does.Contain("terminator"));
        var e = Assert.Throws<LlvmException>(module.Verify);
        Assert.That(e!.Message, Does.Contain("'broken'").And.Contain("terminator"));
    }

    [Test]
    public void AValidModuleVerifies()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Create("good", context);
        LlvmTestModules.AddIntAdd(module.Ref, "add");
        Assert.DoesNotThrow(module.Verify);
        Assert.That(module.Name, Is.EqualTo("good"));
    }

    [Test]
    public void ParseReadsIrTextAndReportsErrors()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule parsed = LlvmModule.Parse("define i32 @one() {\n  ret i32 1\n}\n", context);
        Assert.That(LLVMGetNamedFunction(parsed.Ref, "one").IsNull, Is.False);
        using LlvmModule copy = parsed.Clone();
        Assert.That(copy.PrintToString(), Does.Contain("ret i32 1"));

        var e = Assert.Throws<LlvmException>(() => LlvmModule.Parse("define i32 @bad( {", context, "bad.ll"));
        Assert.That(e!.Message, Does.StartWith("parsing LLVM IR 'bad.ll'").And.Contain("error"));
    }

    [Test]
    public void JitModuleContextGivesABorrowedContext()
    {
        using JitModuleContext pair = JitModuleContext.Create();
        Assert.That(pair.Context.OwnsObject, Is.False);
        using LlvmModule module = pair.CreateModule("in_pair");
        Assert.That(LLVMGetModuleContext(module.Ref), Is.EqualTo(pair.Context.Ref));
    }

    [Test]
    public void AThreadSafeModuleNeedsItsOwnContext()
    {
        Assume.That(OrcThreadSafeContext.CanGetContext, "The check needs LLVMOrcThreadSafeContextGetContext (LLVM <= 20).");
        using JitModuleContext pair = JitModuleContext.Create();
        using LlvmContext other = LlvmContext.Create();
        using LlvmModule stranger = LlvmModule.Create("stranger", other);
        Assert.That(() => pair.ToThreadSafeModule(stranger), Throws.ArgumentException);
        Assert.That(() => stranger.Ref, Throws.Nothing, "A refused module stays with its owner.");
    }
}
