// The llvm-c enums with their C member names and values (LLVM 19 headers: Core.h, Analysis.h,
// TargetMachine.h, Target.h, Orc.h). Values that C leaves implicit are written out here so that a
// reader can compare them with the header without counting.

namespace Numbana.Llvm.Interop;

/// <summary><c>LLVMTypeKind</c> (Core.h).</summary>
internal enum LLVMTypeKind
{
    LLVMVoidTypeKind = 0,
    LLVMHalfTypeKind = 1,
    LLVMFloatTypeKind = 2,
    LLVMDoubleTypeKind = 3,
    LLVMX86_FP80TypeKind = 4,
    LLVMFP128TypeKind = 5,
    LLVMPPC_FP128TypeKind = 6,
    LLVMLabelTypeKind = 7,
    LLVMIntegerTypeKind = 8,
    LLVMFunctionTypeKind = 9,
    LLVMStructTypeKind = 10,
    LLVMArrayTypeKind = 11,
    LLVMPointerTypeKind = 12,
    LLVMVectorTypeKind = 13,
    LLVMMetadataTypeKind = 14,
    LLVMX86_MMXTypeKind = 15, // removed in LLVM 20; the value is not reused
    LLVMTokenTypeKind = 16,
    LLVMScalableVectorTypeKind = 17,
    LLVMBFloatTypeKind = 18,
    LLVMX86_AMXTypeKind = 19,
    LLVMTargetExtTypeKind = 20,
}

/// <summary><c>LLVMOpcode</c> (Core.h).</summary>
internal enum LLVMOpcode
{
    LLVMRet = 1,
    LLVMBr = 2,
    LLVMSwitch = 3,
    LLVMIndirectBr = 4,
    LLVMInvoke = 5,
    LLVMUnreachable = 7,
    LLVMCallBr = 67,
    LLVMFNeg = 66,
    LLVMAdd = 8,
    LLVMFAdd = 9,
    LLVMSub = 10,
    LLVMFSub = 11,
    LLVMMul = 12,
    LLVMFMul = 13,
    LLVMUDiv = 14,
    LLVMSDiv = 15,
    LLVMFDiv = 16,
    LLVMURem = 17,
    LLVMSRem = 18,
    LLVMFRem = 19,
    LLVMShl = 20,
    LLVMLShr = 21,
    LLVMAShr = 22,
    LLVMAnd = 23,
    LLVMOr = 24,
    LLVMXor = 25,
    LLVMAlloca = 26,
    LLVMLoad = 27,
    LLVMStore = 28,
    LLVMGetElementPtr = 29,
    LLVMTrunc = 30,
    LLVMZExt = 31,
    LLVMSExt = 32,
    LLVMFPToUI = 33,
    LLVMFPToSI = 34,
    LLVMUIToFP = 35,
    LLVMSIToFP = 36,
    LLVMFPTrunc = 37,
    LLVMFPExt = 38,
    LLVMPtrToInt = 39,
    LLVMIntToPtr = 40,
    LLVMBitCast = 41,
    LLVMAddrSpaceCast = 60,
    LLVMICmp = 42,
    LLVMFCmp = 43,
    LLVMPHI = 44,
    LLVMCall = 45,
    LLVMSelect = 46,
    LLVMUserOp1 = 47,
    LLVMUserOp2 = 48,
    LLVMVAArg = 49,
    LLVMExtractElement = 50,
    LLVMInsertElement = 51,
    LLVMShuffleVector = 52,
    LLVMExtractValue = 53,
    LLVMInsertValue = 54,
    LLVMFreeze = 68,
    LLVMFence = 55,
    LLVMAtomicCmpXchg = 56,
    LLVMAtomicRMW = 57,
    LLVMResume = 58,
    LLVMLandingPad = 59,
    LLVMCleanupRet = 61,
    LLVMCatchRet = 62,
    LLVMCatchPad = 63,
    LLVMCleanupPad = 64,
    LLVMCatchSwitch = 65,
}

