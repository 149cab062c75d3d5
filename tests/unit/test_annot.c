/* test_annot.c: the ADC_DIFF annotation language (annot.c) on functions built by hand:
 * wrt lists, len expressions, modes, vector(N), the defaults, and every error. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "annot.h"

enum { P_X, P_P, P_N, P_Y, P_S, NPARAMS };

static Type *scalar(TypeKind kind, bool is_const) {
    Type *t = type_new(kind);
    t->is_const = is_const;
    if (kind == TY_INT)
        t->name = "int";
    return t;
}

/* R name(double x, const double *p, int n, double *y, float s) */
static Func *make_func(TypeKind ret) {
    Func *fn = ir_alloc(sizeof *fn);
    fn->name = "f";
    fn->ret = type_new(ret);
    SrcLoc loc = {NULL, 0, 0};
    Type *types[NPARAMS] = {
        scalar(TY_DOUBLE, false), type_pointer_to(scalar(TY_DOUBLE, true)), scalar(TY_INT, false),
        type_pointer_to(scalar(TY_DOUBLE, false)), scalar(TY_FLOAT, false),
    };
    const char *names[NPARAMS] = {"x", "p", "n", "y", "s"};
    fn->params = ir_alloc(sizeof(Var *) * NPARAMS);
    fn->wrt = ir_alloc(sizeof(bool) * NPARAMS);
    fn->len = ir_alloc(sizeof(char *) * NPARAMS);
    for (int i = 0; i < NPARAMS; i++)
        fn->params[fn->nparams++] = func_add_var(fn, names[i], types[i], VAR_PARAM, loc);
    return fn;
}

static const SrcLoc noloc = {NULL, 0, 0};

static void assert_wrt(const Func *fn, bool x, bool p, bool n, bool y, bool s) {
    assert_int_equal(fn->wrt[P_X], x);
    assert_int_equal(fn->wrt[P_P], p);
    assert_int_equal(fn->wrt[P_N], n);
    assert_int_equal(fn->wrt[P_Y], y);
    assert_int_equal(fn->wrt[P_S], s);
}

static int teardown(void **state) {
    (void)state;
    ir_free_all();
    return 0;
}

static void test_wrt_list(void **state) {
    (void)state;
    Func *fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "wrt(x, p)", noloc), 0);
    assert_wrt(fn, true, true, false, false, false);
    assert_int_equal(fn->modes, MODE_TANGENT | MODE_ADJOINT | MODE_GRAD);
    assert_int_equal(fn->vector_width, 0);
    for (int i = 0; i < NPARAMS; i++)
        assert_null(fn->len[i]);

    fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "  wrt(  y ,s  )  ", noloc), 0);
    assert_wrt(fn, false, false, false, true, true);

    fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "wrt(p)", noloc), 0);
    assert_wrt(fn, false, true, false, false, false);
}

static void test_len(void **state) {
    (void)state;
    Func *fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "wrt(p, y), len(p: n, y: (n + 1) * 2)", noloc), 0);
    assert_string_equal(fn->len[P_P], "n");
    assert_string_equal(fn->len[P_Y], "(n + 1) * 2");
    assert_null(fn->len[P_X]);
    assert_null(fn->len[P_N]);

    /* Commas inside parentheses belong to the expression. */
    fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "len(p : max(n, 3) , y:g((n), (2, n)) )", noloc), 0);
    assert_string_equal(fn->len[P_P], "max(n, 3)");
    assert_string_equal(fn->len[P_Y], "g((n), (2, n))");
    /* No wrt: the default. */
    assert_wrt(fn, true, true, false, true, true);
}

static void test_modes(void **state) {
    (void)state;
    Func *fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "wrt(x) modes(tangent)", noloc), 0);
    assert_int_equal(fn->modes, MODE_TANGENT);
    assert_wrt(fn, true, false, false, false, false);

    fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "modes(adjoint, grad)", noloc), 0);
    assert_int_equal(fn->modes, MODE_ADJOINT | MODE_GRAD);

    fn = make_func(TY_VOID);
    assert_int_equal(annot_parse(fn, "wrt(y), modes(adjoint)", noloc), 0);
    assert_int_equal(fn->modes, MODE_ADJOINT);

    fn = make_func(TY_FLOAT);
    assert_int_equal(annot_parse(fn, "modes(grad)", noloc), 0);
    assert_int_equal(fn->modes, MODE_GRAD);

    assert_int_equal(annot_mode("tangent", 7), MODE_TANGENT);
    assert_int_equal(annot_mode("adjoint", 7), MODE_ADJOINT);
    assert_int_equal(annot_mode("grad", 4), MODE_GRAD);
    assert_int_equal(annot_mode("tangent_vector", 14), MODE_TANGENT_VECTOR);
    assert_int_equal(annot_mode("tangentx", 7), MODE_TANGENT); /* length-delimited */
    assert_int_equal(annot_mode("tangent", 6), 0);
    assert_int_equal(annot_mode("gradient", 8), 0);
    assert_int_equal(annot_mode("", 0), 0);
}

