using Numbana.IR;
using Numbana.Transforms;
using NUnit.Framework;

namespace Numbana.Tests.Unit.Transforms;

public class DeadCodeEliminationTests
{
    [Test]
    public void RemovesUnusedPureInstructionsButKeepsOnesThatCanThrow()
    {
        // f(a, b) { unused = a + b; unusedQuotient = a / b; return a; }: the division may raise
        // DivideByZeroException, so it stays even though nothing reads it.
        var function = new Function("f", null, [NType.I32, NType.I32], NType.I32);
        var entry = function.AddBlock(-1);
        var a = entry.AddParameter(NType.I32);
        var b = entry.AddParameter(NType.I32);
        var sum = entry.Append(new BinaryInstruction(BinaryOp.Add, NType.I32, a, b, 0));
        var quotient = entry.Append(new BinaryInstruction(BinaryOp.Div, NType.I32, a, b, 1));
        var floatQuotient = entry.Append(new BinaryInstruction(BinaryOp.Div, NType.F64,
            entry.Append(new ConstantInstruction(NType.F64, 0, 2)), entry.Append(new ConstantInstruction(NType.F64, 0, 3)), 4));
        entry.Append(new ReturnInstruction(a, 5));

        DeadCodeElimination.Run(function);
        Verifier.Verify(function);

        Assert.That(entry.Instructions, Does.Not.Contain(sum));
        Assert.That(entry.Instructions, Does.Not.Contain(floatQuotient), "float division never throws");
        Assert.That(entry.Instructions, Does.Contain(quotient));
    }

    [Test]
    public void RemovesABlockParameterNobodyReadsAndTheArgumentsPassedForIt()
    {
        var function = new Function("g", null, [NType.I32], NType.I32);
        var entry = function.AddBlock(-1);
        var x = entry.AddParameter(NType.I32);
        var next = function.AddBlock(-1);
        var unused = next.AddParameter(NType.F64);
        var used = next.AddParameter(NType.I32);
        var edge = new BlockCall(next);
        edge.Arguments.Add(entry.Append(new ConstantInstruction(NType.F64, 0, 0)));
        edge.Arguments.Add(x);
        entry.Append(new JumpInstruction(edge, 1));
        next.Append(new ReturnInstruction(used, 2));

        DeadCodeElimination.Run(function);
        Verifier.Verify(function);

        Assert.That(next.Parameters, Is.EqualTo(new[] { used }));
        Assert.That(edge.Arguments, Is.EqualTo(new Value[] { x }));
        Assert.That(entry.Instructions, Has.Count.EqualTo(1), "the constant passed for the removed parameter is gone too");
        Assert.That(unused.Block, Is.SameAs(next));
    }
}
