/* test_optim_args.c: what test_optim_api.c and test_linesearch.c leave out about bad input:
 * the random generator and adc_ray_eval given NULL or out-of-range arguments; line searches
 * given infinite tolerances, overflowing intervals or non-finite rays (result untouched);
 * the dispatcher when phi never decreases; NaN and Inf starting points of every optimizer and
 * method; defaults of unknown methods; and NaN or Inf from the objective (value, gradient or
 * Hessian-vector product) in the middle of a run, which must end it at once with an error
 * status and x at the last point. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <float.h>
#include <limits.h>
#include <string.h>
#include "adc_runtime.h"
#include "test_optim_problems.h"

/* ---- The objective: f(x) = x0^2 / 2 + x0^4 / 4 + x1^2, broken on request ------------------ */

typedef enum breakage { F_NAN, F_POS_INF, F_NEG_INF, G_NAN, G_POS_INF, HV_NAN, HV_INF } breakage;

typedef struct bowl {
    int calls;       /* of f, fg or fg_batch */
    int broken;      /* from now on misbehave as `how` */
    breakage how;
} bowl;

static const double nonfinite[] = {NAN, INFINITY, -INFINITY};

static double bowl_fg(const double *x, double *g, void *ctx) {
    bowl *b = ctx;
    b->calls++;
    g[0] = x[0] + x[0] * x[0] * x[0];
    g[1] = 2 * x[1];
    double f = 0.5 * x[0] * x[0] + 0.25 * x[0] * x[0] * x[0] * x[0] + x[1] * x[1];
    if (!b->broken || b->how >= HV_NAN)
        return f;
    if (b->how >= G_NAN) {
        g[1] = nonfinite[b->how - G_NAN];
        return f;
    }
    return nonfinite[b->how - F_NAN];
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
    const bowl *b = ctx;
    hv[0] = (1 + 3 * x[0] * x[0]) * v[0];
    hv[1] = b->broken && b->how >= HV_NAN ? nonfinite[b->how - HV_NAN] : 2 * v[1];
}

/* ---- Random numbers ------------------------------------------------------------------------ */

static void test_rng_arguments(void **state) {
    (void)state;
    adc_rng_seed(NULL, 3);
    assert_true(adc_rng_next(NULL) == 0);
    assert_true(isnan(adc_rng_uniform(NULL)));
    assert_true(isnan(adc_rng_normal(NULL)));
    assert_int_equal(adc_rng_below(NULL, 5), -1);
    adc_rng rng, copy;
    adc_rng_seed(&rng, 3);
    copy = rng;
    const int bad_bounds[] = {0, -1, INT_MIN};
    for (size_t i = 0; i < sizeof bad_bounds / sizeof *bad_bounds; i++)
        assert_int_equal(adc_rng_below(&rng, bad_bounds[i]), -1);
    assert_true(rng.state == copy.state);  /* a refused call draws nothing */
    assert_int_equal(adc_rng_below(&rng, 1), 0);
}

/* ---- adc_ray_eval -------------------------------------------------------------------------- */

