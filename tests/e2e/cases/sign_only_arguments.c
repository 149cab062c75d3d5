/* Values read only as the sign copysign takes or the direction nextafter moves to: they carry
 * no derivative, and their tangents were declared, set and never read (a generated file that
 * did not compile with -Werror: unused variable in the tangent, set but not used in hvp's
 * tangent of the backward sweep, where a return mapping's trial stress was read back from the
 * tape). Scalar tangent and gradient against finite differences, the dot-product test, hvp
 * against finite differences of the gradient; the value is checked against a closed form. */
#include <math.h>
#include <adc.h>

/* One-dimensional return mapping of plasticity with linear hardening (E, yield stress sy,
 * hardening h): the plastic strain *ep moves by dg towards the trial stress's sign. */
static double stress(double eps, double e, double sy, double h, double *ep)
{
    double trial = e * (eps - *ep);
    double dg = (fabs(trial) - sy) / (e + h);
    if (dg <= 0)
        return trial;
    *ep += copysign(dg, trial);
    return trial - e * copysign(dg, trial);
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad, hvp))
double sign_only_arguments(const double *x)
{
    double ep = 0.0, work = 0.0;
    for (int k = 0; k < 4; k++) {
        double eps = x[0] * (k % 2 ? -1.0 : 1.0) * (1.0 + 0.5 * k);
        work += stress(eps, 10.0 * x[1], x[2], 1.0, &ep) * eps;
    }
    double toward = x[1] * x[2];
    double sign = 3.0 * x[0];
    return work + nextafter(x[0] * x[1], toward) + copysign(x[2] * x[2], sign);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double sign_only_arguments_tangent(const double *x, const double *x_d, double *f_d);
double sign_only_arguments_adjoint(const double *x, double *x_b, double f_b);
double sign_only_arguments_grad(const double *x, double *x_grad);
int sign_only_arguments_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return sign_only_arguments(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return sign_only_arguments_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return sign_only_arguments_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return sign_only_arguments_adjoint(x, xb, seed);
}
static int hvp(const double *x, const double *v, double *hv, void *p) {
    (void)p;
    return sign_only_arguments_hvp(x, v, hv);
}

/* The value by hand: every step yields (|trial| > sy at each), as the checks' point makes it. */
static double by_hand(const double *x) {
    double ep = 0.0, work = 0.0, e = 10.0 * x[1];
    for (int k = 0; k < 4; k++) {
        double eps = x[0] * (k % 2 ? -1.0 : 1.0) * (1.0 + 0.5 * k);
        double trial = e * (eps - ep), dg = (fabs(trial) - x[2]) / (e + 1.0);
        double s = trial > 0 ? dg : -dg;
        ep += s;
        work += (trial - e * s) * eps;
    }
    return work + nextafter(x[0] * x[1], x[1] * x[2]) + x[2] * x[2];
}

int main(void) {
    e2e_begin("sign_only_arguments");
    const double x[3] = {0.4, 0.9, 0.5};
    e2e_scalar s = {.label = "sign_only_arguments", .n = 3, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint, .hvp = hvp};
    e2e_run_scalar(&s, NULL);
    e2e_expect_value("sign_only_arguments", "value vs by hand", primal(x, NULL), by_hand(x), E2E_EXACT_TOL);
    return e2e_finish();
}
#endif
