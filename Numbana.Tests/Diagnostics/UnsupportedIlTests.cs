using Numbana.Tests.FileTests;
using NUnit.Framework;

namespace Numbana.Tests.Diagnostics;

/// <summary>
/// TESTING.md tier 4: every rejected construct raises UnsupportedIlException at the first call, and
/// its message leads with the reason, then names the method, IL offset, opcode and source line.
/// </summary>
public class UnsupportedIlTests
{
    private static UnsupportedIlException Reject(Action firstCall)
    {
        var error = Assert.Throws<UnsupportedIlException>(() => firstCall())!;
        TestContext.Out.WriteLine(error.Message);
        return error;
    }

    /// <summary>The 1-based line of RejectedKernels.cs that carries <c>// REJECTED: marker</c>.</summary>
    private static int MarkedLine(UnsupportedIlException error, string marker)
    {
        Assert.That(error.Location, Is.Not.Null, "the message names the source line (from the portable PDB)");
        Assert.That(Path.GetFileName(error.Location!.File), Is.EqualTo("RejectedKernels.cs"));
        var lines = File.ReadAllLines(error.Location.File);
        return Array.FindIndex(lines, l => l.Contains("// REJECTED: " + marker)) + 1;
    }

    private static void AssertNames(UnsupportedIlException error, string method, string opCode, string marker, string reasonFragment)
    {
        Assert.That(error.Message, Does.StartWith(error.Reason), "the reason comes first");
        Assert.That(error.Reason, Does.Contain(reasonFragment));
        Assert.That(error.Message, Does.Contain($"RejectedKernels.{method}("));
        Assert.That(error.Message, Does.Match(@"IL_[0-9a-f]{4}"));
        Assert.That(error.OpCode, Is.EqualTo(opCode));
        Assert.That(error.Message, Does.Contain($"({opCode})"));
        Assert.That(error.Location!.Line, Is.EqualTo(MarkedLine(error, marker)));
        Assert.That(error.Message, Does.Contain($"RejectedKernels.cs:{error.Location.Line}"));
    }

    /// <summary>A lambda's rejection names its line; the method is the lambda (a method of the closure class C# generates).</summary>
    private static void AssertNamesLambdaLine(UnsupportedIlException error, string opCode, string marker, string reasonFragment)
    {
        Assert.That(error.Message, Does.StartWith(error.Reason), "the reason comes first");
        Assert.That(error.Reason, Does.Contain(reasonFragment));
        Assert.That(error.OpCode, Is.EqualTo(opCode));
        Assert.That(error.Location!.Line, Is.EqualTo(MarkedLine(error, marker)));
    }

