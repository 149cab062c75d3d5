/* A local pointer into a local array (`const double *p = &a[4]`, a row `g[1]` of a 2-D array,
 * an element of a VLA) given to a helper whose partials read through it: the backward sweep
 * must find the array's values. adc up to 236480a taped the pointer's offset but not the
 * array, and the backward sweep read zeros (difftest seed 15135, entry 129: a row of a VLA
 * grid given to a recursive helper; a dot-product test 2e-2 off). Checked against finite
 * differences, the dot-product test and a closed form. */
#include <math.h>
#include <adc.h>

static double scale_by(double u, const double *w) {
    return w[0] * sin(u);
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad))
double pointer_into_local(int n, const double *x) {
    double a[8], g[2][4], b[n + 3];
    for (int i = 0; i < 8; i++)
        a[i] = x[i % n] * 0.5 + 0.1 * i;
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 4; k++)
            g[i][k] = x[(i + k) % n] * x[0];
    for (int i = 0; i < n + 3; i++)
        b[i] = x[i % n] * x[1];
    const double *p = &a[4], *row = g[1], *q = &b[2];
    double s = 0.0;
    for (int t = 1; t < 4; t++)
        s += tanh(scale_by(x[t], p)) + scale_by(x[0] * t, row) + scale_by(x[t], q);
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_into_local_tangent(int n, const double *x, const double *x_d, double *pointer_into_local_d);
double pointer_into_local_adjoint(int n, const double *x, double *x_b, double pointer_into_local_b);
double pointer_into_local_grad(int n, const double *x, double *x_grad);

#define N 5

static double primal(const double *x, void *p) { (void)p; return pointer_into_local(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return pointer_into_local_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return pointer_into_local_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return pointer_into_local_adjoint(N, x, xb, seed);
}

/* f = sum over t = 1..3 of tanh(a4 sin x_t) + g10 sin(t x0) + b2 sin x_t, with a4 = 0.5 x4 + 0.4,
 * g10 = x1 x0, b2 = x2 x1. */
static void closed_form(const double *x, double *g) {
    double a4 = 0.5 * x[4] + 0.4, g10 = x[1] * x[0], b2 = x[2] * x[1];
    for (int i = 0; i < N; i++)
        g[i] = 0.0;
    for (int t = 1; t < 4; t++) {
        double th = tanh(a4 * sin(x[t])), dth = 1.0 - th * th;
        g[t] += dth * a4 * cos(x[t]) + b2 * cos(x[t]);
        g[4] += dth * sin(x[t]) * 0.5;
        g[0] += g10 * t * cos(t * x[0]) + x[1] * sin(t * x[0]);
        g[1] += x[0] * sin(t * x[0]) + x[2] * sin(x[t]);
        g[2] += x[1] * sin(x[t]);
    }
}

int main(void) {
    e2e_begin("pointer_into_local");
    double x[N], g[N], want[N];
    e2e_fill(x, N, 1513u, -0.9, 0.9);
    e2e_scalar s = {.label = "pointer_into_local", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    closed_form(x, want);
    for (int i = 0; i < N; i++)
        e2e_expect_value("pointer_into_local", "gradient vs closed form", g[i], want[i], E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
