/* test_deriv_tbr.c: the reverse-mode pipeline below the transforms: the local partial
 * derivatives of expressions (deriv.c: linearize, emit_needed_temps, scaled), the
 * reverse normal form (normalize.c: early exits become flags), and the to-be-recorded
 * analysis (tbr.c: which values the backward sweep needs and which must be saved). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "activity.h"
#include "deriv.h"
#include "normalize.h"
#include "tbr.h"
#include "unit_util.h"

/* ---- linearize ---- */

static const char *const lin_src =
    "#include <adc.h>\n"
    "#include <math.h>\n"
    "ADC_DIFF(wrt(x, y, z), modes(tangent))\n"
    "double lin(double x, double y, float z, double c, const double *v) {\n"
    "    double a = x * y;\n"
    "    double b = sin(x);\n"
    "    double d = x / y;\n"
    "    double e = (x + y) * c;\n"
    "    float f = sinf(z);\n"
    "    double g = pow(x, 2.0);\n"
    "    double h = -x - y * v[0];\n"
    "    double k = floor(x) * y;\n"
    "    double m = exp(x) + (x + y) * (x - y);\n"
    "    return a + b + d + e + f + g + h + k + m;\n"
    "}\n";

static Func *lin_fn;

/* The right side of the declaration of `name`, linearized with suffix. */
static Linear linearize_decl(const char *name, const char *suffix) {
    Stmt *decl = find_decl(lin_fn->body, name);
    assert_non_null(decl);
    assert_true(decl->rhs->active);
    Namer names = {lin_fn, 0};
    Linear lin;
    assert_int_equal(linearize(&lin, decl->rhs, &names, suffix), 0);
    assert_true(lin.root >= 0);
    return lin;
}

static int lin_setup(void **state) {
    (void)state;
    lin_fn = find_func(load_source(lin_src), "lin");
    assert_int_equal(activity_analyze(lin_fn, lin_fn->body, lin_fn->wrt, true), 0);
    return 0;
}

static int lin_teardown(void **state) {
    lin_fn = NULL;
    return ir_teardown(state);
}

static void assert_leaf(const Linear *lin, int id, const char *value, const char *shadow) {
    const LinNode *n = &lin->nodes[id];
    assert_true(n->active);
    assert_null(n->temp);
    assert_int_equal(n->nkids, 0);
    assert_string_equal(n->value, value);
    assert_string_equal(n->shadow, shadow);
}

static void test_product(void **state) {
    (void)state;
    Linear lin = linearize_decl("a", "_d");
    assert_int_equal(lin.count, 3);
    const LinNode *r = &lin.nodes[lin.root];
    assert_string_equal(r->temp, "t1");
    assert_string_equal(r->value, "t1");
    assert_string_equal(r->op_text, "x * y");
    assert_int_equal(r->nkids, 2);
    /* d(xy)/dx = y, d(xy)/dy = x */
    assert_string_equal(r->partial[0], "y");
    assert_string_equal(r->partial[1], "x");
    assert_int_equal(r->operand[0], 0);
    assert_int_equal(r->operand[1], 1);
    assert_leaf(&lin, r->kid[0], "x", "x_d");
    assert_leaf(&lin, r->kid[1], "y", "y_d");
    lin = linearize_decl("a", "_b");
    assert_leaf(&lin, lin.nodes[lin.root].kid[0], "x", "x_b");
}

static void test_math_calls(void **state) {
    (void)state;
    Linear lin = linearize_decl("b", "_d");
    const LinNode *r = &lin.nodes[lin.root];
    assert_int_equal(r->nkids, 1);
    assert_string_equal(r->partial[0], "cos(x)");
    assert_string_equal(r->op_text, "sin(x)");
    /* float: the f forms */
    lin = linearize_decl("f", "_d");
    r = &lin.nodes[lin.root];
    assert_string_equal(r->partial[0], "cosf(z)");
    assert_string_equal(r->op_text, "sinf(z)");
    assert_string_equal(temp_type(r->expr->type), "float");
    /* pow with a constant exponent: one active operand */
    lin = linearize_decl("g", "_d");
    r = &lin.nodes[lin.root];
    assert_int_equal(r->nkids, 1);
    assert_int_equal(r->operand[0], 0);
    assert_string_equal(r->partial[0], "(2.0 == 0.0 ? 0.0 : 2.0 * pow(x, 2.0 - 1.0))");
    assert_string_equal(r->op_text, "pow(x, 2.0)");
    assert_string_equal(temp_type(r->expr->type), "double");
}

