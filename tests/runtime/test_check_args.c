/* test_check_args.c: invalid arguments of the derivative checks, one table row per entry point
 * and kind of mistake. Each must return ADC_CHECK_EINVAL without calling f, writing result or
 * printing to log; non-finite derivatives or values, by contrast, are judged (FAIL). */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "adc_check.h"

typedef enum check_kind { GRADIENT, TANGENT, ADJOINT } check_kind;

/* One call of a check. GRADIENT uses n, x, ad (the gradient), tol; TANGENT n, m, x, v, ad (jv),
 * tol; ADJOINT n, m, v, ad (jv), w, adt (jtw), tol. has_f: pass the function (else NULL). */
typedef struct call {
    const char *what;
    check_kind kind;
    int n, m;
    const double *x, *v, *w, *ad, *adt;
    int has_f;
    double tol;
} call;

/* Counts its calls through ctx; y = x (n = m = 2), f = x0 + x1. Returns `value` when set. */
typedef struct probe {
    int calls;
    double value;  /* 0: the true value */
} probe;

static double sum_fn(const double *x, void *ctx) {
    probe *p = ctx;
    p->calls++;
    return p->value != 0 ? p->value : x[0] + x[1];
}

static void identity_fn(const double *x, double *y, void *ctx) {
    probe *p = ctx;
    p->calls++;
    y[0] = p->value != 0 ? p->value : x[0];
    y[1] = x[1];
}

static int run(const call *c, probe *p, adc_check_result *r, FILE *log) {
    switch (c->kind) {
    case GRADIENT:
        return adc_check_gradient(c->n, c->x, c->ad, c->has_f ? sum_fn : NULL, p, c->tol, r, log);
    case TANGENT:
        return adc_check_tangent(c->n, c->m, c->x, c->v, c->ad, c->has_f ? identity_fn : NULL, p,
                                 c->tol, r, log);
    case ADJOINT:
        return adc_check_adjoint(c->n, c->m, c->v, c->ad, c->w, c->adt, c->tol, r, log);
    }
    return 99;
}

static const double ok[2] = {1, 1}, with_nan[2] = {1, NAN}, pos_inf[2] = {INFINITY, 0},
                    neg_inf[2] = {0, -INFINITY};

/* For f = x0 + x1 the gradient is `ok`; for y = x, jv = v; the adjoint pair J = I holds. */
static const call valid[] = {
    {"gradient", GRADIENT, 2, 1, ok, NULL, NULL, ok, NULL, 1, 1e-6},
    {"tangent", TANGENT, 2, 2, ok, ok, NULL, ok, NULL, 1, 1e-6},
    {"adjoint", ADJOINT, 2, 2, NULL, ok, ok, ok, ok, 0, 1e-6},
};

static const call invalid[] = {
    {"gradient n = 0", GRADIENT, 0, 1, ok, NULL, NULL, ok, NULL, 1, 1e-6},
    {"gradient n < 0", GRADIENT, -2, 1, ok, NULL, NULL, ok, NULL, 1, 1e-6},
    {"gradient x NULL", GRADIENT, 2, 1, NULL, NULL, NULL, ok, NULL, 1, 1e-6},
    {"gradient grad NULL", GRADIENT, 2, 1, ok, NULL, NULL, NULL, NULL, 1, 1e-6},
    {"gradient f NULL", GRADIENT, 2, 1, ok, NULL, NULL, ok, NULL, 0, 1e-6},
    {"gradient x NaN", GRADIENT, 2, 1, with_nan, NULL, NULL, ok, NULL, 1, 1e-6},
    {"gradient x +Inf", GRADIENT, 2, 1, pos_inf, NULL, NULL, ok, NULL, 1, 1e-6},
    {"gradient x -Inf", GRADIENT, 2, 1, neg_inf, NULL, NULL, ok, NULL, 1, 1e-6},
    {"gradient tol < 0", GRADIENT, 2, 1, ok, NULL, NULL, ok, NULL, 1, -1e-9},
    {"gradient tol NaN", GRADIENT, 2, 1, ok, NULL, NULL, ok, NULL, 1, NAN},
    {"gradient tol Inf", GRADIENT, 2, 1, ok, NULL, NULL, ok, NULL, 1, INFINITY},

    {"tangent n = 0", TANGENT, 0, 2, ok, ok, NULL, ok, NULL, 1, 1e-6},
    {"tangent m = 0", TANGENT, 2, 0, ok, ok, NULL, ok, NULL, 1, 1e-6},
    {"tangent m < 0", TANGENT, 2, -1, ok, ok, NULL, ok, NULL, 1, 1e-6},
    {"tangent x NULL", TANGENT, 2, 2, NULL, ok, NULL, ok, NULL, 1, 1e-6},
    {"tangent v NULL", TANGENT, 2, 2, ok, NULL, NULL, ok, NULL, 1, 1e-6},
    {"tangent jv NULL", TANGENT, 2, 2, ok, ok, NULL, NULL, NULL, 1, 1e-6},
    {"tangent f NULL", TANGENT, 2, 2, ok, ok, NULL, ok, NULL, 0, 1e-6},
    {"tangent x NaN", TANGENT, 2, 2, with_nan, ok, NULL, ok, NULL, 1, 1e-6},
    {"tangent x +Inf", TANGENT, 2, 2, pos_inf, ok, NULL, ok, NULL, 1, 1e-6},
    {"tangent v NaN", TANGENT, 2, 2, ok, with_nan, NULL, ok, NULL, 1, 1e-6},
    {"tangent v -Inf", TANGENT, 2, 2, ok, neg_inf, NULL, ok, NULL, 1, 1e-6},
    {"tangent tol NaN", TANGENT, 2, 2, ok, ok, NULL, ok, NULL, 1, NAN},
    {"tangent tol Inf", TANGENT, 2, 2, ok, ok, NULL, ok, NULL, 1, INFINITY},

    {"adjoint n = 0", ADJOINT, 0, 2, NULL, ok, ok, ok, ok, 0, 1e-6},
    {"adjoint m = 0", ADJOINT, 2, 0, NULL, ok, ok, ok, ok, 0, 1e-6},
    {"adjoint v NULL", ADJOINT, 2, 2, NULL, NULL, ok, ok, ok, 0, 1e-6},
    {"adjoint jv NULL", ADJOINT, 2, 2, NULL, ok, ok, NULL, ok, 0, 1e-6},
    {"adjoint w NULL", ADJOINT, 2, 2, NULL, ok, NULL, ok, ok, 0, 1e-6},
    {"adjoint jtw NULL", ADJOINT, 2, 2, NULL, ok, ok, ok, NULL, 0, 1e-6},
    {"adjoint v NaN", ADJOINT, 2, 2, NULL, with_nan, ok, ok, ok, 0, 1e-6},
    {"adjoint v +Inf", ADJOINT, 2, 2, NULL, pos_inf, ok, ok, ok, 0, 1e-6},
    {"adjoint w NaN", ADJOINT, 2, 2, NULL, ok, with_nan, ok, ok, 0, 1e-6},
    {"adjoint w -Inf", ADJOINT, 2, 2, NULL, ok, neg_inf, ok, ok, 0, 1e-6},
    {"adjoint tol < 0", ADJOINT, 2, 2, NULL, ok, ok, ok, ok, 0, -1},
    {"adjoint tol NaN", ADJOINT, 2, 2, NULL, ok, ok, ok, ok, 0, NAN},
    {"adjoint tol Inf", ADJOINT, 2, 2, NULL, ok, ok, ok, ok, 0, INFINITY},
};

