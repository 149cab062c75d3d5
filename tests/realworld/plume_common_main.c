/* Driver of plume_common.c: 48 cells, 120 steps, three sources, four gauges; observations from
 * a run with other parameters. Also checks the adjoints of the COMMON-block state that
 * simul_grad leaves in the shadow globals (conc_b: zero, as INITPL sets conc before it is read). */
#include "realworld.h"

enum { NXMAX = 64, NSRC = 3, NGAUGE = 4 };
extern int nx, nstep, isrc[NSRC], igauge[NGAUGE];
extern double dx, dt, cobs[NGAUGE], conc[NXMAX];
extern double conc_b[NXMAX], vel_b;

double simul(double v, double d, double lambda, const double *q);
double simul_grad(double v, double d, double lambda, const double *q, double *v_grad, double *d_grad,
                  double *lambda_grad, double *q_grad);
double simul_tangent(double v, double v_d, double d, double d_d, double lambda, double lambda_d, const double *q,
                     const double *q_d, double *simul_d);

static double f(const double *x, void *p) {
    (void)p;
    return simul(x[0], x[1], x[2], x + 3);
}
static double grad(const double *x, double *g, void *p) {
    (void)p;
    return simul_grad(x[0], x[1], x[2], x + 3, g, g + 1, g + 2, g + 3);
}
static double tangent(const double *x, const double *v, double *dv, void *p) {
    (void)p;
    return simul_tangent(x[0], v[0], x[1], v[1], x[2], v[2], x + 3, v + 3, dv);
}

int main(void) {
    nx = 48;
    dx = 1.0 / nx;
    dt = 2.0e-4;
    nstep = 120;
    int src[NSRC] = {5, 14, 30}, gauge[NGAUGE] = {10, 20, 33, 44};
    for (int k = 0; k < NSRC; k++)
        isrc[k] = src[k];
    for (int k = 0; k < NGAUGE; k++)
        igauge[k] = gauge[k];
    double truth[6] = {0.9, 0.02, 0.5, 1.0, 0.6, 1.4};
    simul(truth[0], truth[1], truth[2], truth + 3);
    for (int k = 0; k < NGAUGE; k++)
        cobs[k] = conc[igauge[k]];
    double x[6] = {0.7, 0.03, 0.3, 0.8, 0.8, 1.2};
    rw_problem p = {"plume_common", 6, x, f, grad, tangent, NULL, 0};
    int status = rw_run(&p);
    double g[6];
    simul_grad(x[0], x[1], x[2], x + 3, g, g + 1, g + 2, g + 3);
    double most = 0.0;
    for (int i = 0; i < NXMAX; i++)
        most = fmax(most, fabs(conc_b[i]));
    printf("plume_common: max |conc_b| after simul_grad = %g (conc is set before it is read), vel_b = %g\n", most,
           vel_b);
    return status || most != 0.0;
}
