/* A requested function with active globals that another requested function calls: the user's
 * stepper_tangent clears the shadows of the globals wrt(...) does not name, but twice's calls
 * reach stepper through stepper_tangent_inner, which does not, so the second call sees the
 * tangent of the state the first one left. */
#include <adc.h>
double state[3] = {0.5, -0.2, 0.9};
double gain;
static void step(void)
{
    for (int i = 0; i < 3; i++)
        state[i] = state[i] * gain + 0.1;
}
ADC_DIFF(wrt(x), len(x: 1), modes(tangent, adjoint, grad))
double stepper(const double *x)
{
    gain = x[0];
    step();
    return state[1] * state[2];
}
ADC_DIFF(wrt(y), len(y: 1), modes(tangent, adjoint, grad))
double globals_requested_twice(const double *y)
{
    return stepper(y) + stepper(y);
}

#ifdef ADC_E2E_MAIN
#include <string.h>
#include "../e2e.h"

double globals_requested_twice_tangent(const double *y, const double *y_d, double *globals_requested_twice_d);
double globals_requested_twice_adjoint(const double *y, double *y_b, double globals_requested_twice_b);
double globals_requested_twice_grad(const double *y, double *y_grad);

static const double s0[3] = {0.5, -0.2, 0.9};
static double primal(const double *x, void *p) {
    (void)p;
    memcpy(state, s0, sizeof s0);
    return globals_requested_twice(x);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    memcpy(state, s0, sizeof s0);
    return globals_requested_twice_grad(x, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    memcpy(state, s0, sizeof s0);
    return globals_requested_twice_tangent(x, v, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    memcpy(state, s0, sizeof s0);
    return globals_requested_twice_adjoint(x, xb, seed);
}

int main(void) {
    e2e_begin("globals_requested_twice");
    double y[1] = {0.8};
    e2e_scalar s = {.label = "globals_requested_twice", .n = 1, .x = y, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
