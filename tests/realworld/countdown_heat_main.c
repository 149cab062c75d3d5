/* Driver of countdown_heat.c: 24 cells, 40 double steps, a smooth initial profile. */
#include "realworld.h"

double heat_misfit(const double *u0, double kappa, int steps, const double *measured);
double heat_misfit_grad(const double *u0, double kappa, int steps, const double *measured,
                        double *u0_grad, double *kappa_grad);
double heat_misfit_tangent(const double *u0, const double *u0_d, double kappa, double kappa_d,
                           int steps, const double *measured, double *heat_misfit_d);

enum { NX = 24 };

static double f(const double *x, void *p) {
    return heat_misfit(x, x[NX], 40, p);
}
static double grad(const double *x, double *g, void *p) {
    return heat_misfit_grad(x, x[NX], 40, p, g, g + NX);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    return heat_misfit_tangent(x, v, x[NX], v[NX], 40, p, dv);
}

int main(void) {
    double x[NX + 1], measured[NX];
    for (int i = 0; i < NX; i++) {
        x[i] = sin(3.14159 * i / (NX - 1)) + 0.1 * cos(0.7 * i);
        measured[i] = 0.5 * sin(3.14159 * i / (NX - 1));
    }
    x[NX] = 0.2;
    rw_problem p = {"countdown_heat", NX + 1, x, f, grad, tangent, measured, 0};
    return rw_run(&p);
}
