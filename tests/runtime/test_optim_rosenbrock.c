/* test_optim_rosenbrock.c: 2-D Rosenbrock from the classic start (-1.2, 1): L-BFGS and
 * Newton-CG reach (1, 1) to 1e-8; every first-order method, GD with every line search and
 * the zero-order methods reach it to a stated tolerance within a stated budget. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "adc_runtime.h"
#include "test_optim_problems.h"

static const double minimizer[2] = {1, 1};

static void start(double *x) {
    x[0] = -1.2;
    x[1] = 1.0;
}

static void test_lbfgs_to_1e8(void **state) {
    (void)state;
    adc_lbfgs_options o = adc_lbfgs_defaults();
    o.common.gtol = 1e-10;
    double x[2];
    start(x);
    adc_optim_result r;
    assert_int_equal(adc_lbfgs(2, x, rosenbrock_fg, NULL, &o, &r), ADC_CONVERGED_GTOL);
    assert_true(distance(2, x, minimizer) <= 1e-8);
    assert_true(r.f <= 1e-16);
    assert_true(r.iterations <= 60);
    assert_true(r.evaluations <= 80);
}

static void test_newton_cg_to_1e8_with_every_line_search(void **state) {
    (void)state;
    for (int kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        adc_newton_cg_options o = adc_newton_cg_defaults();
        o.common.gtol = 1e-10;
        o.linesearch = kind;
        double x[2];
        start(x);
        adc_optim_result r;
        assert_int_equal(adc_newton_cg(2, x, rosenbrock_fg, rosenbrock_hv, NULL, &o, &r),
                         ADC_CONVERGED_GTOL);
        assert_true(distance(2, x, minimizer) <= 1e-8);
        assert_true(r.iterations <= 100);
        assert_true(r.hv_evaluations > 0);
    }
}

/* Learning rates are below 2 / L for L ~ 1.3e3 at the start and 1e3 at the minimum. Each
 * method must reach ||x - (1, 1)|| <= 1e-5 (gtol 1e-6) within its budget. */
static void test_first_order_methods(void **state) {
    (void)state;
    static const struct {
        adc_first_order_method method;
        double lr, decay;
        int budget;
    } cases[] = {
        {ADC_GD, 1e-3, 0, 40000},
        {ADC_MOMENTUM, 1e-3, 0, 5000},
        {ADC_NESTEROV, 1e-3, 0, 5000},
        {ADC_ADAGRAD, 0.3, 0, 25000},
        {ADC_RMSPROP, 1e-3, 1e-3, 150000},
        {ADC_ADADELTA, 1e-3, 0, 150000},
        {ADC_ADAM, 1e-3, 0, 15000},
        {ADC_ADAMW, 1e-3, 0, 15000},
        {ADC_NADAM, 1e-3, 0, 15000},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        adc_first_order_options o = adc_first_order_defaults(cases[k].method);
        o.linesearch = ADC_LS_NONE;
        o.learning_rate = cases[k].lr;
        o.decay = cases[k].decay;
        o.weight_decay = 0;
        o.common.max_iterations = cases[k].budget;
        double x[2];
        start(x);
        adc_optim_result r;
        adc_first_order(2, x, rosenbrock_fg, NULL, &o, &r);
        if (distance(2, x, minimizer) > 1e-5)
            print_error("%s: |x - x*| = %g after %d iterations\n",
                        adc_first_order_name(cases[k].method), distance(2, x, minimizer),
                        r.iterations);
        assert_true(distance(2, x, minimizer) <= 1e-5);
    }
}

static void test_gd_with_every_line_search(void **state) {
    (void)state;
    for (int kind = ADC_LS_DICHOTOMY; kind <= ADC_LS_WOLFE; kind++) {
        adc_first_order_options o = adc_first_order_defaults(ADC_GD);
        o.linesearch = kind;
        o.common.max_iterations = 20000;
        double x[2];
        start(x);
        adc_optim_result r;
        assert_int_equal(adc_first_order(2, x, rosenbrock_fg, NULL, &o, &r), ADC_CONVERGED_GTOL);
        assert_true(distance(2, x, minimizer) <= 1e-5);
    }
}

/* Coordinate differences drive Adam as well as the exact gradient does; the two-point
 * estimate makes slow but steady progress. */
static void test_zero_order(void **state) {
    (void)state;
    adc_zero_order_options co = adc_zero_order_defaults(ADC_ZO_COORDINATE);
    co.update = adc_first_order_defaults(ADC_ADAM);
    co.update.learning_rate = 1e-2;
    co.update.common.max_iterations = 10000;
    double x[2];
    start(x);
    adc_optim_result r;
    assert_int_equal(adc_zero_order(2, x, rosenbrock_f, NULL, &co, &r), ADC_CONVERGED_GTOL);
    assert_true(distance(2, x, minimizer) <= 1e-5);
    adc_zero_order_options to = adc_zero_order_defaults(ADC_ZO_TWO_POINT);
    to.update = adc_first_order_defaults(ADC_ADAM);
    to.update.learning_rate = 1e-2;
    to.update.decay = 1e-3;
    to.update.common.gtol = 0;
    to.update.common.max_iterations = 50000;
    start(x);
    assert_int_equal(adc_zero_order(2, x, rosenbrock_f, NULL, &to, &r), ADC_MAX_ITERATIONS);
    assert_true(distance(2, x, minimizer) <= 2e-2);
    assert_true(r.f <= 1e-3);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lbfgs_to_1e8),
        cmocka_unit_test(test_newton_cg_to_1e8_with_every_line_search),
        cmocka_unit_test(test_first_order_methods),
        cmocka_unit_test(test_gd_with_every_line_search),
        cmocka_unit_test(test_zero_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
