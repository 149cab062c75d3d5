/* Driver of heat_grid.c: a 10 x 10 grid, 25 steps (odd: the result is in the block `unew` held
 * at the start), a hot spot off centre diffusing towards an observed Gaussian; the inputs are
 * the diffusivity and the 100 initial values. */
#include "realworld.h"

double heat_misfit(double alpha, const double *u0, int nx, int ny, int nsteps, double dt, const double *uobs);
double heat_misfit_grad(double alpha, const double *u0, int nx, int ny, int nsteps, double dt, const double *uobs,
                        double *alpha_grad, double *u0_grad);
double heat_misfit_tangent(double alpha, double alpha_d, const double *u0, const double *u0_d, int nx, int ny,
                           int nsteps, double dt, const double *uobs, double *heat_misfit_d);

enum { NX = 10, NY = 10, NSTEPS = 25 };
#define DT 0.002

static double f(const double *x, void *obs) { return heat_misfit(x[0], x + 1, NX, NY, NSTEPS, DT, obs); }
static double grad(const double *x, double *g, void *obs) {
    return heat_misfit_grad(x[0], x + 1, NX, NY, NSTEPS, DT, obs, &g[0], g + 1);
}
static double tangent(const double *x, const double *v, double *dv, void *obs) {
    return heat_misfit_tangent(x[0], v[0], x + 1, v + 1, NX, NY, NSTEPS, DT, obs, dv);
}

int main(void) {
    double uobs[NX * NY], x[1 + NX * NY];
    x[0] = 0.9;
    for (int i = 0; i < NX; i++)
        for (int j = 0; j < NY; j++) {
            x[1 + i * NY + j] = exp(-0.3 * ((i - 3) * (i - 3) + (j - 4) * (j - 4)));
            uobs[i * NY + j] = 0.5 * exp(-0.1 * ((i - 5) * (i - 5) + (j - 5) * (j - 5)));
        }
    rw_problem p = {"heat_grid", 1 + NX * NY, x, f, grad, tangent, uobs, 0};
    return rw_run(&p);
}
