/* test_optim_quadratic.c: every optimizer reaches the known minimizer of a rotated convex
 * quadratic in dimension 6, well conditioned (condition number 10) and ill conditioned
 * (1e3), within a stated budget; and L-BFGS needs far fewer iterations than steepest descent
 * on the ill-conditioned one, as theory says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "adc_runtime.h"
#include "test_optim_problems.h"

/* A first-order method with its learning rate for largest eigenvalue 1 (scaled by 1 / L
 * where marked), decay, and what it must reach: ||x - x*|| <= tol within budget iterations. */
typedef struct first_order_case {
    adc_first_order_method method;
    double lr;
    int lr_over_l;   /* learning rate is lr / L */
    double decay;
    double tol;
    int budget;
} first_order_case;

static const first_order_case first_order_cases[] = {
    {ADC_GD, 1.0, 1, 0, 1e-7, 50000},
    {ADC_MOMENTUM, 1.0, 1, 0, 1e-7, 5000},
    {ADC_NESTEROV, 1.0, 1, 0, 1e-7, 5000},
    {ADC_ADAGRAD, 1.0, 0, 0, 1e-7, 30000},
    {ADC_RMSPROP, 1e-2, 0, 1e-2, 1e-4, 100000},  /* a constant rate ends in a limit cycle */
    {ADC_ADADELTA, 1.0, 1, 0, 1e-7, 200000},     /* ends like GD with step lr: needs lr < 2/L */
    {ADC_ADAM, 1e-3, 0, 0, 1e-7, 30000},
    {ADC_ADAMW, 1e-3, 0, 0, 1e-7, 30000},        /* weight_decay 0: the minimizer is kept */
    {ADC_NADAM, 1e-3, 0, 0, 1e-7, 30000},
};

static void check_first_order(double condition) {
    quadratic q;
    quadratic_init(&q, condition);
    for (size_t k = 0; k < sizeof first_order_cases / sizeof *first_order_cases; k++) {
        const first_order_case *c = &first_order_cases[k];
        adc_first_order_options o = adc_first_order_defaults(c->method);
        o.linesearch = ADC_LS_NONE;
        o.learning_rate = c->lr_over_l ? c->lr / condition : c->lr;
        o.decay = c->decay;
        o.weight_decay = 0;
        o.common.gtol = 1e-8;
        o.common.max_iterations = c->budget;
        double x[QUAD_N];
        quadratic_start(x);
        adc_optim_result r;
        adc_status s = adc_first_order(QUAD_N, x, quadratic_fg, &q, &o, &r);
        if (distance(QUAD_N, x, q.xstar) > c->tol)
            print_error("%s: |x - x*| = %g after %d iterations\n", adc_first_order_name(c->method),
                        distance(QUAD_N, x, q.xstar), r.iterations);
        assert_true(distance(QUAD_N, x, q.xstar) <= c->tol);
        assert_true(s == ADC_CONVERGED_GTOL || s == ADC_MAX_ITERATIONS);
        assert_int_equal(r.status, s);
        assert_true(r.iterations <= c->budget);
        assert_int_equal(r.evaluations, r.iterations + 1);
    }
}

static void test_first_order_well_conditioned(void **state) {
    (void)state;
    check_first_order(10);
}

static void test_first_order_ill_conditioned(void **state) {
    (void)state;
    check_first_order(1e3);
}

static void test_gd_with_every_line_search(void **state) {
    (void)state;
    quadratic q;
    quadratic_init(&q, 1e3);
    for (int kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        adc_first_order_options o = adc_first_order_defaults(ADC_GD);
        o.linesearch = kind;
        o.common.gtol = 1e-8;
        o.common.max_iterations = 10000;
        double x[QUAD_N];
        quadratic_start(x);
        adc_optim_result r;
        assert_int_equal(adc_first_order(QUAD_N, x, quadratic_fg, &q, &o, &r), ADC_CONVERGED_GTOL);
        assert_true(distance(QUAD_N, x, q.xstar) <= 1e-7);
        assert_true(r.evaluations > r.iterations);
    }
}

static void test_lbfgs_and_newton_cg(void **state) {
    (void)state;
    const double conditions[] = {10, 1e3};
    for (int k = 0; k < 2; k++) {
        quadratic q;
        quadratic_init(&q, conditions[k]);
        double x[QUAD_N];
        adc_optim_result r;
        adc_lbfgs_options lo = adc_lbfgs_defaults();
        lo.common.gtol = 1e-10;
        quadratic_start(x);
        assert_int_equal(adc_lbfgs(QUAD_N, x, quadratic_fg, &q, &lo, &r), ADC_CONVERGED_GTOL);
        assert_true(distance(QUAD_N, x, q.xstar) <= 1e-10);
        assert_true(r.iterations <= 60);
        adc_newton_cg_options no = adc_newton_cg_defaults();
        no.common.gtol = 1e-10;
        quadratic_start(x);
        assert_int_equal(adc_newton_cg(QUAD_N, x, quadratic_fg, quadratic_hv, &q, &no, &r),
                         ADC_CONVERGED_GTOL);
        assert_true(distance(QUAD_N, x, q.xstar) <= 1e-10);
        assert_true(r.iterations <= 15);
        assert_true(r.hv_evaluations >= r.iterations);
    }
}

