/* Accumulations written `x = x + e`, `x = e + x`, `x = x - e` (reversed as x += e, normalize.c):
 * into a scalar, into array elements in nested loops (a matrix-vector product as GMM's Qtimesx
 * writes it), into an output parameter, an integer counter used as an index, next to
 * `a[i] = a[i] + a[0]` (e reads the array: stays a plain assignment). Gradient checked against
 * finite differences, tangent vs adjoint, and the product's gradient against its closed form. */
#include <adc.h>

static void lower_times(int d, const double *L, const double *v, double *out) {
    int k = 0;
    for (int i = 0; i < d; i++)
        out[i] = L[k + i] * v[i];
    k = k + d;
    for (int i = 0; i < d; i++)
        for (int j = i + 1; j < d; j++) {
            out[j] = out[j] + L[k] * v[i];
            k = k + 1;
        }
}

ADC_DIFF(wrt(x), len(x: n))
double accumulations(int n, const double *x) {
    double out[4], v[4];
    for (int i = 0; i < 4; i++)
        v[i] = x[i] - x[n - 1 - i];
    lower_times(4, x, v, out);
    double s = 0.0;
    for (int i = 0; i < 4; i++) {
        s = out[i] * out[i] + s;
        s = s - 0.5 * x[i];
        out[i] = out[i] + out[0];
    }
    return s + out[3] * x[1];
}

/* y = L v with the packed lower-triangular L of lower_times: s = sum_i y_i^2 (the product alone). */
ADC_DIFF(wrt(L), len(L: 10, v: 4))
double product_norm(const double *L, const double *v) {
    double y[4];
    lower_times(4, L, v, y);
    double s = 0.0;
    for (int i = 0; i < 4; i++)
        s = s + y[i] * y[i];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double accumulations_tangent(int n, const double *x, const double *x_d, double *accumulations_d);
double accumulations_adjoint(int n, const double *x, double *x_b, double accumulations_b);
double accumulations_grad(int n, const double *x, double *x_grad);
double product_norm_grad(const double *L, const double *v, double *L_grad);

#define N 10

static double primal(const double *x, void *p) { (void)p; return accumulations(N, x); }
static double grad(const double *x, double *g, void *p) { (void)p; return accumulations_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return accumulations_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return accumulations_adjoint(N, x, xb, seed);
}

/* ds/dL for y = L v: the diagonal L[i] (i < 4) scales v_i into y_i, then L[k] for the pair
 * (i, j > i) in order adds L[k] v_i into y_j; ds/dy_j = 2 y_j. */
static void product_closed_form(const double *L, const double *v, double *g) {
    double y[4];
    for (int i = 0; i < 4; i++)
        y[i] = L[i] * v[i];
    for (int i = 0, k = 4; i < 4; i++)
        for (int j = i + 1; j < 4; j++, k++)
            y[j] += L[k] * v[i];
    for (int i = 0; i < 4; i++)
        g[i] = 2.0 * y[i] * v[i];
    for (int i = 0, k = 4; i < 4; i++)
        for (int j = i + 1; j < 4; j++, k++)
            g[k] = 2.0 * y[j] * v[i];
}

int main(void) {
    e2e_begin("accumulations");
    double x[N], v[4], g[N], want[N];
    e2e_fill(x, N, 4411u, -1.0, 1.0);
    e2e_fill(v, 4, 4412u, -1.0, 1.0);
    e2e_scalar s = {.label = "n = 10", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    product_norm_grad(x, v, g);
    product_closed_form(x, v, want);
    e2e_expect_close("product_norm", "grad vs closed form", g, want, 10, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
