/* test_optim_api.c: the contract of the optimizers apart from convergence: invalid arguments
 * for every entry point (error status, x untouched, objective never called), the stopping
 * rules, the CSV trace, the progress callback, non-finite values, failed line searches, the
 * update rules step by step, documented defaults, status strings and the random generator. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "adc_runtime.h"
#include "test_optim_problems.h"

/* f(x) = x0^2 / 2 + x0^4 / 4 + x1^2, with a call counter and ways to misbehave. */
typedef struct counter {
    int calls;
    int nan_at_call;  /* return NaN from this call on (0: never) */
    int uphill;       /* report minus the gradient */
} counter;

static double bowl_fg(const double *x, double *g, void *ctx) {
    counter *c = ctx;
    c->calls++;
    double sign = c->uphill ? -1 : 1;
    g[0] = sign * (x[0] + x[0] * x[0] * x[0]);
    g[1] = sign * 2 * x[1];
    double f = 0.5 * x[0] * x[0] + 0.25 * x[0] * x[0] * x[0] * x[0] + x[1] * x[1];
    return c->nan_at_call && c->calls >= c->nan_at_call ? NAN : f;
}

static double bowl_f(const double *x, void *ctx) {
    double g[2];
    return bowl_fg(x, g, ctx);
}

static double bowl_fg_batch(const double *x, const int *batch, int size, double *g, void *ctx) {
    (void)batch, (void)size;
    return bowl_fg(x, g, ctx);
}

static void bowl_hv(const double *x, const double *v, double *hv, void *ctx) {
    (void)ctx;
    hv[0] = (1 + 3 * x[0] * x[0]) * v[0];
    hv[1] = 2 * v[1];
}

/* ---- Invalid arguments ---------------------------------------------------------------------- */

/* Which entry point a check runs, with options given as the method's own struct. */
typedef enum entry { FIRST_ORDER, SGD, ZERO_ORDER, LBFGS, NEWTON_CG } entry;

typedef struct any_options {
    adc_first_order_options first_order;
    adc_sgd_options sgd;
    adc_zero_order_options zero_order;
    adc_lbfgs_options lbfgs;
    adc_newton_cg_options newton_cg;
} any_options;

static any_options valid_options(void) {
    any_options o = {
        .first_order = adc_first_order_defaults(ADC_GD),
        .sgd = adc_sgd_defaults(ADC_GD),
        .zero_order = adc_zero_order_defaults(ADC_ZO_COORDINATE),
        .lbfgs = adc_lbfgs_defaults(),
        .newton_cg = adc_newton_cg_defaults(),
    };
    return o;
}

/* The common options inside the struct `e` uses. */
static adc_optim_options *common_of(any_options *o, entry e) {
    switch (e) {
    case FIRST_ORDER: return &o->first_order.common;
    case SGD: return &o->sgd.update.common;
    case ZERO_ORDER: return &o->zero_order.update.common;
    case LBFGS: return &o->lbfgs.common;
    case NEWTON_CG: return &o->newton_cg.common;
    }
    return NULL;
}

static adc_status run_entry(entry e, int n, double *x, counter *c, const any_options *o,
                            int null_objective, int null_options, adc_optim_result *r) {
    switch (e) {
    case FIRST_ORDER:
        return adc_first_order(n, x, null_objective ? NULL : bowl_fg, c,
                               null_options ? NULL : &o->first_order, r);
    case SGD:
        return adc_sgd(n, x, null_objective ? NULL : bowl_fg_batch, 10, c,
                       null_options ? NULL : &o->sgd, r);
    case ZERO_ORDER:
        return adc_zero_order(n, x, null_objective ? NULL : bowl_f, c,
                              null_options ? NULL : &o->zero_order, r);
    case LBFGS:
        return adc_lbfgs(n, x, null_objective ? NULL : bowl_fg, c,
                         null_options ? NULL : &o->lbfgs, r);
    case NEWTON_CG:
        return adc_newton_cg(n, x, null_objective ? NULL : bowl_fg, bowl_hv, c,
                             null_options ? NULL : &o->newton_cg, r);
    }
    return ADC_OK;
}

