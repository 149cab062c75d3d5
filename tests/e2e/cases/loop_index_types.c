/* The backward sweep steps a counting loop's index back in the index's own type (from the
 * value the forward loop ended with, `i -= c` per trip): indices of type signed char, short,
 * unsigned, long long and size_t, steps of 1, 3 and 7, `<` and `<=`, negative starts, bounds
 * counted again (signed) or trips taped (unsigned, size_t), an index read after its loop, and
 * nested loops whose inner start is the outer index. Each term weighs x by its index so that a
 * wrong index value gives a wrong derivative. Gradient checked against finite differences,
 * tangent vs adjoint, and a closed form computed here with the same loops. */
#include <stddef.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double index_types(int n, const double *x) {
    double acc = 0.0;
    signed char c;
    for (c = -100; c < 120; c += 7)             /* exit value 124: read after the loop */
        acc += (double)c * x[(c + 100) % n] * x[(c + 101) % n];
    acc += (double)c * x[0];
    for (short h = -5; h <= 3 * n; h += 3)
        acc += x[(h + 5) % n] * x[(h + 5) % n] * (double)h;
    for (unsigned u = 2; u < 40u; u += 7)
        acc += (double)u * x[u % (unsigned)n] * x[(u + 3) % (unsigned)n];
    for (long long L = -7; L < n; L++)
        for (long long M = L; M <= n; M += 3)
            acc += (double)(L * M) * x[(L + 7) % n] * x[(M + 7) % n];
    for (size_t z = 1; z < (size_t)n; z++)
        acc += x[z] * x[z - 1] * (double)z;
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double index_types_tangent(int n, const double *x, const double *x_d, double *index_types_d);
double index_types_adjoint(int n, const double *x, double *x_b, double index_types_b);
double index_types_grad(int n, const double *x, double *x_grad);

#define N 7

static double primal(const double *x, void *p) { (void)p; return index_types(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return index_types_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return index_types_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return index_types_adjoint(N, x, xb, seed);
}

/* d(w x[a] x[b]) added to g. */
static void pair(double *g, const double *x, double w, long a, long b) {
    g[a] += w * x[b];
    g[b] += w * x[a];
}

/* The gradient term by term, with the loops written out in int/long. */
static void closed_form(const double *x, double *g) {
    for (int i = 0; i < N; i++)
        g[i] = 0.0;
    int c;
    for (c = -100; c < 120; c += 7)
        pair(g, x, c, (c + 100) % N, (c + 101) % N);
    g[0] += c;
    for (int h = -5; h <= 3 * N; h += 3)
        pair(g, x, h, (h + 5) % N, (h + 5) % N);
    for (int u = 2; u < 40; u += 7)
        pair(g, x, u, u % N, (u + 3) % N);
    for (long L = -7; L < N; L++)
        for (long M = L; M <= N; M += 3)
            pair(g, x, (double)(L * M), (L + 7) % N, (M + 7) % N);
    for (int z = 1; z < N; z++)
        pair(g, x, z, z, z - 1);
}

int main(void) {
    e2e_begin("loop_index_types");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 517u, -1.0, 1.0);
    e2e_scalar s = {.label = "n = 7", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    closed_form(x, want);
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
