/* Parameter fitting in GSL's odeiv2 idiom: the right-hand side is
 * `int (*)(double t, const double y[], double dydt[], void *params)` and casts its `void *params`
 * back to the model's parameter struct; a Runge-Kutta-Fehlberg 4(5) stepper (GSL's rkf45
 * tableau, taking the fifth-order solution and reporting the embedded error estimate) and a
 * driver that steps between observation times pass the function pointer and the context on
 * untouched, as gsl_odeiv2_step_apply and gsl_odeiv2_driver_apply do. The objective is the
 * least-squares misfit of a Lotka-Volterra trajectory against observations, differentiated with
 * respect to the four rates, which reach the right-hand side only through `void *params`
 * (only the ADC_DIFF line is added). */
#include <math.h>
#include <stddef.h>
#include <adc.h>

#define GSL_SUCCESS 0
#define MAXDIM 4

typedef int (*ode_function)(double t, const double y[], double dydt[], void *params);

struct lv_params {
    double alpha, beta, gamma, delta;
};

int lotka_volterra(double t, const double y[], double dydt[], void *params)
{
    struct lv_params *p = (struct lv_params *)params;
    (void)t;
    dydt[0] = p->alpha * y[0] - p->beta * y[0] * y[1];
    dydt[1] = p->delta * y[0] * y[1] - p->gamma * y[1];
    return GSL_SUCCESS;
}

/* Runge-Kutta-Fehlberg coefficients (GSL's rkf45.c). */
static const double ah[] = {1.0 / 4.0, 3.0 / 8.0, 12.0 / 13.0, 1.0, 1.0 / 2.0};
static const double b3[] = {3.0 / 32.0, 9.0 / 32.0};
static const double b4[] = {1932.0 / 2197.0, -7200.0 / 2197.0, 7296.0 / 2197.0};
static const double b5[] = {8341.0 / 4104.0, -32832.0 / 4104.0, 29440.0 / 4104.0, -845.0 / 4104.0};
static const double b6[] = {-6080.0 / 20520.0, 41040.0 / 20520.0, -28352.0 / 20520.0, 9295.0 / 20520.0,
                            -5643.0 / 20520.0};
static const double c1 = 902880.0 / 7618050.0;
static const double c3 = 3953664.0 / 7618050.0;
static const double c4 = 3855735.0 / 7618050.0;
static const double c5 = -1371249.0 / 7618050.0;
static const double c6 = 277020.0 / 7618050.0;
static const double ec[] = {0.0, 1.0 / 360.0, 0.0, -128.0 / 4275.0, -2197.0 / 75240.0, 1.0 / 50.0, 2.0 / 55.0};

/* One step of size h from t: y becomes the fifth-order solution, yerr the error estimate. */
static int rkf45_apply(double t, double h, double y[], double yerr[], size_t dim, ode_function function,
                       void *params)
{
    double k1[MAXDIM], k2[MAXDIM], k3[MAXDIM], k4[MAXDIM], k5[MAXDIM], k6[MAXDIM], ytmp[MAXDIM];
    size_t i;
    int s = function(t, y, k1, params);
    if (s != GSL_SUCCESS)
        return s;
    for (i = 0; i < dim; i++)
        ytmp[i] = y[i] + ah[0] * h * k1[i];
    s = function(t + ah[0] * h, ytmp, k2, params);
    if (s != GSL_SUCCESS)
        return s;
    for (i = 0; i < dim; i++)
        ytmp[i] = y[i] + h * (b3[0] * k1[i] + b3[1] * k2[i]);
    s = function(t + ah[1] * h, ytmp, k3, params);
    if (s != GSL_SUCCESS)
        return s;
    for (i = 0; i < dim; i++)
        ytmp[i] = y[i] + h * (b4[0] * k1[i] + b4[1] * k2[i] + b4[2] * k3[i]);
    s = function(t + ah[2] * h, ytmp, k4, params);
    if (s != GSL_SUCCESS)
        return s;
    for (i = 0; i < dim; i++)
        ytmp[i] = y[i] + h * (b5[0] * k1[i] + b5[1] * k2[i] + b5[2] * k3[i] + b5[3] * k4[i]);
    s = function(t + ah[3] * h, ytmp, k5, params);
    if (s != GSL_SUCCESS)
        return s;
    for (i = 0; i < dim; i++)
        ytmp[i] = y[i] + h * (b6[0] * k1[i] + b6[1] * k2[i] + b6[2] * k3[i] + b6[3] * k4[i] + b6[4] * k5[i]);
    s = function(t + ah[4] * h, ytmp, k6, params);
    if (s != GSL_SUCCESS)
        return s;
    for (i = 0; i < dim; i++) {
        y[i] += h * (c1 * k1[i] + c3 * k3[i] + c4 * k4[i] + c5 * k5[i] + c6 * k6[i]);
        yerr[i] = h * (ec[1] * k1[i] + ec[3] * k3[i] + ec[4] * k4[i] + ec[5] * k5[i] + ec[6] * k6[i]);
    }
    return GSL_SUCCESS;
}

/* Advances y from t0 to t1 in nsteps equal steps; the largest error estimate met goes to *err. */
static int driver_apply(double t0, double t1, int nsteps, double y[], size_t dim, ode_function function,
                        void *params, double *err)
{
    double h = (t1 - t0) / nsteps, yerr[MAXDIM];
    for (int n = 0; n < nsteps; n++) {
        int s = rkf45_apply(t0 + n * h, h, y, yerr, dim, function, params);
        if (s != GSL_SUCCESS)
            return s;
        for (size_t i = 0; i < dim; i++)
            if (fabs(yerr[i]) > *err)
                *err = fabs(yerr[i]);
    }
    return GSL_SUCCESS;
}

ADC_DIFF(wrt(theta), len(theta: 4))
double lv_fit_misfit(const double *theta, const double *y0, const double *t_obs, const double *y_obs, int nobs)
{
    struct lv_params params = {theta[0], theta[1], theta[2], theta[3]};
    double y[2] = {y0[0], y0[1]}, t = 0.0, err = 0.0, misfit = 0.0;
    for (int k = 0; k < nobs; k++) {
        if (driver_apply(t, t_obs[k], 20, y, 2, lotka_volterra, &params, &err) != GSL_SUCCESS)
            return HUGE_VAL;
        t = t_obs[k];
        double d0 = y[0] - y_obs[2 * k], d1 = y[1] - y_obs[2 * k + 1];
        misfit += d0 * d0 + d1 * d1;
    }
    return 0.5 * misfit;
}
