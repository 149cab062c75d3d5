/* sizeof of a variable-length array, as C99 codes write it: `memset(a, 0, sizeof a)`,
 * `memcpy(b, a, sizeof(a))`, `memcpy(c, b, (size_t)sizeof c)` (refused before), and an
 * element count `sizeof a / sizeof a[0]` as a loop bound, which the backward sweep needs
 * again. The generated code keeps `sizeof(a)`: C evaluates it from a's type wherever adc
 * declares a. In vla_prefix the array is declared in a loop body
 * with a length that grows each trip (tangent mode; reverse mode refuses a length read from a
 * local), so its sizeof differs from trip to trip. Checked against finite differences, the
 * dot-product test, the adjoint's increments, hvp against finite differences of the gradient
 * and its symmetry; vla_prefix against finite differences and its closed form. */
#include <math.h>
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint, grad, hvp))
double vla_sizes(int n, const double *x) {
    double a[n], b[n];
    memset(a, 0, sizeof a);
    for (int i = 0; i < n; i++)
        a[i] += x[i] * x[(i + 1) % n];
    memcpy(b, a, sizeof(a));
    int count = (int)(sizeof b / sizeof b[0]);
    double s = 0.0;
    for (int i = 0; i < count; i++) {
        b[i] = sin(b[i]) * x[i];
        s += b[i] * a[(i + 2) % n];
    }
    double c[n];
    memcpy(c, b, (size_t)sizeof c);
    return s + c[n - 1] * c[0];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double vla_prefix(int n, const double *x) {
    double s = 0.0;
    for (int k = 1; k <= n; k++) {
        double w[k];
        memcpy(w, x, sizeof w);
        for (int i = 0; i < (int)(sizeof w / sizeof w[0]); i++)
            s += w[i] * w[i];
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double vla_sizes_tangent(int n, const double *x, const double *x_d, double *vla_sizes_d);
double vla_sizes_adjoint(int n, const double *x, double *x_b, double vla_sizes_b);
double vla_sizes_grad(int n, const double *x, double *x_grad);
int vla_sizes_hvp(int n, const double *x, const double *x_v, double *x_hv);
double vla_prefix_tangent(int n, const double *x, const double *x_d, double *vla_prefix_d);

#define N 6

static double primal(const double *x, void *p) {
    (void)p;
    return vla_sizes(N, x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return vla_sizes_grad(N, x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return vla_sizes_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return vla_sizes_adjoint(N, x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return vla_sizes_hvp(N, x, v, hv);
}

static void prefix_as_vector(const double *x, double *y, void *p) {
    (void)p;
    y[0] = vla_prefix(N, x);
}

int main(void) {
    e2e_begin("vla_sizeof");
    double x[N], v[N];
    e2e_fill(x, N, 51u, -0.9, 0.9);
    e2e_scalar s = {.label = "vla_sizes", .n = N, .x = x, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);

    /* vla_prefix = sum_k sum_{i<k} x_i^2, so its tangent along v is sum_i 2 x_i v_i (N - i) */
    e2e_fill(v, N, 52u, -1.0, 1.0);
    double dv = NAN, want = 0.0;
    double value = vla_prefix_tangent(N, x, v, &dv);
    for (int i = 0; i < N; i++)
        want += 2.0 * x[i] * v[i] * (N - i);
    e2e_expect_value("vla_prefix", "value returned by tangent", value, vla_prefix(N, x), E2E_EXACT_TOL);
    e2e_expect_value("vla_prefix", "tangent vs closed form", dv, want, E2E_EXACT_TOL);
    adc_check_result r;
    int st = adc_check_tangent(N, 1, x, v, &dv, prefix_as_vector, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("vla_prefix", "tangent vs finite differences", st, &r);
    return e2e_finish();
}
#endif
