/* Values rounded to integers (floor, ceil, trunc, round) of active intermediates: their
 * derivative is zero, so the intermediates they read carry none (difftest seeds 112, 129: the
 * tangents and adjoints of such intermediates were set and never read, and -Werror refused the
 * generated file: `unused variable 'd_d'`, `variable 'adj' ... not used`). The rounded values
 * still scale active terms. Checked against finite differences, the dot-product test, and the
 * closed form away from the jumps; in tangent, adjoint, grad and hvp. */
#include <math.h>
#include <adc.h>

struct pair {
    double v, w;
};

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double rounding_values(const double *x)
{
    double d = sin(x[0]) * 3.0;
    double e = floor(d);
    double c = x[1] * x[2];
    struct pair p[2] = {{x[0] * x[1], ceil(c)}, {trunc(x[2] * 4.0), x[0]}};
    double s = e * x[1] + p[0].v;
    s += round(exp(x[2]) * 2.0) * x[0] + p[0].w * p[1].v + p[1].w * c;
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double rounding_values_tangent(const double *x, const double *x_d, double *rounding_values_d);
double rounding_values_adjoint(const double *x, double *x_b, double rounding_values_b);
double rounding_values_grad(const double *x, double *x_grad);
int rounding_values_hvp(const double *x, const double *x_v, double *x_hv);

#define N 3
static double primal(const double *x, void *p) {
    (void)p;
    return rounding_values(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return rounding_values_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return rounding_values_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return rounding_values_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("rounding_values");
    double x[N] = {0.4, -0.7, 0.55}, g[N], v[N] = {0.3, -0.8, 0.5}, hv[N];
    e2e_scalar s = {.label = "rounding_values", .n = N, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double e = floor(sin(x[0]) * 3.0), c = x[1] * x[2], r = round(exp(x[2]) * 2.0);
    double t = trunc(x[2] * 4.0), up = ceil(c);
    double ref[N] = {x[1] + r + up * 0.0 + c, e + x[0] + x[0] * x[2], x[0] * x[1]};
    (void)t;
    e2e_expect_close(s.label, "grad vs closed form", g, ref, N, E2E_CLOSED_TOL);
    /* the Hessian of x0 x1 + x0 x1 x2 (the rest is piecewise linear): rows by hand */
    rounding_values_hvp(x, v, hv);
    double href[N] = {v[1] + x[2] * v[1] + x[1] * v[2], v[0] + x[2] * v[0] + x[0] * v[2],
                      x[1] * v[0] + x[0] * v[1]};
    e2e_expect_close(s.label, "hvp vs closed form", hv, href, N, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