static void test_ray_eval_arguments(void **state) {
    (void)state;
    bowl b = {0};
    double x[2] = {1, 2}, d[2] = {-1, 0}, xt[2] = {5, 5}, gt[2] = {5, 5};
    const adc_ray good = {.n = 2, .x = x, .d = d, .fg = bowl_fg, .ctx = &b, .x_trial = xt,
                          .g_trial = gt, .last_step = -7};
    adc_ray bad[7];
    for (int i = 0; i < 7; i++)
        bad[i] = good;
    bad[0].n = 0;
    bad[1].n = -1;
    bad[2].x = NULL;
    bad[3].d = NULL;
    bad[4].fg = NULL;
    bad[5].x_trial = NULL;
    bad[6].g_trial = NULL;
    double dphi = 1;
    assert_true(isnan(adc_ray_eval(NULL, 0.5, &dphi)) && isnan(dphi));
    assert_true(isnan(adc_ray_phi(0.5, NULL)));
    for (int i = 0; i < 7; i++) {
        dphi = 1;
        assert_true(isnan(adc_ray_eval(&bad[i], 0.5, &dphi)) && isnan(dphi));
        assert_true(isnan(adc_ray_eval(&bad[i], 0.5, NULL)));
        assert_true(bad[i].last_step == -7);
    }
    adc_ray ray = good;
    for (int i = 0; i < 3; i++) {
        dphi = 1;
        assert_true(isnan(adc_ray_eval(&ray, nonfinite[i], &dphi)) && isnan(dphi));
        assert_true(isnan(adc_ray_phi(nonfinite[i], &ray)));
    }
    assert_int_equal(b.calls, 0);
    assert_true(ray.last_step == -7 && xt[0] == 5 && gt[1] == 5);
    assert_near(adc_ray_eval(&ray, 0.5, &dphi), 0.125 + 0.015625 + 4, 1e-15);
    assert_int_equal(b.calls, 1);
}

/* ---- Line searches ------------------------------------------------------------------------- */

static double line_phi(double step, void *ctx) {
    ++*(int *)ctx;
    return (step - 1) * (step - 1);
}

typedef adc_status (*unimodal_fn)(adc_phi_fn, void *, double, double, double, int,
                                  adc_linesearch_result *);

static const unimodal_fn unimodal[] = {adc_linesearch_dichotomy, adc_linesearch_golden,
                                       adc_linesearch_parabolic, adc_linesearch_brent};

/* A result no search would write: EINVAL must leave it so. */
static const adc_linesearch_result untouched = {.step = -3, .f = -4, .lo = -5, .hi = -6,
                                                .evaluations = -7, .status = ADC_ENOMEM};

static void test_unimodal_tolerance_and_interval(void **state) {
    (void)state;
    const double half = DBL_MAX / 2;
    const struct { double lo, hi, tol; } bad[] = {
        {0, 2, INFINITY}, {-DBL_MAX, DBL_MAX, 1e-6}, {0, nextafter(half, INFINITY), 1e-6},
        {-INFINITY, 0, 1e-6}, {0, NAN, 1e-6},
    };
    for (size_t k = 0; k < sizeof unimodal / sizeof *unimodal; k++) {
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
            int calls = 0;
            adc_linesearch_result r = untouched;
            assert_int_equal(unimodal[k](line_phi, &calls, bad[i].lo, bad[i].hi, bad[i].tol, 50,
                                         &r),
                             ADC_EINVAL);
            assert_int_equal(calls, 0);
            assert_memory_equal(&r, &untouched, sizeof r);
        }
        /* The widest interval allowed is searched without overflow. */
        int calls = 0;
        adc_linesearch_result r;
        adc_status s = unimodal[k](line_phi, &calls, -half, half, 1e-6 * half, 400, &r);
        assert_true(s == ADC_OK || s == ADC_MAX_EVALUATIONS);
        assert_true(isfinite(r.step) && isfinite(r.lo) && isfinite(r.hi));
        assert_true(r.lo <= r.step && r.step <= r.hi);
    }
}

/* A ray along -g of the bowl from (1, 2), with the slope there. */
typedef struct ray_case {
    bowl b;
    double x[2], d[2], xt[2], gt[2];
    adc_ray ray;
    double f0, dphi0;
} ray_case;

static void ray_case_init(ray_case *t) {
    memset(t, 0, sizeof *t);
    t->x[0] = 1, t->x[1] = 2;
    t->d[0] = -2, t->d[1] = -4;
    t->ray = (adc_ray){.n = 2, .x = t->x, .d = t->d, .fg = bowl_fg, .ctx = &t->b,
                       .x_trial = t->xt, .g_trial = t->gt};
    t->f0 = 0.5 + 0.25 + 4;
    t->dphi0 = -20;
}