/* With memory 1 L-BFGS is still a descent method; with memory >= n on a quadratic it is
 * close to conjugate gradients. */
static void test_lbfgs_memory_sizes(void **state) {
    (void)state;
    quadratic q;
    quadratic_init(&q, 1e3);
    const int memories[] = {1, 3, 6, 20};
    int iterations[4];
    for (int k = 0; k < 4; k++) {
        adc_lbfgs_options o = adc_lbfgs_defaults();
        o.memory = memories[k];
        o.common.gtol = 1e-10;
        o.common.max_iterations = 5000;
        double x[QUAD_N];
        quadratic_start(x);
        adc_optim_result r;
        assert_int_equal(adc_lbfgs(QUAD_N, x, quadratic_fg, &q, &o, &r), ADC_CONVERGED_GTOL);
        assert_true(distance(QUAD_N, x, q.xstar) <= 1e-9);
        iterations[k] = r.iterations;
    }
    assert_true(iterations[3] < iterations[0]);
}

/* Steepest descent with exact line searches contracts f - f* by ((k - 1) / (k + 1))^2 per
 * iteration at best, so it needs hundreds of iterations at k = 1e3; L-BFGS needs a few
 * dozen. */
static void test_lbfgs_beats_gd_on_ill_conditioned_quadratic(void **state) {
    (void)state;
    quadratic q;
    quadratic_init(&q, 1e3);
    double x[QUAD_N];
    adc_optim_result gd, lbfgs;
    adc_first_order_options go = adc_first_order_defaults(ADC_GD);
    go.linesearch = ADC_LS_WOLFE;
    go.common.gtol = 1e-6;
    go.common.max_iterations = 100000;
    quadratic_start(x);
    assert_int_equal(adc_first_order(QUAD_N, x, quadratic_fg, &q, &go, &gd), ADC_CONVERGED_GTOL);
    adc_lbfgs_options lo = adc_lbfgs_defaults();
    lo.common.gtol = 1e-6;
    quadratic_start(x);
    assert_int_equal(adc_lbfgs(QUAD_N, x, quadratic_fg, &q, &lo, &lbfgs), ADC_CONVERGED_GTOL);
    assert_true(gd.iterations > 1000);
    assert_true(20 * lbfgs.iterations < gd.iterations);
    assert_true(20 * lbfgs.evaluations < gd.evaluations);
}

static void test_zero_order(void **state) {
    (void)state;
    quadratic q;
    quadratic_init(&q, 10);
    double x[QUAD_N], exact[QUAD_N];
    adc_optim_result r, er;
    /* Central differences are exact on a quadratic up to rounding: the run follows GD. */
    adc_zero_order_options co = adc_zero_order_defaults(ADC_ZO_COORDINATE);
    co.update.learning_rate = 0.1;
    co.update.common.gtol = 1e-8;
    co.update.common.max_iterations = 5000;
    quadratic_start(x);
    assert_int_equal(adc_zero_order(QUAD_N, x, quadratic_f, &q, &co, &r), ADC_CONVERGED_GTOL);
    assert_true(distance(QUAD_N, x, q.xstar) <= 1e-7);
    assert_int_equal(r.evaluations, (2 * QUAD_N + 1) * (r.iterations + 1));
    adc_first_order_options go = co.update;
    quadratic_start(exact);
    adc_first_order(QUAD_N, exact, quadratic_fg, &q, &go, &er);
    assert_true(abs(er.iterations - r.iterations) <= 2);
    assert_true(distance(QUAD_N, x, exact) <= 1e-7);
    /* Two points per iteration: converges to within the smoothing bias. */
    adc_zero_order_options to = adc_zero_order_defaults(ADC_ZO_TWO_POINT);
    to.update.common.max_iterations = 20000;
    quadratic_start(x);
    assert_int_equal(adc_zero_order(QUAD_N, x, quadratic_f, &q, &to, &r), ADC_MAX_ITERATIONS);
    assert_true(distance(QUAD_N, x, q.xstar) <= 2e-3);
    assert_int_equal(r.evaluations, 2 * (r.iterations + 1));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_order_well_conditioned),
        cmocka_unit_test(test_first_order_ill_conditioned),
        cmocka_unit_test(test_gd_with_every_line_search),
        cmocka_unit_test(test_lbfgs_and_newton_cg),
        cmocka_unit_test(test_lbfgs_memory_sizes),
        cmocka_unit_test(test_lbfgs_beats_gd_on_ill_conditioned_quadratic),
        cmocka_unit_test(test_zero_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
