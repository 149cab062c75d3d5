/* Simulation with in-place state updates: 1000 explicit Euler steps of a damped oscillator in a local state array (s[0] += ..., s[1] += ...), objective = final energy; active pointer and active scalars mixed with inactive double and int. */
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(state0, k, c), len(state0: 2))
double sim_oscillator(const double *state0, double k, double c, double dt, int steps)
{
    double s[2] = {state0[0], state0[1]};
    for (int i = 0; i < steps; i++) {
        double a = -k * s[0] - c * s[1];
        s[0] += dt * s[1];
        s[1] += dt * a;
    }
    return 0.5 * s[1] * s[1] + 0.5 * k * s[0] * s[0];
}

#ifdef ADC_E2E_MAIN
#include "../e2e.h"

double sim_oscillator_tangent(const double *state0, const double *state0_d, double k, double k_d,
                              double c, double c_d, double dt, int steps,
                              double *sim_oscillator_d);
double sim_oscillator_adjoint(const double *state0, double *state0_b, double k, double *k_b,
                              double c, double *c_b, double dt, int steps,
                              double sim_oscillator_b);
double sim_oscillator_grad(const double *state0, double k, double c, double dt, int steps,
                           double *state0_grad, double *k_grad, double *c_grad);

static const double dt = 0.01;
static const int steps = 1000;

/* Packed as (x0, v0, k, c). */
static double primal(const double *x, void *p) {
    (void)p;
    return sim_oscillator(x, x[2], x[3], dt, steps);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return sim_oscillator_grad(x, x[2], x[3], dt, steps, g, &g[2], &g[3]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return sim_oscillator_tangent(x, v, x[2], v[2], x[3], v[3], dt, steps, dv);
}
static double adjoint(const double *x, double *xb, double seed, void *p) {
    (void)p;
    return sim_oscillator_adjoint(x, xb, x[2], &xb[2], x[3], &xb[3], dt, steps, seed);
}

int main(void) {
    e2e_begin("sim_oscillator");
    const double x[4] = {1.0, -0.5, 4.0, 0.3};
    e2e_scalar s = {.label = "1000 Euler steps", .n = 4, .x = x, .f = primal, .grad = grad,
                    .tangent = tangent, .adjoint = adjoint};
    e2e_run_scalar(&s, NULL);
    return e2e_finish();
}
#endif