/// <summary><c>LLVMLinkage</c> (Core.h).</summary>
internal enum LLVMLinkage
{
    LLVMExternalLinkage = 0,
    LLVMAvailableExternallyLinkage = 1,
    LLVMLinkOnceAnyLinkage = 2,
    LLVMLinkOnceODRLinkage = 3,
    LLVMLinkOnceODRAutoHideLinkage = 4, // obsolete
    LLVMWeakAnyLinkage = 5,
    LLVMWeakODRLinkage = 6,
    LLVMAppendingLinkage = 7,
    LLVMInternalLinkage = 8,
    LLVMPrivateLinkage = 9,
    LLVMDLLImportLinkage = 10, // obsolete
    LLVMDLLExportLinkage = 11, // obsolete
    LLVMExternalWeakLinkage = 12,
    LLVMGhostLinkage = 13, // obsolete
    LLVMCommonLinkage = 14,
    LLVMLinkerPrivateLinkage = 15,
    LLVMLinkerPrivateWeakLinkage = 16,
}

/// <summary><c>LLVMVisibility</c> (Core.h).</summary>
internal enum LLVMVisibility
{
    LLVMDefaultVisibility = 0,
    LLVMHiddenVisibility = 1,
    LLVMProtectedVisibility = 2,
}

/// <summary><c>LLVMUnnamedAddr</c> (Core.h).</summary>
internal enum LLVMUnnamedAddr
{
    LLVMNoUnnamedAddr = 0,
    LLVMLocalUnnamedAddr = 1,
    LLVMGlobalUnnamedAddr = 2,
}

/// <summary><c>LLVMDLLStorageClass</c> (Core.h).</summary>
internal enum LLVMDLLStorageClass
{
    LLVMDefaultStorageClass = 0,
    LLVMDLLImportStorageClass = 1,
    LLVMDLLExportStorageClass = 2,
}

/// <summary>
/// <c>LLVMCallConv</c> (Core.h). The C functions take the calling convention as <c>unsigned</c>:
/// cast with <c>(uint)</c>.
/// </summary>
internal enum LLVMCallConv : uint
{
    LLVMCCallConv = 0,
    LLVMFastCallConv = 8,
    LLVMColdCallConv = 9,
    LLVMGHCCallConv = 10,
    LLVMHiPECallConv = 11,
    LLVMAnyRegCallConv = 13,
    LLVMPreserveMostCallConv = 14,
    LLVMPreserveAllCallConv = 15,
    LLVMSwiftCallConv = 16,
    LLVMCXXFASTTLSCallConv = 17,
    LLVMX86StdcallCallConv = 64,
    LLVMX86FastcallCallConv = 65,
    LLVMARMAPCSCallConv = 66,
    LLVMARMAAPCSCallConv = 67,
    LLVMARMAAPCSVFPCallConv = 68,
    LLVMMSP430INTRCallConv = 69,
    LLVMX86ThisCallCallConv = 70,
    /// <summary><c>ptx_kernel</c>: marks an NVPTX kernel entry (works in LLVM 19 and 22).</summary>
    LLVMPTXKernelCallConv = 71,
    LLVMPTXDeviceCallConv = 72,
    LLVMSPIRFUNCCallConv = 75,
    LLVMSPIRKERNELCallConv = 76,
    LLVMIntelOCLBICallConv = 77,
    LLVMX8664SysVCallConv = 78,
    LLVMWin64CallConv = 79,
    LLVMX86VectorCallCallConv = 80,
    LLVMHHVMCallConv = 81,
    LLVMHHVMCCallConv = 82,
    LLVMX86INTRCallConv = 83,
    LLVMAVRINTRCallConv = 84,
    LLVMAVRSIGNALCallConv = 85,
    LLVMAVRBUILTINCallConv = 86,
    LLVMAMDGPUVSCallConv = 87,
    LLVMAMDGPUGSCallConv = 88,
    LLVMAMDGPUPSCallConv = 89,
    LLVMAMDGPUCSCallConv = 90,
    LLVMAMDGPUKERNELCallConv = 91,
    LLVMX86RegCallCallConv = 92,
    LLVMAMDGPUHSCallConv = 93,
    LLVMMSP430BUILTINCallConv = 94,
    LLVMAMDGPULSCallConv = 95,
    LLVMAMDGPUESCallConv = 96,
}

