/* The rounding functions that return integers (lround, llround, lrint, llrint and their f
 * forms) and the exponent functions ilogb and logb, of active values: constant between their
 * jumps, so their derivative is zero, and the integers they return scale active terms (they
 * were refused as functions adc could not see into). Checked against finite differences, the
 * dot-product test and the closed form, in tangent, adjoint, grad and hvp. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double rounded_scales(const double *x)
{
    long k = lround(x[0] * 3.7);
    long long m = llrint(x[1] * 2.3) + llround(x[2]) + lrint(x[0] * 5.1);
    int e = ilogb(x[2] + 3.0);
    float g = (float)x[1];
    double s = k * x[0] * x[1] + m * x[2] * x[2] + e * x[0];
    return s + logb(x[1] + 5.0) * x[2] + lroundf(g * 3.1f) * x[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double rounded_scales_tangent(const double *x, const double *x_d, double *rounded_scales_d);
double rounded_scales_adjoint(const double *x, double *x_b, double rounded_scales_b);
double rounded_scales_grad(const double *x, double *x_grad);
int rounded_scales_hvp(const double *x, const double *x_v, double *x_hv);

#define N 3
static double primal(const double *x, void *p) {
    (void)p;
    return rounded_scales(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return rounded_scales_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return rounded_scales_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return rounded_scales_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("rounding_to_integers");
    double x[N] = {0.43, -0.71, 0.36}, g[N], v[N] = {0.3, -0.8, 0.5}, hv[N];
    e2e_scalar s = {.label = "rounded_scales", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double k = lround(x[0] * 3.7), m = (double)(llrint(x[1] * 2.3) + llround(x[2]) + lrint(x[0] * 5.1));
    double e = ilogb(x[2] + 3.0), b = logb(x[1] + 5.0), r = lroundf((float)x[1] * 3.1f);
    double ref[N] = {k * x[1] + e, k * x[0] + r, 2.0 * m * x[2] + b};
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    rounded_scales_hvp(x, v, hv);
    double href[N] = {k * v[1], k * v[0], 2.0 * m * v[2]};
    e2e_expect_close(s.label, "hvp vs closed form", hv, href, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
