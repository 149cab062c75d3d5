/* Driver of ode_driver.c: a predator-prey cycle integrated to t = 8 by the adaptive Cash-Karp
 * driver at two tolerances; the gradient of the final misfit with respect to the two initial
 * populations. */
#include "realworld.h"

struct lv_params {
    double alpha, beta, gamma, delta;
};
double lv_final_misfit(const double y0[], void *params, double t_end, double eps, const double target[]);
double lv_final_misfit_grad(const double y0[], void *params, double t_end, double eps, const double target[],
                            double *y0_grad);
double lv_final_misfit_tangent(const double y0[], const double y0_d[], void *params, double t_end, double eps,
                               const double target[], double *lv_final_misfit_d);

static struct lv_params rates = {1.1, 0.4, 0.4, 0.1};
static const double target[2] = {4.0, 3.0};

static double f(const double *y0, void *eps) {
    return lv_final_misfit(y0, &rates, 8.0, *(double *)eps, target);
}
static double grad(const double *y0, double *g, void *eps) {
    return lv_final_misfit_grad(y0, &rates, 8.0, *(double *)eps, target, g);
}
static double tangent(const double *y0, const double *v, double *dv, void *eps) {
    return lv_final_misfit_tangent(y0, v, &rates, 8.0, *(double *)eps, target, dv);
}

int main(void) {
    static const char *const names[] = {"ode_driver (eps 1e-6)", "ode_driver (eps 1e-9)"};
    double eps[2] = {1e-6, 1e-9}, y0[2] = {10.0, 5.0};
    int failed = 0;
    for (int k = 0; k < 2; k++) {
        rw_problem p = {names[k], 2, y0, f, grad, tangent, &eps[k], 0};
        failed |= rw_run(&p);
    }
    return failed;
}
