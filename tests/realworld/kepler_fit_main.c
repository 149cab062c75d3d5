/* Driver of kepler_fit.c: 25 observations of an eccentric orbit, elements slightly off. */
#include "realworld.h"

double orbit_misfit(const double *el, int nobs, const double *t, const double *xo, const double *yo);
double orbit_misfit_grad(const double *el, int nobs, const double *t, const double *xo,
                         const double *yo, double *el_grad);
double orbit_misfit_tangent(const double *el, const double *el_d, int nobs, const double *t,
                            const double *xo, const double *yo, double *orbit_misfit_d);

enum { NOBS = 25 };

typedef struct obs {
    double t[NOBS], x[NOBS], y[NOBS];
} obs;

static double f(const double *el, void *p) {
    obs *o = p;
    return orbit_misfit(el, NOBS, o->t, o->x, o->y);
}
static double grad(const double *el, double *g, void *p) {
    obs *o = p;
    return orbit_misfit_grad(el, NOBS, o->t, o->x, o->y, g);
}
static double tangent(const double *el, const double *v, double *dv, void *p) {
    obs *o = p;
    return orbit_misfit_tangent(el, v, NOBS, o->t, o->x, o->y, dv);
}

int main(void) {
    obs o;
    for (int i = 0; i < NOBS; i++) {
        o.t[i] = 0.4 * i;
        double E = 0.9 * o.t[i];
        o.x[i] = 2.0 * (cos(E) - 0.3);
        o.y[i] = 1.9 * sin(E);
    }
    const double el[5] = {2.1, 0.35, 7.0, 0.2, 0.1};
    rw_problem p = {"kepler_fit", 5, el, f, grad, tangent, &o, 0};
    return rw_run(&p);
}
