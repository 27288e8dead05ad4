using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.ClosureKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Lambdas that capture variables: captured numbers and arrays are read from the closure at each call
/// (a change between calls is seen by the next call), arrays are pinned for the call, variables of
/// enclosing scopes are followed through the closures' links, and a lambda's writes to a captured
/// variable are seen by .NET after the call. Each compiled lambda is compared with the same lambda run by .NET.
/// </summary>
public abstract class ClosureTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly double[][] Arrays = [.. Lengths.Select(n => TestData.Doubles(n, n, -10, 10))];

    [Test] public void TheIssuesExample()
    {
        foreach (var scale in new[] { 2.0, -0.0, 0.1, double.NaN, double.MaxValue })
        {
            if (Options.FastMath && !double.IsFinite(scale)) continue;
            Diff.Check(K.ScaledSum(scale), Arrays, fastMath: Tolerance.RelativeOf(1e-9));
        }
    }

    [Test] public void CapturedValuesOfEveryPrimitiveType()
    {
        Diff.Check(K.MixesEveryType(true, sbyte.MinValue, byte.MaxValue, short.MinValue, ushort.MaxValue, '\uffff', int.MinValue, uint.MaxValue,
            long.MaxValue, ulong.MaxValue, nint.MinValue, nuint.MaxValue, -1.75f, 1e300), Longs);
        Diff.Check(K.MixesEveryType(false, 1, 2, 3, 4, 'A', 5, 6, 7, 8, 9, 10, float.NaN, -0.5), Longs);
    }

    [Test] public void ACapturedVariableIsReadAtEachCall()
    {
        var scale = 1.5;
        Func<double[], double> kernel = a => K.Sum(a) * scale;
        var compiled = Jit.Compile(kernel, Options);
        double[] data = [1, 2, 3.25];
        foreach (var next in new[] { 1.5, -2.0, 0.0, 1e-3 })
        {
            scale = next;
            Assert.That(compiled(data), Is.EqualTo(kernel(data)), $"scale = {next}");
        }
    }

    [Test] public void ACapturedArrayIsReadAtEachCall()
    {
        RequireBoundsCheck(); // the third array is shorter than the argument
        var weights = new[] { 1.0, 2.0, 3.0 };
        Func<double[], double> kernel = a =>
        {
            var s = 0.0;
            for (var i = 0; i < a.Length; i++) s += a[i] * weights[i];
            return s;
        };
        var compiled = Jit.Compile(kernel, Options);
        double[] data = [0.5, -1, 4];
        Assert.That(compiled(data), Is.EqualTo(kernel(data)));
        weights[2] = -7.5; // the elements, read at each call
        Assert.That(compiled(data), Is.EqualTo(kernel(data)));
        weights = [10, 20, 30, 40]; // another array
        Assert.That(compiled(data), Is.EqualTo(kernel(data)));
        weights = [1, 2];
        Assert.Throws<IndexOutOfRangeException>(() => kernel(data));
        Assert.Throws<IndexOutOfRangeException>(() => compiled(data));
    }

    [Test] public void CapturedArraysOfDifferentLengths()
    {
        foreach (var n in new[] { 0, 1, 5, 17, 1000 })
            Diff.Check(K.WeightedSum(TestData.Doubles(n + 7, n)), Arrays, fastMath: Tolerance.RelativeOf(1e-9));
    }

    [Test] public void WritesIntoACapturedArrayAreSeenByDotNet()
    {
        int[] expected = new int[8], actual = new int[8];
        var compiled = Jit.Compile(K.Histogram(actual), Options);
        var dotnet = K.Histogram(expected);
        foreach (var n in Lengths)
        {
            var values = TestData.Ints(n, n);
            dotnet(values);
            compiled(values);
            Assert.That(actual, Is.EqualTo(expected), $"after {n} values");
        }
    }

    [Test] public void ANullCapturedArrayRaisesNullReferenceException()
    {
        var compiled = Jit.Compile(K.WeightedSum(null!), Options);
        Assert.Throws<NullReferenceException>(() => K.WeightedSum(null!)([1.0]), ".NET");
        var error = Assert.Throws<NullReferenceException>(() => compiled([1.0]))!;
        Assert.That(error.Message, Does.Contain("captured variable 'weights' is null"));
    }

    [Test] public void VariablesOfTwoScopes()
    {
        foreach (var baseValue in new[] { 0, 3, int.MaxValue, int.MinValue })
            foreach (var kernel in K.TwoScopes(baseValue, 3))
                Diff.Check(kernel, Ints);
    }

    [Test] public void VariablesOfThreeScopesAndAWriteToTheOutermost()
    {
        Func<int>? expectedTotal = null, actualTotal = null;
        var dotnet = K.ThreeScopes(7, read => expectedTotal = read);
        var compiled = Jit.Compile(K.ThreeScopes(7, read => actualTotal = read), Options);
        foreach (var x in Ints)
        {
            Assert.That(compiled(x), Is.EqualTo(dotnet(x)), $"f({x})");
            Assert.That(actualTotal!(), Is.EqualTo(expectedTotal!()), "the captured total after the call");
        }
    }

    [Test] public void AWriteToACapturedVariableIsSeenAfterTheCall()
    {
        K.Box<int> expected = new(), actual = new();
        var dotnet = K.CountEvens(expected);
        var compiled = Jit.Compile(K.CountEvens(actual), Options);
        foreach (var n in Lengths)
        {
            var values = TestData.Ints(n, n);
            dotnet(values);
            compiled(values);
            Assert.That(actual.Read(), Is.EqualTo(expected.Read()), $"after {n} values");
        }
        // .NET's writes between calls are seen by the next call.
        expected.Write(-1000);
        actual.Write(-1000);
        dotnet([2, 4]);
        compiled([2, 4]);
        Assert.That(actual.Read(), Is.EqualTo(-998));
    }

    [Test] public void ACompoundAssignmentWhoseRightSideBranches()
    {
        K.Box<long> expected = new(), actual = new();
        var dotnet = K.AccumulatesConditionally(expected);
        var compiled = Jit.Compile(K.AccumulatesConditionally(actual), Options);
        foreach (var x in Ints)
        {
            Assert.That(compiled(x), Is.EqualTo(dotnet(x)), $"f({x})");
            Assert.That(actual.Read(), Is.EqualTo(expected.Read()));
        }
    }

    [Test] public void ACapturedVariablePassedByRefToACallee()
    {
        K.Box<byte> expected = new(), actual = new();
        var dotnet = K.IncrementsThroughARef(expected);
        var compiled = Jit.Compile(K.IncrementsThroughARef(actual), Options);
        foreach (var n in new[] { 0, 1, 5, 6, 300 })
        {
            dotnet(n);
            compiled(n);
            Assert.That(actual.Read(), Is.EqualTo(expected.Read()), $"after {n} increments (byte wraps)");
        }
    }

    [Test] public void AWriteBeforeAnExceptionStays()
    {
        RequireBoundsCheck();
        K.Box<int> expected = new(), actual = new();
        var dotnet = K.WritesThenThrows(expected);
        var compiled = Jit.Compile(K.WritesThenThrows(actual), Options);
        int[] data = [5, 6];
        Assert.That(compiled(data, 1), Is.EqualTo(dotnet(data, 1)));
        Assert.Throws<IndexOutOfRangeException>(() => dotnet(data, 9));
        Assert.Throws<IndexOutOfRangeException>(() => compiled(data, 9));
        Assert.That(actual.Read(), Is.EqualTo(expected.Read()).And.EqualTo(9));
    }

    [Test] public void APrangeLoopInACapturingLambda()
    {
        foreach (var factor in new[] { 2.0, -0.5 })
            Diff.CheckVoid(K.ScaleInParallel(factor, [1.0, -2.0, 0.25]), Arrays);
    }

    [Test] public void LocalFunctionsThatUseCapturedVariables()
    {
        K.Box<int> expected = new(), actual = new();
        var dotnet = K.CallsALocalFunction(1.5, -0.25, expected);
        var compiled = Jit.Compile(K.CallsALocalFunction(1.5, -0.25, actual), Options);
        foreach (var a in Arrays)
        {
            Assert.That(compiled(a), Is.EqualTo(dotnet(a)).Within(Options.FastMath ? 1e-9 : 0).Percent, $"length {a.Length}");
            Assert.That(actual.Read(), Is.EqualTo(expected.Read()), "the local function's count, after the call");
        }
        Diff.Check(K.CallsARecursiveLocalFunction(long.MaxValue - 5), Ints);
        foreach (var kernel in K.CallAnOuterLocalFunction(-3, 3))
            Diff.Check(kernel, Ints);
    }

    [Test] public void ALambdaOfAGenericMethod()
    {
        Diff.Check(K.SumFrom(int.MaxValue), Lengths.Select(n => TestData.Ints(n, n, -1000, 1000)));
        Diff.Check(K.SumFrom(-0.0), Arrays, fastMath: Tolerance.RelativeOf(1e-9));
        Diff.Check(K.SumFrom((byte)250), Lengths.Select(n => TestData.Ints(n, n, 0, 255).Select(i => (byte)i).ToArray()));
    }

    [Test] public void AJitFunctionOfACapturingLambda()
    {
        var offset = 10;
        var scale = new[] { 2, 3 };
        Func<int, int> kernel = x => x * scale[x & 1] + offset;
        var function = Jit.Compile((Delegate)kernel, Options);
        var typed = function.As<Func<int, int>>();
        foreach (var x in Ints)
        {
            Assert.That(function.Invoke(x), Is.EqualTo(kernel(x)), $"Invoke({x})");
            Assert.That(typed(x), Is.EqualTo(kernel(x)), $"As<Func<int, int>>()({x})");
        }
        offset = -4;
        scale = [7, 9];
        Assert.That(function.Invoke(5), Is.EqualTo(kernel(5)), "Invoke reads the captured variables at each call");
        Assert.That(typed(6), Is.EqualTo(kernel(6)), "As<TDelegate> reads the captured variables at each call");
        scale = null!;
        Assert.That(Assert.Throws<NullReferenceException>(() => function.Invoke(5))!.Message, Does.Contain("'scale'"));
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuClosureTests(ExecutionTarget target) : ClosureTests(target);
