using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Numbana.Diagnostics;
using NUnit.Framework;

namespace Numbana.Tests.Unit.Diagnostics;

[TestFixture]
public class SourceLocatorTests
{
    private const int CallOpcode = 0x28;

    private static int s_firstLine;
    private static int s_laterLine;
    private static int s_total;

    /// <summary>Returns the line it is called from.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Here([CallerLineNumber] int line = 0) => line;

    /// <summary>The method whose lines are looked up: each statement records its own line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Target(int n)
    {
        s_firstLine = Here();
        var total = 0;
        for (var i = 0; i < n; i++) total += i * i;
        s_total = total;
        s_laterLine = Here();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T GenericTarget<T>(T value)
    {
        s_firstLine = Here();
        return value;
    }

    private static MethodInfo TargetMethod =>
        typeof(SourceLocatorTests).GetMethod(nameof(Target), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static MethodInfo HereMethod =>
        typeof(SourceLocatorTests).GetMethod(nameof(Here), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>The IL offsets of the calls to <see cref="Here"/> in <paramref name="method"/>, in order.</summary>
    private static List<int> CallsToHere(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var token = HereMethod.MetadataToken;
        var offsets = new List<int>();
        for (var i = 0; i + 5 <= il.Length; i++)
        {
            if (il[i] == CallOpcode && BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(i + 1, 4)) == token)
                offsets.Add(i);
        }
        return offsets;
    }

    [OneTimeSetUp]
    public void RunTargetOnce()
    {
        Target(4);
        Assert.That(s_total, Is.EqualTo(14));
    }

    [Test]
    public void OffsetZeroIsTheFirstStatement()
    {
        Target(4);
        var location = SourceLocator.Find(TargetMethod, 0);

        Assert.That(location, Is.Not.Null, "the test assembly has a portable PDB");
        Assert.Multiple(() =>
        {
            Assert.That(location!.Line, Is.EqualTo(s_firstLine));
            Assert.That(location.File, Does.EndWith(nameof(SourceLocatorTests) + ".cs"));
            Assert.That(Path.GetFileName(location.File), Is.EqualTo(Path.GetFileName(ThisFile())));
        });
    }

    [Test]
    public void NegativeOffsetGivesTheFirstSequencePoint()
    {
        Target(4);
        Assert.That(SourceLocator.Find(TargetMethod, -1)?.Line, Is.EqualTo(s_firstLine));
    }

    [Test]
    public void LaterOffsetIsItsOwnStatement()
    {
        Target(4);
        var calls = CallsToHere(TargetMethod);
        Assert.That(calls, Has.Count.EqualTo(2), "Target calls Here twice");

        var first = SourceLocator.Find(TargetMethod, calls[0]);
        var later = SourceLocator.Find(TargetMethod, calls[1]);

        Assert.Multiple(() =>
        {
            Assert.That(first?.Line, Is.EqualTo(s_firstLine));
            Assert.That(later?.Line, Is.EqualTo(s_laterLine));
            Assert.That(s_laterLine, Is.GreaterThan(s_firstLine + 2));
            Assert.That(later?.File, Does.EndWith(nameof(SourceLocatorTests) + ".cs"));
        });
    }

    [Test]
    public void OffsetPastTheEndIsTheLastStatement()
    {
        Target(4);
        var length = TargetMethod.GetMethodBody()!.GetILAsByteArray()!.Length;
        var location = SourceLocator.Find(TargetMethod, length + 100);
        Assert.That(location, Is.Not.Null);
        Assert.That(location!.Line, Is.GreaterThanOrEqualTo(s_laterLine));
    }

    [Test]
    public void GenericInstantiationUsesTheDefinitionsLines()
    {
        var definition = typeof(SourceLocatorTests).GetMethod(nameof(GenericTarget), BindingFlags.NonPublic | BindingFlags.Static)!;
        var instantiation = definition.MakeGenericMethod(typeof(double));
        instantiation.Invoke(null, [1.5]);

        Assert.Multiple(() =>
        {
            Assert.That(SourceLocator.Find(instantiation, 0)?.Line, Is.EqualTo(s_firstLine));
            Assert.That(SourceLocator.Find(definition, 0)?.Line, Is.EqualTo(s_firstLine));
        });
    }

    [Test]
    public void DynamicMethodHasNoSource()
    {
        var anonymous = new DynamicMethod("Anonymous", typeof(int), [typeof(int)]);
        var il = anonymous.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ret);

        var owned = new DynamicMethod("Owned", typeof(int), [typeof(int)], typeof(SourceLocatorTests));
        il = owned.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ret);

        Assert.Multiple(() =>
        {
            Assert.That(() => SourceLocator.Find(anonymous, 0), Throws.Nothing);
            Assert.That(SourceLocator.Find(anonymous, 0), Is.Null);
            Assert.That(SourceLocator.Find(owned, 0), Is.Null);
            Assert.That(SourceLocator.Find(owned, -1), Is.Null);
        });
    }

    [Test]
    public void CoreLibMethodHasNoSource()
    {
        var abs = typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!;
        var sum = typeof(Enumerable).GetMethod(nameof(Enumerable.Range))!;

        Assert.Multiple(() =>
        {
            Assert.That(() => SourceLocator.Find(abs, 0), Throws.Nothing);
            Assert.That(SourceLocator.Find(abs, 0), Is.Null);
            Assert.That(SourceLocator.Find(abs, 0), Is.Null, "the missing PDB is remembered");
            Assert.That(SourceLocator.Find(sum, 3), Is.Null);
        });
    }

    [Test]
    public void MethodWithoutBodyHasNoSource()
    {
        var invoke = typeof(Func<int>).GetMethod(nameof(Func<int>.Invoke))!;
        var abstractMethod = typeof(Stream).GetMethod(nameof(Stream.Read), [typeof(byte[]), typeof(int), typeof(int)])!;
        Assert.Multiple(() =>
        {
            Assert.That(SourceLocator.Find(invoke, 0), Is.Null);
            Assert.That(SourceLocator.Find(abstractMethod, 0), Is.Null);
        });
    }

    [Test]
    public void ManyThreadsGetTheSameAnswer()
    {
        Target(4);
        var expected = s_firstLine;
        var lines = new int?[64];
        Parallel.For(0, lines.Length, i => lines[i] = SourceLocator.Find(TargetMethod, 0)?.Line);
        Assert.That(lines, Is.All.EqualTo(expected));
    }
}