static void test_quotient_and_sums(void **state) {
    (void)state;
    Linear lin = linearize_decl("d", "_d");
    const LinNode *r = &lin.nodes[lin.root];
    assert_string_equal(r->partial[0], "1.0 / y");
    assert_string_equal(r->partial[1], "-t1 / y"); /* -(x/y)/y through the result */
    assert_true(expr_uses_result(r->expr));
    /* (x + y) * c: c is inactive, so only the sum is a kid, with partial c */
    lin = linearize_decl("e", "_d");
    r = &lin.nodes[lin.root];
    assert_int_equal(lin.count, 4);
    assert_int_equal(r->nkids, 1);
    assert_string_equal(r->partial[0], "c");
    assert_string_equal(r->temp, "t2");
    assert_string_equal(r->op_text, "t1 * c");
    const LinNode *sum = &lin.nodes[r->kid[0]];
    assert_string_equal(sum->temp, "t1");
    assert_string_equal(sum->op_text, "x + y");
    assert_string_equal(sum->partial[0], "1.0");
    assert_string_equal(sum->partial[1], "1.0");
    /* -x - y * v[0] */
    lin = linearize_decl("h", "_d");
    r = &lin.nodes[lin.root];
    assert_int_equal(r->nkids, 2);
    assert_string_equal(r->partial[0], "1.0");
    assert_string_equal(r->partial[1], "-1.0");
    const LinNode *neg = &lin.nodes[r->kid[0]], *prod = &lin.nodes[r->kid[1]];
    assert_string_equal(neg->partial[0], "-1.0");
    assert_string_equal(neg->op_text, "-x");
    assert_int_equal(prod->nkids, 1);
    assert_string_equal(prod->partial[0], "v[0]");
    assert_string_equal(prod->op_text, "y * v[0]");
}

static void test_zero_derivative(void **state) {
    (void)state;
    /* floor(x) carries no derivative: the activity analysis leaves it out (difftest bug 21), so
     * the product has one active kid, y, whose partial is floor(x) itself */
    Linear lin = linearize_decl("k", "_d");
    const LinNode *r = &lin.nodes[lin.root];
    assert_int_equal(r->nkids, 1);
    assert_string_equal(r->partial[0], "floor(x)");
    assert_true(carries_derivative(&lin, r->kid[0]));
    assert_true(carries_derivative(&lin, lin.root));
}

static void test_needed_temps(void **state) {
    (void)state;
    Buf b = {0};
    Linear lin = linearize_decl("a", "_b");
    emit_needed_temps(&b, &lin, false, 1);
    assert_string_equal(buf_str(&b), ""); /* x * y: the partials read x and y only */
    emit_needed_temps(&b, &lin, true, 1);
    assert_string_equal(buf_str(&b), "    double t1 = x * y;\n");
    buf_free(&b);
    lin = linearize_decl("d", "_b");
    emit_needed_temps(&b, &lin, false, 0);
    assert_string_equal(buf_str(&b), "double t1 = x / y;\n");
    buf_free(&b);
    /* exp(x) + (x + y) * (x - y): exp's partial is its result; the product needs both factors */
    lin = linearize_decl("m", "_b");
    emit_needed_temps(&b, &lin, false, 0);
    assert_string_equal(buf_str(&b), "double t3 = x - y;\ndouble t2 = x + y;\ndouble t1 = exp(x);\n");
    buf_free(&b);
    lin = linearize_decl("e", "_b");
    emit_needed_temps(&b, &lin, false, 0);
    assert_string_equal(buf_str(&b), "");
    buf_free(&b);
}

