/* optim_lbfgs.c: limited-memory BFGS. The m most recent pairs s = x_new - x_old,
 * y = g_new - g_old define the inverse-Hessian approximation applied by the two-loop
 * recursion (Nocedal & Wright Alg. 7.4); steps come from the strong Wolfe line search, which
 * keeps s.y > 0. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include "optim_internal.h"

/* Ring buffer of correction pairs. */
typedef struct adc_lbfgs_memory {
    int n;
    int capacity;   /* m */
    int count;      /* pairs held */
    int newest;     /* slot of the newest pair */
    double *s, *y;  /* capacity rows of n */
    double *rho;    /* 1 / (s.y) per slot */
    double *alpha;  /* two-loop scratch per slot */
} adc_lbfgs_memory;

adc_lbfgs_options adc_lbfgs_defaults(void) {
    adc_lbfgs_options opts = {
        .common = adc_optim_defaults(),
        .memory = 10,
        .ls = adc_linesearch_defaults(),
    };
    return opts;
}

/* Stores the pair of a move, unless its curvature s.y is not safely positive. */
static void adc_lbfgs_remember(adc_lbfgs_memory *mem, const double *x_old, const double *x_new,
                               const double *g_old, const double *g_new) {
    int n = mem->n, slot = (mem->newest + 1) % mem->capacity;
    double sy = 0, ss = 0, yy = 0;
    for (int i = 0; i < n; i++) {
        double s = x_new[i] - x_old[i], y = g_new[i] - g_old[i];
        sy += s * y, ss += s * s, yy += y * y;
    }
    if (!(sy > DBL_EPSILON * sqrt(ss * yy)))
        return;
    for (int i = 0; i < n; i++) {
        mem->s[(size_t)slot * n + i] = x_new[i] - x_old[i];
        mem->y[(size_t)slot * n + i] = g_new[i] - g_old[i];
    }
    mem->rho[slot] = 1.0 / sy;
    mem->newest = slot;
    if (mem->count < mem->capacity)
        mem->count++;
}

/* d = -H g by the two-loop recursion, with H0 = (s.y / y.y) I from the newest pair. */
static void adc_lbfgs_direction(adc_lbfgs_memory *mem, const double *g, double *d) {
    int n = mem->n;
    adc_vec_copy(n, d, g);
    for (int k = 0; k < mem->count; k++) {  /* newest to oldest */
        int slot = (mem->newest - k + mem->capacity) % mem->capacity;
        const double *s = mem->s + (size_t)slot * n, *y = mem->y + (size_t)slot * n;
        mem->alpha[slot] = mem->rho[slot] * adc_vec_dot(n, s, d);
        adc_vec_axpy(n, -mem->alpha[slot], y, d);
    }
    const double *y_new = mem->y + (size_t)mem->newest * n;
    double gamma = 1.0 / (mem->rho[mem->newest] * adc_vec_dot(n, y_new, y_new));
    for (int i = 0; i < n; i++)
        d[i] *= gamma;
    for (int k = mem->count - 1; k >= 0; k--) {  /* oldest to newest */
        int slot = (mem->newest - k + mem->capacity) % mem->capacity;
        const double *s = mem->s + (size_t)slot * n, *y = mem->y + (size_t)slot * n;
        double beta = mem->rho[slot] * adc_vec_dot(n, y, d);
        adc_vec_axpy(n, mem->alpha[slot] - beta, s, d);
    }
    for (int i = 0; i < n; i++)
        d[i] = -d[i];
}

/* Sets d and the line search's first step for this iteration: the two-loop direction, or -g
 * with a first step of at most 1 / ||g|| when the memory is empty or gives no descent (the
 * memory is then cleared). */
static void adc_lbfgs_prepare(adc_lbfgs_memory *mem, const double *g, double *d,
                              const adc_lbfgs_options *opts, adc_linesearch_options *ls) {
    if (mem->count > 0) {
        adc_lbfgs_direction(mem, g, d);
        if (!adc_make_descent(mem->n, g, d)) {
            ls->step0 = opts->ls.step0;
            return;
        }
        mem->count = 0;
    } else {
        for (int i = 0; i < mem->n; i++)
            d[i] = -g[i];
    }
    ls->step0 = fmin(opts->ls.step0, 1.0 / adc_vec_norm(mem->n, g));
}

static int adc_lbfgs_options_ok(const adc_lbfgs_options *opts) {
    return adc_optim_options_ok(&opts->common) && opts->memory >= 1 && adc_ls_options_ok(&opts->ls);
}

adc_status adc_lbfgs(int n, double *x, adc_fg_fn fg, void *ctx, const adc_lbfgs_options *opts,
                     adc_optim_result *result) {
    if (!fg || !opts || !adc_optim_start_ok(n, x) || !adc_lbfgs_options_ok(opts))
        return adc_optim_fail(result, ADC_EINVAL, 0);
    size_t m = (size_t)opts->memory, len = (size_t)n;
    double *work = calloc(4 * len + 2 * m * len + 2 * m, sizeof *work);
    if (!work)
        return adc_optim_fail(result, ADC_ENOMEM, 0);
    double *g = work, *d = g + len;
    adc_ray ray = {.n = n, .x = x, .d = d, .fg = fg, .ctx = ctx,
                   .x_trial = d + len, .g_trial = d + 2 * len};
    adc_lbfgs_memory mem = {.n = n, .capacity = opts->memory, .newest = opts->memory - 1,
                            .s = d + 3 * len};
    mem.y = mem.s + m * len, mem.rho = mem.y + m * len, mem.alpha = mem.rho + m;
    adc_linesearch_options ls = opts->ls;
    adc_monitor mon = {.evaluations = 1};
    double f = fg(x, g, ctx), f_new;
    adc_status status = adc_monitor_begin(&mon, &opts->common, n, x, g, f);
    while (status == ADC_OK) {
        adc_lbfgs_prepare(&mem, g, d, opts, &ls);
        double slope = adc_vec_dot(n, g, d);
        if (adc_descent_search(ADC_LS_WOLFE, &ls, &ray, f, slope, &mon.evaluations, &f_new) == 0) {
            if (mem.count == 0)
                status = ADC_LINESEARCH_FAILED;
            mem.count = 0;  /* retry along -g */
            continue;
        }
        adc_lbfgs_remember(&mem, x, ray.x_trial, g, ray.g_trial);
        status = adc_descent_accept(&mon, &ray, x, g, f_new);
        f = f_new;
    }
    free(work);
    return adc_monitor_end(&mon, status, result);
}
