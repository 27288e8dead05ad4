using NUnit.Framework;
using K = Numbana.Tests.Execution.Kernels.ArithmeticKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// The differential helper must be able to fail: these tests feed it deliberately wrong "compiled"
/// delegates through a fake backend and check that each kind of difference is reported.
/// They do not need the compiler.
/// </summary>
[TestFixture]
public sealed class DifferentialSelfTests
{
    /// <summary>A backend that returns a substitute delegate instead of compiling.</summary>
    private sealed class FakeBackend(string name, Delegate substitute) : IExecutionBackend
    {
        public string Name { get; } = name;

        public TDelegate Compile<TDelegate>(TDelegate kernel, JitOptions options) where TDelegate : Delegate => (TDelegate)substitute;
    }

    private static Differential With(Delegate substitute, OptionSet? set = null, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
        => new(new ExecutionTarget(new FakeBackend("Fake." + name + "." + Guid.NewGuid().ToString("N"), substitute), set ?? OptionSet.Default));

    private static void StoreIntKernel(int[] a, int i, int v) => a[i] = v;

    private static double Identity(double x) => x;

    [Test]
    public void AWrongValueIsReportedWithInputsAndHexBits()
    {
        var report = With(new Func<int, int, int>((a, b) => a == 3 ? 0 : a + b)).Evaluate(K.AddInt, EdgeValues.Pairs(EdgeValues.Ints));
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.FailureCount, Is.EqualTo(EdgeValues.Ints.Length));
            Assert.That(report.Message, Does.Contain("AddInt(3 (0x00000003), 0 (0x00000000)): expected 3 (0x00000003), actual 0 (0x00000000)"));
        });
    }

    [Test]
    public void TheRightImplementationPasses()
    {
        var report = With(new Func<int, int, int>((a, b) => unchecked(a + b))).Evaluate(K.AddInt, EdgeValues.Pairs(EdgeValues.Ints));
        Assert.That(report.Passed, Is.True, report.Message);
    }

    [Test]
    public void NegativeZeroAndNaNPayloadsAreDifferencesByDefault()
    {
        var report = With(new Func<double, double>(x => x == 0 ? 0.0 : double.IsNaN(x) ? BitConverter.Int64BitsToDouble(0x7FF8000000000000) : x))
            .Evaluate(K.NegDouble, new[] { 0.0, 1.0, double.NaN });
        Assert.Multiple(() =>
        {
            Assert.That(report.FailureCount, Is.EqualTo(2), report.Message); // -(0.0) is -0.0; -(NaN) flips the sign bit
            Assert.That(report.Message, Does.Contain("0x8000000000000000"));
        });
    }

    [Test]
    public void AMissingExceptionAndAWrongExceptionTypeAreDifferences()
    {
        var report = With(new Func<int, int, int>((a, b) => b == 0 ? 0 : b == -1 ? throw new DivideByZeroException() : a / b))
            .Evaluate(K.DivInt, new[] { (1, 0), (int.MinValue, -1), (6, 3) });
        Assert.Multiple(() =>
        {
            Assert.That(report.FailureCount, Is.EqualTo(2), report.Message);
            Assert.That(report.Message, Does.Contain("expected DivideByZeroException, actual 0 (0x00000000)"));
            Assert.That(report.Message, Does.Contain("expected OverflowException, actual DivideByZeroException"));
        });
    }

    [Test]
    public void ArrayContentsAfterTheCallAreResults()
    {
        var report = With(new Action<int[], int, int>((a, i, v) => { a[0] = 99; a[i] = v; }))
            .EvaluateVoid(StoreIntKernel, new[] { (new int[3], 1, 5) });
        Assert.Multiple(() =>
        {
            Assert.That(report.FailureCount, Is.EqualTo(1));
            Assert.That(report.Message, Does.Contain("argument 0 after the call differs: 1 of 3 elements differ, first at [0]"));
        });
    }

    [Test]
    public void StoresBeforeAnExceptionMustMatch()
    {
        // Both throw IndexOutOfRangeException, but the fake made an extra store first.
        var report = With(new Action<int[], int, int>((a, i, v) => { a[0] = 1; a[i] = v; }))
            .EvaluateVoid(StoreIntKernel, new[] { (new int[2], 5, 7) });
        Assert.That(report.FailureCount, Is.EqualTo(1), report.Message);
    }

    [Test]
    public void EachSideGetsItsOwnCopyOfTheInputs()
    {
        var input = new int[] { 1, 2, 3 };
        var report = With(new Action<int[], int, int>((a, i, v) => a[i] = v)).EvaluateVoid(StoreIntKernel, new[] { (input, 0, 42) });
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.True, report.Message);
            Assert.That(input, Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }

    [Test]
    public void ANumbanaExceptionStopsTheRunWithItsText()
    {
        var report = With(new Func<int, int>(_ => throw new NumbanaException("not yet")))
            .Evaluate(K.NegInt, EdgeValues.Ints);
        Assert.Multiple(() =>
        {
            Assert.That(report.Fatal, Does.Contain("NumbanaException").And.Contain("not yet"));
            Assert.That(report.Passed, Is.False);
        });
    }

    [Test]
    public void FastMathComparesWithinTheToleranceAndSkipsNonFiniteInputs()
    {
        var nearby = With(new Func<double, double>(x => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + 3)), OptionSet.FastMath)
            .Evaluate(Identity, new[] { 1.0, double.NaN, -0.0, 2.5 });
        var far = With(new Func<double, double>(x => x * (1 + 1e-9)), OptionSet.FastMath)
            .Evaluate(Identity, new[] { 1.0, 2.5 });
        var exact = With(new Func<double, double>(x => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) + 1)))
            .Evaluate(Identity, new[] { 1.0 });
        Assert.Multiple(() =>
        {
            Assert.That(nearby.Passed, Is.True, nearby.Message);
            Assert.That(nearby.Skipped, Is.EqualTo(2));
            Assert.That(far.FailureCount, Is.EqualTo(2), far.Message);
            Assert.That(exact.FailureCount, Is.EqualTo(1), "one ULP off fails by default");
        });
    }

    [Test]
    public void WithoutBoundsChecksOutOfRangeInputsAreSkippedNotRun()
    {
        var calls = 0;
        var report = With(new Func<int[], int, int>((a, i) => { calls++; return a[i]; }), OptionSet.NoBoundsCheck)
            .Evaluate(Kernels.ArrayKernels.LoadInt, new[] { (new[] { 4, 5 }, 1), (new[] { 4, 5 }, 2), (new[] { 4, 5 }, -1) });
        Assert.Multiple(() =>
        {
            Assert.That(report.Compared, Is.EqualTo(1));
            Assert.That(report.Skipped, Is.EqualTo(2));
            Assert.That(calls, Is.EqualTo(1));
        });
    }

    [Test]
    public void ATestThatComparesNothingFails()
    {
        var report = With(new Func<double, double>(x => x), OptionSet.FastMath).Evaluate(Identity, new[] { double.NaN });
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Message, Does.Contain("cannot fail"));
        });
    }

    [Test]
    public void AnArrayPassedTwiceStaysOneArrayOnEachSide()
    {
        var shared = new[] { 1, 2, 3 };
        var copies = Values.CloneAll([shared, shared, new[] { 1, 2, 3 }]);
        Assert.Multiple(() =>
        {
            Assert.That(copies[0], Is.SameAs(copies[1]));
            Assert.That(copies[0], Is.Not.SameAs(shared));
            Assert.That(copies[2], Is.Not.SameAs(copies[0]));
        });
    }

    [Test]
    public void ABackendThatReturnsTheNetMethodItselfIsCaught()
    {
        var report = With(new Func<int, int>(K.NegInt)).Evaluate(K.NegInt, EdgeValues.Ints);
        Assert.That(report.Fatal, Does.Contain("nothing would be compared"));
    }

    [Test]
    public void AnyNaNPayloadIgnoresOnlyTheNaNBits()
    {
        var fake = new Func<double, double>(x => double.IsNaN(x) ? -x : x == 0 ? -x : x);
        var strict = With(fake).Evaluate(Identity, new[] { double.NaN, 1.0 });
        var lenient = With(fake).AnyNaNPayload.Evaluate(Identity, new[] { double.NaN, 1.0 });
        var zero = With(fake).AnyNaNPayload.Evaluate(Identity, new[] { 0.0 });
        Assert.Multiple(() =>
        {
            Assert.That(strict.FailureCount, Is.EqualTo(1));
            Assert.That(lenient.Passed, Is.True, lenient.Message);
            Assert.That(zero.FailureCount, Is.EqualTo(1), "the sign of zero still counts");
        });
    }

    [Test]
    public void TheUlpDistanceTreatsSignedZerosAsOnePoint()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tolerance.UlpDistance(0.0, -0.0), Is.EqualTo((Int128)0));
            Assert.That(Tolerance.UlpDistance(double.Epsilon, -double.Epsilon), Is.EqualTo((Int128)2));
            Assert.That(Tolerance.UlpDistance(1.0f, 1.0000001f), Is.EqualTo(1L));
        });
    }
}
