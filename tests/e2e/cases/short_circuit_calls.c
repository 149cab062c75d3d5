/* A call in the right operand of && or || runs only when the left operand does not decide the
 * result: here the call updates an active array in place, so running it unconditionally (as
 * adc once did, hoisting it before the statement) changes the value and the derivative.
 * Gradient against finite differences, the tangent and the closed form, for inputs where the
 * calls run and where they do not. */
#include <adc.h>

static double bump(double *p, double w) {
    p[0] = p[0] * w + p[1];
    return p[0];
}

ADC_DIFF(wrt(x, y))
double guarded(double x, double y, int k)
{
    double a[2] = {x, y};
    int ran = k > 0 && bump(a, y) > 0.0;
    int other = k > 1 || bump(a, x) < 100.0;
    double s = a[0] * a[1] + ran + 2 * other;
    int third = (k > 2 && bump(a, 2.0) > 0.0) || k < -5;
    if (third || ((k > 2 && k < 10) || (k & 1) == 1))
        s += a[0];
    return s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double guarded_tangent(double x, double x_d, double y, double y_d, int k, double *guarded_d);
double guarded_adjoint(double x, double *x_b, double y, double *y_b, int k, double guarded_b);
double guarded_grad(double x, double y, int k, double *x_grad, double *y_grad);

static double primal(const double *w, void *p) {
    return guarded(w[0], w[1], *(const int *)p);
}
static double grad(const double *w, double *g, void *p) {
    return guarded_grad(w[0], w[1], *(const int *)p, &g[0], &g[1]);
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    return guarded_tangent(w[0], v[0], w[1], v[1], *(const int *)p, dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    return guarded_adjoint(w[0], &wb[0], w[1], &wb[1], *(const int *)p, seed);
}

int main(void) {
    e2e_begin("short_circuit_calls");
    const double w[2] = {0.7, 1.3};
    const char *labels[] = {"k = 0: only the || call runs", "k = 1: both run",
                            "k = 2: only the && call runs", "k = 3: all three run"};
    for (int k = 0; k < 4; k++) {
        double g[2];
        e2e_scalar s = {.label = labels[k], .n = 2, .x = w, .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint, .ctx = &k};
        e2e_run_scalar(&s, g);
        if (k == 0) { /* a = {x * x + y, y}: s = (x^2 + y) y + 2 */
            double ref[2] = {2.0 * w[0] * w[1], w[0] * w[0] + 2.0 * w[1]};
            e2e_expect_close(s.label, "grad vs closed form", g, ref, 2, E2E_CLOSED_TOL);
        }
    }
    return e2e_finish();
}
#endif
