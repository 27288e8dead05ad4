using Numbana.Llvm;
using Numbana.Llvm.Interop;
using NUnit.Framework;
using static Numbana.Llvm.Interop.LlvmNative;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>Strings and errors coming back from LLVM.</summary>
[TestFixture]
public class LlvmTextTests
{
    [SetUp]
    public void Load() => LlvmLibrary.EnsureLoaded();

    [Test]
    public void TakeMessageCopiesUtf8()
    {
        Assert.That(LlvmText.TakeMessage(LLVMCreateMessage("héllo ∑")), Is.EqualTo("héllo ∑"));
        Assert.That(LlvmText.TakeMessage(IntPtr.Zero), Is.Empty);
    }

    [Test]
    public void ThrowIfErrorSaysWhatWasBeingDone()
    {
        Assert.DoesNotThrow(() => LlvmText.ThrowIfError(default, "nothing"));
        var e = Assert.Throws<LlvmException>(() => LlvmText.ThrowIfError(LLVMCreateStringError("boom"), "doing X"));
        Assert.That(e!.Message, Is.EqualTo("doing X: boom"));
    }

    [Test]
    public void TakeErrorMessageConsumesTheError()
    {
        LLVMErrorRef error = LLVMCreateStringError("bad thing");
        Assert.That(LLVMGetErrorTypeId(error), Is.EqualTo(LLVMGetStringErrorTypeId()));
        Assert.That(LlvmText.TakeErrorMessage(error), Is.EqualTo("bad thing"));
        Assert.That(LlvmText.TakeErrorMessage(default), Is.Empty);
    }

    [Test]
    public void ValueNamesRoundTripThroughTheSpanOverloads()
    {
        LLVMContextRef context = LLVMContextCreate();
        try
        {
            LLVMModuleRef module = LLVMModuleCreateWithNameInContext("names", context);
            LLVMTypeRef i32 = LLVMInt32TypeInContext(context);
            LLVMValueRef function = LLVMAddFunction(module, "f", LLVMFunctionType(i32, [i32, i32]));
            LLVMSetValueName2(LLVMGetParam(function, 0), "länge");
            Assert.Multiple(() =>
            {
                Assert.That(LLVMGetValueName2(LLVMGetParam(function, 0)), Is.EqualTo("länge"));
                Assert.That(LLVMGetValueName2(function), Is.EqualTo("f"));
                Assert.That(LLVMGetParams(function), Has.Length.EqualTo(2));
                Assert.That(LLVMGetParamTypes(LLVMGlobalGetValueType(function)), Is.EqualTo(new[] { i32, i32 }));
                Assert.That(LLVMGetEnumAttributeKindForName("nounwind"), Is.Not.Zero);
                Assert.That(LLVMLookupIntrinsicID("llvm.fma"), Is.Not.Zero);
                Assert.That(LlvmText.TakeMessage(LLVMPrintTypeToString(i32)), Is.EqualTo("i32"));
            });
            LLVMDisposeModule(module);
        }
        finally
        {
            LLVMContextDispose(context);
        }
    }
}
