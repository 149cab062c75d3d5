/* Globals named in wrt(...): a model's coefficients live in globals that the code only reads
 * (so nothing would make them active); wrt(x, k_rate, weights) makes them independents. The
 * user seeds their directions in k_rate_d, weights_d for the tangent and reads the gradient
 * from k_rate_b, weights_b after f_grad (which zeroes them first). */
#include <math.h>
#include <adc.h>

double weights[3] = {1.0, 2.0, 0.5};
double k_rate = 0.3;

static double model(double t)
{
    return weights[0] + weights[1] * exp(-k_rate * t) + weights[2] * t * t;
}

ADC_DIFF(wrt(x, k_rate, weights), modes(tangent, adjoint, grad, hvp))
double globals_wrt(double x)
{
    double s = 0.0;
    for (int i = 0; i < 4; i++) {
        double d = model(0.5 * i) - x * x * i;
        s += d * d;
    }
    return s;
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double globals_wrt_tangent(double x, double x_d, double *globals_wrt_d);
double globals_wrt_adjoint(double x, double *x_b, double globals_wrt_b);
double globals_wrt_grad(double x, double *x_grad);
int globals_wrt_hvp(double x, double x_v, double *x_hv);
extern double k_rate_d, weights_d[3], k_rate_b, weights_b[3];

/* z packs x, k_rate, weights[0..2]. */
static void unpack(const double *z) {
    k_rate = z[1];
    memcpy(weights, z + 2, sizeof weights);
}
static double primal(const double *z, void *p) {
    (void)p;
    unpack(z);
    return globals_wrt(z[0]);
}
static double grad(const double *z, double *g, void *p) {
    (void)p;
    unpack(z);
    double f = globals_wrt_grad(z[0], g);
    g[1] = k_rate_b;
    memcpy(g + 2, weights_b, sizeof weights_b);
    return f;
}
static double tangent(const double *z, const double *v, double *dv, void *p) {
    (void)p;
    unpack(z);
    k_rate_d = v[1];
    memcpy(weights_d, v + 2, sizeof weights_d);
    return globals_wrt_tangent(z[0], v[0], dv);
}
static double adjoint(const double *z, double *zb, double seed, void *p) {
    (void)p;
    unpack(z);
    k_rate_b = zb[1];
    memcpy(weights_b, zb + 2, sizeof weights_b);
    double f = globals_wrt_adjoint(z[0], zb, seed);
    zb[1] = k_rate_b;
    memcpy(zb + 2, weights_b, sizeof weights_b);
    return f;
}
static void dfdx(const double *x, double *g, void *p) {
    (void)p;
    globals_wrt_grad(x[0], g);
}

int main(void) {
    e2e_begin("globals_wrt");
    double z[5] = {0.8, 0.4, 1.1, 1.7, 0.3};
    e2e_scalar s = {.label = "globals_wrt", .n = 5, .x = z, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    unpack(z);
    double v = 0.6, hv = NAN;
    globals_wrt_hvp(z[0], v, &hv);
    adc_check_result r;
    int st = adc_check_tangent(1, 1, z, &v, &hv, dfdx, NULL, E2E_FD_TOL, &r, NULL);
    e2e_check_status("globals_wrt", "Hessian-vector product in x vs finite differences of the gradient", st, &r);
    return e2e_finish();
}
#endif
