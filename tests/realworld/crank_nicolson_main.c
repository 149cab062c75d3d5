/* Driver of crank_nicolson.c: 40 points, 30 steps with dt = 4 dx^2 (r = 4 alpha: implicit, so
 * stable), a bump off centre diffusing towards an observed wider one; the inputs are the
 * diffusivity and the 40 initial values. */
#include "realworld.h"

double cn_misfit(double alpha, const double *u0, int n, int nsteps, double dt, const double *uobs);
double cn_misfit_grad(double alpha, const double *u0, int n, int nsteps, double dt, const double *uobs,
                      double *alpha_grad, double *u0_grad);
double cn_misfit_tangent(double alpha, double alpha_d, const double *u0, const double *u0_d, int n, int nsteps,
                         double dt, const double *uobs, double *cn_misfit_d);

enum { N = 40, NSTEPS = 30 };
#define DT (4.0 / ((N - 1) * (N - 1)))

static double f(const double *x, void *obs) { return cn_misfit(x[0], x + 1, N, NSTEPS, DT, obs); }
static double grad(const double *x, double *g, void *obs) {
    return cn_misfit_grad(x[0], x + 1, N, NSTEPS, DT, obs, &g[0], g + 1);
}
static double tangent(const double *x, const double *v, double *dv, void *obs) {
    return cn_misfit_tangent(x[0], v[0], x + 1, v + 1, N, NSTEPS, DT, obs, dv);
}

int main(void) {
    double uobs[N], x[1 + N];
    x[0] = 0.7;
    for (int i = 0; i < N; i++) {
        x[1 + i] = exp(-0.02 * (i - 12) * (i - 12));
        uobs[i] = 0.6 * exp(-0.005 * (i - 20) * (i - 20));
    }
    rw_problem p = {"crank_nicolson", 1 + N, x, f, grad, tangent, uobs, 0};
    return rw_run(&p);
}
