/* test_c_text.c: printing IR as C (c_text.c): declarators of pointers, const, arrays and
 * pointers to arrays; expressions with the fewest parentheses that keep their meaning; and
 * the shadow (derivative) counterparts of lvalues. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "c_text.h"
#include "mathfn.h"

static const SrcLoc L = {NULL, 0, 0};
static Func *fn;

static int setup(void **state) {
    (void)state;
    fn = ir_alloc(sizeof *fn);
    fn->name = "f";
    return 0;
}

static int teardown(void **state) {
    (void)state;
    ir_free_all();
    fn = NULL;
    return 0;
}

static Type *dbl(void) { return type_new(TY_DOUBLE); }
static Type *cdbl(void) {
    Type *t = type_new(TY_DOUBLE);
    t->is_const = true;
    return t;
}
static Type *integer(const char *name) {
    Type *t = type_new(TY_INT);
    t->name = name;
    return t;
}
static Type *array(Type *base, long len) {
    Type *t = type_new(TY_ARRAY);
    t->base = base;
    t->array_len = len;
    return t;
}

static const char *decl(const Type *t, const char *name, bool drop_const) {
    Buf b = {0};
    emit_decl(&b, t, name, drop_const);
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

static Expr *var(const char *name, Type *t) { return expr_var(func_add_var(fn, name, t, VAR_LOCAL, L), L); }
static Expr *num(const char *text, Type *t) {
    Expr *e = expr_new(EX_NUM, t, L);
    e->text = text;
    return e;
}
static Expr *bin(Op op, Expr *a, Expr *b) { return expr_binary(op, a, b, a->type); }
static Expr *unary(Op op, Expr *a) {
    Expr *e = expr_new(EX_UNARY, a->type, L);
    e->op = op;
    e->lhs = a;
    return e;
}
static Expr *deref(Expr *p) {
    Expr *e = expr_new(EX_DEREF, p->type->base, L);
    e->lhs = p;
    return e;
}
static Expr *addr(Expr *x) {
    Expr *e = expr_new(EX_ADDR, type_pointer_to(x->type), L);
    e->lhs = x;
    return e;
}
static Expr *index_of(Expr *a, Expr *i) {
    Expr *e = expr_new(EX_INDEX, a->type->base, L);
    e->lhs = a;
    e->rhs = i;
    return e;
}
static Expr *member(Expr *s, const char *field, bool arrow, Type *t) {
    Expr *e = expr_new(EX_MEMBER, t, L);
    e->lhs = s;
    e->text = field;
    e->arrow = arrow;
    return e;
}
static Expr *cast(Type *t, Expr *x) {
    Expr *e = expr_new(EX_CAST, t, L);
    e->lhs = x;
    return e;
}
static Expr *cond(Expr *c, Expr *a, Expr *b) {
    Expr *e = expr_new(EX_COND, a->type, L);
    e->cond = c;
    e->lhs = a;
    e->rhs = b;
    return e;
}
static Expr *call(const char *name, int n, Expr *a0, Expr *a1) {
    Expr *e = expr_new(EX_CALL, a0->type, L);
    char suffix;
    e->math = mathfn_lookup(name, &suffix);
    e->text = name;
    e->args = ir_alloc(sizeof(Expr *) * 2);
    e->args[0] = a0;
    e->args[1] = a1;
    e->nargs = n;
    return e;
}

static void test_decl_scalars_and_pointers(void **state) {
    (void)state;
    assert_string_equal(decl(dbl(), "x", false), "double x");
    assert_string_equal(decl(type_new(TY_FLOAT), "y", false), "float y");
    assert_string_equal(decl(cdbl(), "c", false), "const double c");
    assert_string_equal(decl(cdbl(), "c", true), "double c");
    assert_string_equal(decl(integer("size_t"), "n", false), "size_t n");
    assert_string_equal(decl(type_new(TY_VOID), "", false), "void");
    assert_string_equal(decl(type_pointer_to(dbl()), "p", false), "double *p");
    assert_string_equal(decl(type_pointer_to(cdbl()), "p", false), "const double *p");
    assert_string_equal(decl(type_pointer_to(cdbl()), "p", true), "double *p");
    Type *cp = type_pointer_to(dbl());
    cp->is_const = true;
    assert_string_equal(decl(cp, "p", false), "double *const p");
    assert_string_equal(decl(cp, "p", true), "double *p");
    assert_string_equal(decl(type_pointer_to(cp), "pp", false), "double *const *pp");
    assert_string_equal(decl(type_pointer_to(type_pointer_to(dbl())), "pp", false), "double **pp");
    Type *s = type_new(TY_STRUCT);
    s->name = "struct point";
    s->is_const = true;
    assert_string_equal(decl(type_pointer_to(s), "q", false), "const struct point *q");
}

static void test_decl_arrays(void **state) {
    (void)state;
    assert_string_equal(decl(array(dbl(), 3), "a", false), "double a[3]");
    assert_string_equal(decl(array(dbl(), -1), "a", false), "double a[]");
    assert_string_equal(decl(array(dbl(), 0), "a", false), "double a[0]");
    assert_string_equal(decl(array(array(cdbl(), 3), 2), "m", false), "const double m[2][3]");
    assert_string_equal(decl(array(array(cdbl(), 3), 2), "m", true), "double m[2][3]");
    assert_string_equal(decl(array(type_pointer_to(dbl()), 4), "ps", false), "double *ps[4]");
    Type *pa = type_pointer_to(array(cdbl(), 3));
    assert_string_equal(decl(pa, "a", false), "const double (*a)[3]");
    assert_string_equal(decl(pa, "a_b", true), "double (*a_b)[3]");
    assert_string_equal(decl(type_pointer_to(array(array(dbl(), 4), 3)), "t", false), "double (*t)[3][4]");
}

static void test_type_alone(void **state) {
    (void)state;
    assert_string_equal(type_text(dbl()), "double");
    assert_string_equal(type_text(integer("int")), "int");
    assert_string_equal(type_text(type_pointer_to(cdbl())), "const double *");
    assert_string_equal(type_text(type_pointer_to(array(dbl(), 3))), "double (*)[3]");
    assert_string_equal(float_suffix(type_new(TY_FLOAT)), "f");
    assert_string_equal(float_suffix(dbl()), "");
    assert_string_equal(float_suffix(NULL), "");
}

static void test_precedence(void **state) {
    (void)state;
    Expr *a = var("a", dbl()), *b = var("b", dbl()), *c = var("c", dbl()), *x = var("x", dbl());
    assert_string_equal(expr_text(bin(OP_SUB, a, bin(OP_SUB, b, c))), "a - (b - c)");
    assert_string_equal(expr_text(bin(OP_SUB, bin(OP_SUB, a, b), c)), "a - b - c");
    assert_string_equal(expr_text(bin(OP_ADD, a, bin(OP_ADD, b, c))), "a + (b + c)");
    assert_string_equal(expr_text(bin(OP_MUL, a, bin(OP_ADD, b, c))), "a * (b + c)");
    assert_string_equal(expr_text(bin(OP_ADD, bin(OP_MUL, a, b), c)), "a * b + c");
    assert_string_equal(expr_text(bin(OP_ADD, a, bin(OP_MUL, b, c))), "a + b * c");
    assert_string_equal(expr_text(bin(OP_DIV, a, bin(OP_MUL, b, c))), "a / (b * c)");
    assert_string_equal(expr_text(bin(OP_DIV, bin(OP_DIV, a, b), c)), "a / b / c");
    assert_string_equal(expr_text(bin(OP_LAND, bin(OP_LT, a, b), bin(OP_LOR, b, c))), "a < b && (b || c)");
    assert_string_equal(expr_text(bin(OP_LOR, bin(OP_LAND, a, b), c)), "(a && b) || c");
    assert_string_equal(expr_text(bin(OP_EQ, bin(OP_BITAND, a, b), c)), "(a & b) == c");
    assert_string_equal(expr_text(bin(OP_SHL, a, bin(OP_ADD, b, c))), "a << (b + c)");
    assert_string_equal(expr_text(bin(OP_ADD, bin(OP_SHL, a, b), c)), "(a << b) + c");
    /* unary operators */
    assert_string_equal(expr_text(unary(OP_NEG, unary(OP_NEG, x))), "- -x");
    assert_string_equal(expr_text(unary(OP_PLUS, unary(OP_PLUS, x))), "+ +x");
    assert_string_equal(expr_text(unary(OP_NEG, x)), "-x");
    assert_string_equal(expr_text(unary(OP_NEG, bin(OP_ADD, a, b))), "-(a + b)");
    assert_string_equal(expr_text(bin(OP_MUL, unary(OP_NEG, a), b)), "-a * b");
    assert_string_equal(expr_text(unary(OP_NOT, bin(OP_LT, a, b))), "!(a < b)");
    assert_string_equal(expr_text(bin(OP_SUB, a, unary(OP_NEG, b))), "a - -b");
}