/* Runs e and asserts: ADC_EINVAL, result filled in, x untouched, no objective call. */
static void expect_einval(entry e, int n, double *x, const any_options *o, int null_objective,
                          int null_options) {
    double before[2] = {x ? x[0] : 0, x ? x[1] : 0};
    counter c = {0};
    adc_optim_result r = {.status = ADC_OK};
    assert_int_equal(run_entry(e, n, x, &c, o, null_objective, null_options, &r), ADC_EINVAL);
    assert_int_equal(r.status, ADC_EINVAL);
    assert_int_equal(r.iterations, 0);
    assert_int_equal(c.calls, 0);
    if (x)
        assert_memory_equal(x, before, sizeof before);
}

static void test_invalid_common_arguments_of_every_entry_point(void **state) {
    (void)state;
    for (entry e = FIRST_ORDER; e <= NEWTON_CG; e++) {
        any_options o = valid_options();
        double x[2] = {1, 2};
        expect_einval(e, 0, x, &o, 0, 0);
        expect_einval(e, -3, x, &o, 0, 0);
        expect_einval(e, 2, NULL, &o, 0, 0);
        expect_einval(e, 2, x, &o, 1, 0);
        expect_einval(e, 2, x, &o, 0, 1);
        double with_nan[2] = {1, NAN}, with_inf[2] = {-INFINITY, 0};
        expect_einval(e, 2, with_nan, &o, 0, 0);
        expect_einval(e, 2, with_inf, &o, 0, 0);
        const adc_optim_options good = *common_of(&o, e);
        for (int k = 0; k < 6; k++) {
            adc_optim_options *common = common_of(&o, e);
            *common = good;
            switch (k) {
            case 0: common->gtol = -1; break;
            case 1: common->gtol = NAN; break;
            case 2: common->ftol = -1e-3; break;
            case 3: common->ftol = INFINITY; break;
            case 4: common->max_iterations = -1; break;
            case 5: common->max_evaluations = -1; break;
            }
            expect_einval(e, 2, x, &o, 0, 0);
        }
        /* Newton-CG's Hessian-vector product is required as well. */
        counter c = {0};
        assert_int_equal(adc_newton_cg(2, x, bowl_fg, NULL, &c, &o.newton_cg, NULL), ADC_EINVAL);
    }
}

/* Applies invalid setting k (of `count`) to first-order options; GD with a line search. */
enum { FIRST_ORDER_BAD_SETTINGS = 17 };

static void make_bad_first_order(adc_first_order_options *o, int k) {
    *o = adc_first_order_defaults(ADC_ADAMW);
    switch (k) {
    case 0: o->learning_rate = -0.1; break;
    case 1: o->learning_rate = 0; break;
    case 2: o->learning_rate = NAN; break;
    case 3: o->decay = -1; break;
    case 4: o->momentum = 1; break;
    case 5: o->momentum = -0.5; break;
    case 6: o->beta1 = 1; break;
    case 7: o->beta2 = 1.5; break;
    case 8: o->rho = 1; break;
    case 9: o->epsilon = 0; break;
    case 10: o->epsilon = -1e-8; break;
    case 11: o->weight_decay = -1e-2; break;
    case 12: o->method = (adc_first_order_method)42; break;
    case 13: o->linesearch = (adc_linesearch_kind)42; break;
    case 14: o->method = ADC_GD, o->linesearch = ADC_LS_WOLFE, o->ls.c2 = o->ls.c1; break;
    case 15: o->method = ADC_GD, o->linesearch = ADC_LS_ARMIJO, o->ls.step0 = -1; break;
    case 16: o->method = ADC_GD, o->linesearch = ADC_LS_GOLDEN, o->ls.tol = 0; break;
    }
}

