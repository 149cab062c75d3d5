/* Composed math (erf, exp, log, sqrt) in the Black-Scholes call price, four active scalars and one inactive double; gradient = closed-form Greeks (delta, rho, vega, dC/dT). */
#include <math.h>
#include <adc.h>

static double normal_cdf(double z)
{
    return 0.5 * (1.0 + erf(z / sqrt(2.0)));
}

ADC_DIFF(wrt(S, r, sigma, T))
double bs_call(double S, double K, double r, double sigma, double T)
{
    double vol = sigma * sqrt(T);
    double d1 = (log(S / K) + (r + 0.5 * sigma * sigma) * T) / vol;
    double d2 = d1 - vol;
    return S * normal_cdf(d1) - K * exp(-r * T) * normal_cdf(d2);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double bs_call_tangent(double S, double S_d, double K, double r, double r_d, double sigma,
                       double sigma_d, double T, double T_d, double *bs_call_d);
double bs_call_adjoint(double S, double *S_b, double K, double r, double *r_b, double sigma,
                       double *sigma_b, double T, double *T_b, double bs_call_b);
double bs_call_grad(double S, double K, double r, double sigma, double T, double *S_grad,
                    double *r_grad, double *sigma_grad, double *T_grad);

/* Prices in units of 100, so that all inputs are O(1) for the finite differences. */
static const double K = 0.95;

/* Packed as (S, r, sigma, T). */
static double primal(const double *x, void *p) {
    (void)p;
    return bs_call(x[0], K, x[1], x[2], x[3]);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return bs_call_grad(x[0], K, x[1], x[2], x[3], &g[0], &g[1], &g[2], &g[3]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return bs_call_tangent(x[0], v[0], K, x[1], v[1], x[2], v[2], x[3], v[3], dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return bs_call_adjoint(x[0], &xb[0], K, x[1], &xb[1], x[2], &xb[2], x[3], &xb[3], seed);
}

int main(void) {
    e2e_begin("math_black_scholes");
    const double x[4] = {1.0, 0.03, 0.25, 1.5};
    double g[4];
    e2e_scalar s = {.label = "bs_call", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double S = x[0], r = x[1], sigma = x[2], T = x[3];
    double d1 = (log(S / K) + (r + 0.5 * sigma * sigma) * T) / (sigma * sqrt(T));
    double d2 = d1 - sigma * sqrt(T);
    double N1 = 0.5 * (1.0 + erf(d1 / sqrt(2.0))), N2 = 0.5 * (1.0 + erf(d2 / sqrt(2.0)));
    double phi1 = exp(-0.5 * d1 * d1) / sqrt(2.0 * 3.14159265358979323846);
    double disc = K * exp(-r * T);
    double ref[4] = {
        N1,                                                   /* delta */
        T * disc * N2,                                        /* rho */
        S * phi1 * sqrt(T),                                   /* vega */
        S * phi1 * sigma / (2.0 * sqrt(T)) + r * disc * N2,   /* dC/dT = -theta */
    };
    e2e_expect_close(s.label, "grad vs closed-form Greeks", g, ref, 4, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
