/* Driver of ode_methods.c: the initial state (3) and the parameters (4) packed into one vector;
 * every method integrates 200 steps against 20 observations. */
#include "realworld.h"

double trajectory_misfit(int method, int nsteps, double h, const double *y0, const double *par,
                         const double *obs, int every);
double trajectory_misfit_grad(int method, int nsteps, double h, const double *y0, const double *par,
                              const double *obs, int every, double *y0_grad, double *par_grad);
double trajectory_misfit_tangent(int method, int nsteps, double h, const double *y0,
                                 const double *y0_d, const double *par, const double *par_d,
                                 const double *obs, int every, double *trajectory_misfit_d);

enum { STEPS = 200, EVERY = 10, NOBS = STEPS / EVERY };

typedef struct ode_ctx {
    int method;
    double obs[NOBS];
} ode_ctx;

static double f(const double *x, void *p) {
    ode_ctx *c = p;
    return trajectory_misfit(c->method, STEPS, 0.05, x, x + 3, c->obs, EVERY);
}
static double grad(const double *x, double *g, void *p) {
    ode_ctx *c = p;
    return trajectory_misfit_grad(c->method, STEPS, 0.05, x, x + 3, c->obs, EVERY, g, g + 3);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    ode_ctx *c = p;
    return trajectory_misfit_tangent(c->method, STEPS, 0.05, x, v, x + 3, v + 3, c->obs, EVERY, dv);
}

int main(void) {
    static const char *const names[] = {"ode_methods (euler)", "ode_methods (midpoint)",
                                        "ode_methods (heun)", "ode_methods (rk4)"};
    const double x[7] = {0.4, 0.0, 0.1, 0.3, 2.0, 0.8, 0.5};
    int failed = 0;
    for (int m = 0; m < 4; m++) {
        ode_ctx c = {.method = m};
        for (int k = 0; k < NOBS; k++)
            c.obs[k] = 0.5 * sin(0.4 * k);
        rw_problem p = {names[m], 7, x, f, grad, tangent, &c, 0};
        failed |= rw_run(&p);
    }
    return failed;
}
