/* optim_first_order.c: the single loop shared by every first-order method, whatever the
 * gradient source (exact, mini-batch or zero-order estimate): take a step with the method's
 * update rule (or a line search for GD), evaluate, report, test the stopping rules. Also the
 * entry point adc_first_order, whose source is the exact gradient. */
#include <math.h>
#include <stdlib.h>
#include "optim_internal.h"

/* GD step by a line search along -g from x_prev; the ray writes the trial points straight
 * into x and g. The first trial step assumes the first-order change f'.step of the last
 * step repeats (Nocedal & Wright 3.60). Returns ADC_LINESEARCH_FAILED (x to be restored) if
 * no step decreased f. */
static adc_status adc_gd_linesearch_step(adc_first_order_state *s, adc_gradient_source *src,
                                         const adc_first_order_options *o, double *f) {
    double *d = s->acc1;
    for (int i = 0; i < s->n; i++)
        d[i] = -s->g[i];
    double slope = adc_vec_dot(s->n, s->g, d);
    adc_linesearch_options ls = o->ls;
    if (s->ls_step > 0)
        ls.step0 = fmin(s->ls_step * s->ls_slope / slope, ls.step_max);
    adc_ray ray = {.n = s->n, .x = s->x_prev, .d = d, .fg = src->fg, .ctx = src->ctx,
                   .x_trial = s->x, .g_trial = s->g};
    s->ls_step = adc_descent_search(o->linesearch, &ls, &ray, *f, slope, &src->evaluations, f);
    s->ls_slope = slope;
    return s->ls_step > 0 ? ADC_OK : ADC_LINESEARCH_FAILED;
}

adc_status adc_first_order_run(int n, double *x, adc_gradient_source *src,
                               const adc_first_order_options *o, adc_optim_result *result) {
    double *work = calloc(4 * (size_t)n, sizeof *work);
    if (!work)
        return adc_optim_fail(result, ADC_ENOMEM, 0);
    adc_first_order_state s = {.n = n, .x = x, .g = work, .x_prev = work + n,
                               .acc1 = work + 2 * (size_t)n, .acc2 = work + 3 * (size_t)n};
    int line_search = o->method == ADC_GD && o->linesearch != ADC_LS_NONE && src->fg;
    adc_monitor mon = {0};
    double f = src->eval(src, x, s.g);
    mon.evaluations = src->evaluations;
    adc_status status = adc_monitor_begin(&mon, &o->common, n, x, s.g, f);
    while (status == ADC_OK) {
        adc_vec_copy(n, s.x_prev, x);
        s.t = mon.iteration + 1;
        s.lr = o->learning_rate / (1.0 + o->decay * mon.iteration);
        if (line_search) {
            status = adc_gd_linesearch_step(&s, src, o, &f);
        } else {
            adc_first_order_update(&s, o);
            f = src->eval(src, x, s.g);
        }
        mon.evaluations = src->evaluations;
        if (status == ADC_OK)
            status = adc_monitor_next(&mon, s.x_prev, x, s.g, f);
        if (status == ADC_NONFINITE || status == ADC_LINESEARCH_FAILED)
            adc_vec_copy(n, x, s.x_prev);
    }
    free(work);
    return adc_monitor_end(&mon, status, result);
}

static double adc_exact_gradient(adc_gradient_source *src, const double *x, double *g) {
    src->evaluations++;
    return src->fg(x, g, src->ctx);
}

adc_status adc_first_order(int n, double *x, adc_fg_fn fg, void *ctx,
                           const adc_first_order_options *opts, adc_optim_result *result) {
    if (!fg || !opts || !adc_optim_start_ok(n, x) || !adc_first_order_options_ok(opts))
        return adc_optim_fail(result, ADC_EINVAL, 0);
    adc_gradient_source src = {.eval = adc_exact_gradient, .fg = fg, .ctx = ctx};
    return adc_first_order_run(n, x, &src, opts, result);
}
