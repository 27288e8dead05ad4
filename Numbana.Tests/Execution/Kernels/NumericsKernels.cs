using System.Numerics;

namespace Numbana.Tests.Execution.Kernels;

/// <summary>System.Numerics.Complex and Vector2/3/4 in kernels.</summary>
public static class NumericsKernels
{
    /// <summary>Escape-time Mandelbrot over Complex: Zero, *, +, Magnitude.</summary>
    public static void Mandelbrot(double[] xs, double y, int maxIterations, int[] counts)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            var c = new Complex(xs[i], y);
            var z = Complex.Zero;
            var n = 0;
            while (n < maxIterations && z.Magnitude <= 2)
            {
                z = z * z + c;
                n++;
            }
            counts[i] = n;
        }
    }

    public static Complex ComplexBinary(Complex a, Complex b, int op) => op switch
    {
        0 => a + b,
        1 => a - b,
        2 => a * b,
        3 => a / b,
        4 => Complex.Add(a, b) - Complex.Multiply(a, b) / Complex.Divide(a, b),
        5 => a * b.Real + b.Imaginary,
        _ => -a,
    };

    public static Complex ComplexUnary(Complex a, int op) => op switch
    {
        0 => Complex.Conjugate(a),
        1 => Complex.Exp(a),
        2 => Complex.Sqrt(a),
        3 => Complex.FromPolarCoordinates(a.Real, a.Imaginary),
        4 => new Complex(Complex.Abs(a), a.Magnitude),
        5 => new Complex(a.Phase, a == Complex.One ? 1 : a != Complex.ImaginaryOne ? 2 : 3),
        _ => Complex.Reciprocal(a),
    };

    /// <summary>Complex values in an array: element loads and stores.</summary>
    public static void ComplexArray(Complex[] a, Complex factor)
    {
        for (var i = 0; i < a.Length; i++) a[i] = a[i] * factor + Complex.Conjugate(a[i]);
    }

    public static Vector2 Vector2Ops(Vector2 a, Vector2 b, int op) => op switch
    {
        0 => a + b, 1 => a - b, 2 => a * b, 3 => a / b, 4 => -a, 5 => a * b.X, 6 => b.Y * a, 7 => a / b.X,
        8 => Vector2.Min(a, b), 9 => Vector2.Max(a, b), 10 => Vector2.Abs(a), 11 => Vector2.SquareRoot(a), 12 => Vector2.Normalize(a),
        13 => Vector2.Clamp(a, b, -b), 14 => new Vector2(a.Y), 15 => Vector2.Zero + Vector2.One,
        16 => Vector2.Lerp(a, b, b.Y), 17 => Vector2.Lerp(a, b, a),
        _ => Vector2.Add(Vector2.Subtract(a, b), Vector2.Multiply(Vector2.Divide(a, b), Vector2.Negate(b))),
    };

    public static Vector3 Vector3Ops(Vector3 a, Vector3 b, int op) => op switch
    {
        0 => a + b, 1 => a - b, 2 => a * b, 3 => a / b, 4 => -a, 5 => a * b.X, 6 => b.Y * a, 7 => a / b.Z,
        8 => Vector3.Min(a, b), 9 => Vector3.Max(a, b), 10 => Vector3.Abs(a), 11 => Vector3.SquareRoot(a), 12 => Vector3.Normalize(a),
        13 => Vector3.Clamp(a, b, -b), 14 => Vector3.Cross(a, b), 15 => new Vector3(new Vector2(a.X, b.Y), a.Z),
        16 => Vector3.Lerp(a, b, b.Y), 17 => Vector3.Lerp(a, b, a),
        _ => new Vector3(a.Z),
    };

    public static Vector4 Vector4Ops(Vector4 a, Vector4 b, int op) => op switch
    {
        0 => a + b, 1 => a - b, 2 => a * b, 3 => a / b, 4 => -a, 5 => a * b.W, 6 => b.Y * a, 7 => a / b.Z,
        8 => Vector4.Min(a, b), 9 => Vector4.Max(a, b), 10 => Vector4.Abs(a), 11 => Vector4.SquareRoot(a), 12 => Vector4.Normalize(a),
        13 => Vector4.Clamp(a, b, -b), 14 => new Vector4(new Vector3(a.X, a.Y, b.Z), b.W), 15 => new Vector4(new Vector2(a.W, b.W), a.X, b.X),
        16 => Vector4.Lerp(a, b, b.Y), 17 => Vector4.Lerp(a, b, a),
        _ => new Vector4(a.X, a.Y, a.Z, a.W),
    };

    /// <summary>The scalar results: Dot (pairwise as RyuJIT's dpps), Length, distances, equality.</summary>
    public static float VectorScalars(Vector4 a, Vector4 b, int op)
    {
        var a2 = new Vector2(a.X, a.Y);
        var b2 = new Vector2(b.X, b.Y);
        var a3 = new Vector3(a.X, a.Y, a.Z);
        var b3 = new Vector3(b.X, b.Y, b.Z);
        return op switch
        {
            0 => Vector2.Dot(a2, b2), 1 => Vector3.Dot(a3, b3), 2 => Vector4.Dot(a, b),
            3 => a2.Length(), 4 => a3.Length(), 5 => a.Length(),
            6 => a2.LengthSquared(), 7 => a3.LengthSquared(), 8 => a.LengthSquared(),
            9 => Vector2.Distance(a2, b2), 10 => Vector3.Distance(a3, b3), 11 => Vector4.Distance(a, b),
            12 => Vector2.DistanceSquared(a2, b2), 13 => Vector3.DistanceSquared(a3, b3), 14 => Vector4.DistanceSquared(a, b),
            15 => a2 == b2 ? 1 : 0, 16 => a3 != b3 ? 1 : 0, 17 => a == b ? 1 : 0,
            _ => -1,
        };
    }

    /// <summary>An n-body step over Vector3[]: accelerations from every other body, then a leapfrog update.</summary>
    public static void NBodyStep(Vector3[] positions, Vector3[] velocities, float[] masses, float dt)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            var acceleration = Vector3.Zero;
            for (var j = 0; j < positions.Length; j++)
            {
                if (i == j) continue;
                var d = positions[j] - positions[i];
                var distanceSquared = d.LengthSquared() + 1e-3f;
                acceleration += d * (masses[j] / (distanceSquared * MathF.Sqrt(distanceSquared)));
            }
            velocities[i] += acceleration * dt;
        }
        for (var i = 0; i < positions.Length; i++) positions[i] += velocities[i] * dt;
    }
}