/* Derivatives or values that are not finite are what a check is for: they fail, not err. */
static const call judged[] = {
    {"gradient grad NaN", GRADIENT, 2, 1, ok, NULL, NULL, with_nan, NULL, 1, 1e-6},
    {"tangent jv +Inf", TANGENT, 2, 2, ok, ok, NULL, pos_inf, NULL, 1, 1e-6},
    {"adjoint jv NaN", ADJOINT, 2, 2, NULL, ok, ok, with_nan, ok, 0, 1e-6},
    {"adjoint jtw -Inf", ADJOINT, 2, 2, NULL, ok, ok, ok, neg_inf, 0, 1e-6},
};

static void test_valid_calls_pass(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof valid / sizeof *valid; i++) {
        probe p = {0};
        adc_check_result r;
        if (run(&valid[i], &p, &r, NULL) != ADC_CHECK_PASS)
            fail_msg("%s: a valid call did not pass", valid[i].what);
    }
}

static void test_invalid_calls_change_nothing(void **state) {
    (void)state;
    FILE *log = tmpfile();
    assert_non_null(log);
    for (size_t i = 0; i < sizeof invalid / sizeof *invalid; i++) {
        probe p = {0};
        adc_check_result r = {.max_error = 123, .worst = 7, .evaluations = 9};
        int status = run(&invalid[i], &p, &r, log);
        if (status != ADC_CHECK_EINVAL)
            fail_msg("%s: status %d, not ADC_CHECK_EINVAL", invalid[i].what, status);
        if (p.calls != 0 || r.max_error != 123 || r.worst != 7 || r.evaluations != 9)
            fail_msg("%s: f called or result written", invalid[i].what);
        assert_int_equal(ftell(log), 0);
        /* And with result and log NULL, which are optional. */
        assert_int_equal(run(&invalid[i], &p, NULL, NULL), ADC_CHECK_EINVAL);
    }
    fclose(log);
}

static void test_nonfinite_derivatives_fail(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof judged / sizeof *judged; i++) {
        probe p = {0};
        adc_check_result r;
        if (run(&judged[i], &p, &r, NULL) != ADC_CHECK_FAIL || !isinf(r.max_error))
            fail_msg("%s: not a FAIL with infinite error", judged[i].what);
    }
    /* f returning NaN makes the reference NaN. */
    for (size_t i = 0; i < 2; i++) {
        probe p = {.value = NAN};
        adc_check_result r;
        assert_int_equal(run(&valid[i], &p, &r, NULL), ADC_CHECK_FAIL);
        assert_true(isinf(r.max_error));
        assert_int_equal(p.calls, r.evaluations);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_calls_pass),
        cmocka_unit_test(test_invalid_calls_change_nothing),
        cmocka_unit_test(test_nonfinite_derivatives_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
