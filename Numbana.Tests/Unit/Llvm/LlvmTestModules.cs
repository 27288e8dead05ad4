using Numbana.Llvm.Interop;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>Small functions built by hand with the raw API, for the LLVM tests.</summary>
internal static class LlvmTestModules
{
    /// <summary><c>i32 name(i32 a, i32 b) { return a + b; }</c> (wrapping, as C#).</summary>
    public static LLVMValueRef AddIntAdd(LLVMModuleRef module, string name)
    {
        LLVMContextRef context = LLVMGetModuleContext(module);
        LLVMTypeRef i32 = LLVMInt32TypeInContext(context);
        LLVMValueRef function = LLVMAddFunction(module, name, LLVMFunctionType(i32, [i32, i32]));
        LLVMBuilderRef builder = LLVMCreateBuilderInContext(context);
        try
        {
            LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, function, "entry"));
            LLVMValueRef sum = LLVMBuildAdd(builder, LLVMGetParam(function, 0), LLVMGetParam(function, 1), "sum");
            LLVMBuildRet(builder, sum);
        }
        finally
        {
            LLVMDisposeBuilder(builder);
        }
        return function;
    }

    /// <summary><c>double name(double x) { return callee(x) + 1.0; }</c> with <c>callee</c> declared <c>double(double)</c>.</summary>
    public static LLVMValueRef AddCallPlusOne(LLVMModuleRef module, string name, string callee)
    {
        LLVMContextRef context = LLVMGetModuleContext(module);
        LLVMTypeRef f64 = LLVMDoubleTypeInContext(context);
        LLVMTypeRef unary = LLVMFunctionType(f64, [f64]);
        LLVMValueRef declared = LLVMGetNamedFunction(module, callee);
        if (declared.IsNull)
            declared = LLVMAddFunction(module, callee, unary);
        LLVMValueRef function = LLVMAddFunction(module, name, unary);
        LLVMBuilderRef builder = LLVMCreateBuilderInContext(context);
        try
        {
            LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, function, "entry"));
            LLVMValueRef call = LLVMBuildCall2(builder, unary, declared, [LLVMGetParam(function, 0)], "r");
            LLVMBuildRet(builder, LLVMBuildFAdd(builder, call, LLVMConstReal(f64, 1.0), "plus1"));
        }
        finally
        {
            LLVMDisposeBuilder(builder);
        }
        return function;
    }

    /// <summary><c>i32 name(i32 x) { return callee(x) * 2; }</c> with <c>callee</c> declared <c>i32(i32)</c>.</summary>
    public static LLVMValueRef AddIntCallTimesTwo(LLVMModuleRef module, string name, string callee)
    {
        LLVMContextRef context = LLVMGetModuleContext(module);
        LLVMTypeRef i32 = LLVMInt32TypeInContext(context);
        LLVMTypeRef unary = LLVMFunctionType(i32, [i32]);
        LLVMValueRef declared = LLVMAddFunction(module, callee, unary);
        LLVMValueRef function = LLVMAddFunction(module, name, unary);
        LLVMBuilderRef builder = LLVMCreateBuilderInContext(context);
        try
        {
            LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, function, "entry"));
            LLVMValueRef call = LLVMBuildCall2(builder, unary, declared, [LLVMGetParam(function, 0)], "r");
            LLVMBuildRet(builder, LLVMBuildMul(builder, call, LLVMConstInt(i32, 2, 0), "twice"));
        }
        finally
        {
            LLVMDisposeBuilder(builder);
        }
        return function;
    }

    /// <summary><c>i32 name() { return value; }</c>.</summary>
    public static LLVMValueRef AddConstant(LLVMModuleRef module, string name, int value)
    {
        LLVMContextRef context = LLVMGetModuleContext(module);
        LLVMTypeRef i32 = LLVMInt32TypeInContext(context);
        LLVMValueRef function = LLVMAddFunction(module, name, LLVMFunctionType(i32, []));
        LLVMBuilderRef builder = LLVMCreateBuilderInContext(context);
        try
        {
            LLVMPositionBuilderAtEnd(builder, LLVMAppendBasicBlockInContext(context, function, "entry"));
            LLVMBuildRet(builder, LLVMConstInt(i32, unchecked((ulong)value), 1));
        }
        finally
        {
            LLVMDisposeBuilder(builder);
        }
        return function;
    }
}
