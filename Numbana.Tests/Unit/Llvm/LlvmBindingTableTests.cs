using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Numbana.Llvm;
using Numbana.Llvm.Interop;
using NUnit.Framework;

namespace Numbana.Tests.Unit.Llvm;

/// <summary>Every raw binding must name an entry point that the loaded libLLVM exports.</summary>
[TestFixture]
public class LlvmBindingTableTests
{
    private static IEnumerable<MethodInfo> Bindings() =>
        typeof(LlvmNative)
            .GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(m => m.GetCustomAttribute<LibraryImportAttribute>() is not null);

    private static string EntryPoint(MethodInfo method) =>
        method.GetCustomAttribute<LibraryImportAttribute>()!.EntryPoint ?? method.Name;

    [Test]
    public void EveryBindingInTheLoadedVersionsRangeResolves()
    {
        IntPtr library = LlvmLibrary.Handle;
        int major = LlvmLibrary.Version.Major;
        var missing = new List<string>();
        int checkedCount = 0;
        foreach (MethodInfo method in Bindings())
        {
            LlvmVersionRangeAttribute? range = method.GetCustomAttribute<LlvmVersionRangeAttribute>();
            if (range is not null && !range.IsAvailableIn(major))
                continue;
            checkedCount++;
            if (!NativeLibrary.TryGetExport(library, EntryPoint(method), out _))
                missing.Add(EntryPoint(method));
        }
        Assert.That(missing, Is.Empty, $"Entry points missing from {LlvmLibrary.LoadedPath} (LLVM {LlvmLibrary.Version}).");
        Assert.That(checkedCount, Is.GreaterThan(400), "The binding table looks too small: did the reflection miss the LibraryImport methods?");
    }

    [Test]
    public void BindingsOutsideTheLoadedVersionsRangeAreReallyAbsent()
    {
        // The ranges are facts about LLVM; if the loaded library exports an entry point marked as
        // absent from its version, the range is wrong and callers would take the wrong path.
        IntPtr library = LlvmLibrary.Handle;
        int major = LlvmLibrary.Version.Major;
        var wronglyAbsent = Bindings()
            .Where(m => m.GetCustomAttribute<LlvmVersionRangeAttribute>() is { } r && !r.IsAvailableIn(major))
            .Where(m => NativeLibrary.TryGetExport(library, EntryPoint(m), out _))
            .Select(EntryPoint)
            .ToList();
        Assert.That(wronglyAbsent, Is.Empty);
    }

    [Test]
    public void VersionSpecificThreadSafeContextEntryPointsAreMarked()
    {
        static LlvmVersionRangeAttribute? RangeOf(string name) =>
            typeof(LlvmNative).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
                .First(m => m.Name == name && m.GetCustomAttribute<LibraryImportAttribute>() is not null)
                .GetCustomAttribute<LlvmVersionRangeAttribute>();

        Assert.Multiple(() =>
        {
            Assert.That(RangeOf(nameof(LlvmNative.LLVMOrcThreadSafeContextGetContext))!.IsAvailableIn(19), Is.True);
            Assert.That(RangeOf(nameof(LlvmNative.LLVMOrcThreadSafeContextGetContext))!.IsAvailableIn(21), Is.False);
            Assert.That(RangeOf(nameof(LlvmNative.LLVMOrcCreateNewThreadSafeContextFromLLVMContext))!.IsAvailableIn(19), Is.False);
            Assert.That(RangeOf(nameof(LlvmNative.LLVMOrcCreateNewThreadSafeContextFromLLVMContext))!.IsAvailableIn(22), Is.True);
        });
    }

    [Test]
    public void OrcStructsHaveTheCLayout()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Unsafe.SizeOf<LLVMJITSymbolFlags>(), Is.EqualTo(2));
            Assert.That(Unsafe.SizeOf<LLVMJITEvaluatedSymbol>(), Is.EqualTo(16));
            Assert.That(Marshal.OffsetOf<LLVMJITEvaluatedSymbol>(nameof(LLVMJITEvaluatedSymbol.Flags)), Is.EqualTo((IntPtr)8));
            Assert.That(Unsafe.SizeOf<LLVMOrcCSymbolMapPair>(), Is.EqualTo(24));
            Assert.That(Marshal.OffsetOf<LLVMOrcCSymbolMapPair>(nameof(LLVMOrcCSymbolMapPair.Sym)), Is.EqualTo((IntPtr)8));
            Assert.That(Unsafe.SizeOf<LLVMOrcCSymbolFlagsMapPair>(), Is.EqualTo(16));
            Assert.That(Unsafe.SizeOf<LLVMValueRef>(), Is.EqualTo(IntPtr.Size));
        });
    }

    [Test]
    public void EnumsCarryTheCValues()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)LLVMIntPredicate.LLVMIntEQ, Is.EqualTo(32));
            Assert.That((int)LLVMIntPredicate.LLVMIntSLE, Is.EqualTo(41));
            Assert.That((int)LLVMRealPredicate.LLVMRealUNE, Is.EqualTo(14));
            Assert.That((uint)LLVMCallConv.LLVMPTXKernelCallConv, Is.EqualTo(71u));
            Assert.That((int)LLVMTypeKind.LLVMTargetExtTypeKind, Is.EqualTo(20));
            Assert.That((int)LLVMLinkage.LLVMPrivateLinkage, Is.EqualTo(9));
            Assert.That((int)LLVMAtomicOrdering.LLVMAtomicOrderingSequentiallyConsistent, Is.EqualTo(7));
            Assert.That((int)LLVMOpcode.LLVMFreeze, Is.EqualTo(68));
            Assert.That((uint)LLVMFastMathFlags.LLVMFastMathAll, Is.EqualTo(0x7Fu));
            Assert.That(LLVMAttributeIndex.LLVMAttributeFunctionIndex, Is.EqualTo(0xFFFFFFFFu));
            Assert.That(LLVMAttributeIndex.Param(0), Is.EqualTo(1u));
            Assert.That((int)LLVMCodeModel.LLVMCodeModelJITDefault, Is.EqualTo(1));
            Assert.That((int)LLVMVerifierFailureAction.LLVMReturnStatusAction, Is.EqualTo(2));
        });
    }
}
