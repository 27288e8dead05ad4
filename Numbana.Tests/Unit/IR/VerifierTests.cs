using Numbana.IR;
using NUnit.Framework;

namespace Numbana.Tests.Unit.IR;

public class VerifierTests
{
    /// <summary>function f(i32) -> i32 { block0(v0): jump block1(v0); block1(v1): return v1 }</summary>
    private static (Function Function, Block Entry, Block Exit) TwoBlocks()
    {
        var function = new Function("f", null, [NType.I32], NType.I32);
        var entry = function.AddBlock(-1);
        var parameter = entry.AddParameter(NType.I32);
        var exit = function.AddBlock(-1);
        var incoming = exit.AddParameter(NType.I32);
        var edge = new BlockCall(exit);
        edge.Arguments.Add(parameter);
        entry.Append(new JumpInstruction(edge, 0));
        exit.Append(new ReturnInstruction(incoming, 1));
        return (function, entry, exit);
    }

    [Test]
    public void AcceptsAWellFormedFunction()
    {
        var (function, _, _) = TwoBlocks();
        Assert.DoesNotThrow(() => Verifier.Verify(function));
    }

    [Test]
    public void PrintsBlocksParametersAndEdges()
    {
        var (function, _, _) = TwoBlocks();
        var text = Printer.Print(function);
        Assert.That(text, Does.Contain("function f(i32) -> i32 {"));
        Assert.That(text, Does.Contain("block0(v0: i32):"));
        Assert.That(text, Does.Contain("jump block1(v0)"));
        Assert.That(text, Does.Contain("block1(v1: i32):"));
        Assert.That(text, Does.Contain("return v1"));
    }

    [Test]
    public void RejectsABlockWithoutTerminator()
    {
        var function = new Function("f", null, [], NType.Void);
        var block = function.AddBlock(-1);
        block.Append(new ConstantInstruction(NType.I32, 1, 0));
        var error = Assert.Throws<IrVerificationException>(() => Verifier.Verify(function))!;
        Assert.That(error.Message, Does.Contain("does not end in a terminator"));
    }

    [Test]
    public void RejectsAnEdgeWithTheWrongNumberOfArguments()
    {
        var (function, entry, _) = TwoBlocks();
        ((JumpInstruction)entry.Terminator!).Target.Arguments.Clear();
        var error = Assert.Throws<IrVerificationException>(() => Verifier.Verify(function))!;
        Assert.That(error.Message, Does.Contain("takes 1 arguments, the edge passes 0"));
    }

    [Test]
    public void RejectsAnEdgeArgumentOfTheWrongType()
    {
        var (function, entry, _) = TwoBlocks();
        var constant = new ConstantInstruction(NType.F64, 0, 0);
        entry.Instructions.Insert(0, constant);
        constant.Block = entry;
        ((JumpInstruction)entry.Terminator!).Target.Arguments[0] = constant;
        var error = Assert.Throws<IrVerificationException>(() => Verifier.Verify(function))!;
        Assert.That(error.Message, Does.Contain("argument 0 to block1 is f64, the parameter is i32"));
    }

    [Test]
    public void RejectsAUseThatIsNotDominatedByItsDefinition()
    {
        // block0: branch to block1 or block2; block1 defines v; block2 uses it.
        var function = new Function("g", null, [NType.I32], NType.I32);
        var entry = function.AddBlock(-1);
        var condition = entry.AddParameter(NType.I32);
        var left = function.AddBlock(-1);
        var right = function.AddBlock(-1);
        entry.Append(new BranchInstruction(condition, new BlockCall(left), new BlockCall(right), 0));
        var defined = left.Append(new ConstantInstruction(NType.I32, 7, 1));
        left.Append(new ReturnInstruction(defined, 2));
        right.Append(new ReturnInstruction(defined, 3));
        var error = Assert.Throws<IrVerificationException>(() => Verifier.Verify(function))!;
        Assert.That(error.Message, Does.Contain("does not dominate its use"));
    }

    [Test]
    public void RejectsMismatchedBinaryOperands()
    {
        var function = new Function("h", null, [NType.I32, NType.I64], NType.I32);
        var entry = function.AddBlock(-1);
        var a = entry.AddParameter(NType.I32);
        var b = entry.AddParameter(NType.I64);
        var sum = entry.Append(new BinaryInstruction(BinaryOp.Add, NType.I32, a, b, 0));
        entry.Append(new ReturnInstruction(sum, 1));
        var error = Assert.Throws<IrVerificationException>(() => Verifier.Verify(function))!;
        Assert.That(error.Message, Does.Contain("binary operands must have the result type"));
    }

    [Test]
    public void TypesAreInterned()
    {
        var first = NType.ArrayOf(NType.F64);
        Assert.That(NType.ArrayOf(NType.F64), Is.SameAs(first));
        Assert.That(NType.ArrayOf(NType.F64), Is.Not.SameAs(NType.ArrayOf(NType.F32)));
        Assert.That(NType.Bool.StackType, Is.SameAs(NType.I32));
        Assert.That(NType.U64.StackType, Is.SameAs(NType.I64));
        Assert.That(NType.Char.StackType, Is.SameAs(NType.I32));
    }
}