static void test_scaled(void **state) {
    (void)state;
    assert_string_equal(scaled("1.0", "x_d"), "x_d");
    assert_string_equal(scaled("-1.0", "x_d"), "-x_d");
    assert_string_equal(scaled("-1.0", "a_d + b_d"), "-(a_d + b_d)");
    assert_string_equal(scaled("cos(x)", "x_d[i]"), "cos(x) * x_d[i]");
    assert_string_equal(scaled("1.0 / y", "t_b"), "(1.0 / y) * t_b");
    assert_string_equal(scaled("y", "x_d + 1"), "y * (x_d + 1)");
}

/* ---- normalize_for_reverse ---- */

static const char *const exits_src =
    "#include <adc.h>\n"
    "ADC_DIFF(wrt(x))\n"
    "double ex(int n, const double *x) {\n"
    "    double s = 0.0;\n"
    "    for (int i = 0; i < n; i++) {\n"
    "        if (x[i] < 0.0)\n"
    "            continue;\n"
    "        if (x[i] > 5.0)\n"
    "            break;\n"
    "        if (x[i] > 4.0)\n"
    "            return x[i];\n"
    "        s += x[i];\n"
    "    }\n"
    "    if (s > 10.0)\n"
    "        return s;\n"
    "    s = s * 2.0;\n"
    "    return s;\n"
    "}\n"
    "ADC_DIFF(wrt(y))\n"
    "void plain(int n, double *y) {\n"
    "    double t = 2.0;\n"
    "    for (int i = 0; i < n; i++)\n"
    "        y[i] *= t;\n"
    "}\n";

static int count_assigns_to(Stmt *s, const char *name, const char *value) {
    if (!s)
        return 0;
    int n = s->kind == ST_ASSIGN && strcmp(expr_text(s->lhs), name) == 0 &&
            (!value || strcmp(expr_text(s->rhs), value) == 0);
    for (int i = 0; i < s->nbody; i++)
        n += count_assigns_to(s->body[i], name, value);
    return n + count_assigns_to(s->init, name, value) + count_assigns_to(s->step, name, value) +
           count_assigns_to(s->then, name, value) + count_assigns_to(s->els, name, value);
}

