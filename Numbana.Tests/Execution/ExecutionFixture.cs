using NUnit.Framework;

namespace Numbana.Tests.Execution;

/// <summary>Compiles a kernel delegate for one target (the CPU JIT today; CUDA later).</summary>
public interface IExecutionBackend
{
    /// <summary>A short name used in fixture names, failure messages and the compile cache key.</summary>
    string Name { get; }

    /// <summary>Returns a delegate of the same type whose body is the compiled kernel.</summary>
    TDelegate Compile<TDelegate>(TDelegate kernel, JitOptions options) where TDelegate : Delegate;
}

/// <summary>The CPU backend: <see cref="Jit.Compile{TDelegate}"/>.</summary>
public sealed class CpuBackend : IExecutionBackend
{
    public static CpuBackend Instance { get; } = new();

    public string Name => "Cpu";

    public TDelegate Compile<TDelegate>(TDelegate kernel, JitOptions options) where TDelegate : Delegate
        => Jit.Compile(kernel, options);
}

/// <summary>A named option set, with what it changes for comparisons.</summary>
public sealed record OptionSet(string Name, JitOptions Options)
{
    /// <summary>The defaults: results bit-identical to .NET.</summary>
    public static OptionSet Default { get; } = new("Default", JitOptions.Default);

    /// <summary>LLVM O0: same semantics, no optimization (catches bugs that optimization hides).</summary>
    public static OptionSet O0 { get; } = new("O0", new JitOptions { OptLevel = 0 });

    /// <summary>Bounds checks removed: only inputs whose accesses stay in range are run.</summary>
    public static OptionSet NoBoundsCheck { get; } = new("NoBoundsCheck", new JitOptions { BoundsCheck = false });

    /// <summary>
    /// Fast math: integers and bools still bit for bit; floats within a stated tolerance, and only on
    /// inputs that are finite and not -0.0 and whose .NET results are finite (fast math assumes no NaN/Inf).
    /// </summary>
    public static OptionSet FastMath { get; } = new("FastMath", new JitOptions { FastMath = true });

    public static IReadOnlyList<OptionSet> All { get; } = [Default, O0, NoBoundsCheck, FastMath];

    public override string ToString() => Name;
}

/// <summary>One instantiation of a feature fixture: a backend and an option set.</summary>
public sealed record ExecutionTarget(IExecutionBackend Backend, OptionSet Set)
{
    public JitOptions Options => Set.Options;

    public override string ToString() => $"{Backend.Name}.{Set.Name}";
}

/// <summary>The fixture sources: every feature fixture is instantiated once per entry.</summary>
public static class ExecutionTargets
{
    /// <summary>The CPU JIT under each option set.</summary>
    public static IEnumerable<TestFixtureData> Cpu()
    {
        foreach (var set in OptionSet.All)
        {
            var target = new ExecutionTarget(CpuBackend.Instance, set);
            yield return new TestFixtureData(target).SetArgDisplayNames(target.ToString());
        }
    }
}

/// <summary>
/// The base of every differential execution fixture: holds the target and the <see cref="Differential"/>
/// helper for it. Feature fixtures are abstract; each backend derives a sealed class with a fixture source.
/// </summary>
public abstract class ExecutionFixture
{
    protected ExecutionFixture(ExecutionTarget target)
    {
        Target = target;
        Diff = new Differential(target);
    }

    protected ExecutionTarget Target { get; }

    protected Differential Diff { get; }

    protected JitOptions Options => Target.Options;

    /// <summary>
    /// For tests whose every input indexes out of range: without bounds checks such an access is
    /// undefined behaviour, so the test runs only in option sets that keep the checks.
    /// (Tests that mix in-range and out-of-range inputs need not call this: <see cref="Differential"/>
    /// skips, under BoundsCheck = false, exactly the inputs for which .NET throws IndexOutOfRangeException.)
    /// </summary>
    protected void RequireBoundsCheck()
    {
        if (!Options.BoundsCheck)
            Assert.Ignore($"{Target}: an out-of-range index is undefined behaviour without bounds checks.");
    }

    /// <summary>For tests about NaN, infinities or signed zeros, which FastMath assumes away.</summary>
    protected void RequireExactFloats()
    {
        if (Options.FastMath)
            Assert.Ignore($"{Target}: fast math assumes no NaN, infinities or signed zeros.");
    }
}
