using System.Reflection;
using Numbana.Frontend;
using Numbana.IR;
using NUnit.Framework;

namespace Numbana.Tests.Unit.Frontend;

public class ImporterTests
{
    private static double Sum(double[] a)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i];
        return s;
    }

    private static int Conditional(int x, int y) => (x > y ? x : y) * 2;

    private static int Twice(int x) => Helper(x) + Helper(x + 1);

    private static int Helper(int x) => x * 2;

    private static long Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    private static int StraightLine(int x) => x + 1;

    private static CompilationUnit Import(string name) => UnitBuilder.Build(
        typeof(ImporterTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!, JitOptions.Default);

    [Test]
    public void ALoopGetsBlockParametersForItsCarriedValuesOnly()
    {
        var function = Import(nameof(Sum)).EntryPoint;
        Verifier.Verify(function);
        var header = function.Blocks.Single(b => b.Parameters.Count > 0 && b != function.Entry);
        // The sum and the index are carried around the loop; the array is not.
        Assert.That(header.Parameters.Select(p => p.Type), Is.EquivalentTo(new[] { NType.F64, NType.I32 }));
        var instructions = function.Blocks.SelectMany(b => b.Instructions).ToList();
        Assert.That(instructions.OfType<ArrayLoadInstruction>().Count(), Is.EqualTo(1));
        Assert.That(instructions.OfType<ArrayLengthInstruction>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void TheConditionalOperatorPassesTheStackValueAlongTheJoin()
    {
        var function = Import(nameof(Conditional)).EntryPoint;
        Verifier.Verify(function);
        var join = function.Blocks.Where(b => b != function.Entry && b.Parameters.Count == 1).ToList();
        Assert.That(join, Is.Not.Empty, "the join of ?: takes the chosen value as a block parameter");
        Assert.That(join[0].Parameters[0].Type, Is.SameAs(NType.I32));
    }

    [Test]
    public void CalleesAreImportedOnceIntoTheSameUnit()
    {
        var unit = Import(nameof(Twice));
        Assert.That(unit.Functions, Has.Count.EqualTo(2));
        var calls = unit.EntryPoint.Blocks.SelectMany(b => b.Instructions).OfType<CallInstruction>().ToList();
        Assert.That(calls, Has.Count.EqualTo(2));
        Assert.That(calls[0].Callee, Is.SameAs(calls[1].Callee));
        Assert.That(calls[0].Callee.Method!.Name, Is.EqualTo(nameof(Helper)));
    }

    [Test]
    public void RecursionRefersBackToTheSameFunction()
    {
        var unit = Import(nameof(Factorial));
        Assert.That(unit.Functions, Has.Count.EqualTo(1));
        var call = unit.EntryPoint.Blocks.SelectMany(b => b.Instructions).OfType<CallInstruction>().Single();
        Assert.That(call.Callee, Is.SameAs(unit.EntryPoint));
    }

    [Test]
    public void EveryInstructionRemembersItsIlOffset()
    {
        var function = Import(nameof(StraightLine)).EntryPoint;
        var add = function.Blocks.SelectMany(b => b.Instructions).OfType<BinaryInstruction>().Single();
        Assert.That(add.IlOffset, Is.GreaterThanOrEqualTo(0));
        Assert.That(Printer.Print(function), Does.Contain($"; IL_{add.IlOffset:x4}"));
    }
}
