/* test_activity.c: activity analysis (activity.c) on lowered functions: varied, useful and
 * active flags of variables, expressions and statements, pointer aliasing, callee outputs,
 * and the errors it reports. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "activity.h"
#include "unit_util.h"

static void assert_flags(const Func *fn, const char *name, bool varied, bool useful, bool active) {
    const Var *v = find_var(fn, name);
    if (v->varied != varied || v->useful != useful || v->active != active)
        fail_msg("%s: varied %d useful %d active %d, expected %d %d %d", name, v->varied, v->useful,
                 v->active, varied, useful, active);
}

static const char *const act_src =
    "#include <adc.h>\n"
    "ADC_DIFF(wrt(x))\n"
    "double act(int n, const double *x, double c) {\n"
    "    double v = x[0] * 2.0;\n"
    "    double u = c * 3.0;\n"
    "    double a[4];\n"
    "    double b[2];\n"
    "    double *p = a;\n"
    "    double *q = b;\n"
    "    a[0] = x[1];\n"
    "    q[0] = x[0];\n"
    "    double k = 5.0;\n"
    "    double s = u * x[0] + p[1] + b[1] * k;\n"
    "    v = v + 1.0;\n"
    "    return s + n;\n"
    "}\n";

static void test_variables(void **state) {
    (void)state;
    Func *fn = find_func(load_source(act_src), "act");
    assert_int_equal(activity_analyze(fn, fn->body, fn->wrt, true), 0);
    assert_flags(fn, "n", false, false, false);
    assert_flags(fn, "x", true, true, true);
    assert_flags(fn, "c", false, true, false); /* floating, but not in wrt */
    assert_flags(fn, "v", true, false, false); /* varied but never reaches the result */
    assert_flags(fn, "u", false, true, false); /* useful but depends on no active input */
    assert_flags(fn, "k", false, true, false);
    assert_flags(fn, "s", true, true, true);
    /* a local pointer into an active array is active, and the array through the pointer */
    assert_flags(fn, "a", true, true, true);
    assert_flags(fn, "p", true, true, true);
    assert_flags(fn, "b", true, true, true); /* written through q, read directly */
    assert_flags(fn, "q", true, true, true);
}

static void test_statements_and_expressions(void **state) {
    (void)state;
    Func *fn = find_func(load_source(act_src), "act");
    assert_int_equal(activity_analyze(fn, fn->body, fn->wrt, true), 0);
    Stmt **body = fn->body->body;
    assert_int_equal(fn->body->nbody, 12);
    static const bool active[12] = {false, false, true, true, true, true, true, true, false, true, false, true};
    for (int i = 0; i < 12; i++)
        if (body[i]->active != active[i])
            fail_msg("statement %d (line %u): active %d", i, body[i]->loc.line, body[i]->active);
    assert_true(fn->body->active);
    /* s = u * x[0] + p[1] + b[1] * k */
    Expr *e = body[9]->rhs;
    assert_string_equal(expr_text(e), "u * x[0] + p[1] + b[1] * k");
    assert_true(e->active);
    Expr *ux = e->lhs->lhs, *bk = e->rhs;
    assert_true(ux->active);
    assert_false(ux->lhs->active); /* u */
    assert_true(ux->rhs->active);  /* x[0] */
    assert_false(ux->rhs->rhs->active); /* the index 0 */
    assert_true(e->lhs->rhs->active);   /* p[1] */
    assert_true(bk->active);
    assert_false(bk->rhs->active); /* k */
    /* return s + n: n is an integer */
    Expr *r = body[11]->rhs;
    assert_true(r->active);
    assert_false(r->rhs->active);
    /* v = x[0] * 2.0: the expression depends on an active input, the statement is inactive
     * because v is not useful. */
    assert_true(body[0]->rhs->active);
    assert_false(body[0]->active);
    assert_false(body[12 - 2]->active); /* v = v + 1.0 */
    assert_false(body[12 - 2]->rhs->active);
}

