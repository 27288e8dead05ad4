using System.Numerics;
using System.Runtime.InteropServices;

namespace Numbana.Tests.Execution.Kernels;

/// <summary>A 2-D point: fields, a constructor, readonly members, a mutating method, an operator.</summary>
public struct Point
{
    public double X;
    public double Y;

    public Point(double x, double y)
    {
        X = x;
        Y = y;
    }

    public readonly double LengthSquared => X * X + Y * Y;

    public double Sum
    {
        readonly get => X + Y;
        set
        {
            X = value / 2;
            Y = value - X;
        }
    }

    public void Scale(double factor)
    {
        X *= factor;
        Y *= factor;
    }

    public readonly Point Rotated() => new(-Y, X);

    public static Point Origin() => default;

    public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);

    public static Point operator *(double f, Point p) => new(f * p.X, f * p.Y);
}

/// <summary>A readonly record struct with nested structs, a float and a bool: padding between fields.</summary>
public readonly record struct Particle(Point Position, Point Velocity, float Mass, bool Active);

/// <summary>A record struct compared with == and Equals: field by field with each type's Equals (NaN equals NaN).</summary>
public record struct Sample(double Value, int Count, bool Flag, float Weight);

/// <summary>Three bytes: a 3-byte stride.</summary>
public record struct Pixel(byte R, byte G, byte B);

/// <summary>Pack = 1: a double at offset 1, a 9-byte stride (misaligned doubles).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Packed
{
    public byte Tag;
    public double Value;
}

/// <summary>Explicit layout without overlap, declared in an order other than the offsets'.</summary>
[StructLayout(LayoutKind.Explicit)]
public struct Explicit
{
    [FieldOffset(8)] public int A;
    [FieldOffset(0)] public long B;
    [FieldOffset(12)] public char C;
}

/// <summary>Small fields of every kind: bool, char, sbyte, short, ushort, uint, nint.</summary>
public struct Mixed
{
    public bool Flag;
    public char Letter;
    public sbyte Small;
    public short Short;
    public ushort Unsigned;
    public uint Bits;
    public nint Native;
}

/// <summary>A generic struct instantiated with double.</summary>
public struct Pair<T>
{
    public T First;
    public T Second;
}

public interface IArea
{
    double Area();
}

public struct Rectangle : IArea
{
    public double Width;
    public double Height;

    public readonly double Area() => Width * Height;
}

/// <summary>A mutable struct of structs: chains of field addresses (a[i].Position.X += ...).</summary>
public struct Body
{
    public Point Position;
    public Point Velocity;
    public int Steps;
}

/// <summary>Blittable user structs as parameters, locals, array elements, return values, refs, and callee arguments.</summary>
public static class StructKernels
{
    public delegate double ScaleThroughRef(ref Point p, double factor);

    /// <summary>A struct parameter; a copy mutated through a method leaves the original alone.</summary>
    public static double ParameterAndCopy(Point p, double factor)
    {
        var q = p;
        q.Scale(factor);
        return p.X + q.X * 10 + p.LengthSquared + q.Y;
    }

    /// <summary>newobj, operators, a readonly method, a struct result.</summary>
    public static Point Combine(double x, double y)
    {
        var a = new Point(x, y);
        var b = a.Rotated();
        return a + 2.0 * b + Point.Origin();
    }

    /// <summary>a[i].X *= f, a[i].Y += 1 and a method on an element, in place; out-of-range i raises after earlier stores.</summary>
    public static void ScaleElements(Point[] a, int count, double factor)
    {
        for (var i = 0; i < count; i++)
        {
            a[i].X *= factor;
            a[i].Y += 1;
            a[i].Scale(0.5);
        }
    }