    [Test]
    public void ANullStaticReadonlyArray()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.ReadsANullStaticArray);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.ReadsANullStaticArray), "ldsfld", "null static array", "is null when the method is compiled");
    }

    [Test]
    public void ALambdaCapturingAString() =>
        AssertNamesLambdaLine(Reject(() => Jit.Compile(RejectedKernels.CapturesAString("abc"))(1)), "ldfld", "captured string",
            "captures the variable 'text' of type string");

    [Test]
    public void ALambdaReplacingACapturedArray() =>
        AssertNamesLambdaLine(Reject(() => Jit.Compile(RejectedKernels.ReplacesACapturedArray([1.0]))(2)), "stfld", "captured array replaced",
            "assigns a new array to the captured variable 'data'");

    [Test]
    public void ALambdaUsingTheEnclosingObject() =>
        AssertNamesLambdaLine(Reject(() => Jit.Compile(new RejectedKernels.Holder().Adder(2))(1)), "ldfld", "captured this",
            "uses the enclosing object ('this'");

    [Test]
    public void AStructWithAReferenceField()
    {
        var f = Jit.Compile<Func<double[], double>>(RejectedKernels.UsesAStructWithAnArray);
        AssertNames(Reject(() => f([1.0])), nameof(RejectedKernels.UsesAStructWithAnArray), "ldloca.s", "struct with a reference",
            "has field 'Data' of type double[], a reference");
    }

    [Test]
    public void AStructWithOverlappingFields()
    {
        var f = Jit.Compile<Func<float, int>>(RejectedKernels.UsesAUnion);
        AssertNames(Reject(() => f(1f)), nameof(RejectedKernels.UsesAUnion), "ldloca.s", "union", "fields that overlap");
    }

    [Test]
    public void AnUnsupportedVectorMember()
    {
        var f = Jit.Compile<Func<float, float>>(RejectedKernels.UsesVectorReflect);
        AssertNames(Reject(() => f(0.5f)), nameof(RejectedKernels.UsesVectorReflect), "call", "reflect", "Vector2.Reflect(Vector2, Vector2) is not supported");
    }

    [Test]
    public void AnUnsupportedComplexMember()
    {
        var f = Jit.Compile<Func<double, double>>(RejectedKernels.UsesComplexLog);
        AssertNames(Reject(() => f(2.0)), nameof(RejectedKernels.UsesComplexLog), "call", "complex log", "Complex.Log(Complex) is not supported");
    }

    [Test]
    public void AStructInstanceMethodAsTheEntry()
    {
        var point = new Execution.Kernels.Point(3, 4);
        var f = Jit.Compile<Func<Execution.Kernels.Point>>(point.Rotated);
        var error = Reject(() => f());
        Assert.That(error.Reason, Does.Contain("is an instance method of a struct").And.Contain("Make it static"));
    }

    [Test]
    public void AMethodThatWouldBoxAStruct()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.CallsToStringOnAStruct);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.CallsToStringOnAStruct), "callvirt", "boxing", "would box the struct");
    }

    [Test]
    public void AllocatingAnObject()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.AllocatesAnObject);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.AllocatesAnObject), "newobj", "newobj", "allocate objects in .NET code");
    }

    [Test]
    public void UsingAString()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.UsesAString);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.UsesAString), "ldstr", "ldstr", "Strings cannot be used");
    }

    [Test]
    public void TryCatch()
    {
        var f = Jit.Compile<Func<int[], int, int>>(RejectedKernels.CatchesAnException);
        var error = Reject(() => f([1], 0));
        Assert.That(error.Reason, Does.Contain("try/catch/finally"));
        Assert.That(error.Location!.Line, Is.EqualTo(MarkedLine(error, "try")));
    }

    [Test]
    public void Throwing()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.Throws);
        var error = Reject(() => f(1));
        // throw new X("constant") compiles (ThrowTests); a message computed at run time does not.
        Assert.That(error.OpCode, Is.EqualTo("ldstr"));
        Assert.That(error.Reason, Does.Contain("computed at run time"));
        Assert.That(error.Location!.Line, Is.EqualTo(MarkedLine(error, "throw")));
    }

    [Test]
    public void CallingALibraryMethod()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.CallsALibraryMethod);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.CallsALibraryMethod), "call", "library", "Environment.get_ProcessorCount");
    }

    [Test]
    public void ReadingAStaticField()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.UsesAStaticField);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.UsesAStaticField), "ldsfld", "ldsfld", "Static fields that are not readonly (RejectedKernels.Counter)");
    }

    [Test]
    public void AllocatingAnArray()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.AllocatesAnArray);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.AllocatesAnArray), "newarr", "newarr", "new object[n] cannot be compiled: arrays of object");
    }

    [Test]
    public void AnErrorInACalleeNamesTheCallChain()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.Caller);
        var error = Reject(() => f(1));
        Assert.That(error.Method!.Name, Is.EqualTo(nameof(RejectedKernels.Callee)));
        Assert.That(error.Location!.Line, Is.EqualTo(MarkedLine(error, "nested")));
        Assert.That(error.Message, Does.Contain("while compiling RejectedKernels.Callee(int), called from RejectedKernels.Caller(int)"));
        Assert.That(error.Callers.Select(c => c.Name), Is.EqualTo(new[] { nameof(RejectedKernels.Caller) }));
    }

    [Test]
    public void AParameterTypeWithoutNativeFormIsNamed()
    {
        var f = Jit.Compile<Func<string, string>>(RejectedKernels.TakesAString);
        var error = Reject(() => f("x"));
        Assert.That(error.Reason, Does.Contain("parameter 's'"));
        Assert.That(error.Reason, Does.Contain("strings cannot be used"));
    }

    [Test]
    public void AnUnsupportedSpanMember()
    {
        var f = Jit.Compile<Func<int[], int>>(RejectedKernels.CopiesASpanToAnArray);
        AssertNames(Reject(() => f([1, 2])), nameof(RejectedKernels.CopiesASpanToAnArray), "call", "span-member", "supported are new Span<T>(array)");
    }

    [Test]
    public void AStackallocWithAnInitializer()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.InitializesAStackalloc);
        var error = Reject(() => f(3));
        Assert.That(error.Reason, Does.Contain("stackalloc with an initializer"));
        Assert.That(error.Location!.Line, Is.EqualTo(MarkedLine(error, "stackalloc-initializer")));
    }

    [Test]
    public void ASpanByReferenceToTheCompiledMethod()
    {
        var f = Jit.Compile<RejectedKernels.SpanByReference>(RejectedKernels.TakesASpanByReference);
        var error = Assert.Throws<UnsupportedIlException>(() =>
        {
            var span = new int[3].AsSpan();
            f(ref span);
        })!;
        Assert.That(error.Reason, Does.Contain("a ref to a span: pass the span by value"));
        Assert.That(error.Message, Does.Contain("RejectedKernels.TakesASpanByReference("));
    }

    [Test]
    public void ReturningASpanFromTheCompiledMethod()
    {
        var f = Jit.Compile<RejectedKernels.SpanResult>(RejectedKernels.ReturnsASpan);
        var error = Reject(() => f([1, 2]));
        Assert.That(error.Reason, Does.Contain("returns a Span<int>"));
        Assert.That(error.Reason, Does.Contain("Return an array or a number, or write the results into an argument"));
        Assert.That(error.Message, Does.Contain("RejectedKernels.ReturnsASpan("));
    }

    [Test]
    public void StoringARowIntoAJaggedArray()
    {
        var f = Jit.Compile<Action<double[][], int>>(RejectedKernels.ReplacesARowOfAJaggedArray);
        AssertNames(Reject(() => f([[1.0]], 2)), nameof(RejectedKernels.ReplacesARowOfAJaggedArray), "stelem.ref", "jagged row store",
            "Create or replace the rows in .NET code before the call");
    }

    [Test]
    public void AllocatingAJaggedArray()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.AllocatesAJaggedArray);
        AssertNames(Reject(() => f(3)), nameof(RejectedKernels.AllocatesAJaggedArray), "newarr", "new jagged",
            "new double[n][] (a jagged array) cannot be created in compiled code");
    }

    [Test]
    public void AStaticJaggedArray()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.ReadsAStaticJaggedArray);
        AssertNames(Reject(() => f(1)), nameof(RejectedKernels.ReadsAStaticJaggedArray), "ldsfld", "static jagged", "Pass it as a parameter");
    }

    [Test]
    public void ALambdaCapturingAJaggedArray() =>
        AssertNamesLambdaLine(Reject(() => Jit.Compile(RejectedKernels.CapturesAJaggedArray([[1.0]]))(0)), "ldfld", "captured jagged",
            "The lambda captures the jagged array 'm'");

    [Test]
    public void ReturningAJaggedArrayOrOneOfItsRows()
    {
        var returnsJagged = Jit.Compile<Func<double[][], double[][]>>(RejectedKernels.ReturnsAJaggedArray);
        Assert.That(Reject(() => returnsJagged([[1.0]])).Reason, Does.Contain("returns a jagged array (double[][])"));
        var returnsRow = Jit.Compile<Func<double[][], int, double[]>>(RejectedKernels.ReturnsARow);
        Assert.That(Reject(() => returnsRow([[1.0]], 0)).Reason, Does.Contain("a row of the jagged array cannot be returned to .NET code"));
    }

    [Test]
    public void NonStrictModeRunsTheDotNetMethodInstead()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.AllocatesAnObject, new JitOptions { Strict = false });
        Assert.That(f(5), Is.EqualTo(5));
        Assert.That(f(6), Is.EqualTo(6));
    }

    [Test]
    public void TheFailureIsRaisedAgainOnTheNextCall()
    {
        var f = Jit.Compile<Func<int, int>>(RejectedKernels.UsesAString);
        Reject(() => f(1));
        Reject(() => f(1));
    }

    [Test]
    public void ASupportedKernelStillCompilesNextToRejectedOnes()
    {
        var f = Jit.Compile<Func<int, int, int, int>>(FileTestKernels.Clamp);
        Assert.That(f(5, 0, 3), Is.EqualTo(3));
    }
}
