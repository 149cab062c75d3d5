/* test_linesearch.c: the line searches of libadc: interval bounds of the unimodal searches
 * per evaluation, convergence to the minimizer, the conditions accepted steps satisfy, the
 * dispatcher's guarantees, and invalid arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include "adc_runtime.h"
#include "test_optim_problems.h"

typedef adc_status (*unimodal_fn)(adc_phi_fn, void *, double, double, double, int,
                                  adc_linesearch_result *);
typedef adc_status (*inexact_fn)(adc_ray *, double, double, const adc_linesearch_options *,
                                 adc_linesearch_result *);

static const unimodal_fn unimodal_searches[] = {
    adc_linesearch_dichotomy, adc_linesearch_golden, adc_linesearch_parabolic,
    adc_linesearch_brent};
static const inexact_fn inexact_searches[] = {
    adc_linesearch_armijo, adc_linesearch_goldstein, adc_linesearch_wolfe};

/* phi(a) = exp(a) - 2a, minimized at ln 2, and a counter of its calls. */
typedef struct counted {
    int calls;
    double center;  /* for the kink |a - center| */
} counted;

static double smooth_phi(double a, void *ctx) {
    ((counted *)ctx)->calls++;
    return exp(a) - 2 * a;
}

static double kink_phi(double a, void *ctx) {
    counted *c = ctx;
    c->calls++;
    return fabs(a - c->center);
}

static double increasing_phi(double a, void *ctx) {
    ((counted *)ctx)->calls++;
    return a;
}

/* Infinite beyond a = 1, so searches must stay left of it: minimum of (a-0.8)^2 at 0.8. */
static double barrier_phi(double a, void *ctx) {
    ((counted *)ctx)->calls++;
    return a < 1 ? (a - 0.8) * (a - 0.8) : INFINITY;
}

/* ---- Unimodal searches -------------------------------------------------------------------- */

static void test_dichotomy_halves_every_two_evaluations(void **state) {
    (void)state;
    const double lo = 0, hi = 2, minimizer = log(2.0);
    for (int budget = 1; budget <= 40; budget++) {
        counted c = {0};
        adc_linesearch_result r;
        adc_status s = adc_linesearch_dichotomy(smooth_phi, &c, lo, hi, 1e-15, budget, &r);
        assert_int_equal(s, ADC_MAX_EVALUATIONS);
        assert_int_equal(r.evaluations, c.calls);
        assert_true(r.evaluations <= budget);
        int halvings = (budget - 1) / 2;
        assert_true(r.hi - r.lo <= (hi - lo) * ldexp(1.0, -halvings) * (1 + 1e-12));
        assert_true(r.lo <= minimizer && minimizer <= r.hi);
        assert_true(r.lo <= r.step && r.step <= r.hi);
    }
}

static void test_golden_shrinks_by_0618_per_evaluation(void **state) {
    (void)state;
    const double lo = 0, hi = 2, minimizer = log(2.0), tau = (sqrt(5.0) - 1) / 2;
    for (int budget = 2; budget <= 30; budget++) {  /* the interval stays above ~1e-6 */
        counted c = {0};
        adc_linesearch_result r;
        adc_status s = adc_linesearch_golden(smooth_phi, &c, lo, hi, 1e-15, budget, &r);
        assert_int_equal(s, ADC_MAX_EVALUATIONS);
        assert_int_equal(r.evaluations, budget);
        assert_int_equal(c.calls, budget);
        assert_true(r.hi - r.lo <= (hi - lo) * pow(tau, budget - 1) * (1 + 1e-9));
        assert_true(r.lo <= minimizer && minimizer <= r.hi);
    }
}

/* tol stays above sqrt(machine epsilon): closer to the minimizer phi is flat to rounding. */
static void test_unimodal_searches_reach_the_minimizer(void **state) {
    (void)state;
    const double tol = 1e-6, minimizer = log(2.0);
    for (size_t k = 0; k < sizeof unimodal_searches / sizeof *unimodal_searches; k++) {
        counted c = {0};
        adc_linesearch_result r;
        assert_int_equal(unimodal_searches[k](smooth_phi, &c, 0, 2, tol, 200, &r), ADC_OK);
        assert_int_equal(r.status, ADC_OK);
        assert_int_equal(r.evaluations, c.calls);
        assert_true(fabs(r.step - minimizer) <= tol);
        assert_true(r.step - r.lo <= tol * (1 + 1e-9) && r.hi - r.step <= tol * (1 + 1e-9));
        assert_near(r.f, exp(r.step) - 2 * r.step, 1e-15);
    }
}

