using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using NUnit.Framework;

namespace Numbana.Tests.Execution;

/// <summary>
/// How far a float result may be from .NET's. Exact (the default, and the only choice outside FastMath)
/// means bit for bit. Otherwise a value passes when it is within <see cref="Ulps"/> units in the last
/// place or within <see cref="Relative"/> relative error; +0.0 and -0.0 are then equal, and two values
/// both below the smallest normal are equal (flush to zero is allowed).
/// </summary>
public readonly record struct Tolerance(long Ulps, double Relative, bool AnyNaN = false)
{
    /// <summary>Bit for bit (NaN payloads and the sign of zero included).</summary>
    public static Tolerance Exact => default;

    /// <summary>The FastMath default for a single operation: 4 ULP.</summary>
    public static Tolerance FastMathDefault => new(4, 0);

    public static Tolerance UlpsOf(long ulps) => new(ulps, 0);

    public static Tolerance RelativeOf(double relative) => new(0, relative);

    public bool IsExact => Ulps == 0 && Relative == 0;

    /// <summary>
    /// Any NaN equals any NaN (sign and payload ignored). Only for expressions where two different NaNs
    /// meet in one operation: which operand's NaN survives depends on operand order in the machine
    /// instruction, which RyuJIT's register allocation chooses (x + Math.Abs(x) with x = double.NaN
    /// gives +NaN under .NET but -NaN for Math.Abs(x) + x), so no compiler can match it in general.
    /// </summary>
    public Tolerance WithAnyNaN() => this with { AnyNaN = true };

    public bool Accepts(double expected, double actual)
    {
        if (BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual)) return true;
        if (AnyNaN && double.IsNaN(expected) && double.IsNaN(actual)) return true;
        if (IsExact) return false;
        if (double.IsNaN(expected) || double.IsNaN(actual)) return double.IsNaN(expected) && double.IsNaN(actual);
        if (double.IsInfinity(expected) || double.IsInfinity(actual)) return expected == actual;
        if (Math.Abs(expected) < 2.2250738585072014E-308 && Math.Abs(actual) < 2.2250738585072014E-308) return true;
        if (Ulps > 0 && UlpDistance(expected, actual) <= Ulps) return true;
        return Relative > 0 && Math.Abs(expected - actual) <= Relative * Math.Abs(expected);
    }

    public bool Accepts(float expected, float actual)
    {
        if (BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual)) return true;
        if (AnyNaN && float.IsNaN(expected) && float.IsNaN(actual)) return true;
        if (IsExact) return false;
        if (float.IsNaN(expected) || float.IsNaN(actual)) return float.IsNaN(expected) && float.IsNaN(actual);
        if (float.IsInfinity(expected) || float.IsInfinity(actual)) return expected == actual;
        if (MathF.Abs(expected) < 1.17549435E-38f && MathF.Abs(actual) < 1.17549435E-38f) return true;
        if (Ulps > 0 && UlpDistance(expected, actual) <= Ulps) return true;
        return Relative > 0 && Math.Abs((double)expected - actual) <= Relative * Math.Abs((double)expected);
    }

    /// <summary>Distance in representable doubles (+0.0 and -0.0 are the same point).</summary>
    public static Int128 UlpDistance(double a, double b) => Int128.Abs((Int128)Ordered(a) - Ordered(b));

    public static long UlpDistance(float a, float b) => Math.Abs((long)Ordered(a) - Ordered(b));

    private static long Ordered(double d)
    {
        var bits = BitConverter.DoubleToInt64Bits(d);
        return bits >= 0 ? bits : long.MinValue - bits;
    }

    private static int Ordered(float f)
    {
        var bits = BitConverter.SingleToInt32Bits(f);
        return bits >= 0 ? bits : int.MinValue - bits;
    }

    public override string ToString() => Describe() + (AnyNaN ? " (any NaN equals any NaN)" : "");

    private string Describe()
        => IsExact ? "bit for bit" : Ulps > 0 && Relative > 0 ? $"{Ulps} ULP or relative {Relative:G3}"
            : Ulps > 0 ? $"{Ulps} ULP" : $"relative {Relative:G3}";
}

