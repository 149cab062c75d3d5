/* ODE integration in the style of GSL's odeiv2 and Numerical Recipes: the system is a struct
 * holding the right-hand side as a function pointer (int status, const double y[], double dydt[],
 * const double *params), a classic fourth-order Runge-Kutta stepper and a Runge-Kutta-Fehlberg 4(5)
 * stepper with adaptive step control that take the right-hand side through the struct or as a
 * pointer argument, stage vectors as fixed arrays on the stack, and a driver computing the misfit
 * of the trajectory against observations. Differentiated with respect to the initial state (only
 * the ADC_DIFF line is added). */
#include <math.h>
#include <adc.h>

#define MAXDIM 4
#define SUCCESS 0

typedef int (*ode_func)(double t, const double y[], double dydt[], const double *params);

typedef struct {
    ode_func function;
    int dimension;
} ode_system;

/* params: alpha, beta, delta, gamma */
int lotka_volterra(double t, const double y[], double f[], const double *params)
{
    (void)t;
    f[0] = params[0] * y[0] - params[1] * y[0] * y[1];
    f[1] = params[2] * y[0] * y[1] - params[3] * y[1];
    return SUCCESS;
}

/* params: mu, forcing */
int van_der_pol(double t, const double y[], double f[], const double *params)
{
    f[0] = y[1];
    f[1] = params[0] * (1.0 - y[0] * y[0]) * y[1] - y[0] + params[1] * cos(t);
    return SUCCESS;
}

static void rk4_step(const ode_system *sys, const double *params, double t, double h, double y[])
{
    double k1[MAXDIM], k2[MAXDIM], k3[MAXDIM], k4[MAXDIM], ytmp[MAXDIM];
    int i, n = sys->dimension;

    sys->function(t, y, k1, params);
    for (i = 0; i < n; i++)
        ytmp[i] = y[i] + 0.5 * h * k1[i];
    sys->function(t + 0.5 * h, ytmp, k2, params);
    for (i = 0; i < n; i++)
        ytmp[i] = y[i] + 0.5 * h * k2[i];
    sys->function(t + 0.5 * h, ytmp, k3, params);
    for (i = 0; i < n; i++)
        ytmp[i] = y[i] + h * k3[i];
    sys->function(t + h, ytmp, k4, params);
    for (i = 0; i < n; i++)
        y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
}

/* One Fehlberg step: y advanced by the fifth-order solution, the error estimate returned. */
static double rkf45_step(ode_func f, const double *params, int n, double t, double h, double y[])
{
    double k1[MAXDIM], k2[MAXDIM], k3[MAXDIM], k4[MAXDIM], k5[MAXDIM], k6[MAXDIM], yt[MAXDIM];
    double err = 0.0;
    int i;

    f(t, y, k1, params);
    for (i = 0; i < n; i++)
        yt[i] = y[i] + h * (1.0 / 4.0) * k1[i];
    f(t + h / 4.0, yt, k2, params);
    for (i = 0; i < n; i++)
        yt[i] = y[i] + h * (3.0 / 32.0 * k1[i] + 9.0 / 32.0 * k2[i]);
    f(t + 3.0 * h / 8.0, yt, k3, params);
    for (i = 0; i < n; i++)
        yt[i] = y[i] + h * (1932.0 / 2197.0 * k1[i] - 7200.0 / 2197.0 * k2[i] + 7296.0 / 2197.0 * k3[i]);
    f(t + 12.0 * h / 13.0, yt, k4, params);
    for (i = 0; i < n; i++)
        yt[i] = y[i] + h * (439.0 / 216.0 * k1[i] - 8.0 * k2[i] + 3680.0 / 513.0 * k3[i] - 845.0 / 4104.0 * k4[i]);
    f(t + h, yt, k5, params);
    for (i = 0; i < n; i++)
        yt[i] = y[i] + h * (-8.0 / 27.0 * k1[i] + 2.0 * k2[i] - 3544.0 / 2565.0 * k3[i] + 1859.0 / 4104.0 * k4[i]
                            - 11.0 / 40.0 * k5[i]);
    f(t + h / 2.0, yt, k6, params);
    for (i = 0; i < n; i++) {
        double y4 = y[i] + h * (25.0 / 216.0 * k1[i] + 1408.0 / 2565.0 * k3[i] + 2197.0 / 4104.0 * k4[i] - k5[i] / 5.0);
        double y5 = y[i] + h * (16.0 / 135.0 * k1[i] + 6656.0 / 12825.0 * k3[i] + 28561.0 / 56430.0 * k4[i]
                                - 9.0 / 50.0 * k5[i] + 2.0 / 55.0 * k6[i]);
        err = fmax(err, fabs(y5 - y4));
        y[i] = y5;
    }
    return err;
}

/* Integrates from 0 to t_end (adaptive Fehlberg steps, or fixed RK4 steps), adding the squared
 * misfit against obs at every unit of time. */
ADC_DIFF(wrt(y0), len(y0: 2))
double integrate_misfit(int model, int adaptive, const double *y0, double t_end, const double *obs)
{
    double lv[4] = {1.1, 0.4, 0.1, 0.4}, vdp[2] = {1.5, 0.3};
    const double *params;
    ode_system sys;
    double y[MAXDIM], t = 0.0, h = 0.05, misfit = 0.0, next_obs = 1.0;
    int i, k = 0;

    sys.function = model ? van_der_pol : lotka_volterra;
    sys.dimension = 2;
    params = model ? vdp : lv;
    for (i = 0; i < sys.dimension; i++)
        y[i] = y0[i];
    while (t < t_end - 1e-12) {
        double step = fmin(h, next_obs - t);
        if (adaptive) {
            double err = rkf45_step(sys.function, params, sys.dimension, t, step, y);
            /* the next step from the error estimate, within [0.01, 0.2] */
            h = fmin(0.2, fmax(0.01, 0.9 * step * pow(1e-6 / fmax(err, 1e-14), 0.2)));
        } else {
            rk4_step(&sys, params, t, step, y);
        }
        t += step;
        if (fabs(t - next_obs) < 1e-12) {
            double d0 = y[0] - obs[2 * k], d1 = y[1] - obs[2 * k + 1];
            misfit += d0 * d0 + d1 * d1;
            k++;
            next_obs += 1.0;
        }
    }
    return misfit;
}
