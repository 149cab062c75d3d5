/* All arithmetic operators on active scalars (+ - * / unary minus and plus), compound assignments += -= *= /= (including self-aliasing d += d, c *= -c), int mixed into double arithmetic, one operand twice (x + x, x * x, hypot(y, y)), a quotient whose partial reads its result. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, y, z), modes(tangent, adjoint, grad))
double arith_operators(double x, double y, double z, int k)
{
    double a = x + y * z - x / y;
    double b = -a + 2.0 * x - (y - z) / (1.0 + z * z);
    double c = a;
    c += b;
    c -= x * 0.5;
    c *= y;
    c /= z;
    c *= -c;
    double d = +x;
    d += d;
    d *= d;
    d /= (y + 3.0);
    d -= -z;
    for (int i = 0; i < k; i++)
        d = d * 0.9 + x / (i + 1);
    double e = k * x + x / k - (k - 1) * y * z;
    e /= 2;
    e -= 1 - z;
    double f = (x + x) * z + hypot(y, y) + (x * y) * (x * y); /* one leaf twice: one adjoint increment */
    double g = x / (y + 2.0);                     /* its partial reads g, which is overwritten next */
    g = g * z + g / (z * z + 1.0);
    return c + d + e + f + g - a * b / (1.0 + a * a);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double arith_operators_tangent(double x, double x_d, double y, double y_d, double z, double z_d,
                               int k, double *arith_operators_d);
double arith_operators_adjoint(double x, double *x_b, double y, double *y_b, double z,
                               double *z_b, int k, double arith_operators_b);
double arith_operators_grad(double x, double y, double z, int k, double *x_grad, double *y_grad,
                            double *z_grad);

static double primal(const double *x, void *p) {
    return arith_operators(x[0], x[1], x[2], *(const int *)p);
}
static double grad(const double *x, double *g, void *p) {
    return arith_operators_grad(x[0], x[1], x[2], *(const int *)p, &g[0], &g[1], &g[2]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return arith_operators_tangent(x[0], v[0], x[1], v[1], x[2], v[2], *(const int *)p, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    return arith_operators_adjoint(x[0], &xb[0], x[1], &xb[1], x[2], &xb[2], *(const int *)p,
                                   seed);
}

int main(void) {
    e2e_begin("arith_operators");
    const double x[3] = {1.3, 0.7, 1.9};
    int k = 3;
    e2e_scalar s = {.label = "k=3", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .ctx = &k};
    e2e_run_scalar(&s, NULL);
    const double x2[3] = {-0.8, 1.6, -0.45};
    int k2 = 1;
    e2e_scalar s2 = {.label = "k=1, negative inputs", .n = 3, .x = x2, .f = primal,
                     .grad = grad, .tangent = tangent, .adjoint = adjoint, .ctx = &k2};
    e2e_run_scalar(&s2, NULL);
    return e2e_finish();
}
#endif