static void test_invalid_method_options(void **state) {
    (void)state;
    double x[2] = {1, 2};
    for (int k = 0; k < FIRST_ORDER_BAD_SETTINGS; k++) {
        any_options o = valid_options();
        make_bad_first_order(&o.first_order, k);
        expect_einval(FIRST_ORDER, 2, x, &o, 0, 0);
        if (k < 14) {  /* the update rule of SGD and zero-order is checked the same way */
            o.sgd.update = o.zero_order.update = o.first_order;
            if (k != 13)
                o.sgd.update.linesearch = o.zero_order.update.linesearch = ADC_LS_NONE;
            expect_einval(SGD, 2, x, &o, 0, 0);
            expect_einval(ZERO_ORDER, 2, x, &o, 0, 0);
        }
    }
    any_options o = valid_options();
    o.sgd.batch_size = 0;
    expect_einval(SGD, 2, x, &o, 0, 0);
    o = valid_options();
    o.sgd.update.linesearch = ADC_LS_ARMIJO;  /* no line search on mini-batches */
    expect_einval(SGD, 2, x, &o, 0, 0);
    counter c = {0};
    assert_int_equal(adc_sgd(2, x, bowl_fg_batch, 0, &c, &o.sgd, NULL), ADC_EINVAL);
    o = valid_options();
    o.zero_order.smoothing = 0;
    expect_einval(ZERO_ORDER, 2, x, &o, 0, 0);
    o.zero_order.smoothing = NAN;
    expect_einval(ZERO_ORDER, 2, x, &o, 0, 0);
    o = valid_options();
    o.zero_order.estimator = (adc_zero_order_estimator)7;
    expect_einval(ZERO_ORDER, 2, x, &o, 0, 0);
    o = valid_options();
    o.zero_order.update.linesearch = ADC_LS_WOLFE;
    expect_einval(ZERO_ORDER, 2, x, &o, 0, 0);
    o = valid_options();
    o.lbfgs.memory = 0;
    expect_einval(LBFGS, 2, x, &o, 0, 0);
    o.lbfgs.memory = -2;
    expect_einval(LBFGS, 2, x, &o, 0, 0);
    o = valid_options();
    o.lbfgs.ls.c1 = 0.95;  /* c1 >= c2 */
    expect_einval(LBFGS, 2, x, &o, 0, 0);
    o = valid_options();
    o.newton_cg.max_cg_iterations = -1;
    expect_einval(NEWTON_CG, 2, x, &o, 0, 0);
    o = valid_options();
    o.newton_cg.linesearch = ADC_LS_NONE;
    expect_einval(NEWTON_CG, 2, x, &o, 0, 0);
    o = valid_options();
    o.newton_cg.ls.beta = 0;
    expect_einval(NEWTON_CG, 2, x, &o, 0, 0);
}

/* ---- Stopping rules, trace, callback -------------------------------------------------------- */

static void test_trace_csv(void **state) {
    (void)state;
    FILE *trace = tmpfile();
    assert_non_null(trace);
    adc_first_order_options o = adc_first_order_defaults(ADC_GD);
    o.linesearch = ADC_LS_NONE;
    o.learning_rate = 0.1;
    o.common.max_iterations = 5;
    o.common.trace = trace;
    double x[2] = {1, 1};
    counter c = {0};
    adc_optim_result r;
    assert_int_equal(adc_first_order(2, x, bowl_fg, &c, &o, &r), ADC_MAX_ITERATIONS);
    rewind(trace);
    char line[256];
    assert_non_null(fgets(line, sizeof line, trace));
    assert_string_equal(line, "iteration,f,grad_norm,step,evaluations\n");
    double f_prev = INFINITY, f = 0, grad_norm, step;
    int rows = 0, iteration, evaluations;
    while (fgets(line, sizeof line, trace)) {
        assert_int_equal(sscanf(line, "%d,%lf,%lf,%lf,%d", &iteration, &f, &grad_norm, &step,
                                &evaluations), 5);
        assert_int_equal(iteration, rows);
        assert_int_equal(evaluations, rows + 1);
        assert_true(f < f_prev);
        assert_true(rows == 0 ? step == 0 : step > 0);
        f_prev = f;
        rows++;
    }
    assert_int_equal(rows, 6);
    assert_near(f, r.f, 0);
    assert_near(grad_norm, r.grad_norm, 0);
    fclose(trace);
}

