/* linesearch_dichotomy.c: minimization of a unimodal phi on [lo, hi] by interval halving.
 * The midpoint's value is kept; each halving tries the left quarter point and, only if that
 * is no better, the right one, so the interval halves every one or two evaluations. */
#include "optim_internal.h"

adc_status adc_linesearch_dichotomy(adc_phi_fn phi, void *ctx, double lo, double hi, double tol,
                                    int max_evaluations, adc_linesearch_result *result) {
    if (!adc_ls_unimodal_args_ok(phi, lo, hi, tol, max_evaluations, 1, result))
        return ADC_EINVAL;
    int evaluations = 0;
    double mid = 0.5 * (lo + hi);
    double f_mid = adc_ls_phi(phi, ctx, mid, &evaluations);
    adc_status status = ADC_OK;
    while (!adc_ls_interval_done(lo, hi, mid, tol)) {
        if (evaluations >= max_evaluations) {
            status = ADC_MAX_EVALUATIONS;
            break;
        }
        double left = 0.5 * (lo + mid);
        double f_left = adc_ls_phi(phi, ctx, left, &evaluations);
        if (f_left < f_mid) {
            hi = mid;
            mid = left;
            f_mid = f_left;
            continue;
        }
        lo = left;  /* the minimizer is right of the left quarter point */
        if (evaluations >= max_evaluations) {
            status = ADC_MAX_EVALUATIONS;
            break;
        }
        double right = 0.5 * (mid + hi);
        double f_right = adc_ls_phi(phi, ctx, right, &evaluations);
        if (f_right < f_mid) {
            lo = mid;
            mid = right;
            f_mid = f_right;
        } else {
            hi = right;
        }
    }
    adc_ls_finish(result, status, mid, f_mid, evaluations);
    result->lo = lo;
    result->hi = hi;
    return status;
}
