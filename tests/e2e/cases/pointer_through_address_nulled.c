/* Enzyme's ReverseMode/metarwr.c: a helper reads a length through `long **data`
 * (`long *segment = data[0]`), scales that many elements and nulls the caller's pointer
 * through its address (`data[0] = 0`). The sweeps started `segment` at `data` (a long **:
 * generated files that did not compile), and the caller's pointer, null at the end, was taped
 * as an offset from its array (arithmetic on a null pointer, reported by UBSan). Checked against
 * finite differences, tangent vs adjoint (the dot-product test) and the closed form. */
#include <adc.h>

static void call(double *a, long **data) {
    long *segment = data[0];
    long size = segment[1] - segment[0];
    for (long i = 0; i < size; i++)
        a[i] *= 2;
    data[0] = 0;
}

ADC_DIFF(wrt(a, y), len(y: m), modes(tangent, adjoint, grad, hvp))
double pointer_through_address_nulled(double a, int m, double *y) {
    long meta[2] = {1, m};
    long *mmeta = meta;
    y[0] *= a;
    call(y, &mmeta);
    return y[0] * y[1] + a * y[m - 1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double pointer_through_address_nulled_tangent(double a, double a_d, int m, double *y, double *y_d, double *f_d);
double pointer_through_address_nulled_adjoint(double a, double *a_b, int m, double *y, double *y_b, double f_b);
double pointer_through_address_nulled_grad(double a, int m, double *y, double *a_grad, double *y_grad);
int pointer_through_address_nulled_hvp(double a, double a_v, double *a_hv, int m, double *y, const double *y_v,
                                       double *y_hv);

#define M 3

static double primal(const double *z, void *p) {
    (void)p;
    double y[M] = {z[1], z[2], z[3]};
    return pointer_through_address_nulled(z[0], M, y);
}
static double grad(const double *z, double *g, void *p) {
    (void)p;
    double y[M] = {z[1], z[2], z[3]};
    return pointer_through_address_nulled_grad(z[0], M, y, g, g + 1);
}
static double tangent(const double *z, const double *v, double *dv, void *p) {
    (void)p;
    double y[M] = {z[1], z[2], z[3]}, y_d[M] = {v[1], v[2], v[3]};
    return pointer_through_address_nulled_tangent(z[0], v[0], M, y, y_d, dv);
}
static double adjoint(const double *z, double *zb, double seed, void *p) {
    (void)p;
    double y[M] = {z[1], z[2], z[3]}, y_b[M] = {0}; /* y_b on entry: the adjoint of y's final values */
    double value = pointer_through_address_nulled_adjoint(z[0], zb, M, y, y_b, seed);
    for (int i = 0; i < M; i++)
        zb[1 + i] += y_b[i];
    return value;
}
static int hvp(const double *z, const double *v, double *hv, void *p) {
    (void)p;
    double y[M] = {z[1], z[2], z[3]};
    return pointer_through_address_nulled_hvp(z[0], v[0], hv, M, y, v + 1, hv + 1);
}

int main(void) {
    e2e_begin("pointer_through_address_nulled");
    double z[1 + M] = {0.8, 0.6, -0.7, 1.1}, g[1 + M];
    e2e_scalar s = {.label = "nulled", .n = 1 + M, .x = z, .f = primal, .grad = grad, .tangent = tangent,
                    .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, g);
    /* y0 and y1 doubled (size = m - 1 = 2): f = 4 a y0 y1 + a y2 */
    double want[1 + M] = {4.0 * z[1] * z[2] + z[3], 4.0 * z[0] * z[2], 4.0 * z[0] * z[1], z[0]};
    e2e_expect_close("nulled", "gradient vs closed form", g, want, 1 + M, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
