/* What the alignment of b and c costs the i-k-j matmul's vector loop, on this machine, in C: the same
 * loop as Numbana's vectorized one (unaligned 256-bit loads and stores, a multiply then an add, no FMA,
 * no peeling), with b and c placed at chosen offsets from a 4096-byte boundary. Arguments: pairs of
 * (b offset, c offset) in bytes.
 *
 *   gcc -O2 -mavx2 -o /tmp/matmul_alignment Numbana.Benchmarks/peers/matmul_alignment.c
 *   /tmp/matmul_alignment 0 0  8 0  0 8  8 8  16 16  24 24  0 16
 *
 * Used to find why BenchmarkDotNet's matmul ran 2.7x RyuJIT and the demo's 3.7x (docs/performance.md). */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void __attribute__((noinline)) matmul_ikj(const double *a, const double *b, double *c, int n)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++) {
            __m256d aik = _mm256_set1_pd(a[i * n + k]);
            const double *bk = b + (size_t)k * n;
            double *ci = c + (size_t)i * n;
            for (int j = 0; j < n; j += 4)
                _mm256_storeu_pd(ci + j, _mm256_add_pd(_mm256_loadu_pd(ci + j), _mm256_mul_pd(aik, _mm256_loadu_pd(bk + j))));
        }
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    const int n = 512;
    const size_t count = (size_t)n * n, gap = 65536;
    char *buffer = aligned_alloc(4096, 3 * (count * 8 + gap) + 4096);
    double *a = (double *)buffer;
    for (int arg = 1; arg + 1 < argc; arg += 2) {
        long b_offset = atol(argv[arg]), c_offset = atol(argv[arg + 1]);
        double *b = (double *)(buffer + count * 8 + gap + b_offset);
        double *c = (double *)(buffer + 2 * (count * 8 + gap) + 2048 + c_offset); /* 2048: b and c rows never 4K-alias */
        for (size_t i = 0; i < count; i++) { a[i] = 0.5; b[i] = 0.25; c[i] = 0; }
        matmul_ikj(a, b, c, n); /* warm-up */
        double best = 1e9;
        for (int r = 0; r < 3; r++) {
            double start = now_ms();
            matmul_ikj(a, b, c, n);
            double t = now_ms() - start;
            if (t < best) best = t;
        }
        printf("b offset %3ld, c offset %3ld: best of 3 %.1f ms\n", b_offset, c_offset, best);
    }
    return 0;
}
