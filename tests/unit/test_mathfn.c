/* test_mathfn.c: the table of differentiable math.h functions: every supported name and its
 * f-suffixed form, arities, partial templates, kinks, and names that must not match. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "mathfn.h"

static const struct {
    const char *name;
    int nargs;
    bool zero_derivative; /* floor, ceil, ...: both partials NULL */
    bool kink;
} supported[] = {
    {"exp", 1, false, false},   {"exp2", 1, false, false},  {"expm1", 1, false, false},
    {"log", 1, false, false},   {"log2", 1, false, false},  {"log10", 1, false, false},
    {"log1p", 1, false, false}, {"sqrt", 1, false, false},  {"cbrt", 1, false, false},
    {"pow", 2, false, false},   {"sin", 1, false, false},   {"cos", 1, false, false},
    {"tan", 1, false, false},   {"asin", 1, false, false},  {"acos", 1, false, false},
    {"atan", 1, false, false},  {"atan2", 2, false, false}, {"sinh", 1, false, false},
    {"cosh", 1, false, false},  {"tanh", 1, false, false},  {"asinh", 1, false, false},
    {"acosh", 1, false, false}, {"atanh", 1, false, false}, {"erf", 1, false, false},
    {"erfc", 1, false, false},  {"hypot", 2, false, false}, {"fabs", 1, false, true},
    {"fmin", 2, false, true},   {"fmax", 2, false, true},   {"fmod", 2, false, true},
    {"floor", 1, true, true},   {"ceil", 1, true, true},    {"trunc", 1, true, true},
    {"round", 1, true, true},   {"rint", 1, true, true},    {"nearbyint", 1, true, true},
    {"lgamma", 1, false, false}, {"tgamma", 1, false, false}, {"fdim", 2, false, true},
    {"remainder", 2, false, true}, {"fma", 3, false, false}, {"nextafter", 2, false, false},
    {"copysign", 2, false, true}, {"ldexp", 2, false, false},
};

static void check_entry(const MathFn *m, size_t i) {
    assert_non_null(m);
    assert_string_equal(m->name, supported[i].name);
    assert_int_equal(m->nargs, supported[i].nargs);
    assert_int_equal(m->kink, supported[i].kink);
    if (supported[i].zero_derivative) {
        assert_null(m->partial[0]);
        assert_null(m->partial[1]);
    } else {
        /* copysign, ldexp, nextafter: only the first argument has a derivative */
        bool first_only = strcmp(m->name, "copysign") == 0 || strcmp(m->name, "ldexp") == 0 ||
                          strcmp(m->name, "nextafter") == 0;
        for (int k = 0; k < MATH_MAX_ARGS; k++)
            if (k < m->nargs && (k == 0 || !first_only))
                assert_non_null(m->partial[k]);
            else
                assert_null(m->partial[k]);
    }
}

static void test_every_name(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof supported / sizeof supported[0]; i++) {
        char suffix = 'f';
        const MathFn *m = mathfn_lookup(supported[i].name, &suffix);
        if (!m)
            fail_msg("'%s' not found", supported[i].name);
        assert_int_equal(suffix, '\0');
        check_entry(m, i);
    }
}

/* The float and long double forms (sinf, sinl) are the same entry as the double form. */
static void test_every_float_name(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof supported / sizeof supported[0]; i++)
        for (const char *s = "fl"; *s; s++) {
            char name[32];
            snprintf(name, sizeof name, "%s%c", supported[i].name, *s);
            char suffix = '\0';
            const MathFn *m = mathfn_lookup(name, &suffix);
            if (!m)
                fail_msg("'%s' not found", name);
            assert_int_equal(suffix, *s);
            check_entry(m, i);
            char none;
            assert_ptr_equal(m, mathfn_lookup(supported[i].name, &none));
        }
}

static void test_partials(void **state) {
    (void)state;
    char f;
    assert_string_equal(mathfn_lookup("sin", &f)->partial[0], "@cos($0)");
    assert_string_equal(mathfn_lookup("cos", &f)->partial[0], "-@sin($0)");
    assert_string_equal(mathfn_lookup("exp", &f)->partial[0], "$r");
    assert_string_equal(mathfn_lookup("sqrt", &f)->partial[0], "0.5 / $r");
    assert_string_equal(mathfn_lookup("log", &f)->partial[0], "1.0 / $0");
    assert_string_equal(mathfn_lookup("hypot", &f)->partial[1], "($r == 0.0 ? 0.0 : $1 / $r)");
    assert_true(mathfn_lookup("sqrt", &f)->unbounded);
    assert_false(mathfn_lookup("sin", &f)->unbounded);
    /* what clang makes of some math.h calls */
    assert_ptr_equal(mathfn_lookup("__builtin_sin", &f), mathfn_lookup("sin", &f));
    assert_int_equal(f, '\0');
    assert_ptr_equal(mathfn_lookup("__builtin_powf", &f), mathfn_lookup("pow", &f));
    assert_true(mathfn_lookup("__builtin_powf", &f) && f == 'f');
    assert_true(mathfn_lookup("__builtin_expl", &f) && f == 'l');
}

static void test_unknown(void **state) {
    (void)state;
    static const char *const names[] = {
        "sinx", "f", "expff", "", "Sin", "sin ", "sinf2", "ff", "exp2ff", "logf1p", "fabslf",
        "sinlf", "sinll", "printf", "max", "powf_", "atan2f2",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char suffix;
        if (mathfn_lookup(names[i], &suffix))
            fail_msg("'%s' should not be a math function", names[i]);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_name),
        cmocka_unit_test(test_every_float_name),
        cmocka_unit_test(test_partials),
        cmocka_unit_test(test_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