static void test_casts_conditionals_calls(void **state) {
    (void)state;
    Expr *a = var("a", dbl()), *b = var("b", dbl()), *x = var("x", dbl());
    Expr *i = var("i", integer("int"));
    assert_string_equal(expr_text(cast(integer("int"), x)), "(int)x");
    assert_string_equal(expr_text(cast(dbl(), i)), "(double)i");
    assert_string_equal(expr_text(cast(dbl(), bin(OP_ADD, i, i))), "(double)(i + i)");
    assert_string_equal(expr_text(cast(type_new(TY_FLOAT), unary(OP_NEG, x))), "(float)-x");
    assert_string_equal(expr_text(bin(OP_MUL, cast(dbl(), i), x)), "(double)i * x");
    assert_string_equal(expr_text(cast(type_pointer_to(cdbl()), var("v", type_pointer_to(dbl())))),
                        "(const double *)v");

    assert_string_equal(expr_text(cond(bin(OP_LT, a, b), a, b)), "a < b ? a : b");
    assert_string_equal(expr_text(cond(cond(i, a, b), x, b)), "(i ? a : b) ? x : b");
    assert_string_equal(expr_text(cond(i, a, cond(i, x, b))), "i ? a : i ? x : b");
    assert_string_equal(expr_text(bin(OP_ADD, a, cond(i, x, b))), "a + (i ? x : b)");
    assert_string_equal(expr_text(cond(i, bin(OP_ADD, a, b), unary(OP_NEG, x))), "i ? a + b : -x");

    assert_string_equal(expr_text(call("sin", 1, bin(OP_ADD, a, b), NULL)), "sin(a + b)");
    assert_string_equal(expr_text(call("pow", 2, x, num("2.0", dbl()))), "pow(x, 2.0)");
    assert_string_equal(expr_text(bin(OP_MUL, num("2.0", dbl()), call("atan2", 2, a, call("cos", 1, b, NULL)))),
                        "2.0 * atan2(a, cos(b))");
    assert_string_equal(expr_text(unary(OP_NEG, call("exp", 1, x, NULL))), "-exp(x)");
    Expr *list = expr_new(EX_INITLIST, array(dbl(), 3), L);
    list->args = ir_alloc(sizeof(Expr *) * 3);
    list->args[list->nargs++] = num("1.0", dbl());
    list->args[list->nargs++] = bin(OP_MUL, a, b);
    list->args[list->nargs++] = x;
    assert_string_equal(expr_text(list), "{1.0, a * b, x}");
    Expr *size = expr_new(EX_SIZEOF, integer("size_t"), L);
    size->text = "8";
    assert_string_equal(expr_text(bin(OP_MUL, i, size)), "i * 8");
}

