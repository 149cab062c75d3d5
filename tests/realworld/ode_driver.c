/* Adaptive Runge-Kutta ODE driver in the style of Numerical Recipes' odeint/rkqs/rkck, ported
 * to GSL's odeiv2 system interface: the system is a struct holding the right-hand side as
 * `int (*function)(double t, const double y[], double dydt[], void *params)`, its dimension and
 * a `void *params` the rhs casts back to its own parameter struct. rkck takes a Cash-Karp step
 * with its six stage vectors malloc'd per call; rkqs controls the step from the scaled error
 * norm (SAFETY * h * pow(errmax, PSHRNK), FMAX/FMIN limits) and is itself passed to odeint as a
 * function pointer. The objective integrates a Lotka-Volterra system and returns the squared
 * distance of the final state from a target; differentiated with respect to the two initial
 * populations (only the ADC_DIFF line is added). The rates travel as `void *params`, so they
 * are constants to adc: derivatives do not pass through a void pointer (README).
 * Needs libclang >= 17 (operators inside DMAX, DMIN and SIGN). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <adc.h>

#include "nrutil.h"

#define SAFETY 0.9
#define PGROW -0.2
#define PSHRNK -0.25
#define ERRCON 1.89e-4
#define MAXSTP 10000
#define TINY 1.0e-30

typedef struct {
    int (*function)(double t, const double y[], double dydt[], void *params);
    size_t dimension;
    void *params;
} ode_system;

typedef void (*stepper_fn)(double y[], double dydx[], int n, double *x, double htry, double eps,
                           double yscal[], double *hdid, double *hnext, const ode_system *sys);

struct lv_params {
    double alpha, beta, gamma, delta;
};

int lotka_volterra(double t, const double y[], double dydt[], void *params)
{
    struct lv_params *p = (struct lv_params *)params;
    (void)t;
    dydt[0] = p->alpha * y[0] - p->beta * y[0] * y[1];
    dydt[1] = p->delta * y[0] * y[1] - p->gamma * y[1];
    return 0;
}

void nrerror(char error_text[])
{
    fprintf(stderr, "run-time error: %s\n", error_text);
    exit(1);
}

/* Cash-Karp Runge-Kutta step: advances y over h into yout and estimates the error in yerr. */
void rkck(double y[], double dydx[], int n, double x, double h, double yout[], double yerr[],
          const ode_system *sys)
{
    int i;
    static double a2 = 0.2, a3 = 0.3, a4 = 0.6, a5 = 1.0, a6 = 0.875, b21 = 0.2, b31 = 3.0 / 40.0,
                  b32 = 9.0 / 40.0, b41 = 0.3, b42 = -0.9, b43 = 1.2, b51 = -11.0 / 54.0, b52 = 2.5,
                  b53 = -70.0 / 27.0, b54 = 35.0 / 27.0, b61 = 1631.0 / 55296.0, b62 = 175.0 / 512.0,
                  b63 = 575.0 / 13824.0, b64 = 44275.0 / 110592.0, b65 = 253.0 / 4096.0, c1 = 37.0 / 378.0,
                  c3 = 250.0 / 621.0, c4 = 125.0 / 594.0, c6 = 512.0 / 1771.0, dc5 = -277.00 / 14336.0;
    double dc1 = c1 - 2825.0 / 27648.0, dc3 = c3 - 18575.0 / 48384.0, dc4 = c4 - 13525.0 / 55296.0,
           dc6 = c6 - 0.25;
    double *ak2, *ak3, *ak4, *ak5, *ak6, *ytemp;

    ak2 = malloc(n * sizeof(double));
    ak3 = malloc(n * sizeof(double));
    ak4 = malloc(n * sizeof(double));
    ak5 = malloc(n * sizeof(double));
    ak6 = malloc(n * sizeof(double));
    ytemp = malloc(n * sizeof(double));
    for (i = 0; i < n; i++)
        ytemp[i] = y[i] + b21 * h * dydx[i];
    (*sys->function)(x + a2 * h, ytemp, ak2, sys->params);
    for (i = 0; i < n; i++)
        ytemp[i] = y[i] + h * (b31 * dydx[i] + b32 * ak2[i]);
    (*sys->function)(x + a3 * h, ytemp, ak3, sys->params);
    for (i = 0; i < n; i++)
        ytemp[i] = y[i] + h * (b41 * dydx[i] + b42 * ak2[i] + b43 * ak3[i]);
    (*sys->function)(x + a4 * h, ytemp, ak4, sys->params);
    for (i = 0; i < n; i++)
        ytemp[i] = y[i] + h * (b51 * dydx[i] + b52 * ak2[i] + b53 * ak3[i] + b54 * ak4[i]);
    (*sys->function)(x + a5 * h, ytemp, ak5, sys->params);
    for (i = 0; i < n; i++)
        ytemp[i] = y[i] + h * (b61 * dydx[i] + b62 * ak2[i] + b63 * ak3[i] + b64 * ak4[i] + b65 * ak5[i]);
    (*sys->function)(x + a6 * h, ytemp, ak6, sys->params);
    for (i = 0; i < n; i++)
        yout[i] = y[i] + h * (c1 * dydx[i] + c3 * ak3[i] + c4 * ak4[i] + c6 * ak6[i]);
    for (i = 0; i < n; i++)
        yerr[i] = h * (dc1 * dydx[i] + dc3 * ak3[i] + dc4 * ak4[i] + dc5 * ak5[i] + dc6 * ak6[i]);
    free(ytemp);
    free(ak6);
    free(ak5);
    free(ak4);
    free(ak3);
    free(ak2);
}