static void test_early_exits_become_flags(void **state) {
    (void)state;
    Func *fn = find_func(load_source(exits_src), "ex");
    int loop_id = find_stmt(fn->body, ST_FOR, 0)->id;
    const char *brk = ir_format("break_%d", loop_id), *cont = ir_format("continue_%d", loop_id);
    int nvars = fn->nvars;
    assert_null(find_var_or_null(fn, "returned"));
    assert_int_equal(normalize_for_reverse(fn), 0);
    Stmt *rb = fn->reverse_body;
    assert_non_null(rb);
    assert_non_null(fn->result);
    assert_string_equal(fn->result->name, "ex_result");
    assert_int_equal(fn->result->type->kind, TY_DOUBLE);
    Var *returned = find_var(fn, "returned"), *b = find_var(fn, brk), *c = find_var(fn, cont);
    assert_int_equal(returned->kind, VAR_LOCAL);
    assert_int_equal(returned->type->kind, TY_INT);
    assert_int_equal(b->type->kind, TY_INT);
    assert_int_equal(c->type->kind, TY_INT);
    assert_int_equal(fn->nvars, nvars + 4); /* result, break, continue, returned */
    /* No early exits, declarations or for loops are left. */
    assert_int_equal(count_stmts(rb, ST_RETURN), 0);
    assert_int_equal(count_stmts(rb, ST_BREAK), 0);
    assert_int_equal(count_stmts(rb, ST_CONTINUE), 0);
    assert_int_equal(count_stmts(rb, ST_DECL), 0);
    assert_int_equal(count_stmts(rb, ST_FOR), 0);
    assert_int_equal(count_stmts(rb, ST_WHILE), 1);
    /* The flags: cleared, then set where the exit was. */
    assert_int_equal(count_assigns_to(rb, "returned", "1"), 1);
    assert_int_equal(count_assigns_to(rb, "returned", NULL), 1);
    assert_int_equal(count_assigns_to(rb, brk, "0"), 1);
    assert_int_equal(count_assigns_to(rb, brk, "1"), 1);
    assert_int_equal(count_assigns_to(rb, cont, "0"), 1);
    assert_int_equal(count_assigns_to(rb, cont, "1"), 1);
    assert_int_equal(count_assigns_to(rb, "ex_result", "s"), 2);
    assert_int_equal(count_assigns_to(rb, "ex_result", "x[i]"), 1);
    assert_int_equal(count_assigns_to(rb, "s", "0.0"), 1); /* the declaration */
    assert_int_equal(count_assigns_to(rb, "i", "0"), 1);
    /* The loop stops on break and on return; statements after a possible exit are guarded. */
    Stmt *loop = find_stmt(rb, ST_WHILE, 0);
    assert_string_equal(expr_text(loop->cond), ir_format("!(returned || %s) && i < n", brk));
    /* Guards: the rest of the loop's body after continue, after break and after the return in
     * it, the step after break or return (continue still steps), and the rest of the function
     * after the loop, which may have returned. */
    int nif = count_stmts(rb, ST_IF), guard_cont = 0, guard_brk = 0, guard_ret = 0;
    Stmt *after_loop = NULL, *top_return = NULL;
    assert_int_equal(nif, 9); /* the 4 of the source and 5 guards */
    for (int k = 0; k < nif; k++) {
        Stmt *s = find_stmt(rb, ST_IF, k);
        const char *cond = expr_text(s->cond);
        guard_cont += strcmp(cond, ir_format("!%s", cont)) == 0;
        guard_brk += strcmp(cond, ir_format("!%s", brk)) == 0;
        guard_ret += strcmp(cond, "!returned") == 0;
        if (strcmp(cond, "!returned") == 0)
            after_loop = s;
        if (strcmp(cond, "s > 10.0") == 0)
            top_return = s;
    }
    assert_int_equal(guard_cont, 1);
    assert_int_equal(guard_brk, 1);
    assert_int_equal(guard_ret, 2);
    Stmt *step = loop->then->body[loop->then->nbody - 1];
    assert_int_equal(step->kind, ST_IF);
    assert_string_equal(expr_text(step->cond), ir_format("!(returned || %s)", brk));
    assert_int_equal(step->then->kind, ST_ASSIGN);
    assert_string_equal(expr_text(step->then->lhs), "i");
    assert_int_equal(step->then->op, OP_ADD);
    assert_int_equal(loop->then->body[0]->kind, ST_ASSIGN); /* continue flag cleared first */
    assert_string_equal(expr_text(loop->then->body[0]->lhs), cont);
    /* After the loop the rest of the function runs only if not returned; in it, `if (s > 10.0)
     * return s;` needs no flag: what follows it is its else branch. */
    assert_non_null(after_loop);
    assert_non_null(top_return);
    assert_int_equal(count_stmts(after_loop->then, ST_IF), 1);
    assert_int_equal(count_assigns_to(top_return->then, "ex_result", "s"), 1);
    assert_int_equal(count_assigns_to(top_return->then, "returned", NULL), 0);
    assert_non_null(top_return->els);
    assert_int_equal(count_assigns_to(top_return->els, "s", NULL), 1);
    assert_int_equal(count_assigns_to(top_return->els, "ex_result", "s"), 1);
    assert_int_equal(count_assigns_to(top_return->els, "returned", NULL), 0);
    /* The original body is left as it was. */
    assert_int_equal(count_stmts(fn->body, ST_RETURN), 3);
    assert_int_equal(count_stmts(fn->body, ST_BREAK), 1);
    assert_int_equal(count_stmts(fn->body, ST_CONTINUE), 1);
    assert_int_equal(count_stmts(fn->body, ST_FOR), 1);
    /* Once only. */
    assert_int_equal(normalize_for_reverse(fn), 0);
    assert_ptr_equal(fn->reverse_body, rb);
    assert_int_equal(fn->nvars, nvars + 4);
}