/* On a smooth function, interpolation beats golden section. */
static void test_parabolic_and_brent_need_fewer_evaluations(void **state) {
    (void)state;
    counted c = {0};
    adc_linesearch_result golden, parabolic, brent;
    adc_linesearch_golden(smooth_phi, &c, 0, 2, 1e-6, 200, &golden);
    adc_linesearch_parabolic(smooth_phi, &c, 0, 2, 1e-6, 200, &parabolic);
    adc_linesearch_brent(smooth_phi, &c, 0, 2, 1e-6, 200, &brent);
    assert_true(parabolic.evaluations < golden.evaluations);
    assert_true(brent.evaluations < golden.evaluations);
}

/* A kink, a minimizer at the boundary and an infinite region: all searches stay correct. */
static void test_unimodal_searches_on_hard_functions(void **state) {
    (void)state;
    const double tol = 1e-6;
    for (size_t k = 0; k < sizeof unimodal_searches / sizeof *unimodal_searches; k++) {
        counted c = {.center = 0.3};
        adc_linesearch_result r;
        assert_int_equal(unimodal_searches[k](kink_phi, &c, 0, 1, tol, 500, &r), ADC_OK);
        assert_true(fabs(r.step - 0.3) <= tol);
        assert_int_equal(unimodal_searches[k](increasing_phi, &c, 0, 1, tol, 500, &r), ADC_OK);
        assert_true(r.step <= tol);
        assert_int_equal(unimodal_searches[k](barrier_phi, &c, 0, 3, tol, 500, &r), ADC_OK);
        assert_true(fabs(r.step - 0.8) <= tol);
    }
}

/* ---- Searches along a ray ------------------------------------------------------------------ */

typedef struct ray_fixture {
    double x[2], d[2], g[2], x_trial[2], g_trial[2];
    double f0, dphi0;
    adc_ray ray;
} ray_fixture;

/* Rosenbrock from `start` along -grad. */
static void ray_fixture_init(ray_fixture *t, double x0, double x1) {
    t->x[0] = x0, t->x[1] = x1;
    t->f0 = rosenbrock_fg(t->x, t->g, NULL);
    t->d[0] = -t->g[0], t->d[1] = -t->g[1];
    t->dphi0 = -(t->g[0] * t->g[0] + t->g[1] * t->g[1]);
    t->ray = (adc_ray){.n = 2, .x = t->x, .d = t->d, .fg = rosenbrock_fg,
                       .x_trial = t->x_trial, .g_trial = t->g_trial};
}

static double phi_at(const ray_fixture *t, double step, double *dphi) {
    double x[2] = {t->x[0] + step * t->d[0], t->x[1] + step * t->d[1]}, g[2];
    double f = rosenbrock_fg(x, g, NULL);
    if (dphi)
        *dphi = g[0] * t->d[0] + g[1] * t->d[1];
    return f;
}

/* The ray's scratch holds x + step d and the gradient there. */
static void assert_ray_holds(const ray_fixture *t, const adc_linesearch_result *r) {
    double g[2];
    for (int i = 0; i < 2; i++)
        assert_near(t->x_trial[i], t->x[i] + r->step * t->d[i], 1e-15);
    assert_near(rosenbrock_fg(t->x_trial, g, NULL), r->f, 0);
    assert_near(t->g_trial[0], g[0], 0);
    assert_near(t->g_trial[1], g[1], 0);
}

static const double starts[][2] = {{-1.2, 1}, {0, 0}, {2, 2}, {0.9, 0.8}, {-0.5, 0.5}};

