/* Non-smooth math.h functions away from their kinks: fabs (both signs), fmin, fmax (either argument or a constant selected), floor and ceil (zero derivative); closed-form gradient. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 6))
double math_nonsmooth(const double *x)
{
    double s = fabs(x[0]) * x[1];       /* x0 < 0 */
    s += fmin(x[1], x[2]);              /* first argument selected */
    s += fmax(x[2] * x[3], 0.5);        /* first argument selected */
    s += fmax(x[3], x[4]);              /* second argument selected */
    s += fmin(x[4], 1.0) * x[3];        /* constant selected */
    s += floor(x[5]) * x[0];            /* floor: no derivative through x5 */
    s += ceil(x[5] * x[1]) * x[2];      /* ceil: no derivative through x5 * x1 */
    s += 0.5 * fabs(x[4] - 3.0);        /* negative argument */
    s += fabs(x[2]) * fabs(x[1]);       /* positive arguments */
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double math_nonsmooth_tangent(const double *x, const double *x_d, double *math_nonsmooth_d);
double math_nonsmooth_adjoint(const double *x, double *x_b, double math_nonsmooth_b);
double math_nonsmooth_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return math_nonsmooth(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return math_nonsmooth_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return math_nonsmooth_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return math_nonsmooth_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("math_nonsmooth");
    /* Kinks are at least 0.08 away: x2*x3 = 1.44 vs 0.5, x5 = 2.4, x5*x1 = 1.92, x4 - 3 = -0.9. */
    const double x[6] = {-1.3, 0.8, 1.6, 0.9, 2.1, 2.4};
    double g[6];
    e2e_scalar s = {.label = "math_nonsmooth", .n = 6, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, g);
    double ref[6] = {
        -x[1] + 2.0,               /* d|x0|*x1 + floor(x5) */
        -x[0] + 1.0 + x[2],        /* |x0| + fmin + |x2| */
        x[3] + 2.0 + x[1],         /* fmax + ceil(x5*x1) + |x1| */
        x[2] + 1.0,                /* fmax + fmin(x4,1) */
        1.0 - 0.5,                 /* fmax(x3,x4) and 0.5|x4-3| */
        0.0,
    };
    e2e_expect_close(s.label, "grad vs closed form (floor/ceil contribute 0)", g, ref, 6,
                     E2E_CLOSED_TOL);
    return e2e_finish();
}
#endif
