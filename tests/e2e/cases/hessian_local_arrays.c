/* Hessians (tangent over adjoint) through local arrays the forward sweep tapes whole and
 * helpers read: the popped array is active in the backward sweep and its tangent travels with
 * it on the tape (zeros where it has none), and a pointer into a local array, taped as an
 * offset, is popped once. Both Hessians were wrong before (the first silently: zero where
 * 4 x1 belongs). Checked against closed forms, gradients too. */
#include <adc.h>

static void pair_products(const double *in, double *out) {
    out[0] = in[0] * in[1];
    out[1] = in[1] * in[0];                       /* in place, this reads the new out[0] */
}

/* q = (p0 p1, p1 p0) with p = (x0, x0 x1): f = 2 x0^2 x1. */
ADC_DIFF(wrt(x), len(x: 2), modes(grad, hessian))
double through_array(const double *x) {
    double p[2], q[2];
    p[0] = x[0];
    p[1] = x[1] * x[0];
    pair_products(p, q);
    return q[0] + q[1];
}

/* The same products in place through a pointer: f = x0^2 x1 + x0^3 x1^2. */
ADC_DIFF(wrt(x), len(x: 2), modes(grad, hessian))
double through_pointer(const double *x) {
    double p[2];
    p[0] = x[0];
    p[1] = x[1] * x[0];
    const double *alias = p;
    pair_products(alias, p);
    return p[0] + p[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double through_array_grad(const double *x, double *x_grad);
int through_array_hessian(const double *x, double *hessian);
double through_pointer_grad(const double *x, double *x_grad);
int through_pointer_hessian(const double *x, double *hessian);

int main(void) {
    e2e_begin("hessian_local_arrays");
    const double x[2] = {0.3, 0.7};
    double g[2], h[4];
    const double a = x[0], b = x[1];
    through_array_grad(x, g);
    const double g1[2] = {4 * a * b, 2 * a * a};
    e2e_expect_close("through_array", "grad vs closed form", g, g1, 2, E2E_CLOSED_TOL);
    e2e_expect_value("through_array", "Hessian returns 0", through_array_hessian(x, h), 0.0, 0.0);
    const double h1[4] = {4 * b, 4 * a, 4 * a, 0.0};
    e2e_expect_close("through_array", "Hessian vs closed form", h, h1, 4, E2E_CLOSED_TOL);
    through_pointer_grad(x, g);
    const double g2[2] = {2 * a * b + 3 * a * a * b * b, a * a + 2 * a * a * a * b};
    e2e_expect_close("through_pointer", "grad vs closed form", g, g2, 2, E2E_CLOSED_TOL);
    e2e_expect_value("through_pointer", "Hessian returns 0", through_pointer_hessian(x, h), 0.0, 0.0);
    const double h2[4] = {2 * b + 6 * a * b * b, 2 * a + 6 * a * a * b, 2 * a + 6 * a * a * b, 2 * a * a * a};
    e2e_expect_close("through_pointer", "Hessian vs closed form", h, h2, 4, E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
