namespace Numbana.Tests.Execution.Kernels;

/// <summary>Spans of blittable structs: the same layout and stride as arrays of them.</summary>
public static class SpanOfStructKernels
{
    /// <summary>Field writes through the indexer's reference, a slice, and a struct read back by value.</summary>
    public static double ScaleTail(Point[] points, int start, double factor)
    {
        Span<Point> tail = points.AsSpan(start);
        for (int i = 0; i < tail.Length; i++) tail[i].Scale(factor);
        double sum = 0;
        foreach (var p in tail) sum += p.X - p.Y;
        return sum;
    }

    /// <summary>A span of records with padding (a float and a bool after two structs), written whole.</summary>
    public static int DeactivateHeavy(Particle[] particles, float limit)
    {
        var view = new Span<Particle>(particles);
        int count = 0;
        for (int i = 0; i < view.Length; i++)
        {
            if (view[i].Mass > limit)
            {
                view[i] = view[i] with { Active = false };
                count++;
            }
        }
        return count;
    }

    /// <summary>A ReadOnlySpan of byte-sized structs (a three-byte stride) passed to a callee.</summary>
    public static int Brightness(Pixel[] pixels, int start, int length) => Sum(new ReadOnlySpan<Pixel>(pixels, start, length));

    private static int Sum(ReadOnlySpan<Pixel> pixels)
    {
        int total = 0;
        foreach (var p in pixels) total += p.R + p.G + p.B;
        return total;
    }

    public delegate double CentroidX(ReadOnlySpan<Point> points);

    /// <summary>A span of structs as a parameter of the compiled method itself.</summary>
    public static double MeanX(ReadOnlySpan<Point> points)
    {
        double sum = 0;
        for (int i = 0; i < points.Length; i++) sum += points[i].X;
        return points.IsEmpty ? 0 : sum / points.Length;
    }
}