static void test_armijo_accepts_the_first_sufficient_decrease(void **state) {
    (void)state;
    adc_linesearch_options o = adc_linesearch_defaults();
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        ray_fixture t;
        ray_fixture_init(&t, starts[k][0], starts[k][1]);
        adc_linesearch_result r;
        assert_int_equal(adc_linesearch_armijo(&t.ray, t.f0, t.dphi0, &o, &r), ADC_OK);
        assert_true(r.f <= t.f0 + o.c1 * r.step * t.dphi0);
        assert_near(r.step, pow(o.beta, r.evaluations - 1) * o.step0, 1e-15);
        double longer = r.step / o.beta;  /* rejected just before */
        if (r.evaluations > 1)
            assert_true(phi_at(&t, longer, NULL) > t.f0 + o.c1 * longer * t.dphi0);
        assert_ray_holds(&t, &r);
    }
}

static void test_goldstein_steps_satisfy_both_conditions(void **state) {
    (void)state;
    adc_linesearch_options o = adc_linesearch_defaults();
    const double step0s[] = {1e-6, 1e-3, 1};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        for (size_t j = 0; j < 3; j++) {
            ray_fixture t;
            ray_fixture_init(&t, starts[k][0], starts[k][1]);
            o.step0 = step0s[j];
            adc_linesearch_result r;
            assert_int_equal(adc_linesearch_goldstein(&t.ray, t.f0, t.dphi0, &o, &r), ADC_OK);
            double c = o.goldstein_c;
            assert_true(r.f <= t.f0 + c * r.step * t.dphi0);
            assert_true(r.f >= t.f0 + (1 - c) * r.step * t.dphi0);
            assert_ray_holds(&t, &r);
        }
    }
}

static void test_wolfe_steps_satisfy_strong_wolfe(void **state) {
    (void)state;
    const double step0s[] = {1e-7, 1e-3, 1, 10};
    const double c2s[] = {0.9, 0.1};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        for (size_t j = 0; j < 4 * 2; j++) {
            adc_linesearch_options o = adc_linesearch_defaults();
            o.step0 = step0s[j % 4];
            o.c2 = c2s[j / 4];
            ray_fixture t;
            ray_fixture_init(&t, starts[k][0], starts[k][1]);
            adc_linesearch_result r;
            assert_int_equal(adc_linesearch_wolfe(&t.ray, t.f0, t.dphi0, &o, &r), ADC_OK);
            double dphi;
            assert_near(phi_at(&t, r.step, &dphi), r.f, 0);
            assert_true(r.f <= t.f0 + o.c1 * r.step * t.dphi0);
            assert_true(fabs(dphi) <= o.c2 * fabs(t.dphi0));
            assert_ray_holds(&t, &r);
            assert_true(r.evaluations <= o.max_evaluations);
        }
    }
}

/* An objective that is +Inf past a wall: steps beyond it count as too long. */
static double walled_fg(const double *x, double *g, void *ctx) {
    (void)ctx;
    g[0] = 2 * (x[0] - 0.8);
    return x[0] < 1 ? (x[0] - 0.8) * (x[0] - 0.8) : NAN;
}

static void test_inexact_searches_back_off_from_nonfinite_values(void **state) {
    (void)state;
    double x = 0, d = 1, xt, gt;
    adc_ray ray = {.n = 1, .x = &x, .d = &d, .fg = walled_fg, .x_trial = &xt, .g_trial = &gt};
    adc_linesearch_options o = adc_linesearch_defaults();
    o.step0 = 4;
    for (size_t k = 0; k < sizeof inexact_searches / sizeof *inexact_searches; k++) {
        adc_linesearch_result r;
        assert_int_equal(inexact_searches[k](&ray, 0.64, -1.6, &o, &r), ADC_OK);
        assert_true(r.step > 0 && r.step < 1);
        assert_true(r.f < 0.64);
    }
}

/* A direction along which f only grows beyond a tiny step: the searches fail cleanly. */
static double cliff_fg(const double *x, double *g, void *ctx) {
    (void)ctx;
    g[0] = -1;
    return x[0] == 0 ? 0 : 1;
}