/// <summary>The outcome of one call: a value (or <see cref="NoValue"/> for void) or an exception.</summary>
public readonly record struct Outcome(object? Value, Exception? Exception)
{
    /// <summary>The value of a void call.</summary>
    public static readonly object NoValue = new();
}

/// <summary>
/// The result of running one kernel over many inputs both ways. <see cref="AssertPassed"/> fails the
/// test with every mismatch listed (the first <see cref="MaxListed"/> of them in full).
/// </summary>
public sealed class DifferentialReport(ExecutionTarget target, string kernel)
{
    public const int MaxListed = 20;

    private readonly List<string> _failures = [];

    public ExecutionTarget Target { get; } = target;

    public string Kernel { get; } = kernel;

    /// <summary>Inputs offered.</summary>
    public int Total { get; internal set; }

    /// <summary>Inputs run both ways and compared.</summary>
    public int Compared { get; internal set; }

    /// <summary>Inputs not run on the compiled side (FastMath: non-finite; no bounds checks: out of range).</summary>
    public int Skipped { get; internal set; }

    public int FailureCount { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>A failure that stopped the run (the kernel did not compile, or threw a Numbana exception).</summary>
    public string? Fatal { get; internal set; }

    public Tolerance Tolerance { get; internal set; }

    public bool Passed => Fatal is null && FailureCount == 0 && Compared > 0;

    internal void AddFailure(string text)
    {
        FailureCount++;
        if (_failures.Count < MaxListed) _failures.Add(text);
    }

    public string Message
    {
        get
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"[{Target}] {Kernel}: ");
            if (Fatal is not null)
                return text.Append(Fatal).ToString();
            if (Compared == 0)
                return text.Append(CultureInfo.InvariantCulture,
                    $"no input was compared ({Skipped} of {Total} skipped under {Target.Set.Name}); as written this test cannot fail.").ToString();
            text.Append(CultureInfo.InvariantCulture,
                $"{FailureCount} of {Compared} inputs differ between .NET (expected) and compiled (actual), comparing floats {Tolerance}");
            if (Skipped > 0) text.Append(CultureInfo.InvariantCulture, $"; {Skipped} inputs skipped under {Target.Set.Name}");
            text.Append(':');
            foreach (var failure in _failures) text.Append("\n  ").Append(failure);
            if (FailureCount > _failures.Count)
                text.Append(CultureInfo.InvariantCulture, $"\n  ... and {FailureCount - _failures.Count} more");
            return text.ToString();
        }
    }

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"[{Target}] {Kernel}: {Compared} inputs compared, {Skipped} skipped, {FailureCount} differ");

    public void AssertPassed()
    {
        if (!Passed) Assert.Fail(Message);
        TestContext.Out.WriteLine(Summary);
    }
}

/// <summary>
/// Runs a kernel both ways on the same inputs and compares: expected = the method called directly
/// by .NET, actual = the compiled delegate. Each side gets its own copy of every array argument, and
/// the arrays are compared after the call too (stores are results). An exception is a result: both
/// sides must throw the same exception type, and leave the same array contents.
/// Compiled delegates are cached per (backend, method, delegate type, options): one compile per option set.
/// </summary>
public sealed class Differential(ExecutionTarget target, bool anyNaN = false)
{
    /// <summary>Compiled kernels; the delegate's target is part of the key, since each closure of a capturing lambda reads its own variables.</summary>
    private static readonly ConcurrentDictionary<(string Backend, MethodInfo Method, object? Target, Type DelegateType, JitOptions Options), Lazy<Delegate>> Cache = new();

    /// <summary>The exceptions a kernel of the subset can raise; any other from the compiled side stops the test.</summary>
    private static readonly HashSet<Type> KernelExceptions =
    [
        typeof(IndexOutOfRangeException), typeof(DivideByZeroException), typeof(OverflowException),
        typeof(NullReferenceException), typeof(ArgumentNullException),
    ];

    public ExecutionTarget Target { get; } = target;

    /// <summary>True when any NaN equals any NaN (see <see cref="Tolerance.AnyNaN"/>).</summary>
    public bool AnyNaN { get; } = anyNaN;