typedef struct progress_log {
    int calls;
    int stop_at;
    int last_iteration;
    int last_evaluations;
} progress_log;

static int log_progress(const adc_progress *p, void *ctx) {
    progress_log *log = ctx;
    assert_int_equal(p->iteration, log->calls);
    assert_int_equal(p->n, 2);
    assert_non_null(p->x);
    assert_non_null(p->g);
    assert_near(p->grad_norm, sqrt(p->g[0] * p->g[0] + p->g[1] * p->g[1]), 1e-15);
    assert_true(p->evaluations > log->last_evaluations);
    log->calls++;
    log->last_iteration = p->iteration;
    log->last_evaluations = p->evaluations;
    return p->iteration == log->stop_at;
}

static void test_progress_callback_stops_every_method(void **state) {
    (void)state;
    for (entry e = FIRST_ORDER; e <= NEWTON_CG; e++) {
        any_options o = valid_options();
        progress_log log = {.stop_at = 3};
        common_of(&o, e)->progress = log_progress;
        common_of(&o, e)->progress_ctx = &log;
        common_of(&o, e)->gtol = 0;
        double x[2] = {3, -4};
        counter c = {0};
        adc_optim_result r;
        assert_int_equal(run_entry(e, 2, x, &c, &o, 0, 0, &r), ADC_STOPPED_BY_CALLBACK);
        assert_int_equal(r.iterations, 3);
        assert_int_equal(log.calls, 4);
        int extra = e == SGD;  /* the final full-batch evaluation */
        assert_int_equal(r.evaluations, c.calls);
        assert_int_equal(log.last_evaluations + extra, c.calls);
    }
}

static void test_stopping_rules(void **state) {
    (void)state;
    adc_optim_result r;
    counter c = {0};
    /* max_iterations = 0: only the starting point is evaluated. */
    adc_lbfgs_options o = adc_lbfgs_defaults();
    o.common.max_iterations = 0;
    double x[2] = {1, 1};
    assert_int_equal(adc_lbfgs(2, x, bowl_fg, &c, &o, &r), ADC_MAX_ITERATIONS);
    assert_int_equal(r.iterations, 0);
    assert_int_equal(r.evaluations, 1);
    assert_near(x[0], 1, 0);
    assert_near(r.f, 1.75, 0);
    /* Already optimal. */
    double zero[2] = {0, 0};
    o = adc_lbfgs_defaults();
    assert_int_equal(adc_lbfgs(2, zero, bowl_fg, &c, &o, &r), ADC_CONVERGED_GTOL);
    assert_int_equal(r.iterations, 0);
    /* Evaluation budget. */
    double rx[2] = {-1.2, 1};
    o.common.max_evaluations = 10;
    assert_int_equal(adc_lbfgs(2, rx, rosenbrock_fg, NULL, &o, &r), ADC_MAX_EVALUATIONS);
    assert_true(r.evaluations >= 10 && r.evaluations < 10 + o.ls.max_evaluations);
    /* Relative change of f. */
    adc_first_order_options go = adc_first_order_defaults(ADC_GD);
    go.linesearch = ADC_LS_NONE;
    go.learning_rate = 0.01;
    go.common.ftol = 1e-6;
    double y[2] = {1, 1};
    assert_int_equal(adc_first_order(2, y, bowl_fg, &c, &go, &r), ADC_CONVERGED_FTOL);
    assert_true(r.iterations > 1 && r.grad_norm > go.common.gtol);
    /* A NULL result is fine. */
    y[0] = y[1] = 1;
    assert_int_equal(adc_first_order(2, y, bowl_fg, &c, &go, NULL), ADC_CONVERGED_FTOL);
}

/* ---- Failures during a run ------------------------------------------------------------------ */

