using System.Numerics;

namespace Numbana.Tests.Trial;

/// <summary>
/// The new-user trial (issue 3): classic numeric kernels written the way they appear in textbooks,
/// benchmark suites and answers on the web (spectral norm and n-body as in the Computer Language
/// Benchmarks Game, LU and FFT as in Numerical Recipes, Black-Scholes with the Abramowitz-Stegun normal
/// CDF, ...), in plain C# by someone who never read docs/supported-csharp.md. They were written first and
/// then compiled, not shaped to what Numbana supports: a kernel that needs a change to compile is a finding.
/// </summary>
public static class TrialKernels
{
    // ---- Spectral norm (Benchmarks Game) ----

    private static double A(int i, int j) => 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);

    private static void MultiplyAv(int n, double[] v, double[] av)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += A(i, j) * v[j];
            av[i] = sum;
        }
    }

    private static void MultiplyAtv(int n, double[] v, double[] atv)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += A(j, i) * v[j];
            atv[i] = sum;
        }
    }

    private static void MultiplyAtAv(int n, double[] v, double[] atav)
    {
        var u = new double[n];
        MultiplyAv(n, v, u);
        MultiplyAtv(n, u, atav);
    }

    public static double SpectralNorm(int n)
    {
        var u = new double[n];
        var v = new double[n];
        for (int i = 0; i < n; i++) u[i] = 1;
        for (int i = 0; i < 10; i++)
        {
            MultiplyAtAv(n, u, v);
            MultiplyAtAv(n, v, u);
        }
        double vBv = 0, vv = 0;
        for (int i = 0; i < n; i++)
        {
            vBv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        return Math.Sqrt(vBv / vv);
    }

    // ---- N-body (Benchmarks Game), structure of arrays ----

    public static double NBodyEnergyAfterSteps(double[] x, double[] v, double[] mass, int steps)
    {
        // x and v hold x0, y0, z0, x1, y1, z1, ...
        int n = mass.Length;
        const double dt = 0.01;
        for (int step = 0; step < steps; step++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = i + 1; j < n; j++)
                {
                    double dx = x[3 * i] - x[3 * j];
                    double dy = x[3 * i + 1] - x[3 * j + 1];
                    double dz = x[3 * i + 2] - x[3 * j + 2];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    double mag = dt / (d2 * Math.Sqrt(d2));
                    v[3 * i] -= dx * mass[j] * mag;
                    v[3 * i + 1] -= dy * mass[j] * mag;
                    v[3 * i + 2] -= dz * mass[j] * mag;
                    v[3 * j] += dx * mass[i] * mag;
                    v[3 * j + 1] += dy * mass[i] * mag;
                    v[3 * j + 2] += dz * mass[i] * mag;
                }
            }
            for (int i = 0; i < 3 * n; i++) x[i] += dt * v[i];
        }

        double e = 0.0;
        for (int i = 0; i < n; i++)
        {
            e += 0.5 * mass[i] * (v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
            for (int j = i + 1; j < n; j++)
            {
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                e -= mass[i] * mass[j] / Math.Sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    // ---- Mandelbrot escape times ----

    public static void Mandelbrot(int[] counts, int width, int height, int maxIterations)
    {
        for (int py = 0; py < height; py++)
        {
            double y0 = -1.5 + 3.0 * py / height;
            for (int px = 0; px < width; px++)
            {
                double x0 = -2.0 + 3.0 * px / width;
                double x = 0, y = 0;
                int iteration = 0;
                while (x * x + y * y <= 4.0 && iteration < maxIterations)
                {
                    double xt = x * x - y * y + x0;
                    y = 2 * x * y + y0;
                    x = xt;
                    iteration++;
                }
                counts[py * width + px] = iteration;
            }
        }
    }

    // ---- LU decomposition with partial pivoting (Doolittle, in place, row-major) ----

    public static int LuDecompose(double[] a, int[] permutation, int n)
    {
        int swaps = 0;
        for (int i = 0; i < n; i++) permutation[i] = i;
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            double max = Math.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double value = Math.Abs(a[i * n + k]);
                if (value > max)
                {
                    max = value;
                    pivot = i;
                }
            }
            if (max == 0.0) throw new InvalidOperationException("Matrix is singular.");
            if (pivot != k)
            {
                for (int j = 0; j < n; j++)
                {
                    double t = a[k * n + j];
                    a[k * n + j] = a[pivot * n + j];
                    a[pivot * n + j] = t;
                }
                (permutation[k], permutation[pivot]) = (permutation[pivot], permutation[k]);
                swaps++;
            }
            for (int i = k + 1; i < n; i++)
            {
                double factor = a[i * n + k] / a[k * n + k];
                a[i * n + k] = factor;
                for (int j = k + 1; j < n; j++) a[i * n + j] -= factor * a[k * n + j];
            }
        }
        return swaps;
    }

    // ---- Jacobi relaxation on a 2-D grid (flat arrays, buffers swapped each sweep) ----

    public static double Jacobi(double[] grid, double[] scratch, int size, int sweeps)
    {
        var current = grid;
        var next = scratch;
        double change = 0;
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            change = 0;
            for (int i = 1; i < size - 1; i++)
            {
                for (int j = 1; j < size - 1; j++)
                {
                    double value = 0.25 * (current[(i - 1) * size + j] + current[(i + 1) * size + j]
                                         + current[i * size + j - 1] + current[i * size + j + 1]);
                    change = Math.Max(change, Math.Abs(value - current[i * size + j]));
                    next[i * size + j] = value;
                }
            }
            var t = current;
            current = next;
            next = t;
        }
        return change;
    }

    // ---- Iterative radix-2 FFT (in place, separate real and imaginary arrays) ----

    public static void Fft(double[] re, double[] im)
    {
        int n = re.Length;
        if ((n & (n - 1)) != 0) throw new ArgumentException("Length must be a power of two.");
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            double angle = -2 * Math.PI / length;
            double wRe = Math.Cos(angle), wIm = Math.Sin(angle);
            for (int i = 0; i < n; i += length)
            {
                double curRe = 1, curIm = 0;
                for (int k = 0; k < length / 2; k++)
                {
                    int a = i + k, b = i + k + length / 2;
                    double tRe = re[b] * curRe - im[b] * curIm;
                    double tIm = re[b] * curIm + im[b] * curRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                    double nextRe = curRe * wRe - curIm * wIm;
                    curIm = curRe * wIm + curIm * wRe;
                    curRe = nextRe;
                }
            }
        }
    }

    // ---- Black-Scholes call prices (Abramowitz-Stegun normal CDF) ----

    private static double Cnd(double x)
    {
        const double a1 = 0.31938153, a2 = -0.356563782, a3 = 1.781477937, a4 = -1.821255978, a5 = 1.330274429;
        double l = Math.Abs(x);
        double k = 1.0 / (1.0 + 0.2316419 * l);
        double w = 1.0 - 1.0 / Math.Sqrt(2 * Math.PI) * Math.Exp(-l * l / 2) * (a1 * k + a2 * k * k + a3 * Math.Pow(k, 3) + a4 * Math.Pow(k, 4) + a5 * Math.Pow(k, 5));
        return x < 0 ? 1.0 - w : w;
    }

    public static void BlackScholesCalls(double[] spot, double[] strike, double[] years, double[] price)
    {
        const double rate = 0.02, volatility = 0.30;
        for (int i = 0; i < spot.Length; i++)
        {
            double sqrtT = Math.Sqrt(years[i]);
            double d1 = (Math.Log(spot[i] / strike[i]) + (rate + volatility * volatility / 2) * years[i]) / (volatility * sqrtT);
            double d2 = d1 - volatility * sqrtT;
            price[i] = spot[i] * Cnd(d1) - strike[i] * Math.Exp(-rate * years[i]) * Cnd(d2);
        }
    }

    // ---- k-means: assign each point to its nearest centroid, return the inertia ----

    public static double KMeansAssign(double[] points, double[] centroids, int[] labels, int dimensions)
    {
        int n = labels.Length, k = centroids.Length / dimensions;
        double inertia = 0;
        for (int p = 0; p < n; p++)
        {
            int best = -1;
            double bestDistance = double.MaxValue;
            for (int c = 0; c < k; c++)
            {
                double distance = 0;
                for (int d = 0; d < dimensions; d++)
                {
                    double diff = points[p * dimensions + d] - centroids[c * dimensions + d];
                    distance += diff * diff;
                }
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = c;
                }
            }
            labels[p] = best;
            inertia += bestDistance;
        }
        return inertia;
    }

    // ---- Floyd-Warshall all-pairs shortest paths ----

    public static void FloydWarshall(int[] distance, int n)
    {
        const int Infinity = int.MaxValue / 2;
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
            {
                int dik = distance[i * n + k];
                if (dik >= Infinity) continue;
                for (int j = 0; j < n; j++)
                {
                    int through = dik + distance[k * n + j];
                    if (through < distance[i * n + j]) distance[i * n + j] = through;
                }
            }
    }

    // ---- Levenshtein distance with two rows ----

    public static int Levenshtein(char[] s, char[] t)
    {
        var previous = new int[t.Length + 1];
        var current = new int[t.Length + 1];
        for (int j = 0; j <= t.Length; j++) previous[j] = j;
        for (int i = 1; i <= s.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= t.Length; j++)
            {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[t.Length];
    }

    // ---- Welford's one-pass mean and variance ----

    public static double WelfordVariance(double[] data)
    {
        long count = 0;
        double mean = 0, m2 = 0;
        foreach (double x in data)
        {
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
        }
        return count < 2 ? double.NaN : m2 / (count - 1);
    }

    // ---- Sieve of Eratosthenes with its own buffer ----

    public static int CountPrimesBelow(int limit)
    {
        if (limit < 2) return 0;
        var composite = new bool[limit];
        int count = 0;
        for (int i = 2; i < limit; i++)
        {
            if (composite[i]) continue;
            count++;
            for (long j = (long)i * i; j < limit; j += i) composite[j] = true;
        }
        return count;
    }

    // ---- Trapezoidal integration of a function ----

    private static double Integrand(double x) => Math.Exp(-x * x) * Math.Cos(3 * x);

    public static double Trapezoid(double a, double b, int steps)
    {
        double h = (b - a) / steps;
        double sum = 0.5 * (Integrand(a) + Integrand(b));
        for (int i = 1; i < steps; i++) sum += Integrand(a + i * h);
        return sum * h;
    }

    // ---- Monte Carlo estimate of pi with xorshift ----

    public static double MonteCarloPi(uint seed, int samples)
    {
        uint state = seed == 0 ? 2463534242u : seed;
        int inside = 0;
        for (int i = 0; i < samples; i++)
        {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5;
            double x = state / (double)uint.MaxValue;
            state ^= state << 13; state ^= state >> 17; state ^= state << 5;
            double y = state / (double)uint.MaxValue;
            if (x * x + y * y <= 1.0) inside++;
        }
        return 4.0 * inside / samples;
    }

    // ---- Binary search, insertion sort, gcd ----

    public static int BinarySearch(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            if (sorted[middle] == value) return middle;
            if (sorted[middle] < value) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    public static void InsertionSort(double[] a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            double key = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > key)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = key;
        }
    }

    private static long Gcd(long a, long b) => b == 0 ? Math.Abs(a) : Gcd(b, a % b);

    public static long SumOfPairwiseGcds(long[] values)
    {
        long sum = 0;
        for (int i = 0; i < values.Length; i++)
            for (int j = i + 1; j < values.Length; j++)
                sum += Gcd(values[i], values[j]);
        return sum;
    }

    // ---- CRC-32 (bitwise, reflected polynomial) ----

    public static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    // ---- Gaussian smoothing with a weights table ----

    private static readonly double[] GaussianWeights = [0.06136, 0.24477, 0.38774, 0.24477, 0.06136];

    public static void GaussianSmooth(double[] input, double[] output)
    {
        int radius = GaussianWeights.Length / 2;
        for (int i = radius; i < input.Length - radius; i++)
        {
            double sum = 0;
            for (int k = -radius; k <= radius; k++) sum += GaussianWeights[k + radius] * input[i + k];
            output[i] = sum;
        }
    }

    // ---- N-body again, with a struct per body (array of structs) ----

    public struct Body
    {
        public double X, Y, Z, Vx, Vy, Vz, Mass;
    }

    public static double AdvanceBodies(Body[] bodies, double dt, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            for (int i = 0; i < bodies.Length; i++)
            {
                ref Body bi = ref bodies[i];
                for (int j = i + 1; j < bodies.Length; j++)
                {
                    ref Body bj = ref bodies[j];
                    double dx = bi.X - bj.X, dy = bi.Y - bj.Y, dz = bi.Z - bj.Z;
                    double d2 = dx * dx + dy * dy + dz * dz;
                    double mag = dt / (d2 * Math.Sqrt(d2));
                    bi.Vx -= dx * bj.Mass * mag; bi.Vy -= dy * bj.Mass * mag; bi.Vz -= dz * bj.Mass * mag;
                    bj.Vx += dx * bi.Mass * mag; bj.Vy += dy * bi.Mass * mag; bj.Vz += dz * bi.Mass * mag;
                }
            }
            foreach (ref Body b in bodies.AsSpan())
            {
                b.X += dt * b.Vx; b.Y += dt * b.Vy; b.Z += dt * b.Vz;
            }
        }
        double momentum = 0;
        foreach (var b in bodies) momentum += b.Mass * (b.Vx + b.Vy + b.Vz);
        return momentum;
    }

    // ---- Matrix product on rectangular arrays ----

    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = a.GetLength(1), p = b.GetLength(1);
        if (b.GetLength(0) != m) throw new ArgumentException("Inner dimensions differ.");
        var c = new double[n, p];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++)
            {
                double aik = a[i, k];
                for (int j = 0; j < p; j++) c[i, j] += aik * b[k, j];
            }
        return c;
    }

    public static void MultiplyInto(double[,] a, double[,] b, double[,] c)
    {
        int n = a.GetLength(0), m = a.GetLength(1), p = b.GetLength(1);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
            {
                double sum = 0;
                for (int k = 0; k < m; k++) sum += a[i, k] * b[k, j];
                c[i, j] = sum;
            }
    }

    // ---- Mandelbrot with System.Numerics.Complex ----

    public static int EscapeTime(double re, double im, int maxIterations)
    {
        var c = new Complex(re, im);
        var z = Complex.Zero;
        for (int i = 0; i < maxIterations; i++)
        {
            if (z.Magnitude > 2) return i;
            z = z * z + c;
        }
        return maxIterations;
    }

    // ---- Particles with Vector3 ----

    public static float StepParticles(Vector3[] positions, Vector3[] velocities, float dt)
    {
        var gravity = new Vector3(0, -9.81f, 0);
        float kinetic = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            velocities[i] += gravity * dt;
            positions[i] += velocities[i] * dt;
            if (positions[i].Y < 0)
            {
                positions[i].Y = -positions[i].Y;
                velocities[i].Y = -velocities[i].Y * 0.9f;
            }
            kinetic += 0.5f * velocities[i].LengthSquared();
        }
        return kinetic;
    }

    // ---- Spans and tuples ----

    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Lengths differ.");
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    private static (double Min, double Max) MinMax(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return (min, max);
    }

    public static void Normalize(double[] data)
    {
        var (min, max) = MinMax(data);
        double range = max - min;
        if (range == 0) return;
        Span<double> view = data;
        for (int i = 0; i < view.Length; i++) view[i] = (view[i] - min) / range;
    }

    public static double MovingAverageLast(double[] data, int window)
    {
        Span<double> ring = stackalloc double[16];
        if (window < 1 || window > ring.Length) throw new ArgumentOutOfRangeException(nameof(window));
        double sum = 0;
        for (int i = 0; i < data.Length; i++)
        {
            int slot = i % window;
            sum += data[i] - ring[slot];
            ring[slot] = data[i];
        }
        return data.Length == 0 ? 0 : sum / Math.Min(window, data.Length);
    }

    // ---- Jagged matrix times vector ----

    public static void MatVecJagged(double[][] matrix, double[] x, double[] y)
    {
        for (int i = 0; i < matrix.Length; i++)
        {
            double sum = 0;
            double[] row = matrix[i];
            for (int j = 0; j < row.Length; j++) sum += row[j] * x[j];
            y[i] = sum;
        }
    }

    // ---- 1-D convolution ("valid" part) ----

    public static void Convolve(float[] signal, float[] kernel, float[] output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float sum = 0f;
            for (int k = 0; k < kernel.Length; k++) sum += signal[i + k] * kernel[k];
            output[i] = sum;
        }
    }
}
