/* Driver of rk4vec_shoot.c: 300 RK4 steps of 0.02 from a point near the Brusselator's limit
 * cycle (period about 7.16, so the final state is far from the initial one). */
#include "realworld.h"

double shooting_misfit(double uinit[], int nstep, double dt);
double shooting_misfit_grad(double uinit[], int nstep, double dt, double *uinit_grad);
double shooting_misfit_tangent(double uinit[], double uinit_d[], int nstep, double dt, double *shooting_misfit_d);

enum { NSTEP = 300 };
#define DT 0.02

static double f(const double *u, void *p) {
    (void)p;
    double copy[2] = {u[0], u[1]};
    return shooting_misfit(copy, NSTEP, DT);
}
static double grad(const double *u, double *g, void *p) {
    (void)p;
    double copy[2] = {u[0], u[1]};
    return shooting_misfit_grad(copy, NSTEP, DT, g);
}
static double tangent(const double *u, const double *v, double *dv, void *p) {
    (void)p;
    double copy[2] = {u[0], u[1]}, dir[2] = {v[0], v[1]};
    return shooting_misfit_tangent(copy, dir, NSTEP, DT, dv);
}

int main(void) {
    const double uinit[2] = {1.2, 2.9};
    rw_problem p = {"rk4vec_shoot", 2, uinit, f, grad, tangent, NULL, 0};
    return rw_run(&p);
}