static void test_nonfinite_objective(void **state) {
    (void)state;
    for (entry e = FIRST_ORDER; e <= NEWTON_CG; e++) {
        /* NaN at the start: x untouched. */
        any_options o = valid_options();
        double x[2] = {1, 2};
        counter c = {.nan_at_call = 1};
        adc_optim_result r;
        assert_int_equal(run_entry(e, 2, x, &c, &o, 0, 0, &r), ADC_NONFINITE);
        assert_near(x[0], 1, 0);
        assert_near(x[1], 2, 0);
        /* NaN later (before Newton-CG lands exactly on 0): x is the last finite point. */
        c = (counter){.nan_at_call = e == NEWTON_CG ? 3 : 8};
        common_of(&o, e)->gtol = 0;
        x[0] = 0.7, x[1] = -1.3;
        adc_status s = run_entry(e, 2, x, &c, &o, 0, 0, &r);
        assert_true(s == ADC_NONFINITE || s == ADC_LINESEARCH_FAILED);
        assert_true(isfinite(x[0]) && isfinite(x[1]));
        if (e == SGD)  /* its final full-batch evaluation is NaN too */
            continue;
        double g[2];
        counter fresh = {0};
        assert_near(bowl_fg(x, g, &fresh), r.f, 1e-15);
    }
    /* Divergence by too large a step ends in overflow, reported as such. */
    adc_first_order_options o = adc_first_order_defaults(ADC_GD);
    o.linesearch = ADC_LS_NONE;
    o.learning_rate = 10;
    o.common.max_iterations = 100000;
    double x[2] = {1, 1};
    counter c = {0};
    adc_optim_result r;
    assert_int_equal(adc_first_order(2, x, bowl_fg, &c, &o, &r), ADC_NONFINITE);
    assert_true(isfinite(x[0]) && isfinite(x[1]));
}

/* A gradient of the wrong sign: no line search can decrease f along -g. */
static void test_line_search_failure(void **state) {
    (void)state;
    for (entry e = FIRST_ORDER; e <= NEWTON_CG; e++) {
        if (e == SGD || e == ZERO_ORDER)
            continue;
        any_options o = valid_options();
        double x[2] = {1, 2};
        counter c = {.uphill = 1};
        adc_optim_result r;
        assert_int_equal(run_entry(e, 2, x, &c, &o, 0, 0, &r), ADC_LINESEARCH_FAILED);
        assert_near(x[0], 1, 0);
        assert_near(x[1], 2, 0);
        assert_int_equal(r.iterations, 0);
        assert_near(r.f, 0.5 + 0.25 + 4, 0);
    }
}

/* ---- Update rules --------------------------------------------------------------------------- */

static double linear_fg(const double *x, double *g, void *ctx) {
    (void)ctx;
    g[0] = 2.0;
    return 2.0 * x[0];
}

/* x after k steps on f(x) = 2x from 0, by the formulas of adc_optim.h written for a constant
 * gradient c. */
static double expected_after(const adc_first_order_options *o, int steps) {
    const double c = 2.0, lr = o->learning_rate, mu = o->momentum, b1 = o->beta1;
    const double b2 = o->beta2, rho = o->rho, eps = o->epsilon;
    double x = 0, v = 0, s = 0, r = 0, m = 0;
    for (int t = 1; t <= steps; t++) {
        switch (o->method) {
        case ADC_GD: x -= lr * c; break;
        case ADC_MOMENTUM: v = mu * v - lr * c, x += v; break;
        case ADC_NESTEROV: v = mu * v - lr * c, x += mu * v - lr * c; break;
        case ADC_ADAGRAD: x -= lr * c / (sqrt(t) * c + eps); break;
        case ADC_RMSPROP: x -= lr * c / (sqrt(1 - pow(rho, t)) * c + eps); break;
        case ADC_ADADELTA: {
            s = rho * s + (1 - rho) * c * c;
            double u = sqrt(r + eps) / sqrt(s + eps) * c;
            r = rho * r + (1 - rho) * u * u;
            x -= lr * u;
            break;
        }
        case ADC_ADAMW: x -= lr * o->weight_decay * x; /* fall through */
        case ADC_ADAM:
        case ADC_NADAM: {
            m = b1 * m + (1 - b1) * c;
            s = b2 * s + (1 - b2) * c * c;
            double m_hat = o->method == ADC_NADAM
                               ? b1 * m / (1 - pow(b1, t + 1)) + (1 - b1) * c / (1 - pow(b1, t))
                               : m / (1 - pow(b1, t));
            x -= lr * m_hat / (sqrt(s / (1 - pow(b2, t))) + eps);
            break;
        }
        }
    }
    return x;
}

