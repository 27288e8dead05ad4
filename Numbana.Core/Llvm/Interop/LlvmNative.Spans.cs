using System.Text;

namespace Numbana.Llvm.Interop;

// Hand-written convenience overloads of the raw bindings: spans instead of pointer + count, .NET
// strings instead of UTF-8 pointer + byte length, arrays for the "fill this buffer" getters, and
// bool for LLVMBool inputs. Each one forwards to the raw entry point of the same name.

internal static unsafe partial class LlvmNative
{
    // ---- Types ----

    /// <summary><c>LLVMFunctionType</c> over a span of parameter types.</summary>
    /// <example><c>LLVMFunctionType(i32, [i32, i32])</c></example>
    internal static LLVMTypeRef LLVMFunctionType(LLVMTypeRef ReturnType, ReadOnlySpan<LLVMTypeRef> ParamTypes, bool IsVarArg = false)
    {
        fixed (LLVMTypeRef* p = ParamTypes)
            return LLVMFunctionType(ReturnType, p, (uint)ParamTypes.Length, IsVarArg ? 1 : 0);
    }

    /// <summary><c>LLVMStructTypeInContext</c> over a span of element types (a literal struct).</summary>
    internal static LLVMTypeRef LLVMStructTypeInContext(LLVMContextRef C, ReadOnlySpan<LLVMTypeRef> ElementTypes, bool Packed = false)
    {
        fixed (LLVMTypeRef* p = ElementTypes)
            return LLVMStructTypeInContext(C, p, (uint)ElementTypes.Length, Packed ? 1 : 0);
    }

    /// <summary><c>LLVMStructSetBody</c> over a span of element types (for a named struct).</summary>
    internal static void LLVMStructSetBody(LLVMTypeRef StructTy, ReadOnlySpan<LLVMTypeRef> ElementTypes, bool Packed = false)
    {
        fixed (LLVMTypeRef* p = ElementTypes)
            LLVMStructSetBody(StructTy, p, (uint)ElementTypes.Length, Packed ? 1 : 0);
    }

    /// <summary>The parameter types of a function type.</summary>
    internal static LLVMTypeRef[] LLVMGetParamTypes(LLVMTypeRef FunctionTy)
    {
        var result = new LLVMTypeRef[LLVMCountParamTypes(FunctionTy)];
        fixed (LLVMTypeRef* p = result)
            LLVMGetParamTypes(FunctionTy, p);
        return result;
    }

    /// <summary>The element types of a struct type.</summary>
    internal static LLVMTypeRef[] LLVMGetStructElementTypes(LLVMTypeRef StructTy)
    {
        var result = new LLVMTypeRef[LLVMCountStructElementTypes(StructTy)];
        fixed (LLVMTypeRef* p = result)
            LLVMGetStructElementTypes(StructTy, p);
        return result;
    }

    // ---- Functions, blocks and values ----

    /// <summary>The parameters of a function.</summary>
    internal static LLVMValueRef[] LLVMGetParams(LLVMValueRef Fn)
    {
        var result = new LLVMValueRef[LLVMCountParams(Fn)];
        fixed (LLVMValueRef* p = result)
            LLVMGetParams(Fn, p);
        return result;
    }

    /// <summary>The basic blocks of a function, in layout order.</summary>
    internal static LLVMBasicBlockRef[] LLVMGetBasicBlocks(LLVMValueRef Fn)
    {
        var result = new LLVMBasicBlockRef[LLVMCountBasicBlocks(Fn)];
        fixed (LLVMBasicBlockRef* p = result)
            LLVMGetBasicBlocks(Fn, p);
        return result;
    }

    /// <summary>A value's name (<c>""</c> when it has none).</summary>
    internal static string LLVMGetValueName2(LLVMValueRef Val)
    {
        IntPtr name = LLVMGetValueName2(Val, out nuint length);
        return LlvmText.Borrow(name, length);
    }