    /// <summary>The same helper comparing any NaN equal to any NaN: only where two different NaNs meet.</summary>
    public Differential AnyNaNPayload => new(Target, anyNaN: true);

    /// <summary>The compiled delegate for this target (cached; compiles at its first call).</summary>
    public TDelegate Compile<TDelegate>(TDelegate kernel) where TDelegate : Delegate
    {
        var key = (Target.Backend.Name, kernel.Method, kernel.Target, typeof(TDelegate), Target.Options);
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<Delegate>(
            () => Target.Backend.Compile(kernel, Target.Options), LazyThreadSafetyMode.ExecutionAndPublication));
        return (TDelegate)lazy.Value;
    }

    // ---- Func shapes -------------------------------------------------------------------------

    public void Check<T1, TR>(Func<T1, TR> kernel, IEnumerable<T1> inputs, Tolerance? fastMath = null)
        => Evaluate(kernel, inputs, fastMath).AssertPassed();

    public void Check<T1, T2, TR>(Func<T1, T2, TR> kernel, IEnumerable<(T1, T2)> inputs, Tolerance? fastMath = null)
        => Evaluate(kernel, inputs, fastMath).AssertPassed();

    public void Check<T1, T2, T3, TR>(Func<T1, T2, T3, TR> kernel, IEnumerable<(T1, T2, T3)> inputs, Tolerance? fastMath = null)
        => Evaluate(kernel, inputs, fastMath).AssertPassed();

    public void Check<T1, T2, T3, T4, TR>(Func<T1, T2, T3, T4, TR> kernel, IEnumerable<(T1, T2, T3, T4)> inputs, Tolerance? fastMath = null)
        => Evaluate(kernel, inputs, fastMath).AssertPassed();

    public DifferentialReport Evaluate<T1, TR>(Func<T1, TR> kernel, IEnumerable<T1> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x }),
            static (d, a) => ((Func<T1, TR>)d)((T1)a[0]!), fastMath);

    public DifferentialReport Evaluate<T1, T2, TR>(Func<T1, T2, TR> kernel, IEnumerable<(T1, T2)> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x.Item1, x.Item2 }),
            static (d, a) => ((Func<T1, T2, TR>)d)((T1)a[0]!, (T2)a[1]!), fastMath);

    public DifferentialReport Evaluate<T1, T2, T3, TR>(Func<T1, T2, T3, TR> kernel, IEnumerable<(T1, T2, T3)> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x.Item1, x.Item2, x.Item3 }),
            static (d, a) => ((Func<T1, T2, T3, TR>)d)((T1)a[0]!, (T2)a[1]!, (T3)a[2]!), fastMath);

    public DifferentialReport Evaluate<T1, T2, T3, T4, TR>(Func<T1, T2, T3, T4, TR> kernel, IEnumerable<(T1, T2, T3, T4)> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x.Item1, x.Item2, x.Item3, x.Item4 }),
            static (d, a) => ((Func<T1, T2, T3, T4, TR>)d)((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!), fastMath);

    // ---- Action shapes (void kernels: the results are the arrays) ----------------------------

    public void CheckVoid<T1>(Action<T1> kernel, IEnumerable<T1> inputs, Tolerance? fastMath = null)
        => EvaluateVoid(kernel, inputs, fastMath).AssertPassed();

    public void CheckVoid<T1, T2>(Action<T1, T2> kernel, IEnumerable<(T1, T2)> inputs, Tolerance? fastMath = null)
        => EvaluateVoid(kernel, inputs, fastMath).AssertPassed();

    public void CheckVoid<T1, T2, T3>(Action<T1, T2, T3> kernel, IEnumerable<(T1, T2, T3)> inputs, Tolerance? fastMath = null)
        => EvaluateVoid(kernel, inputs, fastMath).AssertPassed();

    public void CheckVoid<T1, T2, T3, T4>(Action<T1, T2, T3, T4> kernel, IEnumerable<(T1, T2, T3, T4)> inputs, Tolerance? fastMath = null)
        => EvaluateVoid(kernel, inputs, fastMath).AssertPassed();

    public DifferentialReport EvaluateVoid<T1>(Action<T1> kernel, IEnumerable<T1> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x }),
            static (d, a) => { ((Action<T1>)d)((T1)a[0]!); return Outcome.NoValue; }, fastMath);

    public DifferentialReport EvaluateVoid<T1, T2>(Action<T1, T2> kernel, IEnumerable<(T1, T2)> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x.Item1, x.Item2 }),
            static (d, a) => { ((Action<T1, T2>)d)((T1)a[0]!, (T2)a[1]!); return Outcome.NoValue; }, fastMath);

    public DifferentialReport EvaluateVoid<T1, T2, T3>(Action<T1, T2, T3> kernel, IEnumerable<(T1, T2, T3)> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x.Item1, x.Item2, x.Item3 }),
            static (d, a) => { ((Action<T1, T2, T3>)d)((T1)a[0]!, (T2)a[1]!, (T3)a[2]!); return Outcome.NoValue; }, fastMath);

    public DifferentialReport EvaluateVoid<T1, T2, T3, T4>(Action<T1, T2, T3, T4> kernel, IEnumerable<(T1, T2, T3, T4)> inputs, Tolerance? fastMath = null)
        => Run(kernel, inputs.Select(x => new object?[] { x.Item1, x.Item2, x.Item3, x.Item4 }),
            static (d, a) => { ((Action<T1, T2, T3, T4>)d)((T1)a[0]!, (T2)a[1]!, (T3)a[2]!, (T4)a[3]!); return Outcome.NoValue; }, fastMath);

    // ---- the core ----------------------------------------------------------------------------

    private DifferentialReport Run<TDelegate>(TDelegate kernel, IEnumerable<object?[]> inputs,
        Func<Delegate, object?[], object?> call, Tolerance? fastMath) where TDelegate : Delegate
    {
        var name = $"{kernel.Method.DeclaringType?.Name}.{kernel.Method.Name}";
        var options = Target.Options;
        var report = new DifferentialReport(Target, name)
        {
            Tolerance = options.FastMath ? fastMath ?? Tolerance.FastMathDefault : Tolerance.Exact,
        };
        if (AnyNaN) report.Tolerance = report.Tolerance.WithAnyNaN();

        Delegate compiled;
        try
        {
            compiled = Compile(kernel);
        }
        catch (Exception ex)
        {
            report.Fatal = $"Jit.Compile threw {ex.GetType().Name}:\n{ex}";
            return report;
        }

        if (compiled.Method == kernel.Method)
        {
            report.Fatal = "the backend returned a delegate to the .NET method itself: nothing would be compared against compiled code.";
            return report;
        }

        foreach (var args in inputs)
        {
            report.Total++;
            if (options.FastMath && !Values.FastMathSafe(args))
            {
                report.Skipped++;
                continue;
            }

            var expectedArgs = Values.CloneAll(args);
            var expected = Invoke(call, kernel, expectedArgs);
            if (!options.BoundsCheck && expected.Exception is IndexOutOfRangeException)
            {
                report.Skipped++; // out of range: undefined behaviour without bounds checks; don't run it
                continue;
            }
            if (options.FastMath && !(Values.FastMathSafe(expected.Value) && Values.FastMathSafe(expectedArgs)))
            {
                report.Skipped++; // .NET's result is NaN/Inf: fast math assumes none
                continue;
            }

            var actualArgs = Values.CloneAll(args);
            var actual = Invoke(call, compiled, actualArgs);
            if (actual.Exception is { } thrown && thrown.GetType() != expected.Exception?.GetType()
                && (thrown is NumbanaException || !KernelExceptions.Contains(thrown.GetType())))
            {
                report.Fatal = $"{Values.FormatCall(kernel.Method, args)}: expected {Values.Format(expected)}, "
                    + $"but the compiled kernel threw {thrown.GetType().Name}, which this kernel cannot raise:\n{thrown}";
                return report;
            }

            report.Compared++;
            var difference = Compare(expected, actual, expectedArgs, actualArgs, report.Tolerance);
            if (difference is not null)
                report.AddFailure($"{Values.FormatCall(kernel.Method, args)}: {difference}");
        }
        return report;
    }

    private static Outcome Invoke(Func<Delegate, object?[], object?> call, Delegate d, object?[] args)
    {
        try
        {
            return new Outcome(call(d, args), null);
        }
        catch (Exception ex)
        {
            return new Outcome(null, ex);
        }
    }

    private static string? Compare(Outcome expected, Outcome actual, object?[] expectedArgs, object?[] actualArgs, Tolerance tolerance)
    {
        var text = new StringBuilder();
        if (expected.Exception is not null || actual.Exception is not null)
        {
            if (expected.Exception?.GetType() != actual.Exception?.GetType())
                text.Append($"expected {Values.Format(expected)}, actual {Values.Format(actual)}");
        }
        else if (!Values.Same(expected.Value, actual.Value, tolerance))
        {
            text.Append($"expected {Values.Format(expected)}, actual {Values.Format(actual)}");
            if (expected.Value is Array ea && actual.Value is Array aa)
                text.Append(' ').Append(Values.DescribeDifference(ea, aa, tolerance));
        }

        for (var i = 0; i < expectedArgs.Length; i++)
        {
            if (expectedArgs[i] is not Array e || actualArgs[i] is not Array a || Values.Same(e, a, tolerance)) continue;
            if (text.Length > 0) text.Append("; ");
            else text.Append($"returned {Values.Format(expected)} both ways, but ");
            text.Append($"argument {i} after the call differs: {Values.DescribeDifference(e, a, tolerance)}"
                + $"\n      expected {Values.Format(e)}\n      actual   {Values.Format(a)}");
        }
        return text.Length == 0 ? null : text.ToString();
    }
}

