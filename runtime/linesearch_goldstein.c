/* linesearch_goldstein.c: a step satisfying the Goldstein conditions
 *     phi(0) + (1 - c) step phi'(0) <= phi(step) <= phi(0) + c step phi'(0).
 * Steps that are too short grow by `expand` until one is too long; from then on the bracket
 * [too short, too long] is bisected. */
#include <math.h>
#include "optim_internal.h"

adc_status adc_linesearch_goldstein(adc_ray *ray, double f0, double dphi0,
                                    const adc_linesearch_options *opts,
                                    adc_linesearch_result *result) {
    if (!adc_ls_ray_args_ok(ray, f0, dphi0, opts, result))
        return ADC_EINVAL;
    const double c = opts->goldstein_c;
    double too_short = 0.0, f_short = f0, too_long = INFINITY;
    double step = opts->step0;
    int evaluations = 0;
    while (evaluations < opts->max_evaluations) {
        double f = adc_ray_eval(ray, step, NULL);
        evaluations++;
        if (!(isfinite(f) && f <= f0 + c * step * dphi0)) {
            too_long = step;
        } else if (f < f0 + (1.0 - c) * step * dphi0) {
            too_short = step, f_short = f;
            if (step >= opts->step_max)
                break;
        } else {
            return adc_ls_finish(result, ADC_OK, step, f, evaluations);
        }
        step = isinf(too_long) ? fmin(opts->expand * step, opts->step_max)
                               : 0.5 * (too_short + too_long);
    }
    return adc_ls_finish(result, ADC_LINESEARCH_FAILED, too_short, f_short, evaluations);
}
