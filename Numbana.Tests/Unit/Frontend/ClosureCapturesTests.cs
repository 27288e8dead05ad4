using Numbana.Frontend;
using Numbana.IR;
using NUnit.Framework;
using K = Numbana.Tests.Execution.Kernels.ClosureKernels;

namespace Numbana.Tests.Unit.Frontend;

/// <summary>Which captured variables a lambda uses, how each is reached from its closure, and which it writes.</summary>
public class ClosureCapturesTests
{
    /// <summary>Each path starts at the lambda's closure and follows links whose types chain to the variable's closure.</summary>
    private static void AssertPathsChain(System.Reflection.MethodInfo lambda, IReadOnlyList<CapturedVariable> captures)
    {
        foreach (var capture in captures)
        {
            var closure = lambda.DeclaringType!;
            foreach (var link in capture.Path.Take(capture.Path.Count - 1))
            {
                Assert.That(link.DeclaringType, Is.EqualTo(closure), $"{capture.Name}: link {link.Name}");
                closure = link.FieldType;
            }
            Assert.That(capture.Field.DeclaringType, Is.EqualTo(closure), $"{capture.Name}: the variable's closure");
        }
    }

    [Test]
    public void VariablesOfThreeScopesInOrderOfFirstUse()
    {
        var lambda = K.ThreeScopes(1, _ => { }).Method;
        var captures = ClosureCaptures.Find(lambda);
        Assert.That(captures.Select(c => c.Name), Is.EqualTo(new[] { "total", "a", "b", "c" }));
        Assert.That(captures.Select(c => c.Written), Is.EqualTo(new[] { true, false, false, false }));
        Assert.That(captures[0].ParameterType, Is.EqualTo(NType.ByRefOf(NType.I32)), "a written variable is passed by reference");
        Assert.That(captures[1].ParameterType, Is.EqualTo(NType.I32));
        AssertPathsChain(lambda, captures);
    }

    [Test]
    public void AnInnerLambdaReachesTheOuterScopeThroughALink()
    {
        var lambda = K.TwoScopes(1, 1)[0].Method;
        var captures = ClosureCaptures.Find(lambda);
        Assert.That(captures.Select(c => c.Name), Is.EquivalentTo(new[] { "step", "offset", "baseValue" }));
        Assert.That(captures.Single(c => c.Name == "offset").Path, Has.Count.EqualTo(1), "the loop body's own variable");
        Assert.That(captures.Single(c => c.Name == "step").Path, Has.Count.EqualTo(2), "a variable of the method, one link away");
        AssertPathsChain(lambda, captures);
    }

    [Test]
    public void ALocalFunctionsVariablesAndWritesAreTheCallers()
    {
        var lambda = K.CallsALocalFunction(1, 2, new K.Box<int>()).Method;
        var captures = ClosureCaptures.Find(lambda);
        Assert.That(captures.Select(c => (c.Name, c.Written)), Is.EquivalentTo(new[] { ("count", true), ("scale", false), ("shift", false) }));
        Assert.That(captures.Single(c => c.Name == "count").Type, Is.EqualTo(NType.I32));
    }

    [Test]
    public void ArraysAreCapturedByValueAndStaticMethodsCaptureNothing()
    {
        var captures = ClosureCaptures.Find(K.WeightedSum([1.0]).Method);
        Assert.That(captures.Single().Type, Is.EqualTo(NType.ArrayOf(NType.F64)));
        Assert.That(captures.Single().Written, Is.False);
        Assert.That(ClosureCaptures.Find(typeof(K).GetMethod(nameof(K.Sum))!), Is.Empty);
    }
}
