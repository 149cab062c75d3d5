/* Locals defined once at a function's top level from values that do not change while it runs
 * (parameters it never assigns, const storage reached from them, literals, other such locals):
 * the backward sweep computes them again where it begins instead of popping their final values
 * (recompute.c, function level). Beside them, locals that must still travel on the tape: a copy
 * of a parameter the function assigns later, one of non-const storage, one defined after an
 * early return (it may not run), and one assigned twice. A helper called from a loop (its own
 * values per call) and the caller itself. Gradient against finite differences and the tangent
 * (dot-product test), adjoint seeding. */
#include <math.h>
#include <adc.h>

static double cell(double a, double b, const double *k, double *scratch, int n)
{
    double k0 = k[0];
    double k1 = 0.5 * k[1] - k0;
    double kk = k1 * k1 + k[2 * n - 4];
    int last = n - 2;
    double first = a;
    double own = scratch[0];
    a = a * kk + b * k0;
    if (a > 10.0)
        return a;
    double late = k[last] * 3.0;
    double twice = k0 * b;
    twice = twice * b + k1;
    scratch[0] = own + a;
    return a * k1 + first * b * kk + late * a + twice * own;
}

ADC_DIFF(wrt(x, k), len(x: n, k: 4))
double top_level_recompute(int n, const double *x, const double *k)
{
    double scratch[1] = {0.25};
    double h = 1.0 / n;
    double s = 0.0;
    for (int i = 0; i + 1 < n; i++)
        s += h * cell(x[i], x[i + 1], k, scratch, 3);
    return s * k[3] + scratch[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double top_level_recompute_tangent(int n, const double *x, const double *x_d, const double *k, const double *k_d,
                                   double *top_level_recompute_d);
double top_level_recompute_adjoint(int n, const double *x, double *x_b, const double *k, double *k_b,
                                   double top_level_recompute_b);
double top_level_recompute_grad(int n, const double *x, const double *k, double *x_grad, double *k_grad);

#define N 5

static double primal(const double *w, void *c) { (void)c; return top_level_recompute(N, w, w + N); }
static double grad(const double *w, double *g, void *c) {
    (void)c;
    return top_level_recompute_grad(N, w, w + N, g, g + N);
}
static double tangent(const double *w, const double *v, double *dv, void *c) {
    (void)c;
    return top_level_recompute_tangent(N, w, v, w + N, v + N, dv);
}
static double adjoint(const double *w, double *wb, double seed, void *c) {
    (void)c;
    return top_level_recompute_adjoint(N, w, wb, w + N, wb + N, seed);
}

int main(void) {
    e2e_begin("top_level_recompute");
    const double points[2][N + 4] = {{0.4, -0.8, 1.2, 0.3, -0.5, 0.9, 0.7, -0.2, 1.3},
                                     {2.6, 1.5, -1.1, 0.8, 0.2, 1.4, 1.1, 0.6, -0.7}};
    for (int p = 0; p < 2; p++) {
        e2e_scalar s = {.label = p ? "second point" : "first point", .n = N + 4, .x = points[p], .f = primal,
                        .grad = grad, .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, NULL);
    }
    return e2e_finish();
}
#endif
