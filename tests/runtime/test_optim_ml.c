/* test_optim_ml.c: small machine-learning problems: L2-regularized logistic regression on 60
 * deterministic samples (reference minimizer from Newton-CG, checked by its gradient norm),
 * solved by every method including mini-batch SGD; and the hinge-loss SVM homework solved
 * by the subgradient method, against its minimizer worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "adc_runtime.h"
#include "test_optim_problems.h"

typedef struct fixture {
    logistic data;
    double w_star[LOGIT_N];
    double f_star;
} fixture;

static int setup(void **state) {
    static fixture fx;
    logistic_init(&fx.data);
    memset(fx.w_star, 0, sizeof fx.w_star);
    adc_newton_cg_options o = adc_newton_cg_defaults();
    o.common.gtol = 1e-13;
    adc_optim_result r;
    if (adc_newton_cg(LOGIT_N, fx.w_star, logistic_fg, logistic_hv, &fx.data, &o, &r) !=
        ADC_CONVERGED_GTOL)
        return -1;
    fx.f_star = r.f;
    *state = &fx;
    return 0;
}

/* The reference really is stationary, and L-BFGS agrees with it. */
static void test_logistic_reference(void **state) {
    fixture *fx = *state;
    double g[LOGIT_N], w[LOGIT_N] = {0};
    logistic_fg(fx->w_star, g, &fx->data);
    assert_true(distance(LOGIT_N, g, (double[LOGIT_N]){0}) <= 1e-13);
    adc_lbfgs_options o = adc_lbfgs_defaults();
    o.common.gtol = 1e-10;
    adc_optim_result r;
    assert_int_equal(adc_lbfgs(LOGIT_N, w, logistic_fg, &fx->data, &o, &r), ADC_CONVERGED_GTOL);
    assert_true(distance(LOGIT_N, w, fx->w_star) <= 1e-8);
    assert_near(r.f, fx->f_star, 1e-14);
}

/* Every first-order method, with a learning rate suited to it (L ~ 1 here). */
static void test_logistic_first_order(void **state) {
    fixture *fx = *state;
    static const struct {
        adc_first_order_method method;
        double lr, decay, tol;
    } cases[] = {
        {ADC_GD, 1.0, 0, 1e-5},      {ADC_MOMENTUM, 0.5, 0, 1e-5}, {ADC_NESTEROV, 0.5, 0, 1e-5},
        {ADC_ADAGRAD, 0.5, 0, 1e-5}, {ADC_RMSPROP, 1e-2, 1e-2, 1e-4},
        {ADC_ADADELTA, 0.5, 0, 1e-5}, {ADC_ADAM, 1e-3, 0, 1e-5},  {ADC_ADAMW, 1e-3, 0, 1e-5},
        {ADC_NADAM, 1e-3, 0, 1e-5},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        adc_first_order_options o = adc_first_order_defaults(cases[k].method);
        o.linesearch = ADC_LS_NONE;
        o.learning_rate = cases[k].lr;
        o.decay = cases[k].decay;
        o.weight_decay = 0;
        o.common.gtol = 1e-7;
        o.common.max_iterations = 20000;
        double w[LOGIT_N] = {0};
        adc_optim_result r;
        adc_first_order(LOGIT_N, w, logistic_fg, &fx->data, &o, &r);
        assert_true(distance(LOGIT_N, w, fx->w_star) <= cases[k].tol);
        assert_true(r.f - fx->f_star <= 1e-8);
    }
}

/* Mini-batches of 4 with a decaying rate approach the minimizer; full batches are GD. */
static void test_logistic_sgd(void **state) {
    fixture *fx = *state;
    adc_sgd_options o = adc_sgd_defaults(ADC_GD);
    o.batch_size = 4;
    o.update.learning_rate = 1.0;
    o.update.decay = 0.1;
    o.update.common.gtol = 0;
    o.update.common.max_iterations = 20000;
    double w[LOGIT_N] = {0};
    adc_optim_result r;
    assert_int_equal(adc_sgd(LOGIT_N, w, logistic_fg_batch, LOGIT_SAMPLES, &fx->data, &o, &r),
                     ADC_MAX_ITERATIONS);
    assert_true(distance(LOGIT_N, w, fx->w_star) <= 2e-3);
    assert_true(r.f - fx->f_star <= 1e-6);
    assert_true(r.grad_norm <= 1e-3);
    assert_int_equal(r.evaluations, r.iterations + 2);  /* + start + final full batch */
    /* Mini-batch Adam. */
    adc_sgd_options ao = adc_sgd_defaults(ADC_ADAM);
    ao.batch_size = 10;
    ao.update.learning_rate = 1e-2;
    ao.update.decay = 1e-3;
    ao.update.common.max_iterations = 20000;
    memset(w, 0, sizeof w);
    adc_sgd(LOGIT_N, w, logistic_fg_batch, LOGIT_SAMPLES, &fx->data, &ao, &r);
    assert_true(distance(LOGIT_N, w, fx->w_star) <= 2e-3);
    /* A batch of all samples (any order) is plain GD, up to summation order. */
    adc_sgd_options fo = adc_sgd_defaults(ADC_GD);
    fo.batch_size = 1000;
    fo.update.learning_rate = 0.5;
    fo.update.common.max_iterations = 50;
    adc_first_order_options go = fo.update;
    double w_sgd[LOGIT_N] = {0}, w_gd[LOGIT_N] = {0};
    adc_optim_result rs, rg;
    adc_sgd(LOGIT_N, w_sgd, logistic_fg_batch, LOGIT_SAMPLES, &fx->data, &fo, &rs);
    adc_first_order(LOGIT_N, w_gd, logistic_fg, &fx->data, &go, &rg);
    assert_int_equal(rs.iterations, rg.iterations);
    assert_true(distance(LOGIT_N, w_sgd, w_gd) <= 1e-12);
    assert_near(rs.f, rg.f, 1e-12);
}

