/* test_check.c: the derivative checks: finite-difference gradient and tangent checks pass
 * correct derivatives and single out a wrong component; the dot-product test tells a consistent
 * J / J^T pair from an inconsistent one. Invalid arguments: test_check_args.c. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "adc_check.h"

/* f(x) = 100 (x1 - x0^2)^2 + (1 - x0)^2 + exp(0.1 x2) sin(x0 x2) + x4^3 / 1e4; f does not
 * depend on x3. */
static double f_scalar(const double *x, void *ctx) {
    (void)ctx;
    double a = x[1] - x[0] * x[0], b = 1 - x[0];
    return 100 * a * a + b * b + exp(0.1 * x[2]) * sin(x[0] * x[2]) + x[4] * x[4] * x[4] / 1e4;
}

static void grad_scalar(const double *x, double *g) {
    double a = x[1] - x[0] * x[0], e = exp(0.1 * x[2]);
    g[0] = -400 * a * x[0] - 2 * (1 - x[0]) + e * cos(x[0] * x[2]) * x[2];
    g[1] = 200 * a;
    g[2] = 0.1 * e * sin(x[0] * x[2]) + e * cos(x[0] * x[2]) * x[0];
    g[3] = 0;
    g[4] = 3 * x[4] * x[4] / 1e4;
}

static const double point[5] = {-1.2, 1.0, 0.7, 3.5, 250.0};

static void test_gradient_passes(void **state) {
    (void)state;
    double g[5];
    grad_scalar(point, g);
    adc_check_result r;
    assert_int_equal(adc_check_gradient(5, point, g, f_scalar, NULL, 1e-6, &r, NULL),
                     ADC_CHECK_PASS);
    assert_true(r.max_error < 1e-8);
    assert_int_equal(r.evaluations, 4 * 5);
    assert_true(r.worst >= 0 && r.worst < 5);
}

static void test_wrong_component_fails(void **state) {
    (void)state;
    double g[5];
    grad_scalar(point, g);
    g[2] *= 1 + 1e-4;
    adc_check_result r;
    FILE *log = tmpfile();
    assert_non_null(log);
    assert_int_equal(adc_check_gradient(5, point, g, f_scalar, NULL, 1e-6, &r, log),
                     ADC_CHECK_FAIL);
    assert_int_equal(r.worst, 2);
    assert_true(r.worst_ad == g[2]);
    assert_true(fabs(r.worst_ref - g[2] / (1 + 1e-4)) < 1e-8 * fabs(g[2]));
    assert_true(r.max_error > 0.5e-4 && r.max_error < 2e-4);

    char line[256] = "";
    rewind(log);
    assert_non_null(fgets(line, sizeof line, log));
    fclose(log);
    assert_non_null(strstr(line, "adc_check_gradient: worst component 2: ad="));
    assert_non_null(strstr(line, "(tol 1e-06) FAIL\n"));
}

/* A wrong derivative where the true one is zero is caught despite the floor. */
static void test_zero_component(void **state) {
    (void)state;
    double g[5];
    grad_scalar(point, g);
    g[3] = 1e-3;
    adc_check_result r;
    assert_int_equal(adc_check_gradient(5, point, g, f_scalar, NULL, 1e-6, &r, NULL),
                     ADC_CHECK_FAIL);
    assert_int_equal(r.worst, 3);
}

static void test_nonfinite_gradient_fails(void **state) {
    (void)state;
    double g[5];
    grad_scalar(point, g);
    g[4] = NAN;
    adc_check_result r;
    assert_int_equal(adc_check_gradient(5, point, g, f_scalar, NULL, 1e-6, &r, NULL),
                     ADC_CHECK_FAIL);
    assert_int_equal(r.worst, 4);
    assert_true(isinf(r.max_error));
}

/* y0 = x0 x1 + sin(x2) * scale, y1 = exp(x0) - x2^2 / x1, with scale passed through ctx. */
static void f_vector(const double *x, double *y, void *ctx) {
    double scale = *(const double *)ctx;
    y[0] = x[0] * x[1] + sin(x[2]) * scale;
    y[1] = exp(x[0]) - x[2] * x[2] / x[1];
}

