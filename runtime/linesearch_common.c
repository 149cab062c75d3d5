/* linesearch_common.c: what every line search shares: default options, evaluation of
 * phi(step) = f(x + step d) along a ray, argument checks and filling in the result. */
#include <float.h>
#include <math.h>
#include <stddef.h>
#include "optim_internal.h"

adc_linesearch_options adc_linesearch_defaults(void) {
    adc_linesearch_options opts = {
        .step0 = 1.0,
        .step_max = 1e10,
        .c1 = 1e-4,
        .c2 = 0.9,
        .goldstein_c = 0.25,
        .beta = 0.5,
        .expand = 2.0,
        .tol = 1e-5,
        .max_evaluations = 60,
    };
    return opts;
}

const char *adc_linesearch_name(adc_linesearch_kind kind) {
    switch (kind) {
    case ADC_LS_NONE: return "none";
    case ADC_LS_DICHOTOMY: return "dichotomy";
    case ADC_LS_GOLDEN: return "golden";
    case ADC_LS_PARABOLIC: return "parabolic";
    case ADC_LS_BRENT: return "brent";
    case ADC_LS_ARMIJO: return "armijo";
    case ADC_LS_GOLDSTEIN: return "goldstein";
    case ADC_LS_WOLFE: return "wolfe";
    }
    return "unknown";
}

/* The fields of a ray that evaluating it needs (not the finiteness of x and d). */
static int adc_ray_ok(const adc_ray *ray) {
    return ray && ray->n > 0 && ray->x && ray->d && ray->fg && ray->x_trial && ray->g_trial;
}

double adc_ray_eval(adc_ray *ray, double step, double *dphi) {
    if (!adc_ray_ok(ray) || !isfinite(step)) {
        if (dphi)
            *dphi = NAN;
        return NAN;
    }
    for (int i = 0; i < ray->n; i++)
        ray->x_trial[i] = ray->x[i] + step * ray->d[i];
    double f = ray->fg(ray->x_trial, ray->g_trial, ray->ctx);
    ray->last_step = step;
    if (dphi)
        *dphi = adc_vec_dot(ray->n, ray->g_trial, ray->d);
    return f;
}

double adc_ray_phi(double step, void *ray) {
    return adc_ray_eval(ray, step, NULL);
}

double adc_ls_phi(adc_phi_fn phi, void *ctx, double step, int *evaluations) {
    double value = phi(step, ctx);
    ++*evaluations;
    return isfinite(value) ? value : HUGE_VAL;
}

int adc_ls_interval_done(double lo, double hi, double step, double tol) {
    double slack = tol + 4.0 * DBL_EPSILON * fabs(step);
    return step - lo <= slack && hi - step <= slack;
}

/* lo < hi, small enough that sums and differences of points of [lo, hi] are finite. */
static int adc_ls_interval_ok(double lo, double hi) {
    return lo < hi && fabs(lo) <= DBL_MAX / 2 && fabs(hi) <= DBL_MAX / 2;
}

static int adc_ls_tol_ok(double tol) {
    return tol > 0 && isfinite(tol);
}

int adc_ls_unimodal_args_ok(adc_phi_fn phi, double lo, double hi, double tol,
                            int max_evaluations, int min_evaluations,
                            const adc_linesearch_result *result) {
    return phi && result && adc_ls_interval_ok(lo, hi) && adc_ls_tol_ok(tol) &&
           max_evaluations >= min_evaluations;
}

int adc_ls_options_ok(const adc_linesearch_options *opts) {
    return opts && opts->step0 > 0 && opts->step_max >= opts->step0 &&
           isfinite(opts->step_max) && opts->c1 > 0 && opts->c1 < opts->c2 && opts->c2 < 1 &&
           opts->goldstein_c > 0 && opts->goldstein_c < 0.5 && opts->beta > 0 &&
           opts->beta < 1 && opts->expand > 1 && isfinite(opts->expand) &&
           adc_ls_tol_ok(opts->tol) && opts->max_evaluations >= 3;
}

int adc_ls_ray_args_ok(const adc_ray *ray, double f0, double dphi0,
                       const adc_linesearch_options *opts, const adc_linesearch_result *result) {
    return adc_ray_ok(ray) && adc_vec_finite(ray->n, ray->x) && adc_vec_finite(ray->n, ray->d) &&
           result && isfinite(f0) && isfinite(dphi0) && dphi0 < 0 && adc_ls_options_ok(opts);
}

adc_status adc_ls_finish(adc_linesearch_result *result, adc_status status, double step,
                         double f, int evaluations) {
    result->step = step;
    result->f = f;
    result->lo = step;
    result->hi = step;
    result->evaluations = evaluations;
    result->status = status;
    return status;
}
