/* switch as numerical codes write it: an integrator step selected by method (cases ending in
 * break, stacked labels, a block under a label, default), a case falling into the next, a
 * break in the middle of a case, a continue for the loop around the switch, a loop inside a
 * case and a switch nested in a case. Gradient against finite differences and the tangent,
 * for every method. */
#include <math.h>
#include <adc.h>

enum method { EULER, MIDPOINT, HEUN = 3, RK4 = 5 };

static double rate(double y, double k) {
    return -k * y + sin(y);
}

/* Every case ends in break: an else-if chain. */
static double step(int m, double y, double k, double h) {
    switch (m) {
    case EULER:
        y = y + h * rate(y, k);
        break;
    case MIDPOINT: {
        double mid = y + 0.5 * h * rate(y, k);
        y = y + h * rate(mid, k);
        break;
    }
    case HEUN:
    case 4: {
        double p = y + h * rate(y, k);
        y = y + 0.5 * h * (rate(y, k) + rate(p, k));
        break;
    }
    default: {
        double k1 = rate(y, k), k2 = rate(y + 0.5 * h * k1, k);
        double k3 = rate(y + 0.5 * h * k2, k), k4 = rate(y + h * k3, k);
        y = y + h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
    }
    }
    return y;
}

ADC_DIFF(wrt(y0, k))
double integrate(int m, double y0, double k, int n)
{
    double y = y0, extra = 0.0;
    for (int i = 0; i < n; i++) {
        y = step(m, y, k, 0.1);
        switch (i % 4) {
        case 0:
            extra += 0.5 * y;
            /* fall through */
        case 1:
            extra *= 1.0 + 0.1 * k;
            if (extra > 50.0)
                break;             /* a break in the middle of a case */
            extra += y * y;
            break;
        case 2:
            if (m == RK4)
                continue;          /* for the loop around the switch */
            for (int j = 0; j < 3; j++)
                extra += 0.01 * j * y;
            break;
        default:
            switch (m) {
            case EULER: extra -= y; break;
            default: extra += k * y;
            }
        }
        extra *= 0.9;
    }
    return y + extra;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double integrate_tangent(int m, double y0, double y0_d, double k, double k_d, int n,
                         double *integrate_d);
double integrate_adjoint(int m, double y0, double *y0_b, double k, double *k_b, int n,
                         double integrate_b);
double integrate_grad(int m, double y0, double k, int n, double *y0_grad, double *k_grad);

enum { STEPS = 11 };

static double primal(const double *w, void *p) {
    return integrate(*(const int *)p, w[0], w[1], STEPS);
}
static double grad(const double *w, double *g, void *p) {
    return integrate_grad(*(const int *)p, w[0], w[1], STEPS, &g[0], &g[1]);
}
static double tangent(const double *w, const double *v, double *dv, void *p) {
    return integrate_tangent(*(const int *)p, w[0], v[0], w[1], v[1], STEPS, dv);
}
static double adjoint(const double *w, double *wb, double seed, void *p) {
    return integrate_adjoint(*(const int *)p, w[0], &wb[0], w[1], &wb[1], STEPS, seed);
}

int main(void) {
    e2e_begin("switch_cases");
    static const int methods[] = {EULER, MIDPOINT, 2, HEUN, 4, RK4, 7};
    static const char *const labels[] = {"euler", "midpoint", "method 2", "heun", "method 4",
                                         "rk4", "method 7"};
    const double w[2] = {0.8, 0.3};
    for (int i = 0; i < 7; i++) {
        int m = methods[i];
        double g[2];
        e2e_scalar s = {.label = labels[i], .n = 2, .x = w, .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint, .ctx = &m};
        e2e_run_scalar(&s, g);
    }
    return e2e_finish();
}
#endif
