/* Driver of rk4_heap.c: 20 observations of a predator-prey cycle, 10 RK4 steps apart, rates
 * and initial populations slightly off those that made the data. */
#include "realworld.h"

double *rk4vec(double t0, int m, double u0[], double dt, const double par[]);
double lotka_misfit(const double par[], int nobs, int stride, double dt, const double uobs[]);
double lotka_misfit_grad(const double par[], int nobs, int stride, double dt, const double uobs[],
                         double *par_grad);
double lotka_misfit_tangent(const double par[], const double par_d[], int nobs, int stride, double dt,
                            const double uobs[], double *lotka_misfit_d);

enum { NOBS = 20, STRIDE = 10 };
#define DT 0.02

static double f(const double *par, void *p) {
    return lotka_misfit(par, NOBS, STRIDE, DT, p);
}
static double grad(const double *par, double *g, void *p) {
    return lotka_misfit_grad(par, NOBS, STRIDE, DT, p, g);
}
static double tangent(const double *par, const double *v, double *dv, void *p) {
    return lotka_misfit_tangent(par, v, NOBS, STRIDE, DT, p, dv);
}

int main(void) {
    const double truth[6] = {1.1, 0.4, 0.4, 0.1, 10.0, 5.0};
    double uobs[2 * NOBS], u[2] = {truth[4], truth[5]}, t = 0.0;
    for (int j = 0; j < NOBS; j++) { /* the data, from the program's own stepper */
        for (int k = 0; k < STRIDE; k++) {
            double *next = rk4vec(t, 2, u, DT, truth);
            u[0] = next[0];
            u[1] = next[1];
            free(next);
            t += DT;
        }
        uobs[2 * j] = u[0] * (1.0 + 0.01 * sin(j));
        uobs[2 * j + 1] = u[1] * (1.0 - 0.01 * cos(j));
    }
    const double par[6] = {1.0, 0.42, 0.38, 0.11, 9.5, 5.3};
    rw_problem p = {"rk4_heap", 6, par, f, grad, tangent, uobs, 0};
    return rw_run(&p);
}
