/* adc --include-source: mutable file-scope statics (a table filled at run time, a call
 * counter, a static struct of settings) reached by the derivatives, which live in this
 * file's translation unit: the generated file includes this one and is compiled instead. */
#include <math.h>
#include <adc.h>

#define NT 4

typedef struct Settings {
    double gain;
    int order;
} Settings;

static double table[NT];
static int evaluations;
static Settings settings = {1.5, 2};

void static_state_setup(double base)
{
    for (int i = 0; i < NT; i++)
        table[i] = base + 0.5 * i;
    settings.gain = 0.75 * base;
}

static double basis(double t, int k)
{
    evaluations++;
    return table[k] * pow(t, settings.order) + sin(table[(k + 1) % NT] * t);
}

ADC_DIFF(wrt(x), len(x: NT))
double static_state_include_source(const double *x)
{
    double s = 0.0;
    for (int k = 0; k < NT; k++)
        s += basis(x[k], k) * x[(k + 1) % NT];
    return settings.gain * s;
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double static_state_include_source_tangent(const double *x, const double *x_d, double *out_d);
double static_state_include_source_adjoint(const double *x, double *x_b, double out_b);
double static_state_include_source_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return static_state_include_source(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return static_state_include_source_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return static_state_include_source_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return static_state_include_source_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("static_state_include_source");
    static_state_setup(0.8);
    double x[NT], g[NT];
    e2e_fill(x, NT, 31u, 0.2, 1.2);
    e2e_scalar s = {.label = "static_state_include_source", .n = NT, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    /* The closed form of d/dx0 of gain * basis(x0, 0) * x1 + ... + basis(x3, 3) * x0. */
    static_state_include_source_grad(x, g);
    double t = x[0], want = table[0] * 2 * t * x[1] + cos(table[1] * t) * table[1] * x[1];
    want += table[3] * pow(x[3], 2) + sin(table[0] * x[3]);
    e2e_expect_value("static_state_include_source", "d/dx0 in closed form", g[0], settings.gain * want,
                     E2E_CLOSED_TOL);
    evaluations = 0;
    static_state_include_source_grad(x, g);
    e2e_report(evaluations == NT, "static_state_include_source", "grad evaluates each basis once (%d)",
               evaluations);
    return e2e_finish();
}
#endif
