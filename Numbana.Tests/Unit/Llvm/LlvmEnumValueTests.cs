using Numbana.Llvm;
using Numbana.Llvm.Handles;
using Numbana.Llvm.Interop;
using NUnit.Framework;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>
/// Checks the C# enum values against LLVM itself: each value is handed to LLVM and the printed IR
/// must show the keyword the enum member names (a wrong value prints a different keyword).
/// </summary>
[TestFixture]
public class LlvmEnumValueTests
{
    private LlvmContext context = null!;
    private LlvmModule module = null!;
    private LlvmBuilder builder = null!;
    private LLVMContextRef c;

    [SetUp]
    public void CreateFunction()
    {
        context = LlvmContext.Create();
        module = LlvmModule.Create("enums", context);
        builder = LlvmBuilder.Create(context);
        c = context.Ref;
        LLVMTypeRef i32 = LLVMInt32TypeInContext(c);
        LLVMTypeRef f64 = LLVMDoubleTypeInContext(c);
        LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0);
        LLVMValueRef f = LLVMAddFunction(module.Ref, "f", LLVMFunctionType(LLVMVoidTypeInContext(c), [i32, i32, f64, f64, ptr]));
        LLVMPositionBuilderAtEnd(builder.Ref, LLVMAppendBasicBlockInContext(c, f, "entry"));
        Function = f;
    }

    [TearDown]
    public void Dispose()
    {
        builder.Dispose();
        module.Dispose();
        context.Dispose();
    }

    private LLVMValueRef Function { get; set; }

    private LLVMValueRef Param(uint i) => LLVMGetParam(Function, i);

    private static string Print(LLVMValueRef value) => LlvmText.TakeMessage(LLVMPrintValueToString(value));

    [Test]
    public void IntPredicates()
    {
        foreach (LLVMIntPredicate p in Enum.GetValues<LLVMIntPredicate>())
        {
            string keyword = p.ToString()["LLVMInt".Length..].ToLowerInvariant();
            LLVMValueRef cmp = LLVMBuildICmp(builder.Ref, p, Param(0), Param(1), "");
            Assert.That(Print(cmp), Does.Contain($"icmp {keyword} "), p.ToString());
            Assert.That(LLVMGetICmpPredicate(cmp), Is.EqualTo(p));
        }
    }

    [Test]
    public void RealPredicates()
    {
        foreach (LLVMRealPredicate p in Enum.GetValues<LLVMRealPredicate>())
        {
            string keyword = p switch
            {
                LLVMRealPredicate.LLVMRealPredicateFalse => "false",
                LLVMRealPredicate.LLVMRealPredicateTrue => "true",
                _ => p.ToString()["LLVMReal".Length..].ToLowerInvariant(),
            };
            LLVMValueRef cmp = LLVMBuildFCmp(builder.Ref, p, Param(2), Param(3), "");
            Assert.That(Print(cmp), Does.Contain($"fcmp {keyword} "), p.ToString());
        }
    }

    [Test]
    public void BinaryOpcodes()
    {
        LLVMOpcode[] integer = [LLVMOpcode.LLVMAdd, LLVMOpcode.LLVMSub, LLVMOpcode.LLVMMul, LLVMOpcode.LLVMUDiv, LLVMOpcode.LLVMSDiv,
            LLVMOpcode.LLVMURem, LLVMOpcode.LLVMSRem, LLVMOpcode.LLVMShl, LLVMOpcode.LLVMLShr, LLVMOpcode.LLVMAShr,
            LLVMOpcode.LLVMAnd, LLVMOpcode.LLVMOr, LLVMOpcode.LLVMXor];
        LLVMOpcode[] real = [LLVMOpcode.LLVMFAdd, LLVMOpcode.LLVMFSub, LLVMOpcode.LLVMFMul, LLVMOpcode.LLVMFDiv, LLVMOpcode.LLVMFRem];
        foreach (LLVMOpcode op in integer.Concat(real))
        {
            bool isReal = real.Contains(op);
            LLVMValueRef v = LLVMBuildBinOp(builder.Ref, op, Param(isReal ? 2u : 0u), Param(isReal ? 3u : 1u), "");
            string keyword = op.ToString()["LLVM".Length..].ToLowerInvariant();
            Assert.That(Print(v), Does.Contain($"= {keyword} "), op.ToString());
            Assert.That(LLVMGetInstructionOpcode(v), Is.EqualTo(op));
        }
    }

    [Test]
    public void CastOpcodes()
    {
        LLVMTypeRef i8 = LLVMInt8TypeInContext(c), i64 = LLVMInt64TypeInContext(c), f32 = LLVMFloatTypeInContext(c);
        LLVMTypeRef f64 = LLVMDoubleTypeInContext(c), ptr1 = LLVMPointerTypeInContext(c, 1), i32 = LLVMInt32TypeInContext(c);
        (LLVMOpcode Op, uint Param, LLVMTypeRef To)[] casts =
        [
            (LLVMOpcode.LLVMTrunc, 0, i8), (LLVMOpcode.LLVMZExt, 0, i64), (LLVMOpcode.LLVMSExt, 0, i64),
            (LLVMOpcode.LLVMFPToUI, 2, i32), (LLVMOpcode.LLVMFPToSI, 2, i32), (LLVMOpcode.LLVMUIToFP, 0, f64),
            (LLVMOpcode.LLVMSIToFP, 0, f64), (LLVMOpcode.LLVMFPTrunc, 2, f32), (LLVMOpcode.LLVMPtrToInt, 4, i64),
            (LLVMOpcode.LLVMIntToPtr, 0, LLVMPointerTypeInContext(c, 0)), (LLVMOpcode.LLVMBitCast, 2, i64),
            (LLVMOpcode.LLVMAddrSpaceCast, 4, ptr1),
        ];
        foreach (var (op, param, to) in casts)
        {
            LLVMValueRef v = LLVMBuildCast(builder.Ref, op, Param(param), to, "");
            string keyword = op.ToString()["LLVM".Length..].ToLowerInvariant();
            Assert.That(Print(v), Does.Contain($"= {keyword} "), op.ToString());
        }
        LLVMValueRef ext = LLVMBuildFPExt(builder.Ref, LLVMBuildFPTrunc(builder.Ref, Param(2), f32, ""), f64, "");
        Assert.That(LLVMGetInstructionOpcode(ext), Is.EqualTo(LLVMOpcode.LLVMFPExt));
    }

    [Test]
    public void AtomicRmwOperationsAndOrderings()
    {
        foreach (LLVMAtomicRMWBinOp op in Enum.GetValues<LLVMAtomicRMWBinOp>())
        {
            bool isReal = op is LLVMAtomicRMWBinOp.LLVMAtomicRMWBinOpFAdd or LLVMAtomicRMWBinOp.LLVMAtomicRMWBinOpFSub
                or LLVMAtomicRMWBinOp.LLVMAtomicRMWBinOpFMax or LLVMAtomicRMWBinOp.LLVMAtomicRMWBinOpFMin;
            LLVMValueRef v = LLVMBuildAtomicRMW(builder.Ref, op, Param(4), Param(isReal ? 2u : 0u),
                LLVMAtomicOrdering.LLVMAtomicOrderingMonotonic, 0);
            string keyword = op.ToString()["LLVMAtomicRMWBinOp".Length..].ToLowerInvariant() switch
            {
                "uincwrap" => "uinc_wrap",
                "udecwrap" => "udec_wrap",
                var k => k,
            };
            Assert.That(Print(v), Does.Contain($"atomicrmw {keyword} "), op.ToString());
        }
        (LLVMAtomicOrdering Ordering, string Keyword)[] fences =
        [
            (LLVMAtomicOrdering.LLVMAtomicOrderingAcquire, "acquire"), (LLVMAtomicOrdering.LLVMAtomicOrderingRelease, "release"),
            (LLVMAtomicOrdering.LLVMAtomicOrderingAcquireRelease, "acq_rel"),
            (LLVMAtomicOrdering.LLVMAtomicOrderingSequentiallyConsistent, "seq_cst"),
        ];
        foreach (var (ordering, keyword) in fences)
            Assert.That(Print(LLVMBuildFence(builder.Ref, ordering, 0, "")), Does.Contain($"fence {keyword}"));
    }

    [Test]
    public void FastMathFlags()
    {
        (LLVMFastMathFlags Flag, string Keyword)[] flags =
        [
            (LLVMFastMathFlags.LLVMFastMathAllowReassoc, "reassoc"), (LLVMFastMathFlags.LLVMFastMathNoNaNs, "nnan"),
            (LLVMFastMathFlags.LLVMFastMathNoInfs, "ninf"), (LLVMFastMathFlags.LLVMFastMathNoSignedZeros, "nsz"),
            (LLVMFastMathFlags.LLVMFastMathAllowReciprocal, "arcp"), (LLVMFastMathFlags.LLVMFastMathAllowContract, "contract"),
            (LLVMFastMathFlags.LLVMFastMathApproxFunc, "afn"), (LLVMFastMathFlags.LLVMFastMathAll, "fast"),
        ];
        foreach (var (flag, keyword) in flags)
        {
            LLVMValueRef v = LLVMBuildFAdd(builder.Ref, Param(2), Param(3), "");
            Assert.That(LLVMCanValueUseFastMathFlags(v), Is.EqualTo(1));
            LLVMSetFastMathFlags(v, flag);
            Assert.That(Print(v), Does.Contain($"fadd {keyword} double"), flag.ToString());
        }
    }

    [Test]
    public void LinkagesVisibilityAndCallingConventions()
    {
        (LLVMLinkage Linkage, string Keyword)[] linkages =
        [
            (LLVMLinkage.LLVMInternalLinkage, "internal"), (LLVMLinkage.LLVMPrivateLinkage, "private"),
            (LLVMLinkage.LLVMWeakODRLinkage, "weak_odr"), (LLVMLinkage.LLVMLinkOnceODRLinkage, "linkonce_odr"),
            (LLVMLinkage.LLVMAvailableExternallyLinkage, "available_externally"), (LLVMLinkage.LLVMCommonLinkage, "common"),
            (LLVMLinkage.LLVMAppendingLinkage, "appending"), (LLVMLinkage.LLVMWeakAnyLinkage, "weak"),
        ];
        foreach (var (linkage, keyword) in linkages)
        {
            LLVMTypeRef type = linkage == LLVMLinkage.LLVMAppendingLinkage
                ? LLVMArrayType2(LLVMInt32TypeInContext(c), 1)
                : LLVMInt32TypeInContext(c);
            LLVMValueRef global = LLVMAddGlobal(module.Ref, type, "g_" + keyword);
            LLVMSetInitializer(global, LLVMConstNull(type));
            LLVMSetLinkage(global, linkage);
            Assert.That(Print(global), Does.Contain($" = {keyword} global"), linkage.ToString());
        }
        LLVMValueRef hidden = LLVMAddGlobal(module.Ref, LLVMInt32TypeInContext(c), "hidden_one");
        LLVMSetVisibility(hidden, LLVMVisibility.LLVMHiddenVisibility);
        Assert.That(Print(hidden), Does.Contain("hidden global"));

        LLVMSetFunctionCallConv(Function, (uint)LLVMCallConv.LLVMPTXKernelCallConv);
        LLVMBuildRetVoid(builder.Ref);
        Assert.That(Print(Function), Does.Contain("define ptx_kernel void @f"));
        LLVMSetFunctionCallConv(Function, (uint)LLVMCallConv.LLVMFastCallConv);
        Assert.That(Print(Function), Does.Contain("define fastcc void @f"));
    }

    [Test]
    public void TypeAndValueKinds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LLVMGetTypeKind(LLVMVoidTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMVoidTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMHalfTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMHalfTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMFloatTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMFloatTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMDoubleTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMDoubleTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMFP128TypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMFP128TypeKind));
            Assert.That(LLVMGetTypeKind(LLVMLabelTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMLabelTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMInt1TypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMIntegerTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMGlobalGetValueType(Function)), Is.EqualTo(LLVMTypeKind.LLVMFunctionTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMStructTypeInContext(c, [LLVMInt1TypeInContext(c)])), Is.EqualTo(LLVMTypeKind.LLVMStructTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMArrayType2(LLVMInt1TypeInContext(c), 3)), Is.EqualTo(LLVMTypeKind.LLVMArrayTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMPointerTypeInContext(c, 0)), Is.EqualTo(LLVMTypeKind.LLVMPointerTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMVectorType(LLVMInt1TypeInContext(c), 4)), Is.EqualTo(LLVMTypeKind.LLVMVectorTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMMetadataTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMMetadataTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMTokenTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMTokenTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMScalableVectorType(LLVMInt1TypeInContext(c), 4)), Is.EqualTo(LLVMTypeKind.LLVMScalableVectorTypeKind));
            Assert.That(LLVMGetTypeKind(LLVMBFloatTypeInContext(c)), Is.EqualTo(LLVMTypeKind.LLVMBFloatTypeKind));

            Assert.That(LLVMGetValueKind(Function), Is.EqualTo(LLVMValueKind.LLVMFunctionValueKind));
            Assert.That(LLVMGetValueKind(Param(0)), Is.EqualTo(LLVMValueKind.LLVMArgumentValueKind));
            Assert.That(LLVMGetValueKind(LLVMConstInt(LLVMInt32TypeInContext(c), 1, 0)), Is.EqualTo(LLVMValueKind.LLVMConstantIntValueKind));
            Assert.That(LLVMGetValueKind(LLVMConstReal(LLVMDoubleTypeInContext(c), 1)), Is.EqualTo(LLVMValueKind.LLVMConstantFPValueKind));
            Assert.That(LLVMGetValueKind(LLVMGetPoison(LLVMInt32TypeInContext(c))), Is.EqualTo(LLVMValueKind.LLVMPoisonValueValueKind));
            Assert.That(LLVMGetValueKind(LLVMGetUndef(LLVMInt32TypeInContext(c))), Is.EqualTo(LLVMValueKind.LLVMUndefValueValueKind));
            Assert.That(LLVMGetValueKind(LLVMConstPointerNull(LLVMPointerTypeInContext(c, 0))), Is.EqualTo(LLVMValueKind.LLVMConstantPointerNullValueKind));
            Assert.That(LLVMGetValueKind(LLVMBuildAdd(builder.Ref, Param(0), Param(1), "")), Is.EqualTo(LLVMValueKind.LLVMInstructionValueKind));
        });
    }

    [Test]
    public void AttributeIndicesAndRangeAttributes()
    {
        LLVMValueRef callee = LLVMAddFunction(module.Ref, "g", LLVMFunctionType(LLVMInt32TypeInContext(c), [LLVMInt32TypeInContext(c)]));
        uint nounwind = LLVMGetEnumAttributeKindForName("nounwind");
        uint noundef = LLVMGetEnumAttributeKindForName("noundef");
        uint range = LLVMGetEnumAttributeKindForName("range");
        LLVMAddAttributeAtIndex(callee, LLVMAttributeIndex.LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(c, nounwind, 0));
        LLVMAddAttributeAtIndex(callee, LLVMAttributeIndex.LLVMAttributeReturnIndex, LLVMCreateEnumAttribute(c, noundef, 0));
        LLVMAddAttributeAtIndex(callee, LLVMAttributeIndex.Param(0),
            LLVMCreateConstantRangeAttribute(c, range, 32, [0UL], [2147483592UL]));
        LLVMAddAttributeAtIndex(callee, LLVMAttributeIndex.LLVMAttributeFunctionIndex, LLVMCreateStringAttribute(c, "numbana-kind", "kernel"));

        string text = LlvmText.TakeMessage(LLVMPrintModuleToString(module.Ref));

        Assert.That(text, Does.Contain("declare noundef i32 @g(i32 range(i32 0, 2147483592))"));
        Assert.That(text, Does.Contain("nounwind").And.Contain("\"numbana-kind\"=\"kernel\""));
    }
}