static void test_inexact_searches_report_failure(void **state) {
    (void)state;
    double x = 0, d = 1, xt, gt;
    adc_ray ray = {.n = 1, .x = &x, .d = &d, .fg = cliff_fg, .x_trial = &xt, .g_trial = &gt};
    adc_linesearch_options o = adc_linesearch_defaults();
    o.max_evaluations = 20;
    for (size_t k = 0; k < sizeof inexact_searches / sizeof *inexact_searches; k++) {
        adc_linesearch_result r;
        assert_int_equal(inexact_searches[k](&ray, 0, -1, &o, &r), ADC_LINESEARCH_FAILED);
        assert_int_equal(r.status, ADC_LINESEARCH_FAILED);
        assert_near(r.step, 0, 0);
        assert_near(r.f, 0, 0);
        assert_true(r.evaluations <= o.max_evaluations);
    }
    for (int kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        adc_linesearch_result r;
        assert_int_equal(adc_linesearch(kind, &ray, 0, -1, &o, &r), ADC_LINESEARCH_FAILED);
        assert_near(r.step, 0, 0);
    }
}

static void test_dispatcher_leaves_the_accepted_point_in_the_ray(void **state) {
    (void)state;
    adc_linesearch_options o = adc_linesearch_defaults();
    for (int kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
            ray_fixture t;
            ray_fixture_init(&t, starts[k][0], starts[k][1]);
            adc_linesearch_result r;
            adc_status s = adc_linesearch(kind, &t.ray, t.f0, t.dphi0, &o, &r);
            assert_true(s == ADC_OK || s == ADC_MAX_EVALUATIONS);
            assert_int_equal(r.status, s);
            assert_true(r.step > 0 && r.f < t.f0);
            assert_ray_holds(&t, &r);
        }
    }
}

/* Exact line searches along -g of a quadratic find the analytic step g.g / g.A.g. */
static void test_dispatcher_unimodal_finds_the_exact_step(void **state) {
    (void)state;
    quadratic q;
    quadratic_init(&q, 10);
    double x[QUAD_N], g[QUAD_N], d[QUAD_N], ag[QUAD_N], xt[QUAD_N], gt[QUAD_N];
    quadratic_start(x);
    double f0 = quadratic_fg(x, g, &q), gg = 0, gag = 0;
    quadratic_hv(x, g, ag, &q);
    for (int i = 0; i < QUAD_N; i++)
        d[i] = -g[i], gg += g[i] * g[i], gag += g[i] * ag[i];
    adc_ray ray = {.n = QUAD_N, .x = x, .d = d, .fg = quadratic_fg, .ctx = &q,
                   .x_trial = xt, .g_trial = gt};
    adc_linesearch_options o = adc_linesearch_defaults();
    o.tol = 1e-10;
    for (int kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_BRENT; kind++) {
        adc_linesearch_result r;
        assert_int_equal(adc_linesearch(kind, &ray, f0, -gg, &o, &r), ADC_OK);
        assert_near(r.step, gg / gag, 1e-9);
    }
}

/* ---- Invalid arguments --------------------------------------------------------------------- */

static void test_unimodal_invalid_arguments(void **state) {
    (void)state;
    const int min_budget[] = {1, 2, 3, 1};
    for (size_t k = 0; k < sizeof unimodal_searches / sizeof *unimodal_searches; k++) {
        unimodal_fn search = unimodal_searches[k];
        counted c = {0};
        adc_linesearch_result r;
        assert_int_equal(search(NULL, &c, 0, 1, 1e-6, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 0, 1, 1e-6, 50, NULL), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 1, 1, 1e-6, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 2, 1, 1e-6, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, NAN, 1, 1e-6, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 0, INFINITY, 1e-6, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 0, 1, 0, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 0, 1, -1, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 0, 1, NAN, 50, &r), ADC_EINVAL);
        assert_int_equal(search(smooth_phi, &c, 0, 1, 1e-6, min_budget[k] - 1, &r), ADC_EINVAL);
        assert_int_equal(c.calls, 0);
    }
}

/* Runs the search `kind` directly (only the inexact ones can be) or through the dispatcher. */
static adc_status run_ray_search(int kind, int direct, adc_ray *ray, double f0, double dphi0,
                                 const adc_linesearch_options *o, adc_linesearch_result *r) {
    if (direct)
        return inexact_searches[kind - ADC_LS_ARMIJO](ray, f0, dphi0, o, r);
    return adc_linesearch(kind, ray, f0, dphi0, o, r);
}

