using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.MathKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// Math.Sqrt, Abs, Min, Max, Floor, Ceiling, Exp, Log, Sin, Cos, Pow. By default bit for bit: exact
/// IEEE functions and the same libm the .NET runtime calls. Under FastMath within 4 ULP.
/// </summary>
public abstract class MathFunctionTests(ExecutionTarget target) : ExecutionFixture(target)
{
    /// <summary>The edge values plus arguments that are hard for each function.</summary>
    private static readonly double[] Arguments =
    [
        .. Doubles,
        709.782712893384, 709.7827128933841 /* exp overflows */, -745.1332191019411, -745.1332191019412 /* exp underflows */, -708.4, 1e-10,
        1e22, -1e22, 1e100, 3.141592653589793, 1.5707963267948966, 6.283185307179586, 355.0, 1e6 + 0.5, 0.7853981633974483,
        -0.5000000000000001, 0.5000000000000001, 4503599627370496.0, -4503599627370495.5, 9007199254740993.0, 0.9999999999999999, -1e-320,
    ];

    private static readonly double[] Exponents =
    [
        0.0, -0.0, 1.0, -1.0, 2.0, 0.5, -0.5, 3.0, -3.0, 1.5, 1e10, -1e10, 0.1, 1024.0, -1075.0, 53.0, double.Epsilon,
        double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    ];

    [Test] public void Sqrt() => Diff.Check(K.Sqrt, Arguments);
    [Test] public void AbsOfDouble() => Diff.Check(K.AbsDouble, Arguments);
    [Test] public void Floor() => Diff.Check(K.Floor, Arguments);
    [Test] public void Ceiling() => Diff.Check(K.Ceiling, Arguments);
    [Test] public void Exp() => Diff.Check(K.Exp, Arguments);
    [Test] public void Log() => Diff.Check(K.Log, Arguments);
    [Test] public void Sin() => Diff.Check(K.Sin, Arguments.Concat(TestData.Doubles(3, 200, -10, 10)).Concat(TestData.Doubles(4, 50, -1e15, 1e15)));
    [Test] public void Cos() => Diff.Check(K.Cos, Arguments.Concat(TestData.Doubles(5, 200, -10, 10)).Concat(TestData.Doubles(6, 50, -1e15, 1e15)));
    [Test] public void Pow() => Diff.Check(K.Pow, Pairs(Arguments, Exponents).Concat(Pairs(Exponents, Arguments)));
    [Test] public void MinAndMaxOfDoubleWithNaNAndSignedZeros()
    {
        Diff.Check(K.MinDouble, Pairs(Doubles));
        Diff.Check(K.MaxDouble, Pairs(Doubles));
    }
    [Test] public void MinAndMaxOfFloatWithNaNAndSignedZeros()
    {
        Diff.Check(K.MinFloat, Pairs(Floats));
        Diff.Check(K.MaxFloat, Pairs(Floats));
    }
    [Test] public void AbsOfFloat() => Diff.Check(K.AbsFloat, Floats);
    [Test] public void AbsOfIntThrowsOnMinValue() => Diff.Check(K.AbsInt, Ints);
    [Test] public void AbsOfLongThrowsOnMinValue() => Diff.Check(K.AbsLong, Longs);
    [Test] public void MinAndMaxOfIntAndLong()
    {
        Diff.Check(K.MinInt, Pairs(Ints));
        Diff.Check(K.MaxInt, Pairs(Ints));
        Diff.Check(K.MinLong, Pairs(Longs));
        Diff.Check(K.MaxLong, Pairs(Longs));
    }
    [Test] public void Compositions()
    {
        Diff.Check(K.Hypot, Pairs(Doubles));
        Diff.Check(K.SoftPlus, Arguments);
        Diff.Check(K.Rotate, Triples([1.0, -0.0, 3.5, double.NaN], [0.0, 2.0, double.PositiveInfinity], [0.0, 0.5, Math.PI, 1e22]));
        Diff.Check(K.ClampWithMinMax, Triples(Doubles, [-1.0, 0.0, -0.0, double.NaN], [1.0, 0.0, -0.0, double.NaN]));
        Diff.Check(K.ClampIntWithMinMax, Triples(Ints, [-10, 0, int.MinValue], [10, 0, int.MaxValue, -20]));
        Diff.Check(K.FloorDivision, Pairs(Doubles));
        Diff.Check(K.PowOfSqrt, Arguments);
    }
    [Test] public void MathInALoop() =>
        Diff.Check(K.SumOfAbsLoop, Lengths.Select(n => TestData.DoublesWithEdges(n, n)), Tolerance.RelativeOf(1e-12));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuMathFunctionTests(ExecutionTarget target) : MathFunctionTests(target);
