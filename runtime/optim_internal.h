/* optim_internal.h: what the line searches and optimizers of libadc share privately: small
 * vector kernels, option checks, the monitor that applies stopping rules and writes the
 * trace, and the first-order driver that SGD and the zero-order methods reuse. */
#ifndef ADC_OPTIM_INTERNAL_H
#define ADC_OPTIM_INTERNAL_H

#include "adc_optim.h"

/* ---- optim_vector.c ---- */
double adc_vec_dot(int n, const double *a, const double *b);
double adc_vec_norm(int n, const double *a);
double adc_vec_distance(int n, const double *a, const double *b);
void adc_vec_copy(int n, double *dst, const double *src);
void adc_vec_axpy(int n, double alpha, const double *x, double *y);  /* y += alpha x */
int adc_vec_finite(int n, const double *a);

/* ---- linesearch_common.c ---- */
/* phi(step), with non-finite values mapped to +Inf; counts the evaluation. */
double adc_ls_phi(adc_phi_fn phi, void *ctx, double step, int *evaluations);
/* Whether step is within tol (plus a few ulps) of both ends of [lo, hi]. */
int adc_ls_interval_done(double lo, double hi, double step, double tol);
/* Whether the arguments of a unimodal search that needs min_evaluations are valid. */
int adc_ls_unimodal_args_ok(adc_phi_fn phi, double lo, double hi, double tol,
                            int max_evaluations, int min_evaluations,
                            const adc_linesearch_result *result);
int adc_ls_ray_args_ok(const adc_ray *ray, double f0, double dphi0,
                       const adc_linesearch_options *opts, const adc_linesearch_result *result);
int adc_ls_options_ok(const adc_linesearch_options *opts);
adc_status adc_ls_finish(adc_linesearch_result *result, adc_status status, double step,
                         double f, int evaluations);

/* ---- optim_common.c ---- */
int adc_optim_options_ok(const adc_optim_options *opts);
int adc_optim_start_ok(int n, const double *x);
adc_status adc_optim_fail(adc_optim_result *result, adc_status status, int evaluations);

/* Bookkeeping of one optimizer run: the stopping rules, trace and callback. */
typedef struct adc_monitor {
    const adc_optim_options *opts;
    int n;
    int iteration;
    int evaluations;
    int hv_evaluations;
    double f;
    double f_prev;
    double grad_norm;
    double step;
} adc_monitor;

/* Reports iteration 0 at (x, g, f); returns ADC_OK to go on or the status to stop with. */
adc_status adc_monitor_begin(adc_monitor *mon, const adc_optim_options *opts, int n,
                             const double *x, const double *g, double f);
/* Records a move from x_prev to (x, g, f) as the next iteration and reports it. */
adc_status adc_monitor_next(adc_monitor *mon, const double *x_prev, const double *x,
                            const double *g, double f);
/* Fills result (if not NULL) from the monitor and returns status. */
adc_status adc_monitor_end(const adc_monitor *mon, adc_status status, adc_optim_result *result);

/* ---- optim_descent.c ---- */
/* Replaces d by -g unless g.d < 0; returns 1 if it did. */
int adc_make_descent(int n, const double *g, double *d);
/* Line search `kind` along ray->d from (ray->x, f) where the slope g.d < 0; adds its
 * evaluations to *evaluations. Returns the accepted step, whose point is then in
 * ray->x_trial, ray->g_trial and *f_new, or 0 if the search failed. */
double adc_descent_search(adc_linesearch_kind kind, const adc_linesearch_options *ls,
                          adc_ray *ray, double f, double slope, int *evaluations, double *f_new);
/* Reports the move from x to the ray's trial point and copies that point into x and g,
 * unless it is not finite. Returns the monitor's status. */
adc_status adc_descent_accept(adc_monitor *mon, const adc_ray *ray, double *x, double *g,
                              double f_new);

/* ---- optim_first_order*.c ---- */
int adc_first_order_options_ok(const adc_first_order_options *opts);

/* Where the first-order driver gets f and a gradient (or an estimate) at x. */
typedef struct adc_gradient_source {
    double (*eval)(struct adc_gradient_source *src, const double *x, double *g);
    int evaluations;    /* objective calls so far; eval adds to it */
    adc_fg_fn fg;       /* the exact objective, for line searches; NULL if there is none */
    void *ctx;          /* fg's context */
    void *impl;         /* the source's own state */
} adc_gradient_source;

/* The per-method state of the first-order driver. */
typedef struct adc_first_order_state {
    int n;
    double *x, *g, *x_prev;
    double *acc1, *acc2;   /* per-method accumulators (velocity, moments), start at 0 */
    double lr;             /* learning rate of this iteration */
    double ls_step;        /* GD with a line search: the last accepted step (0 before) */
    double ls_slope;       /* and the slope g.d it started from */
    int t;                 /* updates done, counting this one */
} adc_first_order_state;

/* Applies one update of opts->method (not a line-search GD step) to s->x using s->g. */
void adc_first_order_update(adc_first_order_state *s, const adc_first_order_options *opts);

/* The common loop of GD, momentum, ..., Nadam over any gradient source. x is overwritten. */
adc_status adc_first_order_run(int n, double *x, adc_gradient_source *src,
                               const adc_first_order_options *opts, adc_optim_result *result);

#endif
