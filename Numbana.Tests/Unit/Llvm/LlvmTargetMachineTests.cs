using Numbana.Llvm;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using NUnit.Framework;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>Target machines for the host, AArch64 and NVPTX, and the pass runner.</summary>
[TestFixture]
public class LlvmTargetMachineTests
{
    [Test]
    public void HostTargetMachineDescribesThisMachine()
    {
        using LlvmTargetMachine tm = LlvmTargetMachine.CreateForHost();
        Assert.Multiple(() =>
        {
            Assert.That(tm.Triple, Is.EqualTo(LlvmTargetMachine.HostTriple));
            Assert.That(tm.Cpu, Is.EqualTo(LlvmTargetMachine.HostCpu).And.Not.Empty);
            Assert.That(tm.Features, Is.EqualTo(LlvmTargetMachine.HostFeatures));
            Assert.That(tm.DataLayout, Does.StartWith("e-"));
        });
    }

    [Test]
    public void HostTargetMachineEmitsAnObjectFile()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Create("obj", context);
        LlvmTestModules.AddIntAdd(module.Ref, "add");
        using LlvmTargetMachine tm = LlvmTargetMachine.CreateForHost();
        module.SetTargetFrom(tm);
        byte[] obj = tm.EmitToBytes(module);
        if (OperatingSystem.IsLinux())
            Assert.That(obj.Take(4), Is.EqualTo(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }));
        else
            Assert.That(obj, Is.Not.Empty);
    }

    [Test]
    public void AArch64TargetMachineEmitsAssembly()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Create("arm", context);
        LlvmTestModules.AddIntAdd(module.Ref, "add_arm");
        using LlvmTargetMachine tm = LlvmTargetMachine.Create("aarch64-linux-gnu", "generic", "");
        module.SetTargetFrom(tm);
        Assert.That(module.TargetTriple, Is.EqualTo("aarch64-linux-gnu"));

        string asm = tm.EmitToText(module);

        Assert.That(asm, Does.Contain("add_arm:"));
        Assert.That(asm, Does.Match(@"add\s+w0, w[01], w[01]"));
        Assert.That(asm, Does.Contain("ret"));
    }

    [Test]
    public void NvptxTargetMachineEmitsPtxForAKernel()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Create("kernels", context);
        LLVMContextRef c = context.Ref;
        LLVMTypeRef globalPtr = LLVMPointerTypeInContext(c, 1);
        LLVMValueRef kernel = LLVMAddFunction(module.Ref, "fill_one", LLVMFunctionType(LLVMVoidTypeInContext(c), [globalPtr]));
        LLVMSetFunctionCallConv(kernel, (uint)LLVMCallConv.LLVMPTXKernelCallConv);
        using (LlvmBuilder builder = LlvmBuilder.Create(context))
        {
            LLVMPositionBuilderAtEnd(builder.Ref, LLVMAppendBasicBlockInContext(c, kernel, "entry"));
            LLVMBuildStore(builder.Ref, LLVMConstReal(LLVMFloatTypeInContext(c), 1.0), LLVMGetParam(kernel, 0));
            LLVMBuildRetVoid(builder.Ref);
        }
        module.Verify();
        using LlvmTargetMachine tm = LlvmTargetMachine.Create("nvptx64-nvidia-cuda", "sm_80", "+ptx75");
        module.SetTargetFrom(tm);

        string ptx = tm.EmitToText(module);

        Assert.That(ptx, Does.Contain(".target sm_80"));
        Assert.That(ptx, Does.Contain(".version 7.5"));
        Assert.That(ptx, Does.Contain(".entry fill_one"));
    }

    [Test]
    public void AnUnknownTripleThrowsLlvmsReason()
    {
        var e = Assert.Throws<LlvmException>(() => LlvmTargetMachine.Create("bogus-unknown-none", "", ""));
        Assert.That(e!.Message, Does.Contain("bogus-unknown-none"));
    }

    [Test]
    public void PassesOptimizeAndSetTheTargetWhenMissing()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Create("opt", context);
        LLVMValueRef function = LlvmTestModules.AddIntAdd(module.Ref, "twice");
        // Make the body worth optimizing: a + b computed through a stack slot.
        using LlvmTargetMachine tm = LlvmTargetMachine.CreateForHost();

        LlvmPasses.Run(module, tm, "default<O3>");

        Assert.That(module.TargetTriple, Is.EqualTo(tm.Triple));
        Assert.That(module.DataLayout, Is.EqualTo(tm.DataLayout));
        Assert.That(LLVMIsDeclaration(function), Is.EqualTo(0));
        module.Verify();
    }

    [Test]
    public void AnInvalidPipelineThrowsLlvmsText()
    {
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Create("bad_pipeline", context);
        using LlvmTargetMachine tm = LlvmTargetMachine.CreateForHost();
        var e = Assert.Throws<LlvmException>(() => LlvmPasses.Run(module, tm, "no-such-pass"));
        Assert.That(e!.Message, Does.StartWith("running the LLVM pass pipeline 'no-such-pass': "));
    }

    [Test]
    public void TheJitsTargetMachineVectorizesWithTheHostsFeatures()
    {
        Numbana.Backends.Cpu.OrcJit.HostJit jit = Numbana.Backends.Cpu.OrcJit.HostJit.Shared;
        Assume.That(jit.HostFeatures, Does.Contain("+avx2"), "This host has no AVX2.");
        const string loop = """
            define void @addv(ptr noalias %a, ptr noalias %b, i64 %n) {
            entry:
              %empty = icmp sle i64 %n, 0
              br i1 %empty, label %done, label %body
            body:
              %i = phi i64 [ 0, %entry ], [ %next, %body ]
              %pa = getelementptr inbounds i32, ptr %a, i64 %i
              %pb = getelementptr inbounds i32, ptr %b, i64 %i
              %x = load i32, ptr %pa
              %y = load i32, ptr %pb
              %s = add i32 %x, %y
              store i32 %s, ptr %pa
              %next = add nuw nsw i64 %i, 1
              %more = icmp slt i64 %next, %n
              br i1 %more, label %body, label %done
            done:
              ret void
            }
            """;
        using LlvmContext context = LlvmContext.Create();
        using LlvmModule module = LlvmModule.Parse(loop, context, "loop.ll");
        using LlvmTargetMachine tm = jit.CreateTargetMachine();
        module.SetTargetFrom(tm);
        LlvmPasses.Run(module, tm, "default<O3>");

        Assert.That(module.PrintToString(), Does.Contain("<8 x i32>"), "The loop vectorizer should use 256-bit vectors.");
        Assert.That(tm.EmitToText(module), Does.Contain("ymm"));
    }

    [Test]
    public unsafe void TheDisassemblerBindingDecodesAnInstruction()
    {
        LlvmTargets.InitializeX86();
        LLVMDisasmContextRef disassembler = LLVMCreateDisasmCPUFeatures("x86_64-pc-linux-gnu", "", "", IntPtr.Zero, 0, IntPtr.Zero, IntPtr.Zero);
        Assert.That(disassembler.IsNull, Is.False);
        try
        {
            byte[] code = [0x48, 0x01, 0xF8, 0xC3]; // add rax, rdi; ret
            byte* text = stackalloc byte[128];
            fixed (byte* bytes = code)
            {
                nuint size = LLVMDisasmInstruction(disassembler, bytes, (ulong)code.Length, 0, text, 128);
                Assert.That(size, Is.EqualTo((nuint)3));
                Assert.That(new string((sbyte*)text).Trim(), Does.Match(@"^addq?\s+%rdi, %rax$"));
            }
        }
        finally
        {
            LLVMDisasmDispose(disassembler);
        }
    }

    [Test]
    public void TargetInitializationIsIdempotent()
    {
        Assert.DoesNotThrow(() =>
        {
            LlvmTargets.InitializeX86();
            LlvmTargets.InitializeX86();
            LlvmTargets.InitializeAArch64();
            LlvmTargets.InitializeNvptx();
            LlvmTargets.InitializeHost();
        });
    }
}
