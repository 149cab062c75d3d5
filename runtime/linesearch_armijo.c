/* linesearch_armijo.c: backtracking line search: shrink the step by beta until the Armijo
 * sufficient-decrease condition phi(step) <= phi(0) + c1 step phi'(0) holds. */
#include <math.h>
#include "optim_internal.h"

adc_status adc_linesearch_armijo(adc_ray *ray, double f0, double dphi0,
                                 const adc_linesearch_options *opts,
                                 adc_linesearch_result *result) {
    if (!adc_ls_ray_args_ok(ray, f0, dphi0, opts, result))
        return ADC_EINVAL;
    int evaluations = 0;
    for (double step = opts->step0; evaluations < opts->max_evaluations; step *= opts->beta) {
        double f = adc_ray_eval(ray, step, NULL);
        evaluations++;
        if (isfinite(f) && f <= f0 + opts->c1 * step * dphi0)
            return adc_ls_finish(result, ADC_OK, step, f, evaluations);
    }
    return adc_ls_finish(result, ADC_LINESEARCH_FAILED, 0.0, f0, evaluations);
}