static adc_status run_ray_search(adc_linesearch_kind kind, int direct, ray_case *t,
                                 const adc_linesearch_options *o, adc_linesearch_result *r) {
    if (!direct)
        return adc_linesearch(kind, &t->ray, t->f0, t->dphi0, o, r);
    switch (kind) {
    case ADC_LS_ARMIJO: return adc_linesearch_armijo(&t->ray, t->f0, t->dphi0, o, r);
    case ADC_LS_GOLDSTEIN: return adc_linesearch_goldstein(&t->ray, t->f0, t->dphi0, o, r);
    default: return adc_linesearch_wolfe(&t->ray, t->f0, t->dphi0, o, r);
    }
}

enum { RAY_BAD_SETTINGS = 10 };

/* Applies bad setting k to a valid ray case and valid options. */
static void make_bad_ray(ray_case *t, adc_linesearch_options *o, int k) {
    ray_case_init(t);
    *o = adc_linesearch_defaults();
    switch (k) {
    case 0: t->x[1] = NAN; break;
    case 1: t->x[0] = INFINITY; break;
    case 2: t->d[0] = -INFINITY; break;
    case 3: t->d[1] = NAN; break;
    case 4: o->tol = INFINITY; break;
    case 5: o->step0 = NAN; break;
    case 6: o->step_max = INFINITY; break;
    case 7: o->c1 = NAN; break;
    case 8: o->expand = INFINITY; break;
    case 9: o->beta = NAN; break;
    }
}

static void test_ray_searches_nonfinite_arguments(void **state) {
    (void)state;
    for (adc_linesearch_kind kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        for (int direct = 0; direct <= (kind >= ADC_LS_ARMIJO); direct++) {
            for (int k = 0; k < RAY_BAD_SETTINGS; k++) {
                ray_case t;
                adc_linesearch_options o;
                make_bad_ray(&t, &o, k);
                adc_linesearch_result r = untouched;
                if (run_ray_search(kind, direct, &t, &o, &r) != ADC_EINVAL)
                    fail_msg("%s (direct %d), bad setting %d: not ADC_EINVAL",
                             adc_linesearch_name(kind), direct, k);
                assert_int_equal(t.b.calls, 0);
                assert_memory_equal(&r, &untouched, sizeof r);
                assert_true(t.xt[0] == 0 && t.gt[0] == 0);
            }
        }
    }
}

/* An uphill "descent" direction with a budget large enough for the bracketing to shrink the
 * step to 0: the unimodal searches then have no interval, and the dispatcher must report
 * failure, not whatever the result held before. */
static void test_dispatcher_when_phi_never_decreases(void **state) {
    (void)state;
    for (adc_linesearch_kind kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        ray_case t;
        ray_case_init(&t);
        t.d[0] = 2, t.d[1] = 4;  /* uphill, though dphi0 claims otherwise */
        adc_linesearch_options o = adc_linesearch_defaults();
        o.max_evaluations = 3000;
        adc_linesearch_result r = {.step = 1, .f = -1e300, .evaluations = 5};
        assert_int_equal(adc_linesearch(kind, &t.ray, t.f0, t.dphi0, &o, &r),
                         ADC_LINESEARCH_FAILED);
        assert_int_equal(r.status, ADC_LINESEARCH_FAILED);
        assert_true(r.step == 0 && r.f == t.f0);
        assert_int_equal(r.evaluations, t.b.calls);
    }
}

/* ---- Optimizers ---------------------------------------------------------------------------- */

/* One optimizer configuration: entry point, method or estimator, line search. */
typedef enum entry { FIRST_ORDER, SGD, ZERO_ORDER, LBFGS, NEWTON_CG } entry;

typedef struct setup {
    entry entry;
    int variant;                     /* first-order method, or zero-order estimator */
    adc_linesearch_kind linesearch;  /* GD only */
} setup;

typedef struct any_options {
    adc_first_order_options first_order;
    adc_sgd_options sgd;
    adc_zero_order_options zero_order;
    adc_lbfgs_options lbfgs;
    adc_newton_cg_options newton_cg;
} any_options;