static void test_vector(void **state) {
    (void)state;
    Func *fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "wrt(x), vector(8)", noloc), 0);
    assert_int_equal(fn->vector_width, 8);
    /* vector(N) adds the vector mode; the defaults are not applied once modes are set. */
    assert_int_equal(fn->modes, MODE_TANGENT_VECTOR);

    fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "modes(tangent, tangent_vector) vector(4096)", noloc), 0);
    assert_int_equal(fn->vector_width, 4096);
    assert_int_equal(fn->modes, MODE_TANGENT | MODE_TANGENT_VECTOR);
}

static void test_defaults(void **state) {
    (void)state;
    Func *fn = make_func(TY_DOUBLE);
    assert_int_equal(annot_parse(fn, "", noloc), 0);
    assert_wrt(fn, true, true, false, true, true);
    assert_int_equal(fn->modes, MODE_TANGENT | MODE_ADJOINT | MODE_GRAD);

    fn = make_func(TY_VOID);
    assert_int_equal(annot_parse(fn, "", noloc), 0);
    assert_wrt(fn, true, true, false, true, true);
    assert_int_equal(fn->modes, MODE_TANGENT | MODE_ADJOINT);

    fn = make_func(TY_INT);
    assert_int_equal(annot_default_modes(fn), MODE_TANGENT | MODE_ADJOINT);
    fn->ret = type_new(TY_FLOAT);
    assert_int_equal(annot_default_modes(fn), MODE_TANGENT | MODE_ADJOINT | MODE_GRAD);

    fn = make_func(TY_VOID);
    assert_int_equal(annot_set_wrt(fn, NULL, noloc), 0);
    assert_wrt(fn, true, true, false, true, true);
    fn = make_func(TY_VOID);
    assert_int_equal(annot_set_wrt(fn, "s,x", noloc), 0);
    assert_wrt(fn, true, false, false, false, true);
}

static void test_errors(void **state) {
    (void)state;
    static const struct { TypeKind ret; const char *text; } bad[] = {
        {TY_DOUBLE, "wrt(n)"},                 /* not floating */
        {TY_DOUBLE, "modes(tangnet)"},         /* unknown mode */
        {TY_DOUBLE, "modes(tangent, hessian2)"},
        {TY_VOID, "modes(grad)"},              /* grad on void */
        {TY_INT, "wrt(x) modes(tangent, grad)"},
        {TY_DOUBLE, "len(p)"},                 /* no colon */
        {TY_DOUBLE, "len(x: n)"},              /* not a pointer */
        {TY_DOUBLE, "vector(0)"},
        {TY_DOUBLE, "vector(4097)"},
        {TY_DOUBLE, "vector(4x)"},
        {TY_DOUBLE, "wrt(x"},                  /* malformed */
        {TY_DOUBLE, "wrt x"},
        {TY_DOUBLE, "wrt(x))"},
        {TY_DOUBLE, "foo(x)"},
        {TY_DOUBLE, "wrt(x) 42"},
        {TY_DOUBLE, "(x)"},
        {TY_DOUBLE, "len(p: (n)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Func *fn = make_func(bad[i].ret);
        if (annot_parse(fn, bad[i].text, noloc) == 0)
            fail_msg("annot_parse accepted \"%s\"", bad[i].text);
    }
    Func *fn = make_func(TY_DOUBLE); /* a name that is no parameter: a global, checked when generating */
    assert_int_equal(annot_set_wrt(fn, "x,nope", noloc), 0);
    assert_int_equal(fn->nwrt_globals, 1);
    assert_int_equal(annot_parse(fn, "len(q: n)", noloc), 0); /* a global pointer's block, likewise */
    assert_int_equal(fn->nglobal_lens, 1);
    assert_string_equal(fn->global_lens[0].name, "q");
    assert_string_equal(fn->wrt_globals[0], "nope");
    fn = make_func(TY_DOUBLE);
    assert_int_not_equal(annot_set_wrt(fn, "n", noloc), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_wrt_list, teardown),
        cmocka_unit_test_teardown(test_len, teardown),
        cmocka_unit_test_teardown(test_modes, teardown),
        cmocka_unit_test_teardown(test_vector, teardown),
        cmocka_unit_test_teardown(test_defaults, teardown),
        cmocka_unit_test_teardown(test_errors, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
