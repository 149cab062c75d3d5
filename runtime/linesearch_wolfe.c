/* linesearch_wolfe.c: a step satisfying the strong Wolfe conditions
 *     phi(step) <= phi(0) + c1 step phi'(0),   |phi'(step)| <= c2 |phi'(0)|,
 * by Nocedal & Wright's Algorithm 3.5 (grow the step until an interval must contain such a
 * step) and 3.6 (zoom into it by safeguarded cubic interpolation). */
#include <math.h>
#include "optim_internal.h"

typedef struct adc_wolfe_point {
    double step, f, dphi;
} adc_wolfe_point;

typedef struct adc_wolfe {
    adc_ray *ray;
    const adc_linesearch_options *opts;
    double f0, dphi0;
    int evaluations;
} adc_wolfe;

static adc_wolfe_point adc_wolfe_eval(adc_wolfe *w, double step) {
    adc_wolfe_point p = {.step = step};
    p.f = adc_ray_eval(w->ray, step, &p.dphi);
    w->evaluations++;
    return p;
}

static int adc_wolfe_sufficient_decrease(const adc_wolfe *w, const adc_wolfe_point *p) {
    return isfinite(p->f) && isfinite(p->dphi) && p->f <= w->f0 + w->opts->c1 * p->step * w->dphi0;
}

static int adc_wolfe_curvature(const adc_wolfe *w, const adc_wolfe_point *p) {
    return fabs(p->dphi) <= -w->opts->c2 * w->dphi0;
}

/* Minimizer of the cubic matching values and slopes at lo and hi (Nocedal & Wright 3.59),
 * or the midpoint if that is undefined or within a tenth of the interval from either end. */
static double adc_wolfe_interpolate(const adc_wolfe_point *lo, const adc_wolfe_point *hi) {
    double width = hi->step - lo->step;
    double mid = lo->step + 0.5 * width;
    double d1 = lo->dphi + hi->dphi - 3.0 * (lo->f - hi->f) / (lo->step - hi->step);
    double disc = d1 * d1 - lo->dphi * hi->dphi;
    if (!(disc >= 0 && isfinite(disc)))
        return mid;
    double d2 = copysign(sqrt(disc), width);
    double step = hi->step - width * (hi->dphi + d2 - d1) / (hi->dphi - lo->dphi + 2.0 * d2);
    double margin = 0.1 * fabs(width);
    double left = fmin(lo->step, hi->step) + margin, right = fmax(lo->step, hi->step) - margin;
    return step >= left && step <= right ? step : mid;
}

/* Algorithm 3.6: lo satisfies sufficient decrease and has the lowest value seen; a step
 * satisfying both conditions lies between lo and hi. */
static adc_status adc_wolfe_zoom(adc_wolfe *w, adc_wolfe_point lo, adc_wolfe_point hi,
                                 adc_linesearch_result *result) {
    while (w->evaluations < w->opts->max_evaluations && lo.step != hi.step) {
        adc_wolfe_point trial = adc_wolfe_eval(w, adc_wolfe_interpolate(&lo, &hi));
        if (!adc_wolfe_sufficient_decrease(w, &trial) || trial.f >= lo.f) {
            hi = trial;
            continue;
        }
        if (adc_wolfe_curvature(w, &trial))
            return adc_ls_finish(result, ADC_OK, trial.step, trial.f, w->evaluations);
        if (trial.dphi * (hi.step - lo.step) >= 0)
            hi = lo;
        lo = trial;
    }
    return adc_ls_finish(result, ADC_LINESEARCH_FAILED, lo.step, lo.f, w->evaluations);
}

adc_status adc_linesearch_wolfe(adc_ray *ray, double f0, double dphi0,
                                const adc_linesearch_options *opts,
                                adc_linesearch_result *result) {
    if (!adc_ls_ray_args_ok(ray, f0, dphi0, opts, result))
        return ADC_EINVAL;
    adc_wolfe w = {.ray = ray, .opts = opts, .f0 = f0, .dphi0 = dphi0};
    adc_wolfe_point prev = {.step = 0.0, .f = f0, .dphi = dphi0};
    double step = opts->step0;
    while (w.evaluations < opts->max_evaluations) {
        adc_wolfe_point cur = adc_wolfe_eval(&w, step);
        if (!adc_wolfe_sufficient_decrease(&w, &cur) || (prev.step > 0 && cur.f >= prev.f))
            return adc_wolfe_zoom(&w, prev, cur, result);
        if (adc_wolfe_curvature(&w, &cur))
            return adc_ls_finish(result, ADC_OK, cur.step, cur.f, w.evaluations);
        if (cur.dphi >= 0)
            return adc_wolfe_zoom(&w, cur, prev, result);
        prev = cur;
        if (step >= opts->step_max)
            break;
        step = fmin(opts->expand * step, opts->step_max);
    }
    return adc_ls_finish(result, ADC_LINESEARCH_FAILED, prev.step, prev.f, w.evaluations);
}