    /// <summary>ldelem of a struct: a copy.</summary>
    public static double SumOfProducts(Point[] a)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var p = a[i];
            s += p.X * p.Y;
        }
        return s;
    }

    /// <summary>Copies have value semantics: a[1] = a[0] then changing a[0] keeps a[1].</summary>
    public static void CopiesAreValues(Point[] a)
    {
        if (a.Length < 3) return;
        var p = a[0];
        p.X = 99;
        a[1] = a[0];
        a[0].Y = -1;
        a[2] = p;
        var q = a[2];
        q.Sum = 10;
        a[0].Sum = q.Sum + a[1].Sum;
    }

    /// <summary>stelem of a new struct and of default(S).</summary>
    public static void Fill(Point[] a, double x)
    {
        for (var i = 0; i < a.Length; i++)
            a[i] = i % 3 == 0 ? default : new Point(x * i, -x);
    }

    /// <summary>A record struct with nested structs, a float and a bool, updated with 'with'.</summary>
    public static void Step(Particle[] particles, double dt)
    {
        for (var i = 0; i < particles.Length; i++)
        {
            var p = particles[i];
            if (!p.Active) continue;
            var position = p.Position + dt * p.Velocity;
            particles[i] = p with { Position = position, Mass = p.Mass * 0.5f };
        }
    }

    /// <summary>Byte fields at offsets 0, 1, 2 and a 3-byte stride.</summary>
    public static int Luma(Pixel[] pixels)
    {
        var sum = 0;
        for (var i = 0; i < pixels.Length; i++)
        {
            sum += pixels[i].R * 3 + pixels[i].G * 6 + pixels[i].B;
            pixels[i].B = (byte)(pixels[i].R + pixels[i].G);
        }
        return sum;
    }

    /// <summary>Pack = 1: misaligned doubles, a 9-byte stride.</summary>
    public static double PackedSum(Packed[] a)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i].Value * a[i].Tag;
            a[i].Tag++;
        }
        return s;
    }

    /// <summary>Explicit layout: fields read and written at their declared offsets.</summary>
    public static long ExplicitFields(Explicit[] a)
    {
        long s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i].B * 3 + a[i].A + a[i].C;
            a[i].A = (int)a[i].B;
            a[i].C = (char)(a[i].C + 1);
        }
        return s;
    }

    /// <summary>Small field types wrap and extend as in .NET.</summary>
    public static Mixed MixedFields(Mixed m, int delta)
    {
        m.Flag = !m.Flag;
        m.Letter = (char)(m.Letter + delta);
        m.Small = (sbyte)(m.Small + delta);
        m.Short = (short)(m.Short * delta);
        m.Unsigned = (ushort)(m.Unsigned - delta);
        m.Bits = m.Bits >> 1 | (uint)delta;
        m.Native += delta;
        return m;
    }

    private static void Swap(ref Point a, ref Point b) => (a, b) = (b, a);

    private static bool TryMidpoint(Point a, Point b, out Point middle)
    {
        middle = new Point((a.X + b.X) / 2, (a.Y + b.Y) / 2);
        return middle.X >= 0;
    }

    private static double Distance(in Point a, in Point b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>ref, out and in of structs, to locals and array elements.</summary>
    public static double RefOutIn(Point[] a, double x)
    {
        var local = new Point(x, -x);
        if (a.Length > 1) Swap(ref a[0], ref a[1]);
        if (a.Length > 0) Swap(ref local, ref a[0]);
        var found = TryMidpoint(local, a.Length > 0 ? a[0] : default, out var middle);
        return (found ? 1 : -1) * Distance(middle, local) + Distance(in local, in local);
    }

    /// <summary>A ref parameter of the compiled entry itself: the caller's struct is changed.</summary>
    public static double ScaleInPlace(ref Point p, double factor)
    {
        p.Scale(factor);
        p.Y = p.X - p.Y;
        return p.LengthSquared;
    }

    /// <summary>A generic struct: Pair&lt;double&gt;.</summary>
    public static Pair<double> Sorted(Pair<double> pair)
    {
        if (pair.First > pair.Second) (pair.First, pair.Second) = (pair.Second, pair.First);
        return pair;
    }

    /// <summary>An interface method called on a struct (a constrained call), without boxing.</summary>
    public static double TotalArea(Rectangle[] rectangles)
    {
        var total = 0.0;
        for (var i = 0; i < rectangles.Length; i++) total += AreaOf(rectangles[i]);
        return total;
    }

    private static double AreaOf<T>(T shape) where T : IArea => shape.Area();

    /// <summary>A loop over an array of { double X, Y } that should vectorize (or at least not lose to RyuJIT).</summary>
    public static void Axpy(Point[] points, double a, Point offset)
    {
        for (var i = 0; i < points.Length; i++)
        {
            points[i].X = a * points[i].X + offset.X;
            points[i].Y = a * points[i].Y + offset.Y;
        }
    }

    // ---- value tuples ----------------------------------------------------------------------------

    public static double SinCos(double x)
    {
        var (sin, cos) = Math.SinCos(x);
        return sin * 3 + cos;
    }

    public static float SinCosFloat(float x)
    {
        var pair = MathF.SinCos(x);
        return pair.Sin - pair.Cos * 0.5f;
    }

    public static long DivRemInt(int a, int b)
    {
        var (quotient, remainder) = Math.DivRem(a, b);
        return (long)quotient * 100000 + remainder;
    }

    public static ulong DivRemUnsignedLong(ulong a, ulong b)
    {
        var (quotient, remainder) = Math.DivRem(a, b);
        return quotient ^ (remainder << 1);
    }

    /// <summary>A tuple as the compiled method's result and as a local updated in a loop.</summary>
    public static (double Min, int Index) MinAndIndex(double[] a)
    {
        var best = (double.PositiveInfinity, -1);
        for (var i = 0; i < a.Length; i++)
            if (a[i] < best.Item1) best = (a[i], i);
        return best;
    }

    private static (int, long) Swapped((long, int) pair) => (pair.Item2, pair.Item1);

    /// <summary>Tuples as a callee's argument and result.</summary>
    public static long TupleArguments(int a, long b)
    {
        var swapped = Swapped((b, a));
        return swapped.Item1 * 3L + swapped.Item2;
    }

    /// <summary>Nested field addresses on array elements and a struct local whose field is a struct.</summary>
    public static double Advance(Body[] bodies, double dt)
    {
        var total = default(Body);
        for (var i = 0; i < bodies.Length; i++)
        {
            bodies[i].Position.X += bodies[i].Velocity.X * dt;
            bodies[i].Position.Y += bodies[i].Velocity.Y * dt;
            bodies[i].Velocity.Scale(0.99);
            bodies[i].Steps++;
            total.Position = total.Position + bodies[i].Position;
            total.Steps += bodies[i].Steps;
        }
        return total.Position.X - total.Position.Y + total.Steps;
    }

    /// <summary>A Prange loop over an array of structs, with a struct parameter captured by the parallel body.</summary>
    public static void ParallelAxpy(Point[] points, double a, Point offset)
    {
        foreach (var i in Prange.Range(points.Length))
        {
            points[i].X = a * points[i].X + offset.X;
            points[i] = points[i] + offset.Rotated();
        }
    }

    /// <summary>Record struct equality: == and != (the generated operators), and Equals(Sample).</summary>
    public static int CountEqual(Sample[] samples, Sample probe)
    {
        var count = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            if (samples[i] == probe) count++;
            if (samples[i] != probe) count += 100;
            if (probe.Equals(samples[i])) count += 10000;
        }
        return count;
    }

    /// <summary>new S[n] returned to the caller.</summary>
    public static Point[] MakePoints(int n, double x)
    {
        var points = new Point[n];
        for (var i = 0; i < n; i++) points[i] = new Point(i * x, -i);
        if (n > 2) points[1].Scale(x);
        return points;
    }

    /// <summary>Temporary arrays of Vector3 and of a struct with padding (zeroed, as .NET's).</summary>
    public static double TemporaryStructArrays(int n)
    {
        var vectors = new Vector3[n];
        var particles = new Particle[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            vectors[i] = new Vector3(i, 1, -i) + vectors[i];
            particles[i] = particles[i] with { Mass = i, Active = i % 2 == 0 };
            sum += vectors[i].Length() + (particles[i].Active ? particles[i].Mass : -1) + particles[i].Position.X;
        }
        return sum;
    }
}
