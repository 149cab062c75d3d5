/* Driver of rk45_callbacks.c: the initial state (2) of each model (Lotka-Volterra, van der Pol)
 * integrated to t = 6 by fixed RK4 steps and by adaptive Fehlberg steps, against 6 observations. */
#include "realworld.h"

double integrate_misfit(int model, int adaptive, const double *y0, double t_end, const double *obs);
double integrate_misfit_grad(int model, int adaptive, const double *y0, double t_end, const double *obs,
                             double *y0_grad);
double integrate_misfit_tangent(int model, int adaptive, const double *y0, const double *y0_d, double t_end,
                                const double *obs, double *integrate_misfit_d);

typedef struct run {
    int model, adaptive;
    double obs[12];
} run;

static double f(const double *x, void *p) {
    run *r = p;
    return integrate_misfit(r->model, r->adaptive, x, 6.0, r->obs);
}
static double grad(const double *x, double *g, void *p) {
    run *r = p;
    return integrate_misfit_grad(r->model, r->adaptive, x, 6.0, r->obs, g);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    run *r = p;
    return integrate_misfit_tangent(r->model, r->adaptive, x, v, 6.0, r->obs, dv);
}

int main(void) {
    static const char *const names[] = {"rk45_callbacks (lotka-volterra, rk4)", "rk45_callbacks (lotka-volterra, rkf45)",
                                        "rk45_callbacks (van der pol, rk4)", "rk45_callbacks (van der pol, rkf45)"};
    static const double starts[2][2] = {{2.0, 1.5}, {1.2, -0.4}};
    int failed = 0;
    for (int k = 0; k < 4; k++) {
        run r = {.model = k / 2, .adaptive = k % 2};
        for (int i = 0; i < 12; i++)
            r.obs[i] = 1.0 + 0.5 * sin(0.9 * i);
        rw_problem p = {names[k], 2, starts[k / 2], f, grad, tangent, &r, 0};
        failed |= rw_run(&p);
    }
    return failed;
}
