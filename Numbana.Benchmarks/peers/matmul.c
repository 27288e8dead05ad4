/* Peer measurement for context (not BenchmarkDotNet): the same i-k-j matmul as Kernels.MatMulIkj,
 * c += a * b on n x n doubles in flat row-major arrays, timed the way the demo times kernels
 * (warm-up, then the median of single calls, CLOCK_MONOTONIC).
 *
 *   gcc -O3 -march=native -o /tmp/matmul Numbana.Benchmarks/peers/matmul.c && /tmp/matmul 512
 *   gcc -O3 -march=native -ffp-contract=off -o /tmp/matmul-nofma Numbana.Benchmarks/peers/matmul.c && /tmp/matmul-nofma 512
 *
 * gcc contracts a*b+c into an FMA by default; .NET and Numbana's default mode do not, so the
 * -ffp-contract=off build is the like-for-like one. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void matmul_ikj(const double *restrict a, const double *restrict b, double *restrict c, int n)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (int j = 0; j < n; j++)
                c[i * n + j] += aik * b[k * n + j];
        }
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp(const void *x, const void *y)
{
    double d = *(const double *)x - *(const double *)y;
    return (d > 0) - (d < 0);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 512, reps = argc > 2 ? atoi(argv[2]) : 9;
    double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n), *c = calloc((size_t)n * n, sizeof(double));
    srand(42);
    for (int i = 0; i < n * n; i++) { a[i] = 2.0 * rand() / RAND_MAX - 1; b[i] = 2.0 * rand() / RAND_MAX - 1; }
    matmul_ikj(a, b, c, n); /* warm-up */
    double *t = malloc(sizeof(double) * reps);
    for (int r = 0; r < reps; r++) {
        double start = now_ms();
        matmul_ikj(a, b, c, n);
        t[r] = now_ms() - start;
    }
    qsort(t, reps, sizeof(double), cmp);
    printf("gcc peer matmul i-k-j %dx%d: median %.2f ms, min %.2f ms, max %.2f ms (%d runs; checksum %g)\n",
           n, n, t[reps / 2], t[0], t[reps - 1], reps, c[n + 1]);
    return 0;
}
