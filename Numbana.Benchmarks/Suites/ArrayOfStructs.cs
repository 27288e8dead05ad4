using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace Numbana.Benchmarks.Suites;

/// <summary>A particle as an array-of-structs layout stores it: 48 bytes, three of its six fields written per step.</summary>
public struct Particle
{
    public double X, Y, Z, Vx, Vy, Vz;
}

/// <summary>A point of two doubles: 16 bytes.</summary>
public struct PointD
{
    public double X, Y;
}

/// <summary>A point of two floats: 8 bytes.</summary>
public struct Point2
{
    public float X, Y;
}

/// <summary>
/// Loops over arrays of structs, where each iteration reads or writes fields at a stride of the struct's size:
/// LLVM vectorizes them with interleaved accesses (wide loads and shuffles), which is not always a gain
/// (docs/performance.md, "Arrays of structs"). 100K elements: in cache (L2 on the machine of the docs).
/// </summary>
public class ArrayOfStructs
{
    public const int N = 100_000;
    private Particle[] _particles = null!;
    private Complex[] _complex = null!;
    private Point2[] _points = null!;
    private PointD[] _pointsD = null!;
    private Action<PointD[], double, PointD> _scaleAndShift = null!;
    private double[] _magnitudes = null!;
    private float[] _lengths = null!;
    private Action<Particle[], double> _advance = null!;
    private Action<Complex[], double[]> _squaredMagnitudes = null!;
    private Action<Point2[], float[]> _pointLengths = null!;

    public static void Advance(Particle[] p, double dt)
    {
        for (var i = 0; i < p.Length; i++)
        {
            p[i].X += p[i].Vx * dt;
            p[i].Y += p[i].Vy * dt;
            p[i].Z += p[i].Vz * dt;
        }
    }

    public static void ScaleAndShift(PointD[] points, double a, PointD offset)
    {
        for (var i = 0; i < points.Length; i++)
        {
            points[i].X = a * points[i].X + offset.X;
            points[i].Y = a * points[i].Y + offset.Y;
        }
    }

    public static void SquaredMagnitudes(Complex[] z, double[] result)
    {
        for (var i = 0; i < z.Length; i++) result[i] = z[i].Real * z[i].Real + z[i].Imaginary * z[i].Imaginary;
    }

    public static void PointLengths(Point2[] p, float[] result)
    {
        for (var i = 0; i < p.Length; i++) result[i] = MathF.Sqrt(p[i].X * p[i].X + p[i].Y * p[i].Y);
    }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(5);
        _particles = Enumerable.Range(0, N).Select(_ => new Particle
        {
            X = rng.NextDouble(), Y = rng.NextDouble(), Z = rng.NextDouble(),
            Vx = rng.NextDouble() * 1e-6, Vy = rng.NextDouble() * 1e-6, Vz = rng.NextDouble() * 1e-6,
        }).ToArray();
        _complex = Enumerable.Range(0, N).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToArray();
        _points = Enumerable.Range(0, N).Select(_ => new Point2 { X = (float)rng.NextDouble(), Y = (float)rng.NextDouble() }).ToArray();
        _pointsD = Enumerable.Range(0, N).Select(_ => new PointD { X = rng.NextDouble(), Y = rng.NextDouble() }).ToArray();
        _magnitudes = new double[N];
        _lengths = new float[N];
        _advance = Jit.Compile<Action<Particle[], double>>(Advance);
        _squaredMagnitudes = Jit.Compile<Action<Complex[], double[]>>(SquaredMagnitudes);
        _pointLengths = Jit.Compile<Action<Point2[], float[]>>(PointLengths);
        _scaleAndShift = Jit.Compile<Action<PointD[], double, PointD>>(ScaleAndShift);

        var expectedParticles = (Particle[])_particles.Clone();
        Advance(expectedParticles, 1e-3);
        var actualParticles = (Particle[])_particles.Clone();
        _advance(actualParticles, 1e-3);
        Verify.SameBits("advance", expectedParticles.Select(p => p.X + p.Y + p.Z).ToArray(), actualParticles.Select(p => p.X + p.Y + p.Z).ToArray());
        var expectedPoints = (PointD[])_pointsD.Clone();
        ScaleAndShift(expectedPoints, 0.5, new PointD { X = 1, Y = -1 });
        var actualPoints = (PointD[])_pointsD.Clone();
        _scaleAndShift(actualPoints, 0.5, new PointD { X = 1, Y = -1 });
        Verify.SameBits("scale and shift", expectedPoints.SelectMany(p => new[] { p.X, p.Y }).ToArray(), actualPoints.SelectMany(p => new[] { p.X, p.Y }).ToArray());
        var expected = new double[N];
        SquaredMagnitudes(_complex, expected);
        _squaredMagnitudes(_complex, _magnitudes);
        Verify.SameBits("squared magnitudes", expected, _magnitudes);
        var expectedLengths = new float[N];
        PointLengths(_points, expectedLengths);
        _pointLengths(_points, _lengths);
        if (!expectedLengths.AsSpan().SequenceEqual(_lengths)) throw new InvalidOperationException("point lengths: Numbana differs from .NET");
    }

    [Benchmark(Description = "advance particles (48-byte structs): RyuJIT")]
    public void AdvanceDotNet() => Advance(_particles, 1e-9);

    [Benchmark(Description = "advance particles (48-byte structs): Numbana")]
    public void AdvanceNumbana() => _advance(_particles, 1e-9);

    [Benchmark(Description = "a * p + offset of PointD[] (16-byte structs): RyuJIT")]
    public void ScaleAndShiftDotNet() => ScaleAndShift(_pointsD, 1.0000001, new PointD { X = 1e-9, Y = -1e-9 });

    [Benchmark(Description = "a * p + offset of PointD[] (16-byte structs): Numbana")]
    public void ScaleAndShiftNumbana() => _scaleAndShift(_pointsD, 1.0000001, new PointD { X = 1e-9, Y = -1e-9 });

    [Benchmark(Description = "|z|^2 of Complex[]: RyuJIT")]
    public void SquaredMagnitudesDotNet() => SquaredMagnitudes(_complex, _magnitudes);

    [Benchmark(Description = "|z|^2 of Complex[]: Numbana")]
    public void SquaredMagnitudesNumbana() => _squaredMagnitudes(_complex, _magnitudes);

    [Benchmark(Description = "lengths of Point2[] (8-byte structs): RyuJIT")]
    public void PointLengthsDotNet() => PointLengths(_points, _lengths);

    [Benchmark(Description = "lengths of Point2[] (8-byte structs): Numbana")]
    public void PointLengthsNumbana() => _pointLengths(_points, _lengths);
}
