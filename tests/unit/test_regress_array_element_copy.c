/* test_regress_array_element_copy.c: regression test of a fixed bug: activity.c's flow_assign treated an assignment *into an element* of an array or pointer
 * (`t[0] = data[0];`) as pointer aliasing, because it tests the type of the destination's
 * root variable (t: an array) instead of the assigned lvalue (t[0]: a double). The two
 * arrays then share varied/useful flags: an unrelated const input becomes "active", and a
 * requested function is refused with "parameter 'data' of 'f' carries derivatives but is not
 * in wrt(...)" although it only reads data. The same happens for `p[0] = d;` with d a
 * scalar: d and p share flags. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "activity.h"
#include "unit_util.h"

static void test_copy_from_inactive_input(void **state) {
    (void)state;
    static const char src[] =
        "#include <adc.h>\n"
        "ADC_DIFF(wrt(x))\n"
        "double f(const double *x, const double *data) {\n"
        "    double t[2];\n"
        "    t[0] = data[0];\n"
        "    t[1] = x[0];\n"
        "    return t[0] * t[1];\n"
        "}\n";
    Func *fn = find_func(load_source(src), "f");
    assert_int_equal(activity_analyze(fn, fn->body, fn->wrt, true), 0);
    Var *data = find_var(fn, "data"), *t = find_var(fn, "t");
    assert_false(data->varied);
    assert_true(data->useful);
    assert_false(data->active);
    assert_true(t->active);
}

static void test_copy_into_dead_array(void **state) {
    (void)state;
    static const char src[] =
        "#include <adc.h>\n"
        "ADC_DIFF(wrt(y))\n"
        "void g(double *y) {\n"
        "    double t[3];\n"
        "    t[0] = y[0];\n"
        "    y[1] = 2.0 * y[0];\n"
        "}\n";
    Func *fn = find_func(load_source(src), "g");
    assert_int_equal(activity_analyze(fn, fn->body, fn->wrt, true), 0);
    Var *t = find_var(fn, "t");
    assert_true(t->varied);
    assert_false(t->useful); /* written, never read */
    assert_false(t->active);
    assert_false(find_stmt(fn->body, ST_ASSIGN, 0)->active);
}

static void test_scalar_into_output(void **state) {
    (void)state;
    static const char src[] =
        "#include <adc.h>\n"
        "ADC_DIFF(wrt(x))\n"
        "double h(double x, double d, double *scratch) {\n"
        "    scratch[0] = d;\n"
        "    return x * d;\n"
        "}\n";
    Func *fn = find_func(load_source(src), "h");
    assert_int_equal(activity_analyze(fn, fn->body, fn->wrt, true), 0);
    Var *scratch = find_var(fn, "scratch");
    assert_false(scratch->varied);
    assert_false(scratch->useful); /* nothing flows from scratch to the result */
    assert_false(scratch->active);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        /* (errors are counted globally and fail every later frontend_load: the test that
         * reports one runs last) */
        cmocka_unit_test_teardown(test_copy_into_dead_array, ir_teardown),
        cmocka_unit_test_teardown(test_scalar_into_output, ir_teardown),
        cmocka_unit_test_teardown(test_copy_from_inactive_input, ir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