/// <summary><c>LLVMValueKind</c> (Core.h).</summary>
internal enum LLVMValueKind
{
    LLVMArgumentValueKind = 0,
    LLVMBasicBlockValueKind = 1,
    LLVMMemoryUseValueKind = 2,
    LLVMMemoryDefValueKind = 3,
    LLVMMemoryPhiValueKind = 4,
    LLVMFunctionValueKind = 5,
    LLVMGlobalAliasValueKind = 6,
    LLVMGlobalIFuncValueKind = 7,
    LLVMGlobalVariableValueKind = 8,
    LLVMBlockAddressValueKind = 9,
    LLVMConstantExprValueKind = 10,
    LLVMConstantArrayValueKind = 11,
    LLVMConstantStructValueKind = 12,
    LLVMConstantVectorValueKind = 13,
    LLVMUndefValueValueKind = 14,
    LLVMConstantAggregateZeroValueKind = 15,
    LLVMConstantDataArrayValueKind = 16,
    LLVMConstantDataVectorValueKind = 17,
    LLVMConstantIntValueKind = 18,
    LLVMConstantFPValueKind = 19,
    LLVMConstantPointerNullValueKind = 20,
    LLVMConstantTokenNoneValueKind = 21,
    LLVMMetadataAsValueValueKind = 22,
    LLVMInlineAsmValueKind = 23,
    LLVMInstructionValueKind = 24,
    LLVMPoisonValueValueKind = 25,
    LLVMConstantTargetNoneValueKind = 26,
    LLVMConstantPtrAuthValueKind = 27,
}

/// <summary><c>LLVMIntPredicate</c> (Core.h).</summary>
internal enum LLVMIntPredicate
{
    LLVMIntEQ = 32,
    LLVMIntNE = 33,
    LLVMIntUGT = 34,
    LLVMIntUGE = 35,
    LLVMIntULT = 36,
    LLVMIntULE = 37,
    LLVMIntSGT = 38,
    LLVMIntSGE = 39,
    LLVMIntSLT = 40,
    LLVMIntSLE = 41,
}

/// <summary><c>LLVMRealPredicate</c> (Core.h): O = ordered (false if either is NaN), U = unordered.</summary>
internal enum LLVMRealPredicate
{
    LLVMRealPredicateFalse = 0,
    LLVMRealOEQ = 1,
    LLVMRealOGT = 2,
    LLVMRealOGE = 3,
    LLVMRealOLT = 4,
    LLVMRealOLE = 5,
    LLVMRealONE = 6,
    LLVMRealORD = 7,
    LLVMRealUNO = 8,
    LLVMRealUEQ = 9,
    LLVMRealUGT = 10,
    LLVMRealUGE = 11,
    LLVMRealULT = 12,
    LLVMRealULE = 13,
    LLVMRealUNE = 14,
    LLVMRealPredicateTrue = 15,
}

/// <summary><c>LLVMThreadLocalMode</c> (Core.h).</summary>
internal enum LLVMThreadLocalMode
{
    LLVMNotThreadLocal = 0,
    LLVMGeneralDynamicTLSModel = 1,
    LLVMLocalDynamicTLSModel = 2,
    LLVMInitialExecTLSModel = 3,
    LLVMLocalExecTLSModel = 4,
}

/// <summary><c>LLVMAtomicOrdering</c> (Core.h). Note: there is no 3 (<c>consume</c> is not exposed).</summary>
internal enum LLVMAtomicOrdering
{
    LLVMAtomicOrderingNotAtomic = 0,
    LLVMAtomicOrderingUnordered = 1,
    LLVMAtomicOrderingMonotonic = 2,
    LLVMAtomicOrderingAcquire = 4,
    LLVMAtomicOrderingRelease = 5,
    LLVMAtomicOrderingAcquireRelease = 6,
    LLVMAtomicOrderingSequentiallyConsistent = 7,
}