static void test_lvalues(void **state) {
    (void)state;
    Type *st = type_new(TY_STRUCT);
    st->name = "struct s";
    Expr *x = var("x", type_pointer_to(dbl())), *i = var("i", integer("int")), *n = var("n", integer("int"));
    Expr *j = var("j", integer("int")), *p = var("p", type_pointer_to(st)), *s = var("s", st);
    Expr *idx = bin(OP_ADD, bin(OP_MUL, i, n), j);
    assert_string_equal(expr_text(index_of(x, idx)), "x[i * n + j]");
    assert_string_equal(expr_text(member(p, "f", true, dbl())), "p->f");
    assert_string_equal(expr_text(member(s, "f", false, dbl())), "s.f");
    assert_string_equal(expr_text(member(deref(p), "f", false, dbl())), "(*p).f");
    assert_string_equal(expr_text(deref(bin(OP_ADD, x, i))), "*(x + i)");
    assert_string_equal(expr_text(index_of(bin(OP_ADD, x, i), j)), "(x + i)[j]");
    assert_string_equal(expr_text(addr(index_of(x, i))), "&x[i]");
    assert_string_equal(expr_text(deref(deref(var("pp", type_pointer_to(type_pointer_to(dbl())))))), "**pp");
}

static void test_shadow(void **state) {
    (void)state;
    Type *st = type_new(TY_STRUCT);
    st->name = "struct s";
    Expr *x = var("x", type_pointer_to(dbl())), *i = var("i", integer("int")), *n = var("n", integer("int"));
    Expr *j = var("j", integer("int")), *p = var("p", type_pointer_to(st)), *s = var("s", st);
    Expr *k = var("k", integer("int")), *y = var("y", dbl());
    Expr *idx = bin(OP_ADD, bin(OP_MUL, i, n), j);
    assert_string_equal(shadow_text(index_of(x, idx), "_d"), "x_d[i * n + j]");
    assert_string_equal(shadow_text(index_of(x, idx), "_b"), "x_b[i * n + j]");
    assert_string_equal(shadow_text(y, "_d"), "y_d");
    assert_string_equal(shadow_text(member(p, "f", true, dbl()), "_d"), "p_d->f");
    assert_string_equal(shadow_text(index_of(member(s, "v", false, type_pointer_to(dbl())), i), "_b"), "s_b.v[i]");
    assert_string_equal(shadow_text(deref(x), "_d"), "*x_d");
    assert_string_equal(shadow_text(expr_binary(OP_ADD, x, k, x->type), "_d"), "x_d + k");
    assert_string_equal(shadow_text(expr_binary(OP_ADD, k, x, x->type), "_d"), "k + x_d");
    assert_string_equal(shadow_text(expr_binary(OP_SUB, x, k, x->type), "_b"), "x_b - k");
    assert_string_equal(shadow_text(expr_binary(OP_ADD, x, bin(OP_ADD, k, n), x->type), "_d"), "x_d + (k + n)");
    assert_string_equal(shadow_text(deref(expr_binary(OP_ADD, x, k, x->type)), "_d"), "*(x_d + k)");
    assert_string_equal(shadow_text(addr(index_of(x, i)), "_b"), "&x_b[i]");
    assert_string_equal(shadow_text(cast(type_pointer_to(cdbl()), x), "_d"), "(const double *)x_d");
    /* A scalar parameter's adjoint is reached through its pointer, in reverse mode only. */
    Var *a = func_add_var(fn, "a", dbl(), VAR_PARAM, L);
    a->shadow = "(*a_b)";
    assert_string_equal(shadow_text(expr_var(a, L), "_b"), "(*a_b)");
    assert_string_equal(shadow_text(expr_var(a, L), "_d"), "a_d");
}

