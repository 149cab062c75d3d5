/* A helper's top-level definition `double d = a - in[0];` from a const parameter, which adc
 * computes again where the backward sweep begins instead of taping it (the const memory keeps
 * its value while the function runs, it assumed), called with overlapping arrays:
 * settle(n, y, y, a) and through a pointer into y. Its last statement `out[0] += s` changes
 * in[0], so the backward sweep recomputed d from the new value: a wrong adjoint with no
 * diagnostic (difftest seed 9383, README entry 87). Checked against finite differences, the
 * dot-product test, and hvp against finite differences of the gradient and its symmetry. */
#include <math.h>
#include <adc.h>

static void settle(int n, double *out, const double *in, double a) {
    double d = a - in[0];
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += sin(d) * d * in[i];
    out[0] += s;
}

ADC_DIFF(wrt(a, y), len(y: n), modes(tangent, adjoint, grad, hvp))
double overlapping(double a, int n, double *y) {
    settle(n, y, y, a);
    double *mid = y + 1;
    settle(n - 1, mid, mid, 0.5 * a);
    double r = 0.0;
    for (int i = 0; i < n; i++)
        r += y[i] * y[i] * (i + 1);
    return r;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double overlapping_tangent(double a, double a_d, int n, double *y, double *y_d, double *overlapping_d);
double overlapping_grad(double a, int n, double *y, double *a_grad, double *y_grad);
int overlapping_hvp(double a, double a_v, double *a_hv, int n, double *y, const double *y_v, double *y_hv);

#define N 4 /* packed inputs: a, y[0..N) */

static double primal(const double *u, void *p) {
    (void)p;
    double y[N];
    memcpy(y, u + 1, sizeof y);
    return overlapping(u[0], N, y);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    double y[N];
    memcpy(y, u + 1, sizeof y);
    return overlapping_grad(u[0], N, y, &g[0], g + 1);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    double y[N], y_d[N];
    memcpy(y, u + 1, sizeof y);
    memcpy(y_d, v + 1, sizeof y_d);
    return overlapping_tangent(u[0], v[0], N, y, y_d, dv);
}
static int hvp(const double *u, const double *v, double *hv, void *p) {
    (void)p;
    double y[N];
    memcpy(y, u + 1, sizeof y);
    return overlapping_hvp(u[0], v[0], &hv[0], N, y, v + 1, hv + 1);
}

int main(void) {
    e2e_begin("recompute_overlapping_const");
    double u[N + 1];
    e2e_fill(u, N + 1, 81u, -0.9, 0.9);
    /* no adjoint-increment check: y is updated in place, so y_b on entry seeds its outputs */
    e2e_scalar s = {.label = "overlapping", .n = N + 1, .x = u, .f = primal, .grad = grad, .tangent = tangent,
                    .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