static void test_no_exits_no_flags(void **state) {
    (void)state;
    Func *fn = find_func(load_source(exits_src), "plain");
    int nvars = fn->nvars;
    assert_int_equal(normalize_for_reverse(fn), 0);
    assert_null(fn->result); /* void */
    assert_int_equal(fn->nvars, nvars);
    assert_null(find_var_or_null(fn, "returned"));
    Stmt *rb = fn->reverse_body;
    assert_int_equal(count_stmts(rb, ST_IF), 0);
    assert_int_equal(count_stmts(rb, ST_DECL), 0);
    /* a counting loop keeps its for form, with its index: the backward sweep recomputes it */
    assert_int_equal(count_stmts(rb, ST_WHILE), 0);
    assert_int_equal(count_stmts(rb, ST_FOR), 1);
    assert_string_equal(expr_text(find_stmt(rb, ST_FOR, 0)->cond), "i < n");
    assert_string_equal(find_stmt(rb, ST_FOR, 0)->var->name, "i");
    assert_int_equal(count_assigns_to(rb, "t", "2.0"), 1);
}

/* ---- tbr_analyze ---- */

static const char *const tbr_src =
    "#include <adc.h>\n"
    "#include <math.h>\n"
    "ADC_DIFF(wrt(x))\n"
    "double rec(int n, const double *x) {\n"
    "    double a = x[0];\n"
    "    double p = a * a;\n"
    "    double s = 0.0;\n"
    "    double w = 1.0;\n"
    "    double q = x[1];\n"
    "    q *= x[2];\n"
    "    double u = 0.0;\n"
    "    for (int i = 0; i < n; i++) {\n"
    "        s += x[i];\n"
    "        w = w * x[i];\n"
    "        double r = sin(x[i]);\n"
    "        u += r * r;\n"
    "    }\n"
    "    double buf[2];\n"
    "    double *ptr = buf;\n"
    "    ptr[1] = w;\n"
    "    return p + s + q + buf[1] + u;\n"
    "}\n";

/* Whether some assignment to the variable name under s tapes the value it overwrites. */
static bool any_saves(const Stmt *s, const char *name) {
    if (!s)
        return false;
    if (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && strcmp(s->lhs->var->name, name) == 0 && s->saves)
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (any_saves(s->body[i], name))
            return true;
    return any_saves(s->init, name) || any_saves(s->step, name) || any_saves(s->then, name) ||
           any_saves(s->els, name);
}

/* needed: the backward sweep reads the variable; saved: an assignment to it tapes the value
 * it overwrites. */
static void assert_tbr(const Func *fn, const char *name, bool needed, bool saved) {
    const Var *v = find_var(fn, name);
    if (v->needed != needed || any_saves(fn->reverse_body, name) != saved)
        fail_msg("%s: needed %d saved %d, expected %d %d", name, v->needed,
                 any_saves(fn->reverse_body, name), needed, saved);
}

static void test_tbr(void **state) {
    (void)state;
    Func *fn = find_func(load_source(tbr_src), "rec");
    assert_int_equal(normalize_for_reverse(fn), 0);
    assert_int_equal(activity_analyze(fn, fn->reverse_body, fn->wrt, true), 0);
    assert_int_equal(tbr_analyze(fn, fn->reverse_body), 0);
    assert_tbr(fn, "a", true, false);  /* read by d(a*a), never overwritten: not saved */
    assert_tbr(fn, "p", false, false); /* only added */
    assert_tbr(fn, "s", false, false); /* an accumulator s += x[i] is not needed */
    assert_tbr(fn, "w", true, true);   /* a factor, overwritten in the loop: saved */
    assert_tbr(fn, "r", true, true);   /* assigned once, but in a loop that reads it: saved */
    assert_tbr(fn, "u", false, false); /* another accumulator */
    assert_tbr(fn, "q", true, true);   /* q *= x[2]: its old value is the other factor */
    assert_tbr(fn, "i", true, false);  /* the index of active reads: recomputed, never saved */
    assert_tbr(fn, "x", true, false);  /* read by partials; a parameter never assigned */
    assert_tbr(fn, "n", true, false);  /* the loop's bound: read to count its trips, never assigned */
    assert_tbr(fn, "rec_result", false, false);
    assert_tbr(fn, "ptr", true, false);
    Var *ptr = find_var(fn, "ptr"), *buf = find_var(fn, "buf");
    assert_true(ptr->active);
    assert_ptr_equal(ptr->pointer_root, buf);
    assert_null(buf->pointer_root);
    assert_null(find_var(fn, "w")->pointer_root);
    /* What an assignment to each lvalue saves. */
    assert_false(find_assign(fn->reverse_body, "w")->saves); /* w = 1.0: its first value */
    assert_false(find_assign(fn->reverse_body, "a")->saves);
    assert_false(find_assign(fn->reverse_body, "ptr[1]")->saves); /* buf[1]'s old value is not read */
    /* Statements the backward sweep must replay. */
    assert_true(tbr_reversible(find_stmt(fn->reverse_body, ST_FOR, 0)));
    assert_true(tbr_reversible(find_assign(fn->reverse_body, "rec_result")));
    assert_false(tbr_reversible(find_assign(fn->reverse_body, "i"))); /* i = 0 saves nothing */
    const Expr *first, *bound = tbr_loop_bound(find_stmt(fn->reverse_body, ST_FOR, 0), &first);
    assert_non_null(bound); /* the backward sweep counts the trips from 0 and n */
    assert_string_equal(expr_text(first), "0");
    assert_string_equal(expr_text(bound), "n");
    assert_false(tbr_reversible(NULL));
}