/* Fifth-order step with monitoring of the local truncation error to adjust the step size. */
void rkqs(double y[], double dydx[], int n, double *x, double htry, double eps, double yscal[],
          double *hdid, double *hnext, const ode_system *sys)
{
    int i;
    double errmax, h, htemp, xnew, *yerr, *ytemp;

    yerr = malloc(n * sizeof(double));
    ytemp = malloc(n * sizeof(double));
    h = htry;
    for (;;) {
        rkck(y, dydx, n, *x, h, ytemp, yerr, sys);
        errmax = 0.0;
        for (i = 0; i < n; i++)
            errmax = DMAX(errmax, fabs(yerr[i] / yscal[i]));
        errmax /= eps;
        if (errmax <= 1.0)
            break;
        htemp = SAFETY * h * pow(errmax, PSHRNK);
        h = (h >= 0.0 ? DMAX(htemp, 0.1 * h) : DMIN(htemp, 0.1 * h));
        xnew = (*x) + h;
        if (xnew == *x)
            nrerror("stepsize underflow in rkqs");
    }
    if (errmax > ERRCON)
        *hnext = SAFETY * h * pow(errmax, PGROW);
    else
        *hnext = 5.0 * h;
    *x += (*hdid = h);
    for (i = 0; i < n; i++)
        y[i] = ytemp[i];
    free(ytemp);
    free(yerr);
}

/* Integrates ystart from x1 to x2 with accuracy eps; nok and nbad count good and bad steps. */
void odeint(double ystart[], int nvar, double x1, double x2, double eps, double h1, double hmin,
            int *nok, int *nbad, const ode_system *sys, stepper_fn rkqs)
{
    int nstp, i;
    double x, hnext, hdid, h;
    double *yscal, *y, *dydx;

    yscal = malloc(nvar * sizeof(double));
    y = malloc(nvar * sizeof(double));
    dydx = malloc(nvar * sizeof(double));
    x = x1;
    h = SIGN(h1, x2 - x1);
    *nok = (*nbad) = 0;
    for (i = 0; i < nvar; i++)
        y[i] = ystart[i];
    for (nstp = 1; nstp <= MAXSTP; nstp++) {
        (*sys->function)(x, y, dydx, sys->params);
        for (i = 0; i < nvar; i++)
            yscal[i] = fabs(y[i]) + fabs(dydx[i] * h) + TINY;
        if ((x + h - x2) * (x + h - x1) > 0.0)
            h = x2 - x;
        (*rkqs)(y, dydx, nvar, &x, h, eps, yscal, &hdid, &hnext, sys);
        if (hdid == h)
            ++(*nok);
        else
            ++(*nbad);
        if ((x - x2) * (x2 - x1) >= 0.0) {
            for (i = 0; i < nvar; i++)
                ystart[i] = y[i];
            free(dydx);
            free(y);
            free(yscal);
            return;
        }
        if (fabs(hnext) <= hmin)
            nrerror("Step size too small in odeint");
        h = hnext;
    }
    nrerror("Too many steps in routine odeint");
}

/* Integrates the Lotka-Volterra system (its rates in params, a struct lv_params, as GSL's
 * drivers take them) from y0 to t_end and returns the squared distance of the final state from
 * target. */
ADC_DIFF(wrt(y0), len(y0: 2))
double lv_final_misfit(const double y0[], void *params, double t_end, double eps, const double target[])
{
    ode_system sys = {lotka_volterra, 2, params};
    double y[2];
    int nok, nbad;

    y[0] = y0[0];
    y[1] = y0[1];
    odeint(y, (int)sys.dimension, 0.0, t_end, eps, 0.1, 0.0, &nok, &nbad, &sys, rkqs);
    return (y[0] - target[0]) * (y[0] - target[0]) + (y[1] - target[1]) * (y[1] - target[1]);
}
