/* File-scope statics, COMMON-block style: the state and the coefficient of a relaxation live in
 * `static` variables that only this file can name. With --include-source the generated file
 * includes this one, so its derivatives reach them, and defines the shadow globals (conc_d,
 * conc_b, coef_d, coef_b) after it. */
#include <math.h>
#include <adc.h>

#define NC 5

static double conc[NC];
static double coef;
static int sweeps;

static void relax(void)
{
    double left = conc[0];
    for (int i = 1; i + 1 < NC; i++) {
        double mid = conc[i];
        conc[i] = mid + coef * (left - 2.0 * mid + conc[i + 1]) - 0.05 * mid * mid;
        left = mid;
    }
    sweeps++;
}

ADC_DIFF(wrt(x), len(x: NC + 1), modes(tangent, adjoint, grad))
double globals_static_include_source(const double *x)
{
    for (int i = 0; i < NC; i++)
        conc[i] = x[i];
    coef = 0.2 * exp(x[NC]);
    for (int k = 0; k < 6; k++)
        relax();
    double m = 0.0;
    for (int i = 0; i < NC; i++)
        m += (i + 1) * conc[i];
    return m * coef;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double globals_static_include_source_tangent(const double *x, const double *x_d, double *globals_static_include_source_d);
double globals_static_include_source_adjoint(const double *x, double *x_b, double globals_static_include_source_b);
double globals_static_include_source_grad(const double *x, double *x_grad);
extern double conc_b[NC], coef_b;

static double primal(const double *x, void *p) {
    (void)p;
    return globals_static_include_source(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return globals_static_include_source_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return globals_static_include_source_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return globals_static_include_source_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("globals_static_include_source");
    double x[NC + 1];
    e2e_fill(x, NC + 1, 17u, -0.5, 0.5);
    e2e_scalar s = {.label = "globals_static_include_source", .n = NC + 1, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    int before = sweeps;
    double g[NC + 1];
    globals_static_include_source_grad(x, g);
    e2e_expect_value("globals_static_include_source", "the counter keeps its forward sweep's value", sweeps,
                     before + 6, 0.0);
    return e2e_finish();
}
#endif
