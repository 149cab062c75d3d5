/* File-scope variables the differentiated code may use: a parameter it only reads, a call
 * counter a helper updates from itself, a status it only writes, and a global array of
 * weights set up at run time. Tangent and adjoint both; the counter counts the primal calls
 * the generated code makes. */
#include <math.h>
#include <adc.h>

double coupling = 0.3;
double weights[4];
int evaluations;
int last_status;

static double term(double a, double b)
{
    evaluations++;
    return weights[0] * sin(a) * b + coupling * a * a;
}

ADC_DIFF(wrt(x), len(x: 4))
double globals_inactive(const double *x)
{
    double s = 0.0;
    for (int i = 0; i + 1 < 4; i++)
        s += term(x[i], x[i + 1]) * weights[i + 1 < 4 ? i + 1 : 0];
    last_status = 1;
    return s + coupling * x[3];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double globals_inactive_tangent(const double *x, const double *x_d, double *globals_inactive_d);
double globals_inactive_adjoint(const double *x, double *x_b, double globals_inactive_b);
double globals_inactive_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return globals_inactive(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return globals_inactive_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return globals_inactive_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return globals_inactive_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("globals_inactive");
    for (int i = 0; i < 4; i++)
        weights[i] = 0.5 + 0.25 * i;
    double x[4], g[4];
    e2e_fill(x, 4, 23u, -1.0, 1.0);
    e2e_scalar s = {.label = "globals_inactive", .n = 4, .x = x, .f = primal,
                    .grad = grad, .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    /* Closed form of the derivative in coupling's direction is not asked; the counter: */
    evaluations = 0;
    last_status = 0;
    globals_inactive_grad(x, g);
    e2e_report(evaluations == 3, "globals_inactive", "grad runs term once per call (%d)", evaluations);
    e2e_report(last_status == 1, "globals_inactive", "grad sets the status as the primal does");
    return e2e_finish();
}
#endif
