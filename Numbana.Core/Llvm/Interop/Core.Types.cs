using System.Runtime.InteropServices;

namespace Numbana.Llvm.Interop;

// Core.h: types.
// Signatures mirror the LLVM 19 llvm-c headers (see LlvmNative.cs for the type conventions).

internal static unsafe partial class LlvmNative
{
    // ---- Queries ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeKind LLVMGetTypeKind(LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMTypeIsSized(LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMContextRef LLVMGetTypeContext(LLVMTypeRef Ty);

    /// <summary>Owned: free with <see cref="LLVMDisposeMessage"/>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMPrintTypeToString(LLVMTypeRef Val);

    // ---- Integer and floating-point types ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMInt1TypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMInt8TypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMInt16TypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMInt32TypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMInt64TypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMInt128TypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMIntTypeInContext(LLVMContextRef C, uint NumBits);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetIntTypeWidth(LLVMTypeRef IntegerTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMHalfTypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMBFloatTypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMFloatTypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMDoubleTypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMFP128TypeInContext(LLVMContextRef C);

    // ---- Function types ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMFunctionType(LLVMTypeRef ReturnType, LLVMTypeRef* ParamTypes, uint ParamCount, int IsVarArg);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsFunctionVarArg(LLVMTypeRef FunctionTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMGetReturnType(LLVMTypeRef FunctionTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMCountParamTypes(LLVMTypeRef FunctionTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGetParamTypes(LLVMTypeRef FunctionTy, LLVMTypeRef* Dest);

    // ---- Structure types ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMStructTypeInContext(LLVMContextRef C, LLVMTypeRef* ElementTypes, uint ElementCount, int Packed);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMStructCreateNamed(LLVMContextRef C, string Name);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr LLVMGetStructName(LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMStructSetBody(LLVMTypeRef StructTy, LLVMTypeRef* ElementTypes, uint ElementCount, int Packed);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMCountStructElementTypes(LLVMTypeRef StructTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void LLVMGetStructElementTypes(LLVMTypeRef StructTy, LLVMTypeRef* Dest);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMStructGetTypeAtIndex(LLVMTypeRef StructTy, uint i);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsPackedStruct(LLVMTypeRef StructTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsOpaqueStruct(LLVMTypeRef StructTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LLVMIsLiteralStruct(LLVMTypeRef StructTy);

    // ---- Sequential types ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMGetElementType(LLVMTypeRef Ty);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMArrayType2(LLVMTypeRef ElementType, ulong ElementCount);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong LLVMGetArrayLength2(LLVMTypeRef ArrayTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMPointerTypeInContext(LLVMContextRef C, uint AddressSpace);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetPointerAddressSpace(LLVMTypeRef PointerTy);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMVectorType(LLVMTypeRef ElementType, uint ElementCount);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMScalableVectorType(LLVMTypeRef ElementType, uint ElementCount);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint LLVMGetVectorSize(LLVMTypeRef VectorTy);

    // ---- Other types ----

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMVoidTypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMLabelTypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMTokenTypeInContext(LLVMContextRef C);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial LLVMTypeRef LLVMMetadataTypeInContext(LLVMContextRef C);
}
