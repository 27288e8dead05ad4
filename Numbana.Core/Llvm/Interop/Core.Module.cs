using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Core.h: modules, functions, global variables, intrinsics, named metadata.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Modules ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMModuleRef LLVMModuleCreateWithNameInContext(string ModuleID, LLVMContextRef C);

    /// <summary>A deep copy in the same context; the copy is owned by the caller.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMModuleRef LLVMCloneModule(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDisposeModule(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMContextRef LLVMGetModuleContext(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetModuleIdentifier(LLVMModuleRef M, out nuint Len);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetModuleIdentifier(LLVMModuleRef M, byte* Ident, nuint Len);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetSourceFileName(LLVMModuleRef M, byte* Name, nuint Len);

    /// <summary>Borrowed: valid until the module changes.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetDataLayoutStr(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetDataLayout(LLVMModuleRef M, string DataLayoutStr);

    /// <summary>Borrowed: valid until the module changes.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetTarget(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetTarget(LLVMModuleRef M, string Triple);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMPrintModuleToString(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMPrintModuleToFile(LLVMModuleRef M, string Filename, out IntPtr ErrorMessage);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMAddModuleFlag(LLVMModuleRef M, LLVMModuleFlagBehavior Behavior, byte* Key, nuint KeyLen, LLVMMetadataRef Val);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMMetadataRef LLVMGetModuleFlag(LLVMModuleRef M, byte* Key, nuint KeyLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMAppendModuleInlineAsm(LLVMModuleRef M, byte* Asm, nuint Len);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMGetTypeByName2(LLVMContextRef C, string Name);

    // ---- Functions ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMAddFunction(LLVMModuleRef M, string Name, LLVMTypeRef FunctionTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetNamedFunction(LLVMModuleRef M, string Name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetFirstFunction(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetLastFunction(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetNextFunction(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetPreviousFunction(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDeleteFunction(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetFunctionCallConv(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetFunctionCallConv(LLVMValueRef Fn, uint CC);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetGC(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetGC(LLVMValueRef Fn, string Name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMHasPersonalityFn(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetPersonalityFn(LLVMValueRef Fn, LLVMValueRef PersonalityFn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMCountParams(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGetParams(LLVMValueRef Fn, LLVMValueRef* Params);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetParam(LLVMValueRef Fn, uint Index);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetParamParent(LLVMValueRef Inst);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetFirstParam(LLVMValueRef Fn);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetNextParam(LLVMValueRef Arg);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetParamAlignment(LLVMValueRef Arg, uint Align);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMAddAttributeAtIndex(LLVMValueRef F, uint Idx, LLVMAttributeRef A);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetAttributeCountAtIndex(LLVMValueRef F, uint Idx);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGetAttributesAtIndex(LLVMValueRef F, uint Idx, LLVMAttributeRef* Attrs);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMAttributeRef LLVMGetEnumAttributeAtIndex(LLVMValueRef F, uint Idx, uint KindID);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMAttributeRef LLVMGetStringAttributeAtIndex(LLVMValueRef F, uint Idx, byte* K, uint KLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMRemoveEnumAttributeAtIndex(LLVMValueRef F, uint Idx, uint KindID);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMRemoveStringAttributeAtIndex(LLVMValueRef F, uint Idx, byte* K, uint KLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMAddTargetDependentFunctionAttr(LLVMValueRef Fn, string A, string V);

    // ---- Global values ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMModuleRef LLVMGetGlobalParent(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsDeclaration(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMLinkage LLVMGetLinkage(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetLinkage(LLVMValueRef Global, LLVMLinkage Linkage);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetSection(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetSection(LLVMValueRef Global, string Section);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMVisibility LLVMGetVisibility(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetVisibility(LLVMValueRef Global, LLVMVisibility Viz);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMDLLStorageClass LLVMGetDLLStorageClass(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetDLLStorageClass(LLVMValueRef Global, LLVMDLLStorageClass Class);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMUnnamedAddr LLVMGetUnnamedAddress(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetUnnamedAddress(LLVMValueRef Global, LLVMUnnamedAddr UnnamedAddr);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMGlobalGetValueType(LLVMValueRef Global);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetAlignment(LLVMValueRef V);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetAlignment(LLVMValueRef V, uint Bytes);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGlobalSetMetadata(LLVMValueRef Global, uint Kind, LLVMMetadataRef MD);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGlobalEraseMetadata(LLVMValueRef Global, uint Kind);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGlobalClearMetadata(LLVMValueRef Global);

    // ---- Global variables ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMAddGlobal(LLVMModuleRef M, LLVMTypeRef Ty, string Name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMAddGlobalInAddressSpace(LLVMModuleRef M, LLVMTypeRef Ty, string Name, uint AddressSpace);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetNamedGlobal(LLVMModuleRef M, string Name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetFirstGlobal(LLVMModuleRef M);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetNextGlobal(LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMDeleteGlobal(LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetInitializer(LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetInitializer(LLVMValueRef GlobalVar, LLVMValueRef ConstantVal);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsThreadLocal(LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetThreadLocal(LLVMValueRef GlobalVar, int IsThreadLocal);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsGlobalConstant(LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetGlobalConstant(LLVMValueRef GlobalVar, int IsConstant);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMThreadLocalMode LLVMGetThreadLocalMode(LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetThreadLocalMode(LLVMValueRef GlobalVar, LLVMThreadLocalMode Mode);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsExternallyInitialized(LLVMValueRef GlobalVar);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMSetExternallyInitialized(LLVMValueRef GlobalVar, int IsExtInit);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMAddAlias2(LLVMModuleRef M, LLVMTypeRef ValueTy, uint AddrSpace, LLVMValueRef Aliasee, string Name);

    // ---- Intrinsics ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMLookupIntrinsicID(byte* Name, nuint NameLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetIntrinsicID(LLVMValueRef Fn);

    /// <summary>Declares (or finds) the intrinsic in the module; <c>ParamTypes</c> are the overload types only.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMValueRef LLVMGetIntrinsicDeclaration(LLVMModuleRef Mod, uint ID, LLVMTypeRef* ParamTypes, nuint ParamCount);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMIntrinsicGetType(LLVMContextRef Ctx, uint ID, LLVMTypeRef* ParamTypes, nuint ParamCount);

    /// <summary>Borrowed; only for non-overloaded intrinsics.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMIntrinsicGetName(uint ID, out nuint NameLength);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMIntrinsicCopyOverloadedName2(LLVMModuleRef Mod, uint ID, LLVMTypeRef* ParamTypes, nuint ParamCount, out nuint NameLength);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIntrinsicIsOverloaded(uint ID);

    // ---- Named metadata ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMNamedMDNodeRef LLVMGetNamedMetadata(LLVMModuleRef M, byte* Name, nuint NameLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMNamedMDNodeRef LLVMGetOrInsertNamedMetadata(LLVMModuleRef M, byte* Name, nuint NameLen);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetNamedMetadataNumOperands(LLVMModuleRef M, string Name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGetNamedMetadataOperands(LLVMModuleRef M, string Name, LLVMValueRef* Dest);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMAddNamedMetadataOperand(LLVMModuleRef M, string Name, LLVMValueRef Val);
}
