using System.Numerics;
using Numbana.Tests.Execution;
using NUnit.Framework;
using K = Numbana.Tests.Trial.TrialKernels;

namespace Numbana.Tests.Trial;

/// <summary>
/// The new-user trial: each kernel of <see cref="TrialKernels"/>, unchanged, compiled and compared with
/// .NET bit for bit on realistic inputs (under FastMath, within a relative error stated per kernel, or
/// not run where the algorithm amplifies rounding differences, such as escape-time counts).
/// </summary>
public abstract class TrialTests(ExecutionTarget target) : ExecutionFixture(target)
{
    private static readonly Tolerance Relative = Tolerance.RelativeOf(1e-9);

    [Test] public void SpectralNorm() => Diff.Check(K.SpectralNorm, new[] { 1, 2, 10, 33, 100 }, Relative);

    /// <summary>
    /// n = 0 computes Math.Sqrt(0.0 / 0.0). The trial found that LLVM folds that division on the path where
    /// both sums are known to be zero, and folding gives the positive quiet NaN (0x7FF8...), while x64's
    /// divsd, which .NET runs, gives the negative one (0xFFF8...): a NaN either way, with another sign bit.
    /// </summary>
    [Test] public void SpectralNormOfNothingIsNaN()
    {
        RequireExactFloats();
        Diff.AnyNaNPayload.Check(K.SpectralNorm, new[] { 0 });
    }

    [Test] public void NBody()
    {
        // The five bodies of the Benchmarks Game (sun, Jupiter, Saturn, Uranus, Neptune) in solar units.
        double[] Positions() =>
        [
            0, 0, 0,
            4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
            8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
            1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
            1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
        ];
        double[] Velocities() =>
        [
            0, 0, 0,
            1.66007664274403694e-03 * 365.24, 7.69901118419740425e-03 * 365.24, -6.90460016972063023e-05 * 365.24,
            -2.76742510726862411e-03 * 365.24, 4.99852801234917238e-03 * 365.24, 2.30417297573763929e-05 * 365.24,
            2.96460137564761618e-03 * 365.24, 2.37847173959480950e-03 * 365.24, -2.96589568540237556e-05 * 365.24,
            2.68067772490389322e-03 * 365.24, 1.62824170038242295e-03 * 365.24, -9.51592254519715870e-05 * 365.24,
        ];
        const double solarMass = 4 * Math.PI * Math.PI;
        double[] masses = [solarMass, 9.54791938424326609e-04 * solarMass, 2.85885980666130812e-04 * solarMass,
                           4.36624404335156298e-05 * solarMass, 5.15138902046611451e-05 * solarMass];
        Diff.Check(K.NBodyEnergyAfterSteps, new[] { 0, 1, 10, 1000 }.Select(steps => (Positions(), Velocities(), masses, steps)), Relative);
    }

    [Test] public void Mandelbrot()
    {
        RequireExactFloats(); // escape counts near the set's boundary depend on the last bit
        Diff.CheckVoid(K.Mandelbrot, new[] { (1, 1), (7, 5), (64, 48) }.Select(s => (new int[s.Item1 * s.Item2], s.Item1, s.Item2, 200)));
    }

    [Test] public void LuDecomposition() =>
        Diff.Check(K.LuDecompose,
            new[] { 1, 2, 5, 16, 33 }.Select(n => (TestData.Doubles(n, n * n), new int[n], n))
                .Append((new double[9], new int[3], 3)) // singular: InvalidOperationException("Matrix is singular.") after the stores before it
                .Append(([1, 2, 3, 2, 4, 6, 1, 0, 1], new int[3], 3)),
            Relative);

    [Test] public void JacobiRelaxation() =>
        Diff.Check(K.Jacobi, from size in new[] { 2, 3, 8, 31 } from sweeps in new[] { 0, 1, 2, 7 }
                             select (TestData.Doubles(size, size * size, 0, 100), new double[size * size], size, sweeps), Relative);

    [Test] public void Fft() =>
        Diff.CheckVoid(K.Fft, new[] { 1, 2, 4, 8, 64, 1024, 12 }.Select(n => (TestData.Doubles(n, n), TestData.Doubles(n + 1, n))),
            Tolerance.RelativeOf(1e-6));

    [Test] public void BlackScholes() =>
        Diff.CheckVoid(K.BlackScholesCalls, new[] { 0, 1, 7, 100 }.Select(n =>
            (TestData.Doubles(n, n, 80, 120), TestData.Doubles(n + 1, n, 60, 140), TestData.Doubles(n + 2, n, 0.25, 3), new double[n])),
            Tolerance.RelativeOf(1e-9)); // options near the money: prices are not tiny differences of large terms

