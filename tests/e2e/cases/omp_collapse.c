/* A 2-D stencil's sum of squares over collapse(2) loops (the trips of both loops shared between
 * threads) with reduction(+: s). The tangent loop keeps collapse(2); the backward loop shares
 * out the outer trips (the inner index and the trip's locals private) and adds to x_b
 * atomically, as neighbouring trips read the same x.
 * Checked against finite differences, the dot-product test (tangent vs gradient) and the
 * serial result (e2e_omp.h). */
#include <math.h>
#include <adc.h>

enum { ROWS = 12, COLS = 10 };

ADC_DIFF(wrt(x), len(x: n))
double omp_collapse(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for collapse(2) schedule(static, 3) reduction(+ : s)
    for (int i = 1; i < ROWS - 1; i++)
        for (int j = 1; j < COLS - 1; j++) {
            double c = x[i * COLS + j];
            double r = c * c + 0.25 * (x[(i - 1) * COLS + j] + x[(i + 1) * COLS + j]) * sin(x[i * COLS + j - 1]) -
                       x[i * COLS + j + 1] * c;
            s += r * r;
        }
    return s + 0.0 * n;
}

#ifdef ADC_E2E_MAIN
#include "../e2e_omp.h"

double omp_collapse_tangent(int n, const double *x, const double *x_d, double *f_d);
double omp_collapse_adjoint(int n, const double *x, double *x_b, double f_b);
double omp_collapse_grad(int n, const double *x, double *x_grad);

enum { N = ROWS * COLS };

static double primal(const double *x, void *p) {
    (void)p;
    return omp_collapse(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return omp_collapse_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return omp_collapse_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return omp_collapse_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("omp_collapse");
    double x[N];
    e2e_fill(x, N, 5, -1.0, 1.0);
    e2e_scalar s = {.label = "omp_collapse", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    e2e_omp_serial(&s);
    return e2e_finish();
}
#endif
