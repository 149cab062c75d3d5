/* Early returns: inactive guard return, return from inside a for loop on an active condition, returns from if/else branches after the loop; three points exercise the three active return paths. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double early_return(int n, const double *x, double cap)
{
    if (n <= 0)
        return 0.0;
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        s += x[i] * exp(-0.1 * i);
        if (s > cap)
            return cap + log(1.0 + s - cap) + x[0] * x[i];
    }
    if (s < 0.0) {
        double t = s * s;
        return -t * x[n - 1];
    }
    return s * s + sin(s);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double early_return_tangent(int n, const double *x, const double *x_d, double cap,
                            double *early_return_d);
double early_return_adjoint(int n, const double *x, double *x_b, double cap,
                            double early_return_b);
double early_return_grad(int n, const double *x, double cap, double *x_grad);

#define N 6
static double primal(const double *x, void *p) {
    return early_return(N, x, *(const double *)p);
}
static double grad(const double *x, double *g, void *p) {
    return early_return_grad(N, x, *(const double *)p, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return early_return_tangent(N, x, v, *(const double *)p, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return early_return_adjoint(N, x, xb, *(const double *)p, seed);
}

int main(void) {
    e2e_begin("early_return");
    /* Partial sums 0.8, 1.52, 2.51, 2.88, 3.55, 4.04: with cap 2.2 the loop returns at i = 2. */
    const double xp[N] = {0.8, 0.8, 1.2, 0.5, 1.0, 0.8};
    double cap = 2.2, no_cap = 50.0;
    e2e_scalar s1 = {.label = "return inside the loop", .n = N, .x = xp, .f = primal,
                     .grad = grad, .tangent = tangent, .adjoint = adjoint, .ctx = &cap};
    e2e_run_scalar(&s1, NULL);
    e2e_scalar s2 = {.label = "return after the loop, s > 0", .n = N, .x = xp, .f = primal,
                     .grad = grad, .tangent = tangent, .adjoint = adjoint, .ctx = &no_cap};
    e2e_run_scalar(&s2, NULL);
    const double xn[N] = {-0.8, 0.3, -1.2, 0.5, -1.0, 0.7};
    e2e_scalar s3 = {.label = "return from the if, s < 0", .n = N, .x = xn, .f = primal,
                     .grad = grad, .tangent = tangent, .adjoint = adjoint, .ctx = &no_cap};
    e2e_run_scalar(&s3, NULL);
    return e2e_finish();
}
#endif
