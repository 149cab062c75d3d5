/* Driver of gsl_voidparams_fit.c: six noisy observations of a predator-prey population; the
 * gradient of the least-squares misfit with respect to the four rates at two guesses. */
#include "realworld.h"

double lv_fit_misfit(const double *theta, const double *y0, const double *t_obs, const double *y_obs, int nobs);
double lv_fit_misfit_grad(const double *theta, const double *y0, const double *t_obs, const double *y_obs,
                          int nobs, double *theta_grad);
double lv_fit_misfit_tangent(const double *theta, const double *theta_d, const double *y0, const double *t_obs,
                             const double *y_obs, int nobs, double *lv_fit_misfit_d);

#define NOBS 6
static const double y0[2] = {2.0, 1.0};
static const double t_obs[NOBS] = {0.5, 1.0, 1.5, 2.0, 2.5, 3.0};
static const double y_obs[2 * NOBS] = {2.35, 0.92, 2.71, 0.88, 3.05, 0.90, 3.31, 0.98, 3.43, 1.12, 3.36, 1.33};

static double f(const double *theta, void *ctx) {
    (void)ctx;
    return lv_fit_misfit(theta, y0, t_obs, y_obs, NOBS);
}
static double grad(const double *theta, double *g, void *ctx) {
    (void)ctx;
    return lv_fit_misfit_grad(theta, y0, t_obs, y_obs, NOBS, g);
}
static double tangent(const double *theta, const double *v, double *dv, void *ctx) {
    (void)ctx;
    return lv_fit_misfit_tangent(theta, v, y0, t_obs, y_obs, NOBS, dv);
}

int main(void) {
    static const double guesses[2][4] = {{1.2, 0.4, 0.7, 0.35}, {1.0, 0.5, 0.8, 0.3}};
    static const char *const names[] = {"gsl_voidparams_fit (guess)", "gsl_voidparams_fit (second guess)"};
    int failed = 0;
    for (int k = 0; k < 2; k++) {
        rw_problem p = {names[k], 4, guesses[k], f, grad, tangent, NULL, 0};
        failed |= rw_run(&p);
    }
    return failed;
}
