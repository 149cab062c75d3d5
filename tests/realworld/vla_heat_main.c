/* Driver of vla_heat.c: a 9 x 8 grid, 20 steps, a hot spot off centre diffusing towards an
 * observed Gaussian; the inputs are the diffusivity and the 72 initial values. */
#include "realworld.h"

enum { NX = 9, NY = 8, NSTEPS = 20 };
#define DT 0.02

double heat_vla_misfit(int nx, int ny, int nsteps, double alpha, double dt, const double u0[nx][ny],
                       const double uobs[nx][ny]);
double heat_vla_misfit_grad(int nx, int ny, int nsteps, double alpha, double dt, const double (*u0)[ny],
                            const double (*uobs)[ny], double *alpha_grad, double (*u0_grad)[ny]);
double heat_vla_misfit_tangent(int nx, int ny, int nsteps, double alpha, double alpha_d, double dt,
                               const double (*u0)[ny], const double (*u0_d)[ny], const double (*uobs)[ny],
                               double *heat_vla_misfit_d);

static double f(const double *x, void *obs) {
    return heat_vla_misfit(NX, NY, NSTEPS, x[0], DT, (const double (*)[NY])(x + 1), obs);
}
static double grad(const double *x, double *g, void *obs) {
    return heat_vla_misfit_grad(NX, NY, NSTEPS, x[0], DT, (const double (*)[NY])(x + 1), obs, &g[0],
                                (double (*)[NY])(g + 1));
}
static double tangent(const double *x, const double *v, double *dv, void *obs) {
    return heat_vla_misfit_tangent(NX, NY, NSTEPS, x[0], v[0], DT, (const double (*)[NY])(x + 1),
                                   (const double (*)[NY])(v + 1), obs, dv);
}

int main(void) {
    double uobs[NX][NY], x[1 + NX * NY];
    x[0] = 0.8;
    for (int i = 0; i < NX; i++)
        for (int j = 0; j < NY; j++) {
            x[1 + i * NY + j] = exp(-0.3 * ((i - 3) * (i - 3) + (j - 4) * (j - 4)));
            uobs[i][j] = 0.5 * exp(-0.1 * ((i - 5) * (i - 5) + (j - 4) * (j - 4)));
        }
    rw_problem p = {"vla_heat", 1 + NX * NY, x, f, grad, tangent, uobs, 0};
    return rw_run(&p);
}
