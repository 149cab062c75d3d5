/* test_regress_shadow_of_sum.c: regression test of a fixed bug: shadow_text must return NULL for an expression that does not designate a variable's
 * memory (c_text.h). For `a + b` with no pointer operand, shadow_into's pointer-arithmetic
 * case assumes the `k + p` form without checking that the right operand is a pointer, and
 * returns "a + b_d". Latent today (the transforms call it on lvalues and pointer arguments),
 * but a caller relying on NULL to detect non-lvalues gets a bogus derivative expression. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "c_text.h"

static void test_sum_of_scalars_has_no_shadow(void **state) {
    (void)state;
    SrcLoc loc = {NULL, 0, 0};
    Func *fn = ir_alloc(sizeof *fn);
    Type *dbl = type_new(TY_DOUBLE), *integer = type_new(TY_INT);
    integer->name = "int";
    Expr *a = expr_var(func_add_var(fn, "a", dbl, VAR_LOCAL, loc), loc);
    Expr *b = expr_var(func_add_var(fn, "b", dbl, VAR_LOCAL, loc), loc);
    Expr *k = expr_var(func_add_var(fn, "k", integer, VAR_LOCAL, loc), loc);
    Expr *n = expr_var(func_add_var(fn, "n", integer, VAR_LOCAL, loc), loc);
    assert_null(shadow_text(expr_binary(OP_ADD, a, b, dbl), "_d"));
    assert_null(shadow_text(expr_binary(OP_ADD, k, n, integer), "_b"));
    ir_free_all();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sum_of_scalars_has_no_shadow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
