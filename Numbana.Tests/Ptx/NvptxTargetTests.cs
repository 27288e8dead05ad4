using Numbana.Backends.Cuda.Nvptx;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using NUnit.Framework;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Tests.Ptx;

/// <summary>TESTING.md tier 5: PTX text without a GPU.</summary>
public class NvptxTargetTests
{
    /// <summary>A kernel <c>void fill(double addrspace(1)* a) { a[threadIdx.x] = 1.0; }</c>, built by hand.</summary>
    private static unsafe LlvmModule FillKernel(LlvmContext context, NvptxTarget target)
    {
        var module = LlvmModule.Create("fill", context);
        target.Prepare(module);
        var c = context.Ref;
        var globalPointer = LLVMPointerTypeInContext(c, 1);
        var parameter = globalPointer;
        var functionType = LLVMFunctionType(LLVMVoidTypeInContext(c), &parameter, 1, 0);
        var kernel = LLVMAddFunction(module.Ref, "fill", functionType);
        NvptxTarget.MarkKernel(kernel);
        var i32 = LLVMInt32TypeInContext(c);
        var tidType = LLVMFunctionType(i32, null, 0, 0);
        var tid = LLVMAddFunction(module.Ref, "llvm.nvvm.read.ptx.sreg.tid.x", tidType);
        using var builder = LlvmBuilder.Create(context);
        LLVMPositionBuilderAtEnd(builder.Ref, LLVMAppendBasicBlockInContext(c, kernel, "entry"));
        var index = LLVMBuildCall2(builder.Ref, tidType, tid, null, 0, "tid");
        var wide = LLVMBuildZExt(builder.Ref, index, LLVMInt64TypeInContext(c), "");
        var address = LLVMBuildGEP2(builder.Ref, LLVMDoubleTypeInContext(c), LLVMGetParam(kernel, 0), &wide, 1, "");
        LLVMBuildStore(builder.Ref, LLVMConstReal(LLVMDoubleTypeInContext(c), 1.0), address);
        LLVMBuildRetVoid(builder.Ref);
        module.Verify();
        return module;
    }

    [Test]
    public void EmitsAKernelEntryForTheRequestedArchitecture()
    {
        using var target = NvptxTarget.Create(smVersion: 80, ptxVersion: 75);
        using var context = LlvmContext.Create();
        using var module = FillKernel(context, target);
        var ptx = target.EmitPtx(module);
        Assert.That(ptx, Does.Contain(".version 7.5"));
        Assert.That(ptx, Does.Contain(".target sm_80"));
        Assert.That(ptx, Does.Contain(".visible .entry fill("));
        Assert.That(ptx, Does.Contain("%tid.x"));
        Assert.That(ptx, Does.Contain("st.global."));
    }

    [Test]
    public void HopperTargetsWork()
    {
        using var target = NvptxTarget.Create(smVersion: 90, ptxVersion: 80);
        using var context = LlvmContext.Create();
        using var module = FillKernel(context, target);
        Assert.That(target.EmitPtx(module), Does.Contain(".target sm_90"));
    }

    [Test]
    public void APtxVersionLlvmDoesNotKnowIsAnErrorNotASilentDowngrade()
    {
        using var target = NvptxTarget.Create(smVersion: 80, ptxVersion: 99);
        using var context = LlvmContext.Create();
        using var module = FillKernel(context, target);
        var error = Assert.Throws<LlvmException>(() => target.EmitPtx(module))!;
        Assert.That(error.Message, Does.Contain("+ptx99"));
    }

    [Test]
    public void RejectsAnArchitectureOlderThanSm30() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NvptxTarget.Create(smVersion: 20));
}