static void test_shadow_of_non_lvalues(void **state) {
    (void)state;
    Expr *x = var("x", type_pointer_to(dbl())), *k = var("k", integer("int")), *y = var("y", dbl());
    assert_null(shadow_text(num("1.0", dbl()), "_d"));
    assert_null(shadow_text(unary(OP_NEG, y), "_d"));
    assert_null(shadow_text(bin(OP_MUL, y, y), "_d"));
    assert_null(shadow_text(call("sin", 1, y, NULL), "_d"));
    assert_null(shadow_text(cond(k, y, y), "_d"));
    assert_null(shadow_text(cast(integer("long"), x), "_d"));
    assert_null(shadow_text(cast(dbl(), k), "_d"));
    assert_null(shadow_text(expr_binary(OP_SUB, k, x, x->type), "_d")); /* k - p: not C */
    assert_null(shadow_text(deref(call("sin", 1, y, NULL)), "_d"));
}

static void test_paren_if_needed(void **state) {
    (void)state;
    assert_string_equal(paren_if_needed("x"), "x");
    assert_string_equal(paren_if_needed("x[i + 1]"), "x[i + 1]");
    assert_string_equal(paren_if_needed("sin(a + b)"), "sin(a + b)");
    assert_string_equal(paren_if_needed("a + b"), "(a + b)");
    assert_string_equal(paren_if_needed("a * b"), "(a * b)");
    assert_string_equal(paren_if_needed("-x"), "-x");
    assert_string_equal(paren_if_needed("(a + b)"), "(a + b)");
    assert_string_equal(paren_if_needed("p->f"), "(p->f)");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_decl_scalars_and_pointers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decl_arrays, setup, teardown),
        cmocka_unit_test_setup_teardown(test_type_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_precedence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_casts_conditionals_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lvalues, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shadow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shadow_of_non_lvalues, setup, teardown),
        cmocka_unit_test_setup_teardown(test_paren_if_needed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