static void test_update_rules_step_by_step(void **state) {
    (void)state;
    for (int method = ADC_GD; method <= ADC_NADAM; method++) {
        for (int steps = 1; steps <= 4; steps++) {
            adc_first_order_options o = adc_first_order_defaults(method);
            o.linesearch = ADC_LS_NONE;
            o.learning_rate = 0.1;
            o.weight_decay = 0.5;
            o.common.max_iterations = steps;
            double x = 0;
            adc_optim_result r;
            assert_int_equal(adc_first_order(1, &x, linear_fg, NULL, &o, &r), ADC_MAX_ITERATIONS);
            assert_near(x, expected_after(&o, steps), 1e-14);
        }
    }
}

/* Decoupled decay shrinks x by (1 - lr wd) each step besides the Adam step; Adam with the
 * same setting ignores it. */
static void test_adamw_decay_is_decoupled(void **state) {
    (void)state;
    adc_first_order_options o = adc_first_order_defaults(ADC_ADAMW);
    o.learning_rate = 0.01;
    o.weight_decay = 0.1;
    o.common.max_iterations = 50;
    double x = 3, adam_x = 3;
    adc_first_order(1, &x, linear_fg, NULL, &o, NULL);
    double expected = 3, adam_step = o.learning_rate * 2 / (2 + o.epsilon);
    for (int t = 0; t < 50; t++)
        expected = expected * (1 - o.learning_rate * o.weight_decay) - adam_step;
    assert_near(x, expected, 1e-12);
    o.method = ADC_ADAM;
    adc_first_order(1, &adam_x, linear_fg, NULL, &o, NULL);
    assert_near(adam_x, 3 - 50 * adam_step, 1e-12);
}

/* The learning rate at iteration k is lr / (1 + decay k). */
static void test_learning_rate_decay(void **state) {
    (void)state;
    adc_first_order_options o = adc_first_order_defaults(ADC_GD);
    o.linesearch = ADC_LS_NONE;
    o.learning_rate = 0.1;
    o.decay = 0.5;
    o.common.max_iterations = 4;
    double x = 0, expected = 0;
    adc_first_order(1, &x, linear_fg, NULL, &o, NULL);
    for (int k = 0; k < 4; k++)
        expected -= 2 * 0.1 / (1 + 0.5 * k);
    assert_near(x, expected, 1e-15);
}

/* ---- Defaults, names, statuses, random numbers ---------------------------------------------- */

