/* heat.c: an explicit heat/reaction simulation whose gradient is taken with and without
 * binomial checkpointing (ADC_CHECKPOINT), for bench/checkpoint/run. */
#include <math.h>
#include <adc.h>

#define CELLS 64

static void heat_step(int n, double *u, double dt) {
    double left = u[0];
    for (int i = 1; i + 1 < n; i++) {
        double center = u[i];
        u[i] = center + dt * (left - 2.0 * center + u[i + 1]) + dt * 0.1 * sin(center);
        left = center;
    }
}

ADC_DIFF(wrt(u0), len(u0: n), modes(adjoint))
double heat_checkpointed(int n, const double *u0, int steps, double dt) {
    double u[CELLS];
    for (int i = 0; i < n; i++)
        u[i] = u0[i];
    ADC_CHECKPOINT(20)
    for (int t = 0; t < steps; t++)
        heat_step(n, u, dt);
    double energy = 0.0;
    for (int i = 0; i < n; i++)
        energy += u[i] * u[i];
    return energy;
}

ADC_DIFF(wrt(u0), len(u0: n), modes(adjoint))
double heat_taped(int n, const double *u0, int steps, double dt) {
    double u[CELLS];
    for (int i = 0; i < n; i++)
        u[i] = u0[i];
    for (int t = 0; t < steps; t++)
        heat_step(n, u, dt);
    double energy = 0.0;
    for (int i = 0; i < n; i++)
        energy += u[i] * u[i];
    return energy;
}
