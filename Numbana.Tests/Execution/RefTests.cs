using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.RefKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// ref, out and in parameters of numbers (to array elements, locals and parameters), ref locals, a ref
/// parameter of the compiled entry, and static readonly fields of primitive types read as constants.
/// </summary>
public abstract class RefTests(ExecutionTarget target) : ExecutionFixture(target)
{
    [Test] public void RefToArrayElements() => Diff.CheckVoid(K.SwapEnds, Lengths.Select(n => TestData.Doubles(n, n)));

    [Test] public void RefToLocals() => Diff.Check(K.SwapLocals, Pairs(Doubles));

    [Test] public void OutParameters() =>
        Diff.Check(K.SumOfQuotients, from b in new[] { 0, 1, -1, 7, int.MinValue } select (TestData.IntsWithEdges(b & 15, 9), b));

    [Test] public void RefToTheCallersParameters() =>
        Diff.Check(K.AccumulateIntoParameters, from s in new[] { 0L, long.MaxValue } from c in new[] { 0, int.MaxValue }
                                               select (s, c, TestData.LongsWithEdges(5, 6)));

    [Test] public void InParameters() => Diff.Check(K.InParameters, Pairs(Lengths.Take(6).Select(n => TestData.Doubles(n, n)).ToArray(), [1.5, -0.0]));

    [Test] public void RefToSmallTypesWraps() =>
        Diff.Check(K.IncrementBytes, from n in new[] { 0, 3 } from t in new[] { 0, 5, 300 } select (new byte[] { 0, 128, 255 }.Take(n).ToArray(), t));

    [Test] public void RefLocalIntoAnArray() =>
        Diff.CheckVoid(K.RefLocal, from n in new[] { 0, 1, 4 } from i in Indices(n) select (TestData.Ints(n, n), i, 5));

    [Test] public void ARefParameterOfTheEntry()
    {
        var compiled = Jit.Compile<K.AddToDelegate>(K.AddTo, Options);
        foreach (var (start, value) in new[] { (0, 1), (int.MaxValue, 1), (-5, 5), (100, -300) })
        {
            int expectedTarget = start, actualTarget = start;
            var expected = K.AddTo(ref expectedTarget, value);
            var actual = compiled(ref actualTarget, value);
            Assert.That((actual, actualTarget), Is.EqualTo((expected, expectedTarget)), $"AddTo(ref {start}, {value})");
        }
        var array = new[] { 10, 20 };
        Assert.That(compiled(ref array[1], 3), Is.EqualTo(46));
        Assert.That(array[1], Is.EqualTo(23), "a ref to an array element of the caller is written");
    }

    [Test] public void StaticReadonlyFieldsAreConstants() => Diff.Check(K.StaticReadonlyConstants, Ints);
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuRefTests(ExecutionTarget target) : RefTests(target);