static void tangent_vector(const double *x, const double *v, double scale, double *jv) {
    jv[0] = v[0] * x[1] + x[0] * v[1] + cos(x[2]) * scale * v[2];
    jv[1] = exp(x[0]) * v[0] + x[2] * x[2] / (x[1] * x[1]) * v[1] - 2 * x[2] / x[1] * v[2];
}

static void test_tangent(void **state) {
    (void)state;
    const double x[3] = {0.3, -2.0, 40.0}, v[3] = {1.0, 0.5, -0.25};
    double scale = 3, jv[2];
    tangent_vector(x, v, scale, jv);
    adc_check_result r;
    assert_int_equal(adc_check_tangent(3, 2, x, v, jv, f_vector, &scale, 1e-6, &r, NULL),
                     ADC_CHECK_PASS);
    assert_true(r.max_error < 1e-8);
    assert_int_equal(r.evaluations, 4);

    jv[1] += 1e-3;
    assert_int_equal(adc_check_tangent(3, 2, x, v, jv, f_vector, &scale, 1e-6, &r, NULL),
                     ADC_CHECK_FAIL);
    assert_int_equal(r.worst, 1);

    const double zero[3] = {0, 0, 0}, jv0[2] = {0, 0};
    assert_int_equal(adc_check_tangent(3, 2, x, zero, jv0, f_vector, &scale, 1e-6, &r, NULL),
                     ADC_CHECK_PASS);
}

/* A small linear congruential generator for reproducible numbers in [-1, 1). */
static double next_random(unsigned long *seed) {
    *seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
    return (double)(*seed >> 11) / (double)(1UL << 52) - 1;
}

enum { ROWS = 5, COLS = 3 };

static void apply(const double a[ROWS][COLS], const double *v, double *jv) {
    for (int i = 0; i < ROWS; i++) {
        jv[i] = 0;
        for (int j = 0; j < COLS; j++)
            jv[i] += a[i][j] * v[j];
    }
}

static void apply_transpose(const double a[ROWS][COLS], const double *w, double *jtw) {
    for (int j = 0; j < COLS; j++) {
        jtw[j] = 0;
        for (int i = 0; i < ROWS; i++)
            jtw[j] += a[i][j] * w[i];
    }
}

static void test_dot_product(void **state) {
    (void)state;
    unsigned long seed = 12345;
    double a[ROWS][COLS], v[COLS], w[ROWS], jv[ROWS], jtw[COLS];
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++)
            a[i][j] = next_random(&seed);
    for (int j = 0; j < COLS; j++)
        v[j] = next_random(&seed);
    for (int i = 0; i < ROWS; i++)
        w[i] = next_random(&seed);
    apply(a, v, jv);
    apply_transpose(a, w, jtw);
    adc_check_result r;
    FILE *log = tmpfile();
    assert_non_null(log);
    assert_int_equal(adc_check_adjoint(COLS, ROWS, v, jv, w, jtw, 1e-6, &r, log), ADC_CHECK_PASS);
    assert_true(r.max_error < 1e-12);
    assert_int_equal(r.worst, -1);
    assert_int_equal(r.evaluations, 0);
    char line[256] = "";
    rewind(log);
    assert_non_null(fgets(line, sizeof line, log));
    fclose(log);
    assert_non_null(strstr(line, "adc_check_adjoint: "));
    assert_non_null(strstr(line, "PASS\n"));

    a[3][1] += 0.01;  /* the adjoint of a different matrix */
    apply_transpose(a, w, jtw);
    assert_int_equal(adc_check_adjoint(COLS, ROWS, v, jv, w, jtw, 1e-6, &r, NULL), ADC_CHECK_FAIL);
    assert_true(r.max_error > 1e-4);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gradient_passes),
        cmocka_unit_test(test_wrong_component_fails),
        cmocka_unit_test(test_zero_component),
        cmocka_unit_test(test_nonfinite_gradient_fails),
        cmocka_unit_test(test_tangent),
        cmocka_unit_test(test_dot_product),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
