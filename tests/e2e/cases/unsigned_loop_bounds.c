/* Loops over unsigned indices whose backward sweep counts the trips again from the first index
 * and the bound, in the index's type (tbr_loop_bound): size_t and unsigned indices stepping by 1
 * from 0 or from an unsigned start that may be at or past the bound (zero trips), `<` and `<=`,
 * bounds of the index's type and of narrower ones (an unsigned char bound, promoted to int and
 * converted to unsigned as C compares them), a uint64_t index against `n - 1`. Beside them, the
 * loops that keep taping their trip count: an unsigned index against a long bound (compared in
 * long, negative in one call), a step of 2; and loops that are not counting loops at all: `for (size_t i = n; i-- > 0;)`, the
 * wrapping `for (i = n - 1; i < n; i--)`, a while loop with a companion counter stepped by
 * post-increment, and `while (k--)`. Each term weighs x by its index, so a wrong index or trip
 * count gives a wrong derivative. Gradient checked against finite differences, tangent vs
 * adjoint, and a closed form computed here with int loops, for a start below the bound and for
 * starts at and past it. */
#include <stddef.h>
#include <stdint.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double unsigned_bounds(size_t n, unsigned lo, unsigned char top, long ln, const double *x) {
    double acc = 0.0;
    for (size_t i = 0; i < n; i++)
        acc += (double)(i + 1) * x[i] * x[i];
    for (size_t i = lo; i < n; i++)
        acc += (double)i * x[i] * x[(i + 1) % n];
    for (unsigned u = lo; u <= top; u++)
        acc += (double)u * x[u % n] * x[(u + 2) % n];
    for (unsigned u = 1; u < ln; u++)
        acc += (double)(u + 3) * x[u % n] * x[(u + 1) % n];
    for (size_t i = 1; i < n; i += 2)
        acc += (double)i * x[i] * x[i - 1];
    for (uint64_t w = lo; w < n - 1; w++)
        acc += (double)(w + 2) * x[w] * x[w + 1];
    for (size_t i = n; i-- > 0;)
        acc += (double)(i + 5) * x[i] * x[(i + 3) % n];
    size_t j;
    for (j = n - 1; j < n; j--)
        acc += (double)(j + 7) * x[j] * x[(j + 4) % n];
    size_t k = 1, m = 0;
    while (k < n) {
        acc += (double)k * x[m++] * x[k];
        k++;
    }
    size_t c = n;
    while (c--)
        acc += (double)(c + 2) * x[c] * x[(c + 5) % n];
    return acc;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double unsigned_bounds_tangent(size_t n, unsigned lo, unsigned char top, long ln, const double *x,
                               const double *x_d, double *unsigned_bounds_d);
double unsigned_bounds_adjoint(size_t n, unsigned lo, unsigned char top, long ln, const double *x, double *x_b,
                               double unsigned_bounds_b);
double unsigned_bounds_grad(size_t n, unsigned lo, unsigned char top, long ln, const double *x, double *x_grad);

#define N 9

typedef struct Args {
    unsigned lo;
    unsigned char top;
    long ln;
} Args;

static double primal(const double *x, void *p) {
    const Args *a = p;
    return unsigned_bounds(N, a->lo, a->top, a->ln, x);
}
static double grad(const double *x, double *g, void *p) {
    const Args *a = p;
    return unsigned_bounds_grad(N, a->lo, a->top, a->ln, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    const Args *a = p;
    return unsigned_bounds_tangent(N, a->lo, a->top, a->ln, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    const Args *a = p;
    return unsigned_bounds_adjoint(N, a->lo, a->top, a->ln, x, xb, seed);
}

/* d(w x[a] x[b]) added to g. */
static void pair(double *g, const double *x, double w, long a, long b) {
    g[a] += w * x[b];
    g[b] += w * x[a];
}

/* The gradient term by term, with the loops written out in long. */
static void closed_form(const Args *a, const double *x, double *g) {
    for (int i = 0; i < N; i++)
        g[i] = 0.0;
    for (long i = 0; i < N; i++)
        pair(g, x, i + 1, i, i);
    for (long i = a->lo; i < N; i++)
        pair(g, x, i, i, (i + 1) % N);
    for (long u = a->lo; u <= a->top; u++)
        pair(g, x, u, u % N, (u + 2) % N);
    for (long u = 1; u < a->ln; u++)
        pair(g, x, u + 3, u % N, (u + 1) % N);
    for (long i = 1; i < N; i += 2)
        pair(g, x, i, i, i - 1);
    for (long w = a->lo; w < N - 1; w++)
        pair(g, x, w + 2, w, w + 1);
    for (long i = N - 1; i >= 0; i--)
        pair(g, x, i + 5, i, (i + 3) % N);
    for (long j = N - 1; j >= 0; j--)
        pair(g, x, j + 7, j, (j + 4) % N);
    for (long k = 1; k < N; k++)
        pair(g, x, k, k - 1, k);
    for (long c = N - 1; c >= 0; c--)
        pair(g, x, c + 2, c, (c + 5) % N);
}

int main(void) {
    e2e_begin("unsigned_loop_bounds");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 733u, -1.0, 1.0);
    /* a start below the bounds; at them (zero trips of the lo loops); past them */
    Args cases[] = {{2, 12, 6}, {N, N - 1, 0}, {N + 3, 4, -2}};
    const char *labels[] = {"lo = 2", "lo = n (zero trips)", "lo > n (zero trips)"};
    for (int c = 0; c < 3; c++) {
        e2e_scalar s = {.label = labels[c], .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                        .adjoint = adjoint, .ctx = &cases[c]};
        e2e_run_scalar(&s, g);
        closed_form(&cases[c], x, want);
        e2e_expect_close(s.label, "grad vs closed form", g, want, N, E2E_CLOSED_TOL);
    }
    return e2e_finish();
}
#endif
