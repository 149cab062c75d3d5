/* optim_descent.c: one line-search step along a descent direction, shared by GD with a line
 * search, L-BFGS and Newton-CG: search, count evaluations, and move to the accepted point. */
#include "optim_internal.h"

int adc_make_descent(int n, const double *g, double *d) {
    if (adc_vec_dot(n, g, d) < 0)
        return 0;
    for (int i = 0; i < n; i++)
        d[i] = -g[i];
    return 1;
}

double adc_descent_search(adc_linesearch_kind kind, const adc_linesearch_options *ls,
                          adc_ray *ray, double f, double slope, int *evaluations, double *f_new) {
    adc_linesearch_result result = {0};
    adc_linesearch(kind, ray, f, slope, ls, &result);
    *evaluations += result.evaluations;
    *f_new = result.f;
    return result.step;
}

adc_status adc_descent_accept(adc_monitor *mon, const adc_ray *ray, double *x, double *g,
                              double f_new) {
    adc_status status = adc_monitor_next(mon, x, ray->x_trial, ray->g_trial, f_new);
    if (status != ADC_NONFINITE) {
        adc_vec_copy(ray->n, x, ray->x_trial);
        adc_vec_copy(ray->n, g, ray->g_trial);
    }
    return status;
}