    /// <summary>Names a value (LLVM may add a suffix to keep names unique).</summary>
    internal static void LLVMSetValueName2(LLVMValueRef Val, string Name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Name);
        fixed (byte* utf8Ptr = utf8)
            LLVMSetValueName2(Val, utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary><c>LLVMAddIncoming</c> with matching spans of values and predecessor blocks.</summary>
    internal static void LLVMAddIncoming(LLVMValueRef PhiNode, ReadOnlySpan<LLVMValueRef> IncomingValues, ReadOnlySpan<LLVMBasicBlockRef> IncomingBlocks)
    {
        if (IncomingValues.Length != IncomingBlocks.Length)
            throw new ArgumentException($"{IncomingValues.Length} incoming values but {IncomingBlocks.Length} blocks.", nameof(IncomingBlocks));
        fixed (LLVMValueRef* v = IncomingValues)
        fixed (LLVMBasicBlockRef* b = IncomingBlocks)
            LLVMAddIncoming(PhiNode, v, b, (uint)IncomingValues.Length);
    }

    // ---- Builder ----

    /// <summary><c>LLVMBuildCall2</c> over a span of arguments. A call returning void must have the name <c>""</c>.</summary>
    internal static LLVMValueRef LLVMBuildCall2(LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef Fn, ReadOnlySpan<LLVMValueRef> Args, string Name = "")
    {
        fixed (LLVMValueRef* p = Args)
            return LLVMBuildCall2(B, Ty, Fn, p, (uint)Args.Length, Name);
    }

    /// <summary><c>LLVMBuildGEP2</c> over a span of indices; <paramref name="Ty"/> is the source element type.</summary>
    internal static LLVMValueRef LLVMBuildGEP2(LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef Pointer, ReadOnlySpan<LLVMValueRef> Indices, string Name = "")
    {
        fixed (LLVMValueRef* p = Indices)
            return LLVMBuildGEP2(B, Ty, Pointer, p, (uint)Indices.Length, Name);
    }

    /// <summary><c>LLVMBuildInBoundsGEP2</c> over a span of indices.</summary>
    internal static LLVMValueRef LLVMBuildInBoundsGEP2(LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef Pointer, ReadOnlySpan<LLVMValueRef> Indices, string Name = "")
    {
        fixed (LLVMValueRef* p = Indices)
            return LLVMBuildInBoundsGEP2(B, Ty, Pointer, p, (uint)Indices.Length, Name);
    }

    /// <summary><c>LLVMBuildGEPWithNoWrapFlags</c> over a span of indices (LLVM 19+).</summary>
    internal static LLVMValueRef LLVMBuildGEPWithNoWrapFlags(LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef Pointer, ReadOnlySpan<LLVMValueRef> Indices, LLVMGEPNoWrapFlags NoWrapFlags, string Name = "")
    {
        fixed (LLVMValueRef* p = Indices)
            return LLVMBuildGEPWithNoWrapFlags(B, Ty, Pointer, p, (uint)Indices.Length, Name, NoWrapFlags);
    }

    /// <summary><c>LLVMBuildAggregateRet</c> over a span of return values.</summary>
    internal static LLVMValueRef LLVMBuildAggregateRet(LLVMBuilderRef B, ReadOnlySpan<LLVMValueRef> RetVals)
    {
        fixed (LLVMValueRef* p = RetVals)
            return LLVMBuildAggregateRet(B, p, (uint)RetVals.Length);
    }

    // ---- Constants ----

    /// <summary><c>LLVMConstStructInContext</c> over a span of constants (a literal struct).</summary>
    internal static LLVMValueRef LLVMConstStructInContext(LLVMContextRef C, ReadOnlySpan<LLVMValueRef> ConstantVals, bool Packed = false)
    {
        fixed (LLVMValueRef* p = ConstantVals)
            return LLVMConstStructInContext(C, p, (uint)ConstantVals.Length, Packed ? 1 : 0);
    }

    /// <summary><c>LLVMConstNamedStruct</c> over a span of constants.</summary>
    internal static LLVMValueRef LLVMConstNamedStruct(LLVMTypeRef StructTy, ReadOnlySpan<LLVMValueRef> ConstantVals)
    {
        fixed (LLVMValueRef* p = ConstantVals)
            return LLVMConstNamedStruct(StructTy, p, (uint)ConstantVals.Length);
    }

    /// <summary><c>LLVMConstArray2</c> over a span of constants of type <paramref name="ElementTy"/>.</summary>
    internal static LLVMValueRef LLVMConstArray2(LLVMTypeRef ElementTy, ReadOnlySpan<LLVMValueRef> ConstantVals)
    {
        fixed (LLVMValueRef* p = ConstantVals)
            return LLVMConstArray2(ElementTy, p, (ulong)ConstantVals.Length);
    }

    /// <summary><c>LLVMConstVector</c> over a span of scalar constants.</summary>
    internal static LLVMValueRef LLVMConstVector(ReadOnlySpan<LLVMValueRef> ScalarConstantVals)
    {
        fixed (LLVMValueRef* p = ScalarConstantVals)
            return LLVMConstVector(p, (uint)ScalarConstantVals.Length);
    }

    /// <summary><c>LLVMConstGEP2</c> over a span of constant indices.</summary>
    internal static LLVMValueRef LLVMConstGEP2(LLVMTypeRef Ty, LLVMValueRef ConstantVal, ReadOnlySpan<LLVMValueRef> ConstantIndices)
    {
        fixed (LLVMValueRef* p = ConstantIndices)
            return LLVMConstGEP2(Ty, ConstantVal, p, (uint)ConstantIndices.Length);
    }

    /// <summary><c>LLVMConstInBoundsGEP2</c> over a span of constant indices.</summary>
    internal static LLVMValueRef LLVMConstInBoundsGEP2(LLVMTypeRef Ty, LLVMValueRef ConstantVal, ReadOnlySpan<LLVMValueRef> ConstantIndices)
    {
        fixed (LLVMValueRef* p = ConstantIndices)
            return LLVMConstInBoundsGEP2(Ty, ConstantVal, p, (uint)ConstantIndices.Length);
    }

    /// <summary>An integer constant wider than 64 bits from little-endian 64-bit words.</summary>
    internal static LLVMValueRef LLVMConstIntOfArbitraryPrecision(LLVMTypeRef IntTy, ReadOnlySpan<ulong> Words)
    {
        fixed (ulong* p = Words)
            return LLVMConstIntOfArbitraryPrecision(IntTy, (uint)Words.Length, p);
    }

    /// <summary>A constant byte array (<c>[n x i8]</c>, plus a NUL unless <paramref name="DontNullTerminate"/>).</summary>
    internal static LLVMValueRef LLVMConstStringInContext2(LLVMContextRef C, ReadOnlySpan<byte> Str, bool DontNullTerminate)
    {
        fixed (byte* p = Str)
            return LLVMConstStringInContext2(C, p, (nuint)Str.Length, DontNullTerminate ? 1 : 0);
    }

    // ---- Attributes ----

    /// <summary>The kind id of an enum attribute such as <c>"nounwind"</c> (0 if unknown).</summary>
    internal static uint LLVMGetEnumAttributeKindForName(string Name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Name);
        fixed (byte* utf8Ptr = utf8)
            return LLVMGetEnumAttributeKindForName(utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary>A string attribute <c>"key"="value"</c>.</summary>
    internal static LLVMAttributeRef LLVMCreateStringAttribute(LLVMContextRef C, string K, string V)
    {
        byte[] key = Encoding.UTF8.GetBytes(K);
        byte[] value = Encoding.UTF8.GetBytes(V);
        fixed (byte* keyPtr = key)
        fixed (byte* valuePtr = value)
            return LLVMCreateStringAttribute(C, keyPtr, (uint)key.Length, valuePtr, (uint)value.Length);
    }

    /// <summary>The string attribute <paramref name="K"/> at an attribute index, or null.</summary>
    internal static LLVMAttributeRef LLVMGetStringAttributeAtIndex(LLVMValueRef F, uint Idx, string K)
    {
        byte[] key = Encoding.UTF8.GetBytes(K);
        fixed (byte* keyPtr = key)
            return LLVMGetStringAttributeAtIndex(F, Idx, keyPtr, (uint)key.Length);
    }

    /// <summary>The string attribute <paramref name="K"/> at a call site's attribute index, or null.</summary>
    internal static LLVMAttributeRef LLVMGetCallSiteStringAttribute(LLVMValueRef C, uint Idx, string K)
    {
        byte[] key = Encoding.UTF8.GetBytes(K);
        fixed (byte* keyPtr = key)
            return LLVMGetCallSiteStringAttribute(C, Idx, keyPtr, (uint)key.Length);
    }

    /// <summary>Removes the string attribute <paramref name="K"/> at an attribute index.</summary>
    internal static void LLVMRemoveStringAttributeAtIndex(LLVMValueRef F, uint Idx, string K)
    {
        byte[] key = Encoding.UTF8.GetBytes(K);
        fixed (byte* keyPtr = key)
            LLVMRemoveStringAttributeAtIndex(F, Idx, keyPtr, (uint)key.Length);
    }

    /// <summary>
    /// A <c>range(iNumBits lower, upper)</c> attribute (LLVM 19+); each bound is
    /// <c>ceil(NumBits / 64)</c> little-endian words.
    /// </summary>
    /// <example><c>LLVMCreateConstantRangeAttribute(ctx, LLVMGetEnumAttributeKindForName("range"), 32, [0UL], [2147483592UL])</c></example>
    internal static LLVMAttributeRef LLVMCreateConstantRangeAttribute(LLVMContextRef C, uint KindID, uint NumBits, ReadOnlySpan<ulong> LowerWords, ReadOnlySpan<ulong> UpperWords)
    {
        int words = (int)((NumBits + 63) / 64);
        if (LowerWords.Length != words || UpperWords.Length != words)
            throw new ArgumentException($"A {NumBits}-bit range needs {words} word(s) per bound.");
        fixed (ulong* lower = LowerWords)
        fixed (ulong* upper = UpperWords)
            return LLVMCreateConstantRangeAttribute(C, KindID, NumBits, lower, upper);
    }

    // ---- Metadata ----

    /// <summary>The kind id of instruction metadata such as <c>"range"</c> or <c>"llvm.loop"</c>.</summary>
    internal static uint LLVMGetMDKindIDInContext(LLVMContextRef C, string Name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Name);
        fixed (byte* utf8Ptr = utf8)
            return LLVMGetMDKindIDInContext(C, utf8Ptr, (uint)utf8.Length);
    }

    /// <summary>A metadata string <c>!"..."</c>.</summary>
    internal static LLVMMetadataRef LLVMMDStringInContext2(LLVMContextRef C, string Str)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Str);
        fixed (byte* utf8Ptr = utf8)
            return LLVMMDStringInContext2(C, utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary>A metadata tuple <c>!{...}</c> over a span of operands (null operands are allowed).</summary>
    internal static LLVMMetadataRef LLVMMDNodeInContext2(LLVMContextRef C, ReadOnlySpan<LLVMMetadataRef> MDs)
    {
        fixed (LLVMMetadataRef* p = MDs)
            return LLVMMDNodeInContext2(C, p, (nuint)MDs.Length);
    }

    // ---- Modules ----

    /// <summary>Adds a module flag (<c>!llvm.module.flags</c>).</summary>
    internal static void LLVMAddModuleFlag(LLVMModuleRef M, LLVMModuleFlagBehavior Behavior, string Key, LLVMMetadataRef Val)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Key);
        fixed (byte* utf8Ptr = utf8)
            LLVMAddModuleFlag(M, Behavior, utf8Ptr, (nuint)utf8.Length, Val);
    }

    /// <summary>A module flag's value, or null.</summary>
    internal static LLVMMetadataRef LLVMGetModuleFlag(LLVMModuleRef M, string Key)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Key);
        fixed (byte* utf8Ptr = utf8)
            return LLVMGetModuleFlag(M, utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary>The named metadata node <paramref name="Name"/>, created if missing.</summary>
    internal static LLVMNamedMDNodeRef LLVMGetOrInsertNamedMetadata(LLVMModuleRef M, string Name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Name);
        fixed (byte* utf8Ptr = utf8)
            return LLVMGetOrInsertNamedMetadata(M, utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary>Sets the module's identifier (its name in diagnostics).</summary>
    internal static void LLVMSetModuleIdentifier(LLVMModuleRef M, string Ident)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Ident);
        fixed (byte* utf8Ptr = utf8)
            LLVMSetModuleIdentifier(M, utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary>Sets the module's source file name.</summary>
    internal static void LLVMSetSourceFileName(LLVMModuleRef M, string Name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Name);
        fixed (byte* utf8Ptr = utf8)
            LLVMSetSourceFileName(M, utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary>Appends module-level inline assembly.</summary>
    internal static void LLVMAppendModuleInlineAsm(LLVMModuleRef M, string Asm)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Asm);
        fixed (byte* utf8Ptr = utf8)
            LLVMAppendModuleInlineAsm(M, utf8Ptr, (nuint)utf8.Length);
    }

    // ---- Intrinsics ----

    /// <summary>The id of an intrinsic such as <c>"llvm.fma"</c> (0 if there is none by that name).</summary>
    internal static uint LLVMLookupIntrinsicID(string Name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Name);
        fixed (byte* utf8Ptr = utf8)
            return LLVMLookupIntrinsicID(utf8Ptr, (nuint)utf8.Length);
    }

    /// <summary>Declares the intrinsic in the module; <paramref name="ParamTypes"/> are its overload types only.</summary>
    /// <example><c>LLVMGetIntrinsicDeclaration(module, LLVMLookupIntrinsicID("llvm.fma"), [f64])</c></example>
    internal static LLVMValueRef LLVMGetIntrinsicDeclaration(LLVMModuleRef Mod, uint ID, ReadOnlySpan<LLVMTypeRef> ParamTypes)
    {
        fixed (LLVMTypeRef* p = ParamTypes)
            return LLVMGetIntrinsicDeclaration(Mod, ID, p, (nuint)ParamTypes.Length);
    }

    /// <summary>The function type of an intrinsic for the given overload types.</summary>
    internal static LLVMTypeRef LLVMIntrinsicGetType(LLVMContextRef Ctx, uint ID, ReadOnlySpan<LLVMTypeRef> ParamTypes)
    {
        fixed (LLVMTypeRef* p = ParamTypes)
            return LLVMIntrinsicGetType(Ctx, ID, p, (nuint)ParamTypes.Length);
    }

    // ---- Memory buffers and support ----

    /// <summary>A memory buffer holding a copy of <paramref name="InputData"/> (owned by the caller).</summary>
    internal static LLVMMemoryBufferRef LLVMCreateMemoryBufferWithMemoryRangeCopy(ReadOnlySpan<byte> InputData, string BufferName)
    {
        fixed (byte* p = InputData)
            return LLVMCreateMemoryBufferWithMemoryRangeCopy(p, (nuint)InputData.Length, BufferName);
    }

    /// <summary>
    /// Sets LLVM's command-line options as if given to a tool (the first argument is the program name,
    /// e.g. <c>["numbana", "-vector-library=LIBMVEC-X86"]</c>). Process-wide; an option may be set once.
    /// </summary>
    internal static void LLVMParseCommandLineOptions(ReadOnlySpan<string> Args, string Overview)
    {
        var encoded = new byte[Args.Length][];
        var handles = new System.Runtime.InteropServices.GCHandle[Args.Length];
        var pointers = new IntPtr[Args.Length];
        try
        {
            for (int i = 0; i < Args.Length; i++)
            {
                encoded[i] = Encoding.UTF8.GetBytes(Args[i] + "\0");
                handles[i] = System.Runtime.InteropServices.GCHandle.Alloc(encoded[i], System.Runtime.InteropServices.GCHandleType.Pinned);
                pointers[i] = handles[i].AddrOfPinnedObject();
            }
            fixed (IntPtr* argv = pointers)
                LLVMParseCommandLineOptions(Args.Length, (byte**)argv, Overview);
        }
        finally
        {
            foreach (var h in handles)
            {
                if (h.IsAllocated)
                    h.Free();
            }
        }
    }
}
