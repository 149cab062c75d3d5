/* Local work arrays a loop fills one element per trip: the forward sweep does not save the
 * elements it overwrites when no read sees an element before the trip that writes it (NR's
 * tridag `gam`, analysis/write_once.c), and still saves them when one does: a read of the
 * element a later trip writes (`t[i + 1]` before `t[i] = ...`), of this trip's element before
 * the write, of an element before the loop, or through a loop whose trips skip elements.
 * Gradient and hvp checked against finite differences, tangent against adjoint (the
 * dot-product test); each saving case gives a wrong adjoint if its save is dropped. */
#include <adc.h>
#include <math.h>

#define M 8

/* Thomas algorithm on (x_i, 2 + x_i^2, x_i) rows: gam written once, read after. */
static void thomas(int n, const double *x, const double *r, double *u) {
    double gam[M], bet = 2.0 + x[0] * x[0];
    u[0] = r[0] / bet;
    for (int j = 1; j < n; j++) {
        gam[j] = x[j - 1] / bet;
        bet = 2.0 + x[j] * x[j] - x[j] * gam[j];
        u[j] = (r[j] - x[j] * u[j - 1]) / bet;
    }
    for (int j = n - 2; j >= 0; j--)
        u[j] -= gam[j + 1] * u[j + 1];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double write_once_arrays(int n, const double *x) {
    double u[M], w[M] = {0}, t[M] = {0.5, 0.25, 0.75, 0.5, 0.25, 0.75, 0.5, 0.25}, q[M] = {1, 2, 3, 4, 5, 6, 7, 8};
    double r[M] = {0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.4}, e[M] = {0};
    double s = 0.0;
    thomas(n, x, x, u);
    for (int i = n - 1; i >= 0; i--) /* falling: w[i + 1] is an earlier trip's, or never written */
        w[i] = sin(x[i]) * (1.0 + w[i + 1] * w[i + 1]);
    for (int i = 0; i < n; i++) { /* t[i + 1]: a later trip's element, read before it is written */
        s += t[i + 1] * x[i];
        t[i] = sin(x[i]) * s;
    }
    for (int i = 0; i < n; i++) /* this trip's element, read before the write */
        q[i] = q[i] * x[i] + cos(q[i]);
    double before = r[1] * x[0]; /* read before the loop that writes r[1] */
    for (int i = 0; i < n; i++)
        r[i] = x[i] * x[i] * r[i + 1];
    for (int i = 2; i < n; i += 2) /* step 2: e[i - 1] is never written, e[i - 2] an earlier trip's */
        e[i] = x[i] * (1.0 + e[i - 2] * e[i - 1]) + exp(x[i]);
    for (int i = 0; i < n; i++)
        s += u[i] * w[i] + t[i] * q[i] + r[i] * e[i] * x[i];
    return s + before * before;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double write_once_arrays_tangent(int n, const double *x, const double *x_d, double *write_once_arrays_d);
double write_once_arrays_adjoint(int n, const double *x, double *x_b, double write_once_arrays_b);
double write_once_arrays_grad(int n, const double *x, double *x_grad);
int write_once_arrays_hvp(int n, const double *x, const double *x_v, double *x_hv);

#define N 5

static double primal(const double *x, void *p) { (void)p; return write_once_arrays(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return write_once_arrays_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return write_once_arrays_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return write_once_arrays_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return write_once_arrays_hvp(N, x, v, hv);
}

int main(void) {
    e2e_begin("write_once_arrays");
    double x[N] = {0.7, 0.4, 0.9, 0.3, 0.8}, g[N];
    e2e_scalar s = {.label = "x", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    return e2e_finish();
}
#endif