/// <summary><c>LLVMAtomicRMWBinOp</c> (Core.h).</summary>
internal enum LLVMAtomicRMWBinOp
{
    LLVMAtomicRMWBinOpXchg = 0,
    LLVMAtomicRMWBinOpAdd = 1,
    LLVMAtomicRMWBinOpSub = 2,
    LLVMAtomicRMWBinOpAnd = 3,
    LLVMAtomicRMWBinOpNand = 4,
    LLVMAtomicRMWBinOpOr = 5,
    LLVMAtomicRMWBinOpXor = 6,
    LLVMAtomicRMWBinOpMax = 7,
    LLVMAtomicRMWBinOpMin = 8,
    LLVMAtomicRMWBinOpUMax = 9,
    LLVMAtomicRMWBinOpUMin = 10,
    LLVMAtomicRMWBinOpFAdd = 11,
    LLVMAtomicRMWBinOpFSub = 12,
    LLVMAtomicRMWBinOpFMax = 13,
    LLVMAtomicRMWBinOpFMin = 14,
    LLVMAtomicRMWBinOpUIncWrap = 15,
    LLVMAtomicRMWBinOpUDecWrap = 16,
}

/// <summary><c>LLVMDiagnosticSeverity</c> (Core.h).</summary>
internal enum LLVMDiagnosticSeverity
{
    LLVMDSError = 0,
    LLVMDSWarning = 1,
    LLVMDSRemark = 2,
    LLVMDSNote = 3,
}

/// <summary><c>LLVMInlineAsmDialect</c> (Core.h).</summary>
internal enum LLVMInlineAsmDialect
{
    LLVMInlineAsmDialectATT = 0,
    LLVMInlineAsmDialectIntel = 1,
}

/// <summary><c>LLVMModuleFlagBehavior</c> (Core.h).</summary>
internal enum LLVMModuleFlagBehavior
{
    LLVMModuleFlagBehaviorError = 0,
    LLVMModuleFlagBehaviorWarning = 1,
    LLVMModuleFlagBehaviorRequire = 2,
    LLVMModuleFlagBehaviorOverride = 3,
    LLVMModuleFlagBehaviorAppend = 4,
    LLVMModuleFlagBehaviorAppendUnique = 5,
}

/// <summary><c>LLVMTailCallKind</c> (Core.h).</summary>
internal enum LLVMTailCallKind
{
    LLVMTailCallKindNone = 0,
    LLVMTailCallKindTail = 1,
    LLVMTailCallKindMustTail = 2,
    LLVMTailCallKindNoTail = 3,
}

/// <summary>
/// <c>LLVMFastMathFlags</c> (Core.h: a <c>typedef unsigned</c> plus an anonymous enum of bits).
/// </summary>
[Flags]
internal enum LLVMFastMathFlags : uint
{
    LLVMFastMathNone = 0,
    LLVMFastMathAllowReassoc = 1 << 0,
    LLVMFastMathNoNaNs = 1 << 1,
    LLVMFastMathNoInfs = 1 << 2,
    LLVMFastMathNoSignedZeros = 1 << 3,
    LLVMFastMathAllowReciprocal = 1 << 4,
    LLVMFastMathAllowContract = 1 << 5,
    LLVMFastMathApproxFunc = 1 << 6,
    LLVMFastMathAll = LLVMFastMathAllowReassoc | LLVMFastMathNoNaNs | LLVMFastMathNoInfs
        | LLVMFastMathNoSignedZeros | LLVMFastMathAllowReciprocal | LLVMFastMathAllowContract
        | LLVMFastMathApproxFunc,
}

/// <summary><c>LLVMGEPNoWrapFlags</c> (Core.h, new in LLVM 19: a <c>typedef unsigned</c> of bits).</summary>
[Flags]
internal enum LLVMGEPNoWrapFlags : uint
{
    None = 0,
    LLVMGEPFlagInBounds = 1 << 0,
    LLVMGEPFlagNUSW = 1 << 1,
    LLVMGEPFlagNUW = 1 << 2,
}

/// <summary>
/// <c>LLVMAttributeIndex</c> (Core.h: a <c>typedef unsigned</c>): 0 is the return value, 1..n the
/// parameters (<see cref="Param"/>), and <c>-1</c> (<c>0xFFFFFFFF</c>) the function itself.
/// </summary>
internal static class LLVMAttributeIndex
{
    /// <summary><c>LLVMAttributeReturnIndex</c>.</summary>
    public const uint LLVMAttributeReturnIndex = 0u;

    /// <summary><c>LLVMAttributeFunctionIndex</c> (-1 as unsigned).</summary>
    public const uint LLVMAttributeFunctionIndex = 0xFFFFFFFFu;

