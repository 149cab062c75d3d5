/* optim_common.c: what every optimizer shares: the common options and their checks, and the
 * monitor that counts iterations, writes the CSV trace, calls the progress callback and
 * applies the stopping rules. */
#include <math.h>
#include "optim_internal.h"

adc_optim_options adc_optim_defaults(void) {
    adc_optim_options opts = {
        .gtol = 1e-6,
        .ftol = 0.0,
        .max_iterations = 1000,
        .max_evaluations = 0,
        .progress = NULL,
        .progress_ctx = NULL,
        .trace = NULL,
    };
    return opts;
}

int adc_optim_options_ok(const adc_optim_options *opts) {
    return opts->gtol >= 0 && isfinite(opts->gtol) && opts->ftol >= 0 && isfinite(opts->ftol) &&
           opts->max_iterations >= 0 && opts->max_evaluations >= 0;
}

int adc_optim_start_ok(int n, const double *x) {
    return n > 0 && x && adc_vec_finite(n, x);
}

adc_status adc_optim_fail(adc_optim_result *result, adc_status status, int evaluations) {
    if (result) {
        result->f = NAN;
        result->grad_norm = NAN;
        result->iterations = 0;
        result->evaluations = evaluations;
        result->hv_evaluations = 0;
        result->status = status;
    }
    return status;
}

/* Writes the trace row and calls the callback; returns nonzero if the callback says stop. */
static int adc_monitor_report(const adc_monitor *mon, const double *x, const double *g) {
    const adc_optim_options *opts = mon->opts;
    if (opts->trace) {
        if (mon->iteration == 0)
            fputs("iteration,f,grad_norm,step,evaluations\n", opts->trace);
        fprintf(opts->trace, "%d,%.17g,%.17g,%.17g,%d\n", mon->iteration, mon->f,
                mon->grad_norm, mon->step, mon->evaluations);
    }
    if (!opts->progress)
        return 0;
    adc_progress progress = {
        .iteration = mon->iteration,
        .f = mon->f,
        .grad_norm = mon->grad_norm,
        .step = mon->step,
        .evaluations = mon->evaluations,
        .n = mon->n,
        .x = x,
        .g = g,
    };
    return opts->progress(&progress, opts->progress_ctx);
}

/* Reports the current iteration and tests the stopping rules in their documented order. */
static adc_status adc_monitor_check(const adc_monitor *mon, const double *x, const double *g) {
    const adc_optim_options *opts = mon->opts;
    int stop_requested = adc_monitor_report(mon, x, g);
    if (mon->grad_norm <= opts->gtol)
        return ADC_CONVERGED_GTOL;
    if (opts->ftol > 0 && mon->iteration > 0 &&
        fabs(mon->f_prev - mon->f) <= opts->ftol * fmax(1.0, fabs(mon->f)))
        return ADC_CONVERGED_FTOL;
    if (stop_requested)
        return ADC_STOPPED_BY_CALLBACK;
    if (mon->iteration >= opts->max_iterations)
        return ADC_MAX_ITERATIONS;
    if (opts->max_evaluations > 0 && mon->evaluations >= opts->max_evaluations)
        return ADC_MAX_EVALUATIONS;
    return ADC_OK;
}

adc_status adc_monitor_begin(adc_monitor *mon, const adc_optim_options *opts, int n,
                             const double *x, const double *g, double f) {
    mon->opts = opts;
    mon->n = n;
    mon->iteration = 0;
    mon->f = mon->f_prev = f;
    mon->grad_norm = adc_vec_norm(n, g);
    mon->step = 0.0;
    if (!isfinite(f) || !isfinite(mon->grad_norm))
        return ADC_NONFINITE;
    return adc_monitor_check(mon, x, g);
}

adc_status adc_monitor_next(adc_monitor *mon, const double *x_prev, const double *x,
                            const double *g, double f) {
    double grad_norm = adc_vec_norm(mon->n, g);
    if (!isfinite(f) || !isfinite(grad_norm))
        return ADC_NONFINITE;
    mon->iteration++;
    mon->f_prev = mon->f;
    mon->f = f;
    mon->grad_norm = grad_norm;
    mon->step = adc_vec_distance(mon->n, x_prev, x);
    return adc_monitor_check(mon, x, g);
}

adc_status adc_monitor_end(const adc_monitor *mon, adc_status status, adc_optim_result *result) {
    if (result) {
        result->f = mon->f;
        result->grad_norm = mon->grad_norm;
        result->iterations = mon->iteration;
        result->evaluations = mon->evaluations;
        result->hv_evaluations = mon->hv_evaluations;
        result->status = status;
    }
    return status;
}