static void test_documented_defaults(void **state) {
    (void)state;
    adc_optim_options c = adc_optim_defaults();
    assert_near(c.gtol, 1e-6, 0);
    assert_near(c.ftol, 0, 0);
    assert_int_equal(c.max_iterations, 1000);
    assert_int_equal(c.max_evaluations, 0);
    assert_null(c.progress);
    assert_null(c.trace);
    adc_first_order_options adam = adc_first_order_defaults(ADC_ADAM);
    assert_near(adam.learning_rate, 1e-3, 0);
    assert_near(adam.beta1, 0.9, 0);
    assert_near(adam.beta2, 0.999, 0);
    assert_near(adam.epsilon, 1e-8, 0);
    assert_near(adam.weight_decay, 0, 0);
    assert_near(adc_first_order_defaults(ADC_ADAMW).weight_decay, 1e-2, 0);
    assert_near(adc_first_order_defaults(ADC_MOMENTUM).momentum, 0.9, 0);
    assert_near(adc_first_order_defaults(ADC_RMSPROP).rho, 0.9, 0);
    assert_near(adc_first_order_defaults(ADC_ADADELTA).rho, 0.95, 0);
    assert_near(adc_first_order_defaults(ADC_ADADELTA).learning_rate, 1, 0);
    assert_int_equal(adc_first_order_defaults(ADC_GD).linesearch, ADC_LS_ARMIJO);
    assert_int_equal(adc_sgd_defaults(ADC_GD).update.linesearch, ADC_LS_NONE);
    assert_int_equal(adc_sgd_defaults(ADC_GD).batch_size, 32);
    adc_linesearch_options ls = adc_linesearch_defaults();
    assert_near(ls.c1, 1e-4, 0);
    assert_near(ls.c2, 0.9, 0);
    assert_near(ls.beta, 0.5, 0);
    assert_int_equal(adc_lbfgs_defaults().memory, 10);
    assert_int_equal(adc_newton_cg_defaults().linesearch, ADC_LS_ARMIJO);
    assert_near(adc_zero_order_defaults(ADC_ZO_TWO_POINT).smoothing, 1e-4, 0);
    assert_near(adc_zero_order_defaults(ADC_ZO_COORDINATE).smoothing, 1e-5, 0);
}

static void test_status_strings_and_names(void **state) {
    (void)state;
    const adc_status all[] = {ADC_OK, ADC_CONVERGED_GTOL, ADC_CONVERGED_FTOL,
                              ADC_MAX_ITERATIONS, ADC_MAX_EVALUATIONS, ADC_STOPPED_BY_CALLBACK,
                              ADC_LINESEARCH_FAILED, ADC_NONFINITE, ADC_EINVAL, ADC_ENOMEM};
    const int count = sizeof all / sizeof *all;
    for (int i = 0; i < count; i++) {
        assert_string_not_equal(adc_status_string(all[i]), "unknown status");
        for (int j = 0; j < i; j++)
            assert_string_not_equal(adc_status_string(all[i]), adc_status_string(all[j]));
    }
    assert_string_equal(adc_status_string((adc_status)77), "unknown status");
    assert_string_equal(adc_first_order_name(ADC_NESTEROV), "nesterov");
    assert_string_equal(adc_first_order_name(ADC_NADAM), "nadam");
    assert_string_equal(adc_first_order_name((adc_first_order_method)42), "unknown");
}

static void test_rng(void **state) {
    (void)state;
    adc_rng a, b;
    adc_rng_seed(&a, 7);
    adc_rng_seed(&b, 7);
    for (int i = 0; i < 100; i++)
        assert_true(adc_rng_next(&a) == adc_rng_next(&b));
    double sum = 0, sum_sq = 0, usum = 0;
    const int count = 100000;
    for (int i = 0; i < count; i++) {
        double u = adc_rng_uniform(&a);
        assert_true(u >= 0 && u < 1);
        usum += u;
        int k = adc_rng_below(&a, 7);
        assert_true(k >= 0 && k < 7);
        double z = adc_rng_normal(&a);
        sum += z, sum_sq += z * z;
    }
    assert_near(usum / count, 0.5, 0.01);
    assert_near(sum / count, 0, 0.02);
    assert_near(sum_sq / count, 1, 0.02);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_invalid_common_arguments_of_every_entry_point),
        cmocka_unit_test(test_invalid_method_options),
        cmocka_unit_test(test_trace_csv),
        cmocka_unit_test(test_progress_callback_stops_every_method),
        cmocka_unit_test(test_stopping_rules),
        cmocka_unit_test(test_nonfinite_objective),
        cmocka_unit_test(test_line_search_failure),
        cmocka_unit_test(test_update_rules_step_by_step),
        cmocka_unit_test(test_adamw_decay_is_decoupled),
        cmocka_unit_test(test_learning_rate_decay),
        cmocka_unit_test(test_documented_defaults),
        cmocka_unit_test(test_status_strings_and_names),
        cmocka_unit_test(test_rng),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
