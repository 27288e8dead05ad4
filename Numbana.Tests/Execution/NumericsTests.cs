using System.Numerics;
using NUnit.Framework;
using static Numbana.Tests.Execution.EdgeValues;
using K = Numbana.Tests.Execution.Kernels.NumericsKernels;

namespace Numbana.Tests.Execution;

/// <summary>
/// System.Numerics.Complex (compiled from its own IL) and Vector2/3/4 (mapped to lane arithmetic) against
/// .NET, bit for bit, on edge values: zeros of both signs, NaN, infinities, subnormals, huge and tiny values.
/// </summary>
public abstract class NumericsTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly double[] ComplexParts = [0.0, -0.0, 1.0, -2.5, 0.1, 1e300, -1e-300, double.Epsilon, double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    private static readonly float[] Lanes = [0f, -0f, 1f, -1.5f, 0.1f, 3f, 1e30f, -1e-30f, float.Epsilon, float.MaxValue, float.NaN, float.PositiveInfinity, float.NegativeInfinity];

    /// <summary>Edge parts in every pair; under FastMath (no NaN, infinities or overflow assumed) random parts away from zero.</summary>
    private Complex[] ComplexValues()
    {
        if (!Options.FastMath) return Pairs(ComplexParts).Select(p => new Complex(p.Item1, p.Item2)).ToArray();
        var parts = TestData.Doubles(5, 200, 0.5, 10);
        return Enumerable.Range(0, 100).Select(i => new Complex(i % 2 == 0 ? parts[2 * i] : -parts[2 * i], i % 3 == 0 ? -parts[2 * i + 1] : parts[2 * i + 1])).ToArray();
    }

    private static Vector4[] RandomVectors(int seed, int n, float low = -10, float high = 10)
    {
        var values = TestData.Floats(seed, 4 * n, low, high);
        return Enumerable.Range(0, n).Select(i => new Vector4(values[4 * i], values[4 * i + 1], values[4 * i + 2], values[4 * i + 3])).ToArray();
    }

    /// <summary>Edge lanes and random vectors; under FastMath positive random lanes only (no NaN, infinities, or square roots of negatives).</summary>
    private Vector4[] EdgeVectors()
    {
        if (Options.FastMath) return RandomVectors(1, 100, 0.5f, 10);
        var lanes = Lanes;
        return Enumerable.Range(0, 60).Select(i => new Vector4(lanes[i % lanes.Length], lanes[i * 7 % lanes.Length], lanes[i * 5 % lanes.Length], lanes[i * 3 % lanes.Length]))
            .Concat(RandomVectors(1, 40)).ToArray();
    }

    private IEnumerable<(Vector4, Vector4, int)> VectorInputs(int operations)
    {
        var vectors = EdgeVectors();
        return from a in vectors.Where((_, i) => i % 2 == 0) from b in vectors.Where((_, i) => i % 3 == 0) from op in Enumerable.Range(0, operations) select (a, b, op);
    }

    /// <summary>FastMath may reassociate, contract (Cross's cancellation) and assume no NaN: the vector and complex checks compare within a relative error there.</summary>
    private static readonly Tolerance FastMathTolerance = Tolerance.RelativeOf(1e-3);

    [Test] public void MandelbrotOverComplex()
    {
        RequireExactFloats(); // iteration counts at the set's edge change with the last bit
        var xs = Enumerable.Range(0, 64).Select(i => -2.0 + i * (2.5 / 63)).ToArray();
        Diff.CheckVoid(K.Mandelbrot, from y in new[] { -1.0, -0.5, 0.0, 0.25, 0.75 } select (xs, y, 200, new int[xs.Length]));
    }

    /// <remarks>Any NaN payload: two NaN parts meet in one addition, where the operand order decides which survives.</remarks>
    [Test] public void ComplexArithmetic()
    {
        var values = ComplexValues().Where((_, i) => i % 3 == 0).ToArray();
        Diff.AnyNaNPayload.Check(K.ComplexBinary, from a in values from b in values from op in Enumerable.Range(0, 7) select (a, b, op), FastMathTolerance);
    }

    [Test] public void ComplexFunctions()
    {
        if (Options.FastMath) Assert.Ignore("Exp, Sqrt and the polar form call the C library; FastMath only reorders arithmetic around them");
        Diff.AnyNaNPayload.Check(K.ComplexUnary, from a in ComplexValues().Concat([Complex.One, Complex.ImaginaryOne]) from op in Enumerable.Range(0, 7) select (a, op));
    }

    [Test] public void ComplexArrays() =>
        Diff.AnyNaNPayload.CheckVoid(K.ComplexArray, from n in Lengths.Take(10) select (ComplexValues().Take(n).ToArray(), new Complex(0.5, -2)), FastMathTolerance);

    [Test] public void Vector2Operations() =>
        Diff.AnyNaNPayload.Check(K.Vector2Ops, VectorInputs(19).Select(x => (new Vector2(x.Item1.X, x.Item1.Y), new Vector2(x.Item2.Z, x.Item2.W), x.Item3)), FastMathTolerance);

    [Test] public void Vector3Operations() =>
        Diff.AnyNaNPayload.Check(K.Vector3Ops, VectorInputs(19).Select(x => (new Vector3(x.Item1.X, x.Item1.Y, x.Item1.Z), new Vector3(x.Item2.Y, x.Item2.Z, x.Item2.W), x.Item3)), FastMathTolerance);

    [Test] public void Vector4Operations() => Diff.AnyNaNPayload.Check(K.Vector4Ops, VectorInputs(19), FastMathTolerance);

    /// <summary>Dot adds pairwise as dpps does, (p0 + p1) + (p2 + p3): the random inputs tell the orders apart, the zeros the signs.</summary>
    [Test] public void DotLengthAndDistance() => Diff.AnyNaNPayload.Check(K.VectorScalars, VectorInputs(18), FastMathTolerance);

    [Test] public void NBodyStepOverVector3Arrays()
    {
        foreach (var n in new[] { 0, 1, 2, 5, 16, 33 })
        {
            var p = RandomVectors(n, n).Select(v => new Vector3(v.X, v.Y, v.Z)).ToArray();
            var v = RandomVectors(n + 100, n).Select(v => new Vector3(v.X, v.Y, v.Z) * 0.1f).ToArray();
            Diff.CheckVoid(K.NBodyStep, [(p, v, TestData.Floats(n, n, 0.5f, 2f), 0.01f)], Tolerance.RelativeOf(1e-3));
        }
    }
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuNumericsTests(ExecutionTarget target) : NumericsTests(target);