    [Test] public void KMeansAssignment() =>
        Diff.Check(K.KMeansAssign, from n in new[] { 0, 1, 50 } from d in new[] { 1, 3 } from k in new[] { 1, 4 }
                                   select (TestData.Doubles(n + d, n * d), TestData.Doubles(k, k * d), new int[n], d), Relative);

    [Test] public void FloydWarshall()
    {
        int[] Graph(int n, int seed)
        {
            var random = new Random(seed);
            var distance = new int[n * n];
            for (var i = 0; i < n * n; i++) distance[i] = i % (n + 1) == 0 ? 0 : random.Next(4) == 0 ? random.Next(1, 100) : int.MaxValue / 2;
            return distance;
        }
        Diff.CheckVoid(K.FloydWarshall, new[] { 1, 2, 6, 40 }.Select(n => (Graph(n, n), n)));
    }

    [Test] public void Levenshtein() =>
        Diff.Check(K.Levenshtein, new[] { ("", ""), ("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("numerics", "numbana") }
            .Select(p => (p.Item1.ToCharArray(), p.Item2.ToCharArray())));

    [Test] public void WelfordVariance() => Diff.Check(K.WelfordVariance, new[] { 0, 1, 2, 100, 1001 }.Select(n => TestData.Doubles(n, n, -1e3, 1e3)), Relative);

    [Test] public void SieveWithItsOwnBuffer() => Diff.Check(K.CountPrimesBelow, new[] { -5, 0, 2, 3, 100, 100_000 });

    [Test] public void TrapezoidCallingAFunction() =>
        Diff.Check(K.Trapezoid, new[] { (0.0, 1.0, 1), (0.0, 3.0, 1000), (-2.0, 2.0, 17) }, Relative);

    [Test] public void MonteCarloPiWithXorshift() => Diff.Check(K.MonteCarloPi, new[] { (0u, 1000), (12345u, 100_000), (uint.MaxValue, 0) });

    [Test] public void BinarySearch() =>
        Diff.Check(K.BinarySearch, from value in new[] { -1, 0, 5, 6, 99, int.MaxValue } select (new[] { 0, 2, 4, 5, 7, 99 }, value));

    [Test] public void InsertionSort() => Diff.CheckVoid(K.InsertionSort, new[] { 0, 1, 2, 17, 100 }.Select(n => TestData.Doubles(n, n)));

    [Test] public void RecursiveGcd() => Diff.Check(K.SumOfPairwiseGcds, new[] { 0, 1, 2, 30 }.Select(n => TestData.Longs(n, n, -1_000_000, 1_000_000)));

    [Test] public void Crc32() => Diff.Check(K.Crc32, new[] { 0, 1, 9, 1000 }.Select(n => TestData.Ints(n, n, 0, 255).Select(v => (byte)v).ToArray()));

    [Test] public void GaussianSmoothingWithAStaticWeightsTable() =>
        Diff.CheckVoid(K.GaussianSmooth, new[] { 0, 3, 5, 6, 100 }.Select(n => (TestData.Doubles(n, n), new double[n])), Tolerance.RelativeOf(1e-9));

    /// <summary>A user's lambda capturing a local (read at each call), as in the README's first example.</summary>
    [Test] public void ALambdaCapturingAScaleFactor()
    {
        double scale = 2.5;
        Func<double[], double> scaledSum = values =>
        {
            double total = 0;
            foreach (var v in values) total += v * scale;
            return total;
        };
        var compiled = Jit.Compile(scaledSum, Options);
        foreach (var n in new[] { 0, 1, 17, 1000 })
        {
            var data = TestData.Doubles(n, n);
            foreach (var factor in new[] { 2.5, -1.0 / 3.0 })
            {
                scale = factor;
                var (expected, actual) = (scaledSum(data), compiled(data));
                if (Options.FastMath) Assert.That(actual, Is.EqualTo(expected).Within(1e-9 * n), $"n = {n}, scale = {factor}");
                else Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), $"n = {n}, scale = {factor}");
            }
        }
    }

    [Test] public void NBodyAsAnArrayOfStructs()
    {
        K.Body[] Bodies(int n)
        {
            var random = new Random(n);
            return Enumerable.Range(0, n).Select(_ => new K.Body
            {
                X = random.NextDouble() * 10, Y = random.NextDouble() * 10, Z = random.NextDouble() * 10,
                Vx = random.NextDouble() - 0.5, Vy = random.NextDouble() - 0.5, Vz = random.NextDouble() - 0.5,
                Mass = random.NextDouble() + 0.1,
            }).ToArray();
        }
        Diff.Check(K.AdvanceBodies, from n in new[] { 0, 1, 2, 5, 20 } from steps in new[] { 0, 1, 10 } select (Bodies(n), 0.01, steps), Relative);
    }