static void test_wrt_changes_activity(void **state) {
    (void)state;
    Func *fn = find_func(load_source(act_src), "act");
    bool only_c[3] = {false, false, true};
    assert_int_equal(activity_analyze(fn, fn->body, only_c, false), 0);
    assert_flags(fn, "c", true, true, true);
    assert_flags(fn, "u", true, true, true);
    assert_flags(fn, "x", false, true, false);
    assert_flags(fn, "v", false, false, false);
    assert_flags(fn, "a", false, true, false);
    assert_flags(fn, "p", false, true, false);
    assert_flags(fn, "s", true, true, true);
    /* Re-running with the original request restores the flags. */
    assert_int_equal(activity_analyze(fn, fn->body, fn->wrt, true), 0);
    assert_flags(fn, "c", false, true, false);
    assert_flags(fn, "u", false, true, false);
    assert_flags(fn, "x", true, true, true);
}

static void test_outputs_and_calls(void **state) {
    (void)state;
    static const char src[] =
        "#include <adc.h>\n"
        "static void axpy(int n, double a, const double *x, double *y) {\n"
        "    for (int i = 0; i < n; i++)\n"
        "        y[i] += a * x[i];\n"
        "}\n"
        "ADC_DIFF(wrt(x, y))\n"
        "void run(int n, const double *x, double *y, double *scratch, double d) {\n"
        "    double dead = x[0];\n"
        "    double alpha = 2.0 * d;\n"
        "    axpy(n, alpha, x, y);\n"
        "    scratch[0] = d;\n"
        "}\n";
    Program *prog = load_source(src);
    Func *run = find_func(prog, "run"), *axpy = find_func(prog, "axpy");
    assert_int_equal(activity_analyze(run, run->body, run->wrt, true), 0);
    assert_flags(run, "x", true, true, true);
    assert_flags(run, "y", true, true, true); /* an active output is useful from the start */
    assert_flags(run, "alpha", false, true, false);
    assert_flags(run, "d", false, true, false);
    assert_flags(run, "dead", true, false, false);
    /* scratch[0] = d: never varied (whether it counts as useful is a known bug, see
     * test_bug_array_element_copy.c) */
    assert_false(find_var(run, "scratch")->varied);
    assert_false(find_var(run, "scratch")->active);
    Stmt *call = find_stmt(run->body, ST_CALL, 0);
    assert_true(call->active);
    assert_false(arg_is_active(call->rhs->args[1])); /* alpha */
    assert_true(arg_is_active(call->rhs->args[2]));  /* x */
    assert_true(arg_is_active(call->rhs->args[3]));  /* y */
    /* The callee, for the activity pattern of this call (a inactive). */
    bool mask[4] = {false, false, true, true};
    assert_int_equal(activity_analyze(axpy, axpy->body, mask, false), 0);
    assert_flags(axpy, "a", false, true, false);
    assert_flags(axpy, "x", true, true, true);
    assert_flags(axpy, "y", true, true, true);
    assert_flags(axpy, "i", false, false, false);
    Stmt *update = find_assign(axpy->body, "y[i]");
    assert_non_null(update);
    assert_true(update->active);
    assert_true(update->rhs->active);
    assert_false(update->rhs->lhs->active);
}

static void test_errors(void **state) {
    (void)state;
    /* A pointer parameter written with active values but left out of wrt. */
    static const char src[] =
        "#include <adc.h>\n"
        "double ext(double);\n"
        "ADC_DIFF(wrt(x))\n"
        "double leak(const double *x, double *out) {\n"
        "    out[0] = x[0];\n"
        "    return out[0] * 2.0;\n"
        "}\n"
        "ADC_DIFF(wrt(x))\n"
        "double opaque(double x) {\n"
        "    double y = ext(x);\n"
        "    return y;\n"
        "}\n";
    Program *prog = load_source(src);
    Func *leak = find_func(prog, "leak"), *opaque = find_func(prog, "opaque");
    assert_int_equal(activity_analyze(leak, leak->body, leak->wrt, true), 1);
    /* Not requested (a callee's instance): the same pattern is allowed. */
    assert_int_equal(activity_analyze(leak, leak->body, leak->wrt, false), 0);
    assert_flags(leak, "out", true, true, true);
    assert_int_equal(activity_analyze(opaque, opaque->body, opaque->wrt, true), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_variables, ir_teardown),
        cmocka_unit_test_teardown(test_statements_and_expressions, ir_teardown),
        cmocka_unit_test_teardown(test_wrt_changes_activity, ir_teardown),
        cmocka_unit_test_teardown(test_outputs_and_calls, ir_teardown),
        cmocka_unit_test_teardown(test_errors, ir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
