/* Calls in conditions that update active data through a pointer (issue 13, reproducer 5):
 * they were left in the condition and called undifferentiated (and a static one did not
 * link). Now they run as statements where C evaluates them: before an if, on every trip of
 * a while, for or do-while (a continue still reaches the test), and on the right of && or
 * || only when the left operand does not decide (there and in an initializer, where the
 * call used to run always). */
#include <math.h>
#include <adc.h>

static int step(double *u)
{
    u[0] = 0.5 * u[0] + sin(u[1]);
    return u[0] > 100.0;
}

static int advance(double *u, int *k)
{
    u[0] = u[0] * 1.2 + 0.1 * u[1];
    (*k)++;
    return *k < 3;
}

static int small(const double *u, double limit)
{
    return fabs(u[0]) < limit;
}

static int bump(double *u)
{
    u[1] += 0.3 * u[0] * u[0];
    return 1;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad, hvp))
double calls_in_conditions(const double *x)
{
    double u[2];
    u[0] = x[0];
    u[1] = x[1];
    if (step(u))
        return 0.0;
    int k = 0, trips = 0;
    while (advance(u, &k))
        trips++;
    k = 0;
    for (int j = 0; j < 5 && advance(u, &k); j++) {
        if (j == 0)
            continue;
        u[1] += 0.1 * u[0];
    }
    k = 0;
    do {
        u[0] = u[0] * 0.9;
    } while (advance(u, &k));
    if (small(u, 100.0) || bump(u))
        u[0] += u[1];
    if (!small(u, 0.0) && bump(u))
        u[0] *= u[1];
    if (small(u, 0.0))
        u[1] = 0.0;
    else if (step(u) || small(u, 100.0))
        u[1] *= u[0];
    int decided = u[0] > 1e6 && bump(u); /* bump does not run */
    return u[0] * u[1] * (trips + decided);
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double calls_in_conditions_tangent(const double *x, const double *x_d, double *calls_in_conditions_d);
double calls_in_conditions_adjoint(const double *x, double *x_b, double calls_in_conditions_b);
double calls_in_conditions_grad(const double *x, double *x_grad);
int calls_in_conditions_hvp(const double *x, const double *x_v, double *x_hv);

static double primal(const double *x, void *p) {
    (void)p;
    return calls_in_conditions(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return calls_in_conditions_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return calls_in_conditions_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return calls_in_conditions_adjoint(x, xb, seed);
}
static void gradient(const double *x, double *g, void *p) {
    (void)p;
    calls_in_conditions_grad(x, g);
}

int main(void) {
    e2e_begin("calls_in_conditions");
    static const double points[][2] = {{0.3, 0.7}, {-0.4, 0.2}, {0.8, -0.6}};
    for (int k = 0; k < 3; k++) {
        char label[64];
        snprintf(label, sizeof label, "x = (%g, %g)", points[k][0], points[k][1]);
        double g[2];
        e2e_scalar s = {.label = label, .n = 2, .x = points[k], .f = primal, .grad = grad,
                        .tangent = tangent, .adjoint = adjoint};
        e2e_run_scalar(&s, g);
        double v[2] = {0.6, -0.8}, hv[2];
        calls_in_conditions_hvp(points[k], v, hv);
        adc_check_result r;
        int st = adc_check_tangent(2, 2, points[k], v, hv, gradient, NULL, E2E_FD_TOL, &r, NULL);
        e2e_check_status(label, "Hessian-vector product vs finite differences of the gradient", st, &r);
    }
    return e2e_finish();
}
#endif
