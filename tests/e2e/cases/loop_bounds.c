/* Loops whose trip counts the backward sweep computes again from their bounds instead of
 * taping them, and integer steps it undoes instead of taping: a triangle whose inner loop
 * starts after the outer index, the final indices read after the loops, `<=` with a step of 2
 * from a negative start, an empty loop, a bound assigned by an enclosing while loop, a bound
 * overwritten after its loop, an index whose value before the loop is read again, a bound the
 * body changes (taped), and a running offset `k++` (undone). Gradient checked against finite
 * differences, tangent vs adjoint, and a closed form computed here with the same loops. */
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double bounds(int n, const double *x) {
    double acc = 0.0;
    int i, j = 0;
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            acc += x[i] * x[j] * x[j];
    acc += x[i - 1] * x[j - 2];                 /* i = n, j = n: read after the loops */
    for (int k = -3; k <= n - 4; k += 2)
        acc += x[k + 3] * x[(k + 3) / 2];
    for (int k = n; k < 2; k++)                 /* empty for n >= 2 */
        acc += x[k] * x[k];
    int m = 1;
    while (m < n) {
        for (int q = m / 2; q < m; q++)         /* the bound m changes between loops */
            acc += x[q] * x[m] * x[q];
        m = 2 * m;
    }
    int half = n / 2;
    for (int u = 0; u < half; u++)
        acc += x[u] * x[u] * x[u];
    half = n - 1;                               /* overwritten after its loop */
    for (int u = half - 2; u < half; u++)
        acc += x[u] * x[u + 1];
    int p = 2;
    acc += x[p] * x[p + 1];                     /* p = 2 is read before the loop reuses p */
    for (p = 1; p < n; p++)
        acc += x[p] * x[p - 1] * x[p - 1];
    int lim = n;
    for (int r = 0; r < lim; r++) {             /* the body changes the bound: trips taped */
        acc += x[r] * x[r] * x[0];
        if (r == 1)
            lim = 3;
    }
    int off = 0;
    for (int a = 0; a < n; a++)
        for (int b = a; b < n; b++) {
            acc += x[off % n] * x[b] * x[a];    /* off: a running offset, undone */
            off++;
        }
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double bounds_tangent(int n, const double *x, const double *x_d, double *bounds_d);
double bounds_adjoint(int n, const double *x, double *x_b, double bounds_b);
double bounds_grad(int n, const double *x, double *x_grad);

#define N 9

static double primal(const double *x, void *p) { (void)p; return bounds(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return bounds_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return bounds_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return bounds_adjoint(N, x, xb, seed);
}

/* d(x[a] x[b] x[c]) added to g. */
static void triple(double *g, const double *x, int a, int b, int c) {
    g[a] += x[b] * x[c];
    g[b] += x[a] * x[c];
    g[c] += x[a] * x[b];
}

static void pair(double *g, const double *x, int a, int b) {
    g[a] += x[b];
    g[b] += x[a];
}

/* The gradient term by term, with the loops written out as they run. */
static void closed_form(const double *x, double *g) {
    for (int i = 0; i < N; i++)
        g[i] = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++)
            triple(g, x, i, j, j);
    pair(g, x, N - 1, N - 2);
    for (int k = -3; k <= N - 4; k += 2)
        pair(g, x, k + 3, (k + 3) / 2);
    for (int m = 1; m < N; m *= 2)
        for (int q = m / 2; q < m; q++)
            triple(g, x, q, m, q);
    for (int u = 0; u < N / 2; u++)
        triple(g, x, u, u, u);
    for (int u = N - 3; u < N - 1; u++)
        pair(g, x, u, u + 1);
    pair(g, x, 2, 3);
    for (int p = 1; p < N; p++)
        triple(g, x, p, p - 1, p - 1);
    for (int r = 0; r < 3; r++)
        triple(g, x, r, r, 0);
    int off = 0;
    for (int a = 0; a < N; a++)
        for (int b = a; b < N; b++, off++)
            triple(g, x, off % N, b, a);
}

int main(void) {
    e2e_begin("loop_bounds");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 911u, -1.0, 1.0);
    e2e_scalar s = {.label = "n = 9", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    closed_form(x, want);
    e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
