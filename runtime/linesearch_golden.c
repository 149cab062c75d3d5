/* linesearch_golden.c: golden-section minimization of a unimodal phi on [lo, hi]. Two
 * interior points split the interval in the golden ratio; comparing them discards one end,
 * and the survivor is again a golden point of the smaller interval, so every further
 * evaluation shrinks the interval by tau = (sqrt(5) - 1) / 2. */
#include "optim_internal.h"

adc_status adc_linesearch_golden(adc_phi_fn phi, void *ctx, double lo, double hi, double tol,
                                 int max_evaluations, adc_linesearch_result *result) {
    if (!adc_ls_unimodal_args_ok(phi, lo, hi, tol, max_evaluations, 2, result))
        return ADC_EINVAL;
    const double tau = 0.6180339887498949;
    int evaluations = 0;
    double left = hi - tau * (hi - lo), right = lo + tau * (hi - lo);
    double f_left = adc_ls_phi(phi, ctx, left, &evaluations);
    double f_right = adc_ls_phi(phi, ctx, right, &evaluations);
    double best, f_best;
    adc_status status = ADC_OK;
    for (;;) {
        /* Discard the end beyond the worse point; the better one survives inside. */
        if (f_left <= f_right) {
            hi = right;
            best = left, f_best = f_left;
        } else {
            lo = left;
            best = right, f_best = f_right;
        }
        if (adc_ls_interval_done(lo, hi, best, tol))
            break;
        if (evaluations >= max_evaluations) {
            status = ADC_MAX_EVALUATIONS;
            break;
        }
        if (best == left) {  /* the survivor is the new right golden point */
            right = left, f_right = f_left;
            left = hi - tau * (hi - lo);
            f_left = adc_ls_phi(phi, ctx, left, &evaluations);
        } else {
            left = right, f_left = f_right;
            right = lo + tau * (hi - lo);
            f_right = adc_ls_phi(phi, ctx, right, &evaluations);
        }
    }
    adc_ls_finish(result, status, best, f_best, evaluations);
    result->lo = lo;
    result->hi = hi;
    return status;
}
