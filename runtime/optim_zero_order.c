/* optim_zero_order.c: derivative-free baselines: gradient sources for the first-order driver
 * that estimate the gradient from values of f only, by a two-point random-direction estimate
 * or by central differences along each coordinate. */
#include <math.h>
#include <stdlib.h>
#include "optim_internal.h"

typedef struct adc_estimator {
    adc_f_fn f;
    void *ctx;
    int n;
    double smoothing;
    double *probe;   /* scratch point, length n */
    adc_rng rng;
} adc_estimator;

adc_zero_order_options adc_zero_order_defaults(adc_zero_order_estimator estimator) {
    adc_zero_order_options opts = {
        .update = adc_first_order_defaults(ADC_GD),
        .estimator = estimator,
        .smoothing = estimator == ADC_ZO_TWO_POINT ? 1e-4 : 1e-5,
        .seed = 1,
    };
    opts.update.linesearch = ADC_LS_NONE;
    if (estimator == ADC_ZO_TWO_POINT)
        opts.update.common.gtol = 0.0;  /* one random direction can be nearly orthogonal to g */
    return opts;
}

/* g = (f(x + mu u) - f(x)) / mu * u with u ~ N(0, I): E[g] is the gradient of f smoothed
 * over a Gaussian of width mu. */
static double adc_estimate_two_point(adc_gradient_source *src, const double *x, double *g) {
    adc_estimator *e = src->impl;
    double fx = e->f(x, e->ctx);
    for (int i = 0; i < e->n; i++) {
        g[i] = adc_rng_normal(&e->rng);
        e->probe[i] = x[i] + e->smoothing * g[i];
    }
    double slope = (e->f(e->probe, e->ctx) - fx) / e->smoothing;
    for (int i = 0; i < e->n; i++)
        g[i] *= slope;
    src->evaluations += 2;
    return fx;
}

/* g_i = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i), h_i = smoothing * max(1, |x_i|). */
static double adc_estimate_coordinate(adc_gradient_source *src, const double *x, double *g) {
    adc_estimator *e = src->impl;
    double fx = e->f(x, e->ctx);
    adc_vec_copy(e->n, e->probe, x);
    for (int i = 0; i < e->n; i++) {
        double h = e->smoothing * fmax(1.0, fabs(x[i]));
        double up = x[i] + h, down = x[i] - h;
        e->probe[i] = up;
        double f_up = e->f(e->probe, e->ctx);
        e->probe[i] = down;
        double f_down = e->f(e->probe, e->ctx);
        e->probe[i] = x[i];
        g[i] = (f_up - f_down) / (up - down);
    }
    src->evaluations += 2 * e->n + 1;
    return fx;
}

static int adc_zero_order_options_ok(const adc_zero_order_options *opts) {
    return (opts->estimator == ADC_ZO_TWO_POINT || opts->estimator == ADC_ZO_COORDINATE) &&
           opts->smoothing > 0 && isfinite(opts->smoothing) &&
           opts->update.linesearch == ADC_LS_NONE && adc_first_order_options_ok(&opts->update);
}

adc_status adc_zero_order(int n, double *x, adc_f_fn f, void *ctx,
                          const adc_zero_order_options *opts, adc_optim_result *result) {
    if (!f || !opts || !adc_optim_start_ok(n, x) || !adc_zero_order_options_ok(opts))
        return adc_optim_fail(result, ADC_EINVAL, 0);
    double *probe = malloc((size_t)n * sizeof *probe);
    if (!probe)
        return adc_optim_fail(result, ADC_ENOMEM, 0);
    adc_estimator estimator = {.f = f, .ctx = ctx, .n = n, .smoothing = opts->smoothing,
                               .probe = probe};
    adc_rng_seed(&estimator.rng, opts->seed);
    adc_gradient_source src = {
        .eval = opts->estimator == ADC_ZO_TWO_POINT ? adc_estimate_two_point
                                                    : adc_estimate_coordinate,
        .impl = &estimator,
    };
    adc_status status = adc_first_order_run(n, x, &src, &opts->update, result);
    free(probe);
    return status;
}
