/* optim_newton_cg.c: line-search Newton-CG (Nocedal & Wright Alg. 7.1): the Newton system
 * H d = -g is solved inexactly by conjugate gradients using only Hessian-vector products,
 * with the forcing tolerance min(0.5, sqrt(||g||)) ||g|| that gives superlinear convergence,
 * and stopped at the first direction of non-positive curvature. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include "optim_internal.h"

/* Scratch of the inner conjugate-gradient solve. */
typedef struct adc_cg {
    int n;
    int max_iterations;
    double *r;    /* residual H d + g */
    double *p;    /* search direction */
    double *hp;   /* H p */
} adc_cg;

adc_newton_cg_options adc_newton_cg_defaults(void) {
    adc_newton_cg_options opts = {
        .common = adc_optim_defaults(),
        .max_cg_iterations = 0,
        .linesearch = ADC_LS_ARMIJO,
        .ls = adc_linesearch_defaults(),
    };
    return opts;
}

/* Writes the inexact Newton direction into d and adds the hv calls to *hv_calls. Returns
 * ADC_NONFINITE if a curvature p.Hp is NaN or Inf (hv returned one), else ADC_OK. */
static adc_status adc_newton_direction(adc_cg *cg, const double *x, const double *g,
                                       adc_hv_fn hv, void *ctx, double *d, int *hv_calls) {
    int n = cg->n, calls = 0;
    double g_norm = adc_vec_norm(n, g);
    double tol = fmin(0.5, sqrt(g_norm)) * g_norm;
    for (int i = 0; i < n; i++) {
        d[i] = 0.0;
        cg->r[i] = g[i];
        cg->p[i] = -g[i];
    }
    double rr = g_norm * g_norm;
    adc_status status = ADC_OK;
    while (calls < cg->max_iterations) {
        hv(x, cg->p, cg->hp, ctx);
        calls++;
        double curvature = adc_vec_dot(n, cg->p, cg->hp);
        if (!isfinite(curvature)) {
            status = ADC_NONFINITE;
            break;
        }
        if (curvature <= 0) {
            if (calls == 1)
                adc_vec_copy(n, d, cg->p);  /* p = -g */
            break;
        }
        double alpha = rr / curvature;
        adc_vec_axpy(n, alpha, cg->p, d);
        adc_vec_axpy(n, alpha, cg->hp, cg->r);
        double rr_new = adc_vec_dot(n, cg->r, cg->r);
        if (sqrt(rr_new) <= tol)
            break;
        for (int i = 0; i < n; i++)
            cg->p[i] = -cg->r[i] + rr_new / rr * cg->p[i];
        rr = rr_new;
    }
    *hv_calls += calls;
    return status;
}

static int adc_newton_cg_options_ok(const adc_newton_cg_options *opts) {
    return adc_optim_options_ok(&opts->common) && opts->max_cg_iterations >= 0 &&
           opts->linesearch > ADC_LS_NONE && opts->linesearch <= ADC_LS_WOLFE &&
           adc_ls_options_ok(&opts->ls);
}

adc_status adc_newton_cg(int n, double *x, adc_fg_fn fg, adc_hv_fn hv, void *ctx,
                         const adc_newton_cg_options *opts, adc_optim_result *result) {
    if (!fg || !hv || !opts || !adc_optim_start_ok(n, x) || !adc_newton_cg_options_ok(opts))
        return adc_optim_fail(result, ADC_EINVAL, 0);
    size_t len = (size_t)n;
    double *work = calloc(7 * len, sizeof *work);
    if (!work)
        return adc_optim_fail(result, ADC_ENOMEM, 0);
    double *g = work, *d = g + len;
    adc_ray ray = {.n = n, .x = x, .d = d, .fg = fg, .ctx = ctx,
                   .x_trial = d + len, .g_trial = d + 2 * len};
    adc_cg cg = {.n = n, .r = d + 3 * len, .p = d + 4 * len, .hp = d + 5 * len,
                 .max_iterations = opts->max_cg_iterations ? opts->max_cg_iterations
                                                         : n > INT_MAX / 2 ? INT_MAX : 2 * n};
    adc_monitor mon = {.evaluations = 1};
    double f = fg(x, g, ctx), f_new;
    adc_status status = adc_monitor_begin(&mon, &opts->common, n, x, g, f);
    while (status == ADC_OK) {
        status = adc_newton_direction(&cg, x, g, hv, ctx, d, &mon.hv_evaluations);
        if (status != ADC_OK)
            break;
        adc_make_descent(n, g, d);
        double slope = adc_vec_dot(n, g, d);
        if (adc_descent_search(opts->linesearch, &opts->ls, &ray, f, slope, &mon.evaluations,
                               &f_new) > 0)
            status = adc_descent_accept(&mon, &ray, x, g, f_new);
        else
            status = ADC_LINESEARCH_FAILED;
        f = f_new;
    }
    free(work);
    return adc_monitor_end(&mon, status, result);
}