    [Test] public void MatrixProductOfRectangularArrays()
    {
        double[,] Matrix(int rows, int columns, int seed)
        {
            var values = TestData.Doubles(seed, rows * columns);
            var matrix = new double[rows, columns];
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++) matrix[i, j] = values[i * columns + j];
            return matrix;
        }
        var shapes = new[] { (1, 1, 1), (2, 3, 4), (7, 5, 3), (16, 16, 16) };
        Diff.Check(K.Multiply, shapes.Select(s => (Matrix(s.Item1, s.Item2, 1), Matrix(s.Item2, s.Item3, 2)))
            .Append((Matrix(2, 3, 3), Matrix(4, 2, 4))), Relative); // inner dimensions differ: ArgumentException
        Diff.CheckVoid(K.MultiplyInto, shapes.Select(s => (Matrix(s.Item1, s.Item2, 5), Matrix(s.Item2, s.Item3, 6), new double[s.Item1, s.Item3])), Relative);
    }

    [Test] public void MandelbrotWithComplex()
    {
        RequireExactFloats(); // escape counts near the set's boundary depend on the last bit
        Diff.Check(K.EscapeTime, from re in new[] { -2.0, -1.5, -0.75, 0.0, 0.25, 0.3 } from im in new[] { 0.0, 0.1, 0.5, 1.0 } select (re, im, 500));
    }

    [Test] public void ParticlesWithVector3()
    {
        Vector3[] Vectors(int n, int seed)
        {
            var values = TestData.Floats(seed, 3 * n, -5, 5);
            return Enumerable.Range(0, n).Select(i => new Vector3(values[3 * i], values[3 * i + 1], values[3 * i + 2])).ToArray();
        }
        Diff.Check(K.StepParticles, new[] { 0, 1, 7, 100 }.Select(n => (Vectors(n, n), Vectors(n, n + 1), 0.01f)), Tolerance.RelativeOf(1e-5));
    }

    /// <summary>Spans cannot be boxed into the differential harness's argument lists: compared here directly.</summary>
    [Test] public void DotOfReadOnlySpans()
    {
        var dot = Jit.Compile<Func<ReadOnlySpan<double>, ReadOnlySpan<double>, double>>(K.Dot, Options);
        foreach (var (n, m) in new[] { (0, 0), (1, 1), (17, 17), (40, 40), (5, 6) })
        {
            var (x, y) = (TestData.Doubles(n, n), TestData.Doubles(m + 3, m));
            if (n != m)
            {
                Assert.That(() => dot(x, y), Throws.ArgumentException.With.Message.EqualTo("Lengths differ."));
                continue;
            }
            var (expected, actual) = (K.Dot(x, y), dot(x, y));
            Assert.That((Options.FastMath ? Relative : Tolerance.Exact).Accepts(expected, actual), $"n = {n}: expected {expected:R}, actual {actual:R}");
            if (n > 0) Assert.That(dot(x.AsSpan(1), y.AsSpan(1)), Is.EqualTo(K.Dot(x.AsSpan(1), y.AsSpan(1))).Within(Options.FastMath ? 1e-9 : 0), "a slice");
        }
    }

    [Test] public void NormalizeWithATupleAndASpan() => Diff.CheckVoid(K.Normalize, new[] { 0, 1, 2, 100 }.Select(n => TestData.Doubles(n, n)), Relative);

    [Test] public void MovingAverageWithStackalloc() =>
        Diff.Check(K.MovingAverageLast, from n in new[] { 0, 3, 50 } from w in new[] { 0, 1, 4, 16, 17 } select (TestData.Doubles(n, n), w), Relative);

    [Test] public void JaggedMatrixTimesVector() =>
        Diff.CheckVoid(K.MatVecJagged, new[] { 0, 1, 5 }.Select(n => (Enumerable.Range(0, n).Select(i => TestData.Doubles(i, n)).ToArray(), TestData.Doubles(99, n), new double[n])), Relative);

    [Test] public void Convolution() =>
        Diff.CheckVoid(K.Convolve, from n in new[] { 0, 5, 100 } from k in new[] { 1, 3, 8 }
                                   select (TestData.Floats(n, n + k - 1), TestData.Floats(k, k), new float[n]), Tolerance.RelativeOf(1e-4));
}

[TestFixtureSource(typeof(ExecutionTargets), nameof(ExecutionTargets.Cpu))]
public sealed class CpuTrialTests(ExecutionTarget target) : TrialTests(target);