static void test_tbr_inactive_loop(void **state) {
    (void)state;
    static const char src[] =
        "#include <adc.h>\n"
        "ADC_DIFF(wrt(x))\n"
        "double cnt(int n, double x) {\n"
        "    int k = 0;\n"
        "    double z = 0.0;\n"
        "    while (k < n) {\n"
        "        k += 2;\n"
        "        z = z + 1.0;\n"
        "    }\n"
        "    return x * 3.0 + z;\n"
        "}\n";
    Func *fn = find_func(load_source(src), "cnt");
    assert_int_equal(normalize_for_reverse(fn), 0);
    assert_int_equal(activity_analyze(fn, fn->reverse_body, fn->wrt, true), 0);
    assert_int_equal(tbr_analyze(fn, fn->reverse_body), 0);
    assert_tbr(fn, "k", false, false);
    assert_tbr(fn, "z", false, false);
    assert_tbr(fn, "x", false, false); /* x * 3.0: the partial is a constant */
    assert_false(find_var(fn, "z")->active);
    /* The loop has nothing to undo: no active statement, nothing saved. */
    assert_false(tbr_reversible(find_stmt(fn->reverse_body, ST_WHILE, 0)));
    assert_true(tbr_reversible(find_assign(fn->reverse_body, "cnt_result")));
}

/* Errors are counted globally (diag.c) and fail every later frontend_load: this runs last. */
static void test_linearize_error(void **state) {
    (void)state;
    Func *fn = find_func(load_source(lin_src), "lin");
    assert_int_equal(activity_analyze(fn, fn->body, fn->wrt, true), 0);
    Expr *x = expr_var(find_var(fn, "x"), fn->loc), *y = expr_var(find_var(fn, "y"), fn->loc);
    x->active = y->active = true;
    Expr *mod = expr_binary(OP_MOD, x, y, x->type); /* not a differentiable operation */
    mod->active = true;
    Namer names = {fn, 0};
    Linear lin;
    int before = error_count();
    assert_int_equal(linearize(&lin, mod, &names, "_d"), -1);
    assert_int_equal(error_count(), before + 1);
    /* An inactive expression is no error: it has no node. */
    mod->active = false;
    assert_int_equal(linearize(&lin, mod, &names, "_d"), 0);
    assert_int_equal(lin.root, -1);
    assert_int_equal(lin.count, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_product, lin_setup, lin_teardown),
        cmocka_unit_test_setup_teardown(test_math_calls, lin_setup, lin_teardown),
        cmocka_unit_test_setup_teardown(test_quotient_and_sums, lin_setup, lin_teardown),
        cmocka_unit_test_setup_teardown(test_zero_derivative, lin_setup, lin_teardown),
        cmocka_unit_test_setup_teardown(test_needed_temps, lin_setup, lin_teardown),
        cmocka_unit_test(test_scaled),
        cmocka_unit_test_teardown(test_early_exits_become_flags, ir_teardown),
        cmocka_unit_test_teardown(test_no_exits_no_flags, ir_teardown),
        cmocka_unit_test_teardown(test_tbr, ir_teardown),
        cmocka_unit_test_teardown(test_tbr_inactive_loop, ir_teardown),
        cmocka_unit_test_teardown(test_linearize_error, ir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
