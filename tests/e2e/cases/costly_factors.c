/* Costly math calls that are factors of a product or quotient, in statements outside loops:
 * the reverse-mode forward sweep computes each into a local of its own (factor_calls.c) and
 * the backward sweep reads the value back instead of calling again. Shapes: both operands
 * active, a quotient, `*=`, a factor inside another call's argument and inside another factor,
 * a declaration, a return, a branch, a variable overwritten by a statement reading it, calls
 * under ?: and && (left in place), a helper called from a loop (one set of values per call).
 * Gradient against finite differences and the tangent (dot-product test), adjoint seeding. */
#include <math.h>
#include <adc.h>

static double shape(double a, double b, const double *p)
{
    double w = a * log(1.0 + b * b);
    double t = a / exp(0.5 * b);
    t *= cos(a - b);
    double u = p[0] * exp(p[1] * tanh(a)) + sin(b * atan(a)) * p[2];
    if (a > 0.0)
        u = u * sinh(0.25 * b);
    else
        u = u / cosh(0.25 * b);
    double v = b > 0.0 ? a * sin(b) : b * cos(a);
    v += (a > -5.0 && b * erf(a) > -10.0) ? 1.0 : 0.0;
    b = b * sin(b) + pow(a, 2.0) * hypot(a, b);
    return w + t * u + v * b + a * atan2(b, 1.5);
}

ADC_DIFF(wrt(x), len(x: n))
double costly_factors(int n, const double *x)
{
    const double p[3] = {0.7, -0.3, 1.1};
    double s = 0.0;
    for (int i = 0; i + 1 < n; i++)
        s += shape(x[i], x[i + 1], p);
    return s * tanh(x[0]);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double costly_factors_tangent(int n, const double *x, const double *x_d, double *costly_factors_d);
double costly_factors_adjoint(int n, const double *x, double *x_b, double costly_factors_b);
double costly_factors_grad(int n, const double *x, double *x_grad);

#define N 6

static double primal(const double *x, void *c) { (void)c; return costly_factors(N, x); }
static double grad(const double *x, double *g, void *c) { (void)c; return costly_factors_grad(N, x, g); }
static double tangent(const double *x, const double *v, double *dv, void *c) {
    (void)c;
    return costly_factors_tangent(N, x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *c) {
    (void)c;
    return costly_factors_adjoint(N, x, xb, seed);
}

int main(void) {
    e2e_begin("costly_factors");
    const double points[2][N] = {{0.4, -0.8, 1.2, 0.3, -0.5, 0.9}, {-0.6, 0.5, -1.1, 0.8, 0.2, -0.4}};
    for (int k = 0; k < 2; k++) {
        e2e_scalar s = {.label = k ? "second point" : "first point", .n = N, .x = points[k], .f = primal,
                        .grad = grad, .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, NULL);
    }
    return e2e_finish();
}
#endif
