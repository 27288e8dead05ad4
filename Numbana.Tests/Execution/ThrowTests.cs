using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.ThrowKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// <c>throw new X("constant message")</c> in compiled code: the caller receives an exception of the same
/// type with the same message (and ParamName), after the same stores. <see cref="Differential"/> compares
/// the types; <see cref="CheckMessages{T, TR}"/> compares the messages of every input that throws.
/// </summary>
public abstract class ThrowTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly int[] SmallInts = [int.MinValue, -5, -1, 0, 1, 3, 4, 9, 10, 11, 100, 101, 1 << 20, (1 << 20) + 1, int.MaxValue];

    /// <summary>Every input both ways; where .NET throws, the compiled kernel throws the same type, message and ParamName.</summary>
    private void CheckMessages<T, TR>(Func<T, TR> kernel, IEnumerable<T> inputs)
    {
        var compiled = Diff.Compile(kernel);
        var thrown = 0;
        foreach (var input in inputs)
        {
            Exception? expected = null, actual = null;
            try { kernel(input); } catch (Exception e) { expected = e; }
            try { compiled(input); } catch (Exception e) { actual = e; }
            if (expected is null) continue;
            thrown++;
            Assert.That(actual, Is.Not.Null, $"{kernel.Method.Name}({input}) throws {expected.GetType().Name} under .NET");
            Assert.That(actual!.GetType(), Is.EqualTo(expected.GetType()), $"{kernel.Method.Name}({input})");
            Assert.That(actual.Message, Is.EqualTo(expected.Message), $"{kernel.Method.Name}({input})");
            Assert.That((actual as ArgumentException)?.ParamName, Is.EqualTo((expected as ArgumentException)?.ParamName));
        }
        Assert.That(thrown, Is.GreaterThan(0), "as written this test cannot fail: no input throws");
    }

    [Test] public void ArgumentOutOfRangeWithParamName()
    {
        Diff.Check(K.ArgumentOutOfRangeWithParamName, SmallInts);
        CheckMessages<int, int>(K.ArgumentOutOfRangeWithParamName, SmallInts);
    }

    [Test] public void ArgumentOutOfRangeWithParamNameAndMessage()
    {
        Diff.Check(K.ArgumentOutOfRangeWithMessage, SmallInts);
        CheckMessages<int, int>(K.ArgumentOutOfRangeWithMessage, SmallInts);
    }

    [Test] public void ArgumentWithMessage()
    {
        RequireExactFloats();
        Diff.Check(K.ArgumentWithMessage, Doubles);
        CheckMessages<double, double>(K.ArgumentWithMessage, Doubles);
    }

    [Test] public void ArgumentWithMessageAndParamName()
    {
        RequireExactFloats();
        Diff.Check(K.ArgumentWithMessageAndParamName, Doubles);
        CheckMessages<double, double>(K.ArgumentWithMessageAndParamName, Doubles);
    }

    [Test] public void InvalidOperationWithAndWithoutMessage()
    {
        Diff.Check(K.InvalidOperation, SmallInts);
        CheckMessages<int, int>(K.InvalidOperation, [3, 4, 5]);
    }

    [Test] public void IndexOutOfRangeWithMessage()
    {
        Diff.Check(K.IndexOutOfRange, SmallInts);
        CheckMessages<int, int>(K.IndexOutOfRange, SmallInts);
    }

    [Test] public void DivideByZeroWithMessage()
    {
        Diff.Check(K.DivideByZero, Longs);
        CheckMessages<long, long>(K.DivideByZero, Longs);
    }

    [Test] public void OverflowWithMessage()
    {
        Diff.Check(K.Overflow, SmallInts);
        CheckMessages<int, int>(K.Overflow, SmallInts);
    }

    [Test] public void NotSupportedFromASwitch()
    {
        Diff.Check(K.NotSupported, SmallInts);
        CheckMessages<int, int>(K.NotSupported, SmallInts);
    }

    [Test] public void ArithmeticWithMessage()
    {
        Diff.Check(K.Arithmetic, new[] { 0f, -0f, 1f, -2.5f });
        CheckMessages<float, float>(K.Arithmetic, [0f, -0f, 1f]);
    }

    [Test] public void StoresBeforeTheThrowAreKept() =>
        Diff.CheckVoid(K.StoresThenThrows, from limit in new[] { -1, 0, 3, 10, 100 } select (new[] { 1, 2, 3, 4, 5, 6 }, limit));

    [Test] public void AThrowInACalleeReachesTheCaller()
    {
        Diff.Check(K.ThrowsInACallee, from n in new[] { 0, 3, 10, 17, -4 } select (new int[1], n));
        var compiled = Diff.Compile<Func<int[], int, int>>(K.ThrowsInACallee);
        var a = new int[1];
        var error = Assert.Throws<InvalidOperationException>(() => compiled(a, 10))!;
        Assert.That(error.Message, Is.EqualTo("n % 7 is 3."));
        Assert.That(a[0], Is.EqualTo(10), "the store before the call stays");
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuThrowTests(ExecutionTarget target) : ThrowTests(target);
