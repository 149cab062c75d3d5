/* Vector tangent of a helper given one variable twice, by value and by address: h(acc, &acc).
 * The directions of the by-value parameter are the caller's array, which the helper also
 * writes through the pointer's directions; it must read them as they were on entry, as C
 * reads p (tests/difftest found the vector tangent reading the updated directions). Vector
 * tangent against the scalar tangents; tangent and adjoint against finite differences. */
#include <adc.h>

static void twist(double p, double *q) {
    *q = 0.5 * (*q) * (*q);
    *q += p * p * 3.0;
}

ADC_DIFF(wrt(x, y), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double aliased(double x, double y)
{
    double acc = x * y;
    twist(acc, &acc);
    return acc + x;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double aliased_tangent(double x, double x_d, double y, double y_d, double *aliased_d);
double aliased_tangent_vector(double x, const double x_d[2], double y, const double y_d[2], double *aliased_d);
double aliased_adjoint(double x, double *x_b, double y, double *y_b, double aliased_b);
double aliased_grad(double x, double y, double *x_grad, double *y_grad);

static double primal(const double *w, void *p) {
    (void)p;
    return aliased(w[0], w[1]);
}
static double grad(const double *w, double *g, void *p) {
    (void)p;
    return aliased_grad(w[0], w[1], &g[0], &g[1]);
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    (void)p;
    return aliased_tangent(w[0], v[0], w[1], v[1], dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    (void)p;
    return aliased_adjoint(w[0], &wb[0], w[1], &wb[1], seed);
}

int main(void) {
    e2e_begin("vector_scalar_alias");
    const double w[2] = {0.8, -1.3};
    double g[2];
    e2e_scalar s = {.label = "aliased", .n = 2, .x = w, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    const double xd[2] = {1.0, 0.0}, yd[2] = {0.0, 1.0};
    double vec[2];
    aliased_tangent_vector(w[0], xd, w[1], yd, vec);
    e2e_expect_close(s.label, "vector tangent (e1, e2) vs gradient", vec, g, 2, E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
