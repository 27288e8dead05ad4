using NUnit.Framework;
using K = Numbana.Tests.Execution.Kernels.AllocationKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Arrays created in compiled code (<c>new T[n]</c>): allocated on the .NET pinned object heap through the
/// host's callback, so the caller receives an ordinary array; negative lengths raise OverflowException,
/// lengths above Array.MaxLength OutOfMemoryException, as .NET.
/// </summary>
public abstract class AllocationTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] Sizes = [int.MinValue, -1, 0, 1, 2, 7, 64, 1000];

    [Test] public void ReturnsANewDoubleArray() => Diff.Check(K.Range, Sizes);

    [Test] public void ReturnsANewZeroedIntArray() => Diff.Check(K.Zeros, Sizes);

    [Test] public void ANativeIntLengthAboveIntMaxValueOverflows() =>
        Diff.Check(K.FromNativeLength, new nint[] { 0, 1, 5, -1, nint.MinValue, unchecked((nint)(int.MaxValue + 1L)), unchecked((nint)(uint.MaxValue + 1L)), nint.MaxValue });

    [Test] public void ALengthAboveArrayMaxLengthIsOutOfMemory()
    {
        Diff.Check(K.Zeros, new[] { int.MaxValue, 0x7FFFFFC8 });
        var error = Assert.Throws<OutOfMemoryException>(() => Diff.Compile<Func<int, int[]>>(K.Zeros)(int.MaxValue))!;
        Assert.That(error.Message, Is.EqualTo(Assert.Throws<OutOfMemoryException>(() => K.Zeros(int.MaxValue))!.Message));
    }

    [Test] public void ATemporaryArray() => Diff.Check(K.SumOfSquaresThroughATemporary, Sizes);

    [Test] public void AllocatedInACalleeAndPassedToAnother() =>
        Diff.Check(K.AllocatedInACallee, from n in new[] { -3, 0, 1, 9 } from s in new[] { 1f, -0.5f, float.NaN } select (n, s));

    [Test] public void ReturningAnArgumentGivesTheSameObject()
    {
        var a = new[] { 1, 2 };
        var b = new[] { 3 };
        Diff.Check(K.PickArgument, new[] { (a, b, true), (a, b, false), (a, a, false) });
        var compiled = Diff.Compile<Func<int[], int[], bool, int[]>>(K.PickArgument);
        Assert.That(compiled(a, b, true), Is.SameAs(a));
        Assert.That(compiled(a, b, false), Is.SameAs(b));
        var empty = Array.Empty<int>();
        Assert.That(compiled(a, empty, false), Is.SameAs(empty));
    }

    [Test] public void ReturnsAnArgumentOrANewArray()
    {
        Diff.Check(K.CopyIfLong, from n in new[] { 0, 2, 5 } from limit in new[] { 0, 3, 10 } select (TestData.Doubles(n, n), limit));
        var compiled = Diff.Compile<Func<double[], int, double[]>>(K.CopyIfLong);
        var input = new[] { 1.0, 2.0 };
        Assert.That(compiled(input, 5), Is.SameAs(input));
        Assert.That(compiled(input, 1), Is.Not.SameAs(input));
    }

    [Test] public void NewArraysOfSmallElementTypes()
    {
        Diff.Check(K.Flags, Sizes);
        Diff.Check(K.Bytes, Sizes);
        Diff.Check(K.Chars, Sizes);
    }

    [Test] public void ANewArrayIsBoundsChecked() =>
        Diff.Check(K.ReadPastTheEnd, from n in new[] { 0, 1, 4 } from i in new[] { -1, 0, 3, 4 } select (n, i));

    [Test] public void ReturnedArraysSurviveGarbageCollection()
    {
        var compiled = Diff.Compile<Func<int, double[]>>(K.Range);
        var arrays = Enumerable.Range(0, 50).Select(n => compiled(n)).ToList();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        for (var n = 0; n < arrays.Count; n++) Assert.That(arrays[n], Is.EqualTo(K.Range(n)));
    }

    [Test] public void ArgumentsStayInPlaceWhileCompiledCodeAllocates() =>
        Diff.CheckVoid(K.WriteAroundAllocations, from n in new[] { 0, 1, 1000 } from t in new[] { 0, 50, 300 } select (TestData.Doubles(n, n), t));

    [Test] public void TemporariesAreReleasedWhenTheCallReturns()
    {
        var compiled = Diff.Compile<Func<int, int, double>>(K.ManyTemporaries);
        Assert.That(compiled(200, 10_000), Is.EqualTo(K.ManyTemporaries(200, 10_000)));
        Diff.Check(K.ManyTemporaries, new[] { (0, 1), (3, 1), (10, 5), (1, 0) });
        // A weak reference to one returned-then-dropped array: it becomes garbage once nothing holds it.
        var weak = MakeAndDrop();
        for (var attempt = 0; attempt < 5 && weak.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        Assert.That(weak.IsAlive, Is.False, "the allocator does not keep arrays alive after the call");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference MakeAndDrop()
    {
        var range = Diff.Compile<Func<int, double[]>>(K.Range);
        return new WeakReference(range(100));
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuAllocationTests(ExecutionTarget target) : AllocationTests(target);