static adc_optim_options *options_of(const setup *s, any_options *o) {
    switch (s->entry) {
    case FIRST_ORDER:
        o->first_order = adc_first_order_defaults((adc_first_order_method)s->variant);
        o->first_order.linesearch = s->linesearch;
        return &o->first_order.common;
    case SGD:
        o->sgd = adc_sgd_defaults((adc_first_order_method)s->variant);
        return &o->sgd.update.common;
    case ZERO_ORDER:
        o->zero_order = adc_zero_order_defaults((adc_zero_order_estimator)s->variant);
        return &o->zero_order.update.common;
    case LBFGS:
        o->lbfgs = adc_lbfgs_defaults();
        return &o->lbfgs.common;
    case NEWTON_CG:
        o->newton_cg = adc_newton_cg_defaults();
        return &o->newton_cg.common;
    }
    return NULL;
}

static adc_status run(const setup *s, const any_options *o, double *x, bowl *b,
                      adc_optim_result *r) {
    switch (s->entry) {
    case FIRST_ORDER: return adc_first_order(2, x, bowl_fg, b, &o->first_order, r);
    case SGD: return adc_sgd(2, x, bowl_fg_batch, 8, b, &o->sgd, r);
    case ZERO_ORDER: return adc_zero_order(2, x, bowl_f, b, &o->zero_order, r);
    case LBFGS: return adc_lbfgs(2, x, bowl_fg, b, &o->lbfgs, r);
    case NEWTON_CG: return adc_newton_cg(2, x, bowl_fg, bowl_hv, b, &o->newton_cg, r);
    }
    return ADC_OK;
}

/* Every method of every entry point; GD once per line search. */
static int all_setups(setup *out) {
    int count = 0;
    for (adc_linesearch_kind ls = ADC_LS_NONE; ls <= ADC_LS_WOLFE; ls++)
        out[count++] = (setup){FIRST_ORDER, ADC_GD, ls};
    for (int m = ADC_MOMENTUM; m <= ADC_NADAM; m++)
        out[count++] = (setup){FIRST_ORDER, m, ADC_LS_NONE};
    for (int m = ADC_GD; m <= ADC_NADAM; m++)
        out[count++] = (setup){SGD, m, ADC_LS_NONE};
    out[count++] = (setup){ZERO_ORDER, ADC_ZO_TWO_POINT, ADC_LS_NONE};
    out[count++] = (setup){ZERO_ORDER, ADC_ZO_COORDINATE, ADC_LS_NONE};
    out[count++] = (setup){LBFGS, 0, ADC_LS_NONE};
    out[count++] = (setup){NEWTON_CG, 0, ADC_LS_NONE};
    return count;
}

enum { MAX_SETUPS = 40 };

static void test_nonfinite_starting_points(void **state) {
    (void)state;
    setup setups[MAX_SETUPS];
    int count = all_setups(setups);
    const double starts[][2] = {{NAN, 1}, {1, NAN}, {INFINITY, 1}, {1, INFINITY},
                                {-INFINITY, 1}, {NAN, -INFINITY}};
    for (int i = 0; i < count; i++) {
        for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
            any_options o;
            options_of(&setups[i], &o);
            double x[2];
            memcpy(x, starts[k], sizeof x);
            bowl b = {0};
            adc_optim_result r = {.status = ADC_OK, .f = 1, .iterations = 9};
            if (run(&setups[i], &o, x, &b, &r) != ADC_EINVAL)
                fail_msg("setup %d, start %zu: not ADC_EINVAL", i, k);
            assert_int_equal(r.status, ADC_EINVAL);
            assert_true(isnan(r.f));
            assert_int_equal(r.iterations, 0);
            assert_int_equal(r.evaluations, 0);
            assert_int_equal(b.calls, 0);
            assert_memory_equal(x, starts[k], sizeof x);
            assert_int_equal(run(&setups[i], &o, x, &b, NULL), ADC_EINVAL);
        }
    }
}

