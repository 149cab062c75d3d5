/* Driver of nr_lsq.c: 40 observations of the oscillator's position, 5 RK4 steps apart, made
 * from parameters a little off those fitted. The parameters are a[1..4] (a[0] unused, as the
 * book allocates them), all five handed to the harness. */
#include "realworld.h"

double *dvector(long nl, long nh);
void free_dvector(double *v, long nl, long nh);
void rkdumb(double vstart[], int nvar, double x1, double h, int nstep, int nobs, double ymod[], double a[],
            void (*derivs)(double, double[], double[], double[]));
void oscillator(double x, double y[], double dydx[], double a[]);
double oscillator_chisq(double a[], double y[], double sig[], int ndata, double h, int nstep);
double oscillator_chisq_grad(double a[], double y[], double sig[], int ndata, double h, int nstep, double *a_grad);
double oscillator_chisq_tangent(double a[], const double *a_d, double y[], double sig[], int ndata, double h,
                                int nstep, double *oscillator_chisq_d);

enum { NDATA = 40, NSTEP = 200 };
#define H 0.05

typedef struct {
    double *y, *sig;
} data;

static double f(const double *a, void *p) {
    data *d = p;
    return oscillator_chisq((double *)a, d->y, d->sig, NDATA, H, NSTEP);
}
static double grad(const double *a, double *g, void *p) {
    data *d = p;
    return oscillator_chisq_grad((double *)a, d->y, d->sig, NDATA, H, NSTEP, g);
}
static double tangent(const double *a, const double *v, double *dv, void *p) {
    data *d = p;
    return oscillator_chisq_tangent((double *)a, v, d->y, d->sig, NDATA, H, NSTEP, dv);
}

int main(void) {
    double truth[5] = {0.0, 2.0, 0.3, 0.5, 1.3}, vstart[3] = {0.0, 1.0, 0.0};
    double *y = dvector(1, NDATA), *sig = dvector(1, NDATA);
    rkdumb(vstart, 2, 0.0, H, NSTEP, NDATA, y, truth, oscillator);
    for (int i = 1; i <= NDATA; i++) {
        y[i] += 0.01 * sin(3.0 * i);
        sig[i] = 0.05 + 0.01 * (i % 3);
    }
    data d = {y, sig};
    const double a[5] = {0.0, 1.8, 0.35, 0.45, 1.25};
    rw_problem p = {"nr_lsq", 5, a, f, grad, tangent, &d, 0};
    int status = rw_run(&p);
    free_dvector(sig, 1, NDATA);
    free_dvector(y, 1, NDATA);
    return status;
}