/// <summary>Value helpers: copies, comparison and the formatting used in failure messages.</summary>
public static class Values
{
    /// <summary>
    /// Copies the arguments for one side: every distinct array once, so an array passed twice (aliasing)
    /// is still one array in the copy.
    /// </summary>
    public static object?[] CloneAll(object?[] args)
    {
        var copies = new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        var copy = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is Array a)
            {
                copy[i] = CloneDeep(a, copies);
            }
            else
            {
                copy[i] = args[i];
            }
        }
        return copy;
    }

    /// <summary>
    /// A copy of <paramref name="array"/>; a jagged array's rows are copied too (each distinct row once, so rows
    /// shared between jagged arrays, or with another argument, stay shared in the copy).
    /// </summary>
    private static object CloneDeep(Array array, Dictionary<object, object> copies)
    {
        if (copies.TryGetValue(array, out var known)) return known;
        var copy = (Array)array.Clone();
        copies[array] = copy;
        if (array is object?[] rows && array.GetType().GetElementType()!.IsArray)
            for (var i = 0; i < rows.Length; i++)
                if (rows[i] is Array row) copy.SetValue(CloneDeep(row, copies), i);
        return copy;
    }

    public static bool Same(object? expected, object? actual, Tolerance tolerance) => (expected, actual) switch
    {
        (double e, double a) => tolerance.Accepts(e, a),
        (float e, float a) => tolerance.Accepts(e, a),
        (Array e, Array a) => e.GetType() == a.GetType() && SameShape(e, a) && FirstDifference(e, a, tolerance) < 0,
        (ValueType e, ValueType a) when IsStruct(e.GetType()) => e.GetType() == a.GetType() && SameFields(e, a, tolerance),
        _ => Equals(expected, actual),
    };

    private static bool IsStruct(Type type) => type is { IsValueType: true, IsPrimitive: false, IsEnum: false };

    /// <summary>
    /// A struct compares field by field with <see cref="Same"/> (floats by their bits): a struct's own Equals
    /// would call -0.0 and +0.0 equal, and NaN payloads too.
    /// </summary>
    private static bool SameFields(object expected, object actual, Tolerance tolerance) =>
        expected.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .All(f => Same(f.GetValue(expected), f.GetValue(actual), tolerance));

    /// <summary>The same rank and the same length in every dimension.</summary>
    public static bool SameShape(Array expected, Array actual) =>
        expected.Rank == actual.Rank && Enumerable.Range(0, expected.Rank).All(d => expected.GetLength(d) == actual.GetLength(d));

    /// <summary>Element <paramref name="flatIndex"/> in row-major order (any rank; the arrays here are zero-based).</summary>
    public static object? ElementAt(Array array, int flatIndex)
    {
        if (array.Rank == 1) return array.GetValue(flatIndex);
        var indices = new int[array.Rank];
        for (var d = array.Rank - 1; d >= 0; d--)
        {
            indices[d] = flatIndex % array.GetLength(d);
            flatIndex /= array.GetLength(d);
        }
        return array.GetValue(indices);
    }

    public static int FirstDifference(Array expected, Array actual, Tolerance tolerance)
    {
        var n = Math.Min(expected.Length, actual.Length);
        for (var i = 0; i < n; i++)
            if (!Same(ElementAt(expected, i), ElementAt(actual, i), tolerance)) return i;
        return expected.Length == actual.Length ? -1 : n;
    }

    public static string DescribeDifference(Array expected, Array actual, Tolerance tolerance)
    {
        if (!SameShape(expected, actual)) return $"shape {Shape(expected)} expected, {Shape(actual)} actual";
        var first = FirstDifference(expected, actual, tolerance);
        var count = 0;
        for (var i = 0; i < expected.Length; i++)
            if (!Same(ElementAt(expected, i), ElementAt(actual, i), tolerance)) count++;
        return $"{count} of {expected.Length} elements differ, first at [{first}] (row-major): expected {Format(ElementAt(expected, first))}, actual {Format(ElementAt(actual, first))}";
    }

    private static string Shape(Array array) => string.Join("x", Enumerable.Range(0, array.Rank).Select(array.GetLength));

    /// <summary>FastMath assumes no NaN, no infinities and no signed zeros: true when a value has none.</summary>
    public static bool FastMathSafe(object? value) => value switch
    {
        double d => double.IsFinite(d) && BitConverter.DoubleToInt64Bits(d) != long.MinValue,
        float f => float.IsFinite(f) && BitConverter.SingleToInt32Bits(f) != int.MinValue,
        double[] ds => Array.TrueForAll(ds, d => double.IsFinite(d)),
        float[] fs => Array.TrueForAll(fs, f => float.IsFinite(f)),
        Array { Rank: > 1 } multi => multi.Cast<object>().All(FastMathSafe),
        object?[] args => Array.TrueForAll(args, FastMathSafe),
        _ => true,
    };

    public static string FormatCall(MethodInfo method, object?[] args)
        => $"{method.Name}({string.Join(", ", args.Select(a => Format(a)))})";

    public static string Format(Outcome outcome)
        => outcome.Exception is { } ex ? ex.GetType().Name
            : ReferenceEquals(outcome.Value, Outcome.NoValue) ? "(void)" : Format(outcome.Value);

    public static string Format(object? value, int maxElements = 12) => value switch
    {
        null => "null",
        double d => string.Create(CultureInfo.InvariantCulture, $"{d:R} (0x{BitConverter.DoubleToInt64Bits(d):X16})"),
        float f => string.Create(CultureInfo.InvariantCulture, $"{f:R}f (0x{BitConverter.SingleToInt32Bits(f):X8})"),
        int i => string.Create(CultureInfo.InvariantCulture, $"{i} (0x{i:X8})"),
        long l => string.Create(CultureInfo.InvariantCulture, $"{l}L (0x{l:X16})"),
        bool b => b ? "true" : "false",
        Array a => FormatArray(a, maxElements),
        ValueType v when IsStruct(v.GetType()) => "{ " + string.Join(", ", v.GetType()
            .GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Select(f => Format(f.GetValue(v)))) + " }",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static string FormatArray(Array a, int maxElements)
    {
        var element = a.GetType().GetElementType()!.Name switch
        {
            "Double" => "double", "Single" => "float", "Int32" => "int", "Int64" => "long", "Boolean" => "bool",
            var other => other,
        };
        var text = new StringBuilder($"{element}[{Shape(a).Replace('x', ',')}] {{");
        for (var i = 0; i < a.Length; i++)
        {
            if (a.Length > maxElements && i == maxElements - 2)
            {
                text.Append(" ...");
                i = a.Length - 2;
            }
            text.Append(i == 0 ? " " : ", ").Append(Format(ElementAt(a, i)));
        }
        return text.Append(" }").ToString();
    }
}
