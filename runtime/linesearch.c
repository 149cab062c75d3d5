/* linesearch.c: runs the line search chosen by kind along a ray, as the optimizers do: finds
 * an interval for the unimodal searches, and leaves the accepted point in the ray. */
#include <math.h>
#include "optim_internal.h"

typedef adc_status (*adc_unimodal_fn)(adc_phi_fn phi, void *ctx, double lo, double hi,
                                      double tol, int max_evaluations,
                                      adc_linesearch_result *result);
typedef adc_status (*adc_inexact_fn)(adc_ray *ray, double f0, double dphi0,
                                     const adc_linesearch_options *opts,
                                     adc_linesearch_result *result);

/* An interval for the unimodal searches: shrinks step0 by `expand` until phi(step) < phi(0),
 * or grows it while phi keeps decreasing (up to step_max). [*lo, *hi] then holds a local
 * minimizer with phi below phi(0), unless the budget ran out first. */
static void adc_ls_bracket(adc_ray *ray, double f0, const adc_linesearch_options *opts,
                           double *lo, double *hi, int *evaluations) {
    double step = opts->step0;
    double f = adc_ls_phi(adc_ray_phi, ray, step, evaluations);
    if (f >= f0) {
        do
            step /= opts->expand;
        while (adc_ls_phi(adc_ray_phi, ray, step, evaluations) >= f0 &&
               *evaluations < opts->max_evaluations);
        *lo = 0.0, *hi = step * opts->expand;
        return;
    }
    double before = 0.0, prev = step, f_prev = f;
    while (prev < opts->step_max && *evaluations < opts->max_evaluations) {
        step = fmin(opts->expand * prev, opts->step_max);
        f = adc_ls_phi(adc_ray_phi, ray, step, evaluations);
        if (f >= f_prev) {
            *lo = before, *hi = step;
            return;
        }
        before = prev, prev = step, f_prev = f;
    }
    *lo = before, *hi = prev;
}

static adc_status adc_ls_run_unimodal(adc_unimodal_fn search, adc_ray *ray, double f0,
                                      const adc_linesearch_options *opts,
                                      adc_linesearch_result *result) {
    int bracket_evaluations = 0;
    double lo, hi;
    adc_ls_bracket(ray, f0, opts, &lo, &hi, &bracket_evaluations);
    adc_status status = search(adc_ray_phi, ray, lo, hi, opts->tol * hi, opts->max_evaluations,
                               result);
    if (status == ADC_EINVAL)  /* no usable interval (phi never fell below phi(0)) */
        return adc_ls_finish(result, ADC_LINESEARCH_FAILED, 0.0, f0, bracket_evaluations);
    result->evaluations += bracket_evaluations;
    return status;
}

static adc_unimodal_fn adc_ls_unimodal(adc_linesearch_kind kind) {
    switch (kind) {
    case ADC_LS_DICHOTOMY: return adc_linesearch_dichotomy;
    case ADC_LS_GOLDEN: return adc_linesearch_golden;
    case ADC_LS_PARABOLIC: return adc_linesearch_parabolic;
    case ADC_LS_BRENT: return adc_linesearch_brent;
    default: return NULL;
    }
}

static adc_inexact_fn adc_ls_inexact(adc_linesearch_kind kind) {
    switch (kind) {
    case ADC_LS_ARMIJO: return adc_linesearch_armijo;
    case ADC_LS_GOLDSTEIN: return adc_linesearch_goldstein;
    case ADC_LS_WOLFE: return adc_linesearch_wolfe;
    default: return NULL;
    }
}

adc_status adc_linesearch(adc_linesearch_kind kind, adc_ray *ray, double f0, double dphi0,
                          const adc_linesearch_options *opts, adc_linesearch_result *result) {
    adc_unimodal_fn unimodal = adc_ls_unimodal(kind);
    adc_inexact_fn inexact = adc_ls_inexact(kind);
    if (!(unimodal || inexact) || !adc_ls_ray_args_ok(ray, f0, dphi0, opts, result))
        return ADC_EINVAL;
    adc_status status = unimodal ? adc_ls_run_unimodal(unimodal, ray, f0, opts, result)
                                 : inexact(ray, f0, dphi0, opts, result);
    if (!(result->step > 0 && result->f < f0)) {
        result->step = 0.0, result->f = f0;
        return result->status = ADC_LINESEARCH_FAILED;
    }
    if (ray->last_step != result->step) {
        result->f = adc_ray_eval(ray, result->step, NULL);
        result->evaluations++;
    }
    return result->status = status;
}