/* The same seed gives the same run; another seed another one. */
static void test_sgd_is_reproducible(void **state) {
    fixture *fx = *state;
    adc_sgd_options o = adc_sgd_defaults(ADC_MOMENTUM);
    o.batch_size = 7;
    o.update.common.max_iterations = 100;
    double a[LOGIT_N] = {0}, b[LOGIT_N] = {0}, c[LOGIT_N] = {0};
    adc_sgd(LOGIT_N, a, logistic_fg_batch, LOGIT_SAMPLES, &fx->data, &o, NULL);
    adc_sgd(LOGIT_N, b, logistic_fg_batch, LOGIT_SAMPLES, &fx->data, &o, NULL);
    o.seed = 2;
    adc_sgd(LOGIT_N, c, logistic_fg_batch, LOGIT_SAMPLES, &fx->data, &o, NULL);
    assert_memory_equal(a, b, sizeof a);
    assert_true(distance(LOGIT_N, a, c) > 0);
}

/* Every sample is visited exactly once per epoch, in batches of the requested size. */
typedef struct visit_log {
    int visits[LOGIT_SAMPLES];
    int calls;
    int sizes[16];
} visit_log;

static double logging_fg_batch(const double *x, const int *batch, int size, double *g,
                               void *ctx) {
    visit_log *log = ctx;
    if (log->calls < 16)
        log->sizes[log->calls] = size;
    log->calls++;
    for (int k = 0; k < size; k++)
        log->visits[batch[k]]++;
    g[0] = x[0];
    return 0.5 * x[0] * x[0];
}

static void test_sgd_visits_every_sample_each_epoch(void **state) {
    (void)state;
    visit_log log;
    memset(&log, 0, sizeof log);
    adc_sgd_options o = adc_sgd_defaults(ADC_GD);
    o.batch_size = 25;
    o.update.common.gtol = 0;
    o.update.common.max_iterations = 5;  /* 6 batches: two epochs of 25 + 25 + 10 */
    double x = 1;
    adc_optim_result r;
    adc_sgd(1, &x, logging_fg_batch, LOGIT_SAMPLES, &log, &o, &r);
    assert_int_equal(log.calls, 7);  /* 6 batches and the final full batch */
    const int sizes[7] = {25, 25, 10, 25, 25, 10, LOGIT_SAMPLES};
    for (int k = 0; k < 7; k++)
        assert_int_equal(log.sizes[k], sizes[k]);
    for (int i = 0; i < LOGIT_SAMPLES; i++)
        assert_int_equal(log.visits[i], 3);
}

/* Subgradient method with steps ~ 1 / (mu k), mu = 0.2 the strong convexity of L. */
static void test_svm_subgradient(void **state) {
    (void)state;
    adc_first_order_options o = adc_first_order_defaults(ADC_GD);
    o.linesearch = ADC_LS_NONE;
    o.learning_rate = 2.5;
    o.decay = 0.1;
    o.common.gtol = 0;
    o.common.max_iterations = 100000;
    double theta[SVM_N] = {1, 1, 0};
    adc_optim_result r;
    assert_int_equal(adc_first_order(SVM_N, theta, svm_fg, NULL, &o, &r), ADC_MAX_ITERATIONS);
    assert_true(distance(SVM_N, theta, svm_theta_star) <= 1e-4);
    assert_near(r.f, svm_loss_star, 1e-5);  /* L grows linearly away from a kink */
    /* The same with stochastic subgradients over single samples. */
    adc_sgd_options so = adc_sgd_defaults(ADC_GD);
    so.batch_size = 1;
    so.update = o;
    double t2[SVM_N] = {1, 1, 0};
    adc_sgd(SVM_N, t2, svm_fg_batch, SVM_SAMPLES, NULL, &so, &r);
    assert_true(distance(SVM_N, t2, svm_theta_star) <= 2e-2);
    assert_near(r.f, svm_loss_star, 1e-3);
}

/* The hand-worked minimizer: 0 is a subgradient there (point 3 on the margin with
 * multiplier 3/20) and L equals 39/80. */
static void test_svm_minimizer_is_optimal(void **state) {
    (void)state;
    double g[SVM_N];
    assert_near(svm_fg(svm_theta_star, g, NULL), svm_loss_star, 1e-15);
    /* g excludes the margin point; adding 3/20 of its hinge subgradient -y x~ gives 0 */
    const double multiplier = 3.0 / 20.0;
    assert_near(g[0] - multiplier * svm_y[2] * svm_x1[2], 0, 1e-15);
    assert_near(g[1] - multiplier * svm_y[2] * svm_x2[2], 0, 1e-15);
    assert_near(g[2] - multiplier * svm_y[2], 0, 1e-15);
    assert_true(multiplier > 0 && multiplier < 1.0 / SVM_SAMPLES);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_logistic_reference),
        cmocka_unit_test(test_logistic_first_order),
        cmocka_unit_test(test_logistic_sgd),
        cmocka_unit_test(test_sgd_is_reproducible),
        cmocka_unit_test(test_sgd_visits_every_sample_each_epoch),
        cmocka_unit_test(test_svm_subgradient),
        cmocka_unit_test(test_svm_minimizer_is_optimal),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
