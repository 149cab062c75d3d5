/* test_regress_opaque_call_in_return.c: regression test of a fixed bug: a call to a function with no definition in the file (not a math function) whose argument
 * is active must be refused ("cannot differentiate through 'ext'"). activity.c does so for
 * declarations and assignments, but for `return ext(x);` mark_stmt passes
 * feeds_active = mark_expr(rhs), which is false because mark_expr never marks an opaque call
 * active. Tangent mode (which analyses fn->body, where the return is still a return) then
 * silently generates *opaque_d = 0.0: a wrong derivative with exit status 0.
 * (Reverse mode reports the error, because normalize.c turns the return into an assignment.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "activity.h"
#include "unit_util.h"

static const char src[] =
    "#include <adc.h>\n"
    "double ext(double);\n"
    "ADC_DIFF(wrt(x), modes(tangent))\n"
    "double direct(double x) {\n"
    "    return ext(x);\n"
    "}\n"
    "ADC_DIFF(wrt(x), modes(tangent))\n"
    "double scaled(double x) {\n"
    "    return 2.0 * ext(x);\n"
    "}\n";

static void test_return_of_opaque_call_is_refused(void **state) {
    (void)state;
    Program *prog = load_source(src);
    Func *direct = find_func(prog, "direct"), *scaled = find_func(prog, "scaled");
    assert_int_equal(activity_analyze(direct, direct->body, direct->wrt, true), 1);
    assert_int_equal(activity_analyze(scaled, scaled->body, scaled->wrt, true), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_return_of_opaque_call_is_refused, ir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