    /// <summary>The index of parameter <paramref name="zeroBasedParam"/> (parameters start at 1).</summary>
    public static uint Param(int zeroBasedParam) => checked((uint)zeroBasedParam + 1u);
}

/// <summary><c>LLVMVerifierFailureAction</c> (Analysis.h).</summary>
internal enum LLVMVerifierFailureAction
{
    /// <summary>Print to stderr and abort the process: never use it from .NET.</summary>
    LLVMAbortProcessAction = 0,
    LLVMPrintMessageAction = 1,
    LLVMReturnStatusAction = 2,
}

/// <summary><c>LLVMByteOrdering</c> (Target.h).</summary>
internal enum LLVMByteOrdering
{
    LLVMBigEndian = 0,
    LLVMLittleEndian = 1,
}

/// <summary><c>LLVMCodeGenOptLevel</c> (TargetMachine.h).</summary>
internal enum LLVMCodeGenOptLevel
{
    LLVMCodeGenLevelNone = 0,
    LLVMCodeGenLevelLess = 1,
    LLVMCodeGenLevelDefault = 2,
    LLVMCodeGenLevelAggressive = 3,
}

/// <summary><c>LLVMRelocMode</c> (TargetMachine.h).</summary>
internal enum LLVMRelocMode
{
    LLVMRelocDefault = 0,
    LLVMRelocStatic = 1,
    LLVMRelocPIC = 2,
    LLVMRelocDynamicNoPic = 3,
    LLVMRelocROPI = 4,
    LLVMRelocRWPI = 5,
    LLVMRelocROPI_RWPI = 6,
}

/// <summary><c>LLVMCodeModel</c> (TargetMachine.h).</summary>
internal enum LLVMCodeModel
{
    LLVMCodeModelDefault = 0,
    LLVMCodeModelJITDefault = 1,
    LLVMCodeModelTiny = 2,
    LLVMCodeModelSmall = 3,
    LLVMCodeModelKernel = 4,
    LLVMCodeModelMedium = 5,
    LLVMCodeModelLarge = 6,
}

/// <summary><c>LLVMCodeGenFileType</c> (TargetMachine.h).</summary>
internal enum LLVMCodeGenFileType
{
    /// <summary>Assembly text (PTX for NVPTX).</summary>
    LLVMAssemblyFile = 0,
    /// <summary>A relocatable object file.</summary>
    LLVMObjectFile = 1,
}

/// <summary><c>LLVMGlobalISelAbortMode</c> (TargetMachine.h).</summary>
internal enum LLVMGlobalISelAbortMode
{
    LLVMGlobalISelAbortEnable = 0,
    LLVMGlobalISelAbortDisable = 1,
    LLVMGlobalISelAbortDisableWithDiag = 2,
}

/// <summary><c>LLVMJITSymbolGenericFlags</c> (Orc.h); stored in <see cref="LLVMJITSymbolFlags.GenericFlags"/> as a byte.</summary>
[Flags]
internal enum LLVMJITSymbolGenericFlags : byte
{
    LLVMJITSymbolGenericFlagsNone = 0,
    LLVMJITSymbolGenericFlagsExported = 1 << 0,
    LLVMJITSymbolGenericFlagsWeak = 1 << 1,
    LLVMJITSymbolGenericFlagsCallable = 1 << 2,
    LLVMJITSymbolGenericFlagsMaterializationSideEffectsOnly = 1 << 3,
}

/// <summary><c>LLVMOrcLookupKind</c> (Orc.h).</summary>
internal enum LLVMOrcLookupKind
{
    LLVMOrcLookupKindStatic = 0,
    LLVMOrcLookupKindDLSym = 1,
}

/// <summary><c>LLVMOrcJITDylibLookupFlags</c> (Orc.h).</summary>
internal enum LLVMOrcJITDylibLookupFlags
{
    LLVMOrcJITDylibLookupFlagsMatchExportedSymbolsOnly = 0,
    LLVMOrcJITDylibLookupFlagsMatchAllSymbols = 1,
}

/// <summary><c>LLVMOrcSymbolLookupFlags</c> (Orc.h).</summary>
internal enum LLVMOrcSymbolLookupFlags
{
    LLVMOrcSymbolLookupFlagsRequiredSymbol = 0,
    LLVMOrcSymbolLookupFlagsWeaklyReferencedSymbol = 1,
}
