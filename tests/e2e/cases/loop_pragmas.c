/* Loops under pragmas, as tuned numerical codes write them: an unroll hint and an OpenMP
 * parallel loop with a reduction (the case is compiled with -fopenmp: the primal, the tangent
 * and the backward loop run in parallel); gradient against the closed form, finite
 * differences and the tangent. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double pragmas(int n, const double *x)
{
    double s = 0.0, t = 0.0;
#pragma GCC unroll 4
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
#pragma omp parallel for reduction(+ : t)
    for (int i = 0; i < n; i++)
        t += sin(x[i]);
    return s * t;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pragmas_tangent(int n, const double *x, const double *x_d, double *pragmas_d);
double pragmas_adjoint(int n, const double *x, double *x_b, double pragmas_b);
double pragmas_grad(int n, const double *x, double *x_grad);

enum { N = 9 };

static double primal(const double *x, void *p) {
    (void)p;
    return pragmas(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return pragmas_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pragmas_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pragmas_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("loop_pragmas");
    double x[N], g[N], ref[N];
    e2e_fill(x, N, 3, -1.0, 1.0);
    e2e_scalar s = {.label = "pragmas", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double sq = 0.0, sn = 0.0;
    for (int i = 0; i < N; i++) {
        sq += x[i] * x[i];
        sn += sin(x[i]);
    }
    for (int i = 0; i < N; i++)
        ref[i] = 2.0 * x[i] * sn + sq * cos(x[i]);
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
