/* Driver of gray_scott.c: a 16 x 16 grid, 150 steps, the spot's v fitted to a Gaussian
 * pattern; F, k, Du, Dv near Pearson's spot regime. */
#include "realworld.h"

double gray_scott_misfit(double F, double k, double Du, double Dv, int nx, int ny, int nsteps, double dt,
                         const double *vobs);
double gray_scott_misfit_grad(double F, double k, double Du, double Dv, int nx, int ny, int nsteps, double dt,
                              const double *vobs, double *F_grad, double *k_grad, double *Du_grad, double *Dv_grad);
double gray_scott_misfit_tangent(double F, double F_d, double k, double k_d, double Du, double Du_d, double Dv,
                                 double Dv_d, int nx, int ny, int nsteps, double dt, const double *vobs,
                                 double *gray_scott_misfit_d);

enum { NX = 16, NY = 16, NSTEPS = 150 };
#define DT 1.0

/* The rates in percent (F = p[0] / 100, ...): the checks step each by 1e-3 of its size. */
static double f(const double *p, void *obs) {
    return gray_scott_misfit(p[0] / 100, p[1] / 100, p[2] / 100, p[3] / 100, NX, NY, NSTEPS, DT, obs);
}
static double grad(const double *p, double *g, void *obs) {
    double r = gray_scott_misfit_grad(p[0] / 100, p[1] / 100, p[2] / 100, p[3] / 100, NX, NY, NSTEPS, DT, obs,
                                      &g[0], &g[1], &g[2], &g[3]);
    for (int i = 0; i < 4; i++)
        g[i] /= 100;
    return r;
}
static double tangent(const double *p, const double *v, double *dv, void *obs) {
    return gray_scott_misfit_tangent(p[0] / 100, v[0] / 100, p[1] / 100, v[1] / 100, p[2] / 100, v[2] / 100,
                                     p[3] / 100, v[3] / 100, NX, NY, NSTEPS, DT, obs, dv);
}

int main(void) {
    double vobs[NX * NY];
    for (int i = 0; i < NX; i++)
        for (int j = 0; j < NY; j++)
            vobs[i * NY + j] = 0.1 * exp(-0.05 * ((i - NX / 2) * (i - NX / 2) + (j - NY / 2) * (j - NY / 2)));
    const double par[4] = {3.5, 6.2, 19.0, 10.5};
    rw_problem p = {"gray_scott", 4, par, f, grad, tangent, vobs, 0};
    return rw_run(&p);
}