static void expect_einval(int kind, int direct, adc_ray *ray, double f0, double dphi0,
                          const adc_linesearch_options *o, adc_linesearch_result *r) {
    assert_int_equal(run_ray_search(kind, direct, ray, f0, dphi0, o, r), ADC_EINVAL);
}

static void test_ray_searches_invalid_arguments(void **state) {
    (void)state;
    ray_fixture t;
    ray_fixture_init(&t, -1.2, 1);
    adc_linesearch_options good = adc_linesearch_defaults(), bad[9];
    for (int i = 0; i < 9; i++)
        bad[i] = good;
    bad[0].step0 = -1;
    bad[1].c1 = 0;
    bad[2].c2 = good.c1;
    bad[3].c2 = 1;
    bad[4].beta = 1;
    bad[5].goldstein_c = 0.5;
    bad[6].expand = 1;
    bad[7].max_evaluations = 2;
    bad[8].step_max = 0.5;
    adc_ray no_fg = t.ray, no_scratch = t.ray, empty = t.ray;
    no_fg.fg = NULL;
    no_scratch.g_trial = NULL;
    empty.n = 0;
    adc_linesearch_result r;
    assert_int_equal(adc_linesearch(ADC_LS_NONE, &t.ray, t.f0, t.dphi0, &good, &r), ADC_EINVAL);
    assert_int_equal(adc_linesearch(ADC_LS_WOLFE + 1, &t.ray, t.f0, t.dphi0, &good, &r),
                     ADC_EINVAL);
    for (int kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        for (int direct = 0; direct <= (kind >= ADC_LS_ARMIJO); direct++) {
            const double f0 = t.f0, dphi0 = t.dphi0;
            expect_einval(kind, direct, NULL, f0, dphi0, &good, &r);
            expect_einval(kind, direct, &no_fg, f0, dphi0, &good, &r);
            expect_einval(kind, direct, &no_scratch, f0, dphi0, &good, &r);
            expect_einval(kind, direct, &empty, f0, dphi0, &good, &r);
            expect_einval(kind, direct, &t.ray, f0, dphi0, NULL, &r);
            expect_einval(kind, direct, &t.ray, f0, dphi0, &good, NULL);
            expect_einval(kind, direct, &t.ray, f0, 0.0, &good, &r);
            expect_einval(kind, direct, &t.ray, f0, 1.0, &good, &r);
            expect_einval(kind, direct, &t.ray, NAN, dphi0, &good, &r);
            expect_einval(kind, direct, &t.ray, f0, -INFINITY, &good, &r);
            for (int i = 0; i < 9; i++)
                expect_einval(kind, direct, &t.ray, f0, dphi0, &bad[i], &r);
        }
    }
}

static void test_names(void **state) {
    (void)state;
    assert_string_equal(adc_linesearch_name(ADC_LS_NONE), "none");
    assert_string_equal(adc_linesearch_name(ADC_LS_GOLDEN), "golden");
    assert_string_equal(adc_linesearch_name(ADC_LS_WOLFE), "wolfe");
    assert_string_equal(adc_linesearch_name((adc_linesearch_kind)99), "unknown");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dichotomy_halves_every_two_evaluations),
        cmocka_unit_test(test_golden_shrinks_by_0618_per_evaluation),
        cmocka_unit_test(test_unimodal_searches_reach_the_minimizer),
        cmocka_unit_test(test_parabolic_and_brent_need_fewer_evaluations),
        cmocka_unit_test(test_unimodal_searches_on_hard_functions),
        cmocka_unit_test(test_armijo_accepts_the_first_sufficient_decrease),
        cmocka_unit_test(test_goldstein_steps_satisfy_both_conditions),
        cmocka_unit_test(test_wolfe_steps_satisfy_strong_wolfe),
        cmocka_unit_test(test_inexact_searches_back_off_from_nonfinite_values),
        cmocka_unit_test(test_inexact_searches_report_failure),
        cmocka_unit_test(test_dispatcher_leaves_the_accepted_point_in_the_ray),
        cmocka_unit_test(test_dispatcher_unimodal_finds_the_exact_step),
        cmocka_unit_test(test_unimodal_invalid_arguments),
        cmocka_unit_test(test_ray_searches_invalid_arguments),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