/* Defaults for an unknown method or estimator give options every optimizer refuses. */
static void test_defaults_of_unknown_methods(void **state) {
    (void)state;
    double x[2] = {1, 2};
    bowl b = {0};
    adc_first_order_options first_order = adc_first_order_defaults((adc_first_order_method)42);
    adc_sgd_options sgd = adc_sgd_defaults((adc_first_order_method)-1);
    adc_zero_order_options zero_order = adc_zero_order_defaults((adc_zero_order_estimator)7);
    assert_int_equal(adc_first_order(2, x, bowl_fg, &b, &first_order, NULL), ADC_EINVAL);
    assert_int_equal(adc_sgd(2, x, bowl_fg_batch, 8, &b, &sgd, NULL), ADC_EINVAL);
    assert_int_equal(adc_zero_order(2, x, bowl_f, &b, &zero_order, NULL), ADC_EINVAL);
    assert_int_equal(b.calls, 0);
    assert_true(x[0] == 1 && x[1] == 2);
}

/* The progress callback breaks the objective at iteration 1 and records where x was. */
typedef struct breaker {
    bowl *b;
    int reports;
    double x[2], f;
} breaker;

static int break_at_iteration_1(const adc_progress *p, void *ctx) {
    breaker *k = ctx;
    k->reports++;
    if (p->iteration == 1) {
        k->b->broken = 1;
        memcpy(k->x, p->x, sizeof k->x);
        k->f = p->f;
    }
    return 0;
}

static void expect_stop_at_last_finite_point(const setup *s, breakage how) {
    any_options o;
    adc_optim_options *common = options_of(s, &o);
    bowl b = {.how = how};
    breaker k = {.b = &b};
    common->gtol = 0;
    common->max_iterations = 1000000;
    common->progress = break_at_iteration_1;
    common->progress_ctx = &k;
    double x[2] = {0.7, -1.3};  /* from (1, 2) exact line searches hit the minimizer */
    adc_optim_result r;
    adc_status status = run(s, &o, x, &b, &r);
    int fixed_step = s->entry != LBFGS && s->entry != NEWTON_CG && s->linesearch == ADC_LS_NONE;
    if (!(status == ADC_NONFINITE || (status == ADC_LINESEARCH_FAILED && !fixed_step)))
        fail_msg("entry %d variant %d ls %d, breakage %d: status %s", s->entry, s->variant,
                 s->linesearch, how, adc_status_string(status));
    assert_int_equal(r.status, status);
    assert_int_equal(k.reports, 2);  /* iterations 0 and 1, no more */
    assert_int_equal(r.iterations, 1);
    assert_memory_equal(x, k.x, sizeof x);
    if (s->entry != SGD)  /* SGD's result is a full-batch evaluation, broken too */
        assert_true(r.f == k.f);
    assert_int_equal(b.calls, r.evaluations);
    assert_true(r.evaluations < 200);
}

static void test_nonfinite_objective_mid_run(void **state) {
    (void)state;
    setup setups[MAX_SETUPS];
    int count = all_setups(setups);
    for (int i = 0; i < count; i++) {
        breakage last = setups[i].entry == ZERO_ORDER ? F_NEG_INF
                        : setups[i].entry == NEWTON_CG ? HV_INF
                                                       : G_POS_INF;
        for (breakage how = F_NAN; how <= last; how++)
            expect_stop_at_last_finite_point(&setups[i], how);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rng_arguments),
        cmocka_unit_test(test_ray_eval_arguments),
        cmocka_unit_test(test_unimodal_tolerance_and_interval),
        cmocka_unit_test(test_ray_searches_nonfinite_arguments),
        cmocka_unit_test(test_dispatcher_when_phi_never_decreases),
        cmocka_unit_test(test_nonfinite_starting_points),
        cmocka_unit_test(test_defaults_of_unknown_methods),
        cmocka_unit_test(test_nonfinite_objective_mid_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
