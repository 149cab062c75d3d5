/* Driver of particles_goto.c: six particles on a perturbed grid, 30 steps. */
#include "realworld.h"

double energy_after(const double *x0, int nsteps, double dt);
double energy_after_grad(const double *x0, int nsteps, double dt, double *x0_grad);
double energy_after_tangent(const double *x0, const double *x0_d, int nsteps, double dt,
                            double *energy_after_d);

static double f(const double *x, void *ctx) {
    (void)ctx;
    return energy_after(x, 30, 0.01);
}
static double grad(const double *x, double *g, void *ctx) {
    (void)ctx;
    return energy_after_grad(x, 30, 0.01, g);
}
static double tangent(const double *x, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return energy_after_tangent(x, v, 30, 0.01, dv);
}

int main(void) {
    double x[12];
    for (int i = 0; i < 6; i++) {
        x[2 * i] = 1.1 * (i % 3) + 0.05 * sin(3.0 * i);
        x[2 * i + 1] = 1.2 * (i / 3) + 0.05 * cos(2.0 * i);
    }
    rw_problem p = {"particles_goto", 12, x, f, grad, tangent, NULL, 0};
    return rw_run(&p);
}
