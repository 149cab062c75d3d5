/* Driver of heat_callbacks.c: the initial profile (24) and the conductivity packed into one
 * vector; three boundary/source cases (Dirichlet at both ends; an insulated right end; a cooling
 * right end with a heater), each by FTCS and by Crank-Nicolson, over 150 steps. */
#include "realworld.h"

#define NX 24

double heat_misfit(const double *u0, double kappa, int case_id, int implicit, int nsteps, const double *sensors);
double heat_misfit_grad(const double *u0, double kappa, int case_id, int implicit, int nsteps,
                        const double *sensors, double *u0_grad, double *kappa_grad);
double heat_misfit_tangent(const double *u0, const double *u0_d, double kappa, double kappa_d, int case_id,
                           int implicit, int nsteps, const double *sensors, double *heat_misfit_d);

typedef struct run {
    int case_id, implicit;
    double sensors[NX / 4];
} run;

static double f(const double *x, void *p) {
    run *r = p;
    return heat_misfit(x, x[NX], r->case_id, r->implicit, 150, r->sensors);
}
static double grad(const double *x, double *g, void *p) {
    run *r = p;
    return heat_misfit_grad(x, x[NX], r->case_id, r->implicit, 150, r->sensors, g, &g[NX]);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    run *r = p;
    return heat_misfit_tangent(x, v, x[NX], v[NX], r->case_id, r->implicit, 150, r->sensors, dv);
}

int main(void) {
    static const char *const names[] = {
        "heat_callbacks (dirichlet, ftcs)", "heat_callbacks (dirichlet, crank-nicolson)",
        "heat_callbacks (insulated, ftcs)", "heat_callbacks (insulated, crank-nicolson)",
        "heat_callbacks (cooling + heater, ftcs)", "heat_callbacks (cooling + heater, crank-nicolson)"};
    double x[NX + 1];
    for (int i = 0; i < NX; i++)
        x[i] = 0.5 + 0.3 * sin(0.4 * i);
    x[NX] = 0.9;
    int failed = 0;
    for (int k = 0; k < 6; k++) {
        run r = {.case_id = k / 2, .implicit = k % 2};
        for (int i = 0; i < NX / 4; i++)
            r.sensors[i] = 0.4 + 0.1 * i;
        rw_problem p = {names[k], NX + 1, x, f, grad, tangent, &r, 0};
        failed |= rw_run(&p);
    }
    return failed;
}
