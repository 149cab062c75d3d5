/* A global's value, an expression of it and an integer global given to a helper that writes
 * the global. C evaluates the arguments before the call; the backward sweep read them after
 * the call had changed the global (difftest seed 103: dot-product test 59 % off), so adc
 * refused the first two (tests/bad until now) and got the third wrong (step's reverse indexed
 * u[0]). Each such argument is now read into a variable of its own before the call. FD and the
 * dot-product test. */
#include <adc.h>

double level;
int slot = 1;

static double step(double p, double q) {
    level = level * p + q;
    return level * q;
}

static void bump(double *u, int k) {
    u[k] = u[k] * u[k] + u[k - 1];
    slot = 0;
}

ADC_DIFF(wrt(x), len(x: 2), modes(tangent, adjoint, grad))
double global_passed_to_writer(const double *x)
{
    level = x[0] * x[1];
    double k = x[0] + 2.0;
    k = k * step(level, k);
    k = k * step(0.5 * level, k);
    double u[2] = {x[0], 0.1 * k};
    slot = 1;
    bump(u, slot);
    return k + level + u[1];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double global_passed_to_writer_tangent(const double *x, const double *x_d, double *f_d);
double global_passed_to_writer_adjoint(const double *x, double *x_b, double f_b);
double global_passed_to_writer_grad(const double *x, double *x_grad);

static double primal(const double *x, void *p) {
    (void)p;
    return global_passed_to_writer(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return global_passed_to_writer_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return global_passed_to_writer_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return global_passed_to_writer_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("global_passed_to_writer");
    const double x[2] = {0.7, 1.3};
    e2e_scalar s = {.label = "global_passed_to_writer", .n = 2, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
