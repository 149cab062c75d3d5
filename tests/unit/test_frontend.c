/* test_frontend.c: the libclang front end and lowering (frontend.c, lower.c): which functions
 * are lowered, the request of each, renamed shadowed locals, calls hoisted out of
 * expressions, floating `?:` turned into if/else (a chain of them into an else-if chain), and
 * the statement kinds. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "mathfn.h"
#include "unit_util.h"

static const char *const calls_src =
    "#include <adc.h>\n"
    "#include <math.h>\n"
    "static double g(double x) { return x * x; }\n"
    "static double unused(double x) { return x + 1.0; }\n"
    "static double h(double y) { return sin(y) + g(y); }\n"
    "ADC_DIFF(wrt(x), len(x: n))\n"
    "double f(int n, const double *x) {\n"
    "    double s = 0.0;\n"
    "    int i = 0;\n"
    "    {\n"
    "        int i = 1;\n"
    "        s += x[i];\n"
    "    }\n"
    "    s += g(x[0]) * 2.0 + h(x[1]);\n"
    "    double m = x[0] > x[1] ? x[0] : x[1];\n"
    "    return s + m + i;\n"
    "}\n";

static void test_function_list(void **state) {
    (void)state;
    Program *prog = load_source(calls_src);
    /* f, then its callees in the order met; `unused` is never lowered. */
    assert_int_equal(prog->nfuncs, 3);
    assert_string_equal(prog->funcs[0]->name, "f");
    assert_string_equal(prog->funcs[1]->name, "g");
    assert_string_equal(prog->funcs[2]->name, "h");
    Func *f = prog->funcs[0], *g = prog->funcs[1], *h = prog->funcs[2];
    assert_true(f->requested);
    assert_false(g->requested);
    assert_false(h->requested);
    /* A source's `static` does not make derivatives static (only second-order stages do). */
    assert_false(f->is_static);
    assert_false(g->is_static);
    assert_int_equal(f->ret->kind, TY_DOUBLE);
    assert_int_equal(f->nparams, 2);
    assert_string_equal(f->params[0]->name, "n");
    assert_int_equal(f->params[0]->type->kind, TY_INT);
    assert_string_equal(f->params[1]->name, "x");
    assert_int_equal(f->params[1]->type->kind, TY_PTR);
    assert_true(f->params[1]->type->base->is_const);
    assert_int_equal(f->params[1]->kind, VAR_PARAM);
    assert_false(f->wrt[0]);
    assert_true(f->wrt[1]);
    assert_null(f->len[0]);
    assert_string_equal(f->len[1], "n");
    assert_int_equal(f->modes, MODE_TANGENT | MODE_ADJOINT | MODE_GRAD);
    assert_int_equal(f->loc.line, 7);
    assert_int_equal(prog->nincludes, 2);
    assert_string_equal(prog->includes[0], "#include <adc.h>");
    assert_string_equal(prog->includes[1], "#include <math.h>");
    /* Every local, each with one name. */
    assert_int_equal(f->nvars, 9);
    static const char *const names[] = {"n", "x", "s", "i", "i_2", "g_value", "h_value", "m", "cond_value"};
    for (int k = 0; k < 9; k++) {
        assert_string_equal(f->vars[k]->name, names[k]);
        assert_int_equal(f->vars[k]->index, k);
        assert_int_equal(f->vars[k]->kind, k < 2 ? VAR_PARAM : VAR_LOCAL);
    }
}

static void test_renamed_locals(void **state) {
    (void)state;
    Func *f = find_func(load_source(calls_src), "f");
    Var *i = find_var(f, "i"), *i2 = find_var(f, "i_2");
    assert_ptr_not_equal(i, i2);
    assert_int_equal(i->type->kind, TY_INT);
    assert_int_equal(i2->type->kind, TY_INT);
    assert_string_equal(expr_text(find_decl(f->body, "i")->rhs), "0");
    assert_string_equal(expr_text(find_decl(f->body, "i_2")->rhs), "1");
    /* The inner block reads the inner i, the return the outer one. */
    Stmt *acc = find_stmt(f->body, ST_ASSIGN, 0);
    assert_int_equal(acc->op, OP_ADD);
    assert_string_equal(expr_text(acc->lhs), "s");
    assert_string_equal(expr_text(acc->rhs), "x[i_2]");
    assert_ptr_equal(acc->rhs->rhs->var, i2);
    assert_string_equal(expr_text(find_return_value(f->body)), "s + m + i");
    assert_ptr_equal(find_return_value(f->body)->rhs->var, i);
    /* The inner block keeps its braces. */
    assert_true(f->body->scope);
    assert_true(f->body->body[2]->scope);
}

static void test_hoisted_calls(void **state) {
    (void)state;
    Program *prog = load_source(calls_src);
    Func *f = find_func(prog, "f"), *g = find_func(prog, "g"), *h = find_func(prog, "h");
    Stmt *gd = find_decl(f->body, "g_value"), *hd = find_decl(f->body, "h_value");
    assert_non_null(gd);
    assert_non_null(hd);
    assert_int_equal(gd->rhs->kind, EX_CALL);
    assert_ptr_equal(gd->rhs->callee, g);
    assert_null(gd->rhs->math);
    assert_int_equal(gd->rhs->nargs, 1);
    assert_string_equal(expr_text(gd->rhs), "g(x[0])");
    assert_ptr_equal(hd->rhs->callee, h);
    assert_string_equal(expr_text(hd->rhs), "h(x[1])");
    /* Both are declared just before the statement they came out of, in one group. */
    Stmt *group = f->body->body[3];
    assert_int_equal(group->kind, ST_BLOCK);
    assert_false(group->scope);
    assert_int_equal(group->nbody, 3);
    assert_ptr_equal(group->body[0], gd);
    assert_ptr_equal(group->body[1], hd);
    assert_int_equal(group->body[2]->kind, ST_ASSIGN);
    assert_string_equal(expr_text(group->body[2]->rhs), "g_value * 2.0 + h_value");
    /* In h, sin stays a math call and g is hoisted. */
    Stmt *hg = find_decl(h->body, "g_value");
    assert_non_null(hg);
    assert_ptr_equal(hg->rhs->callee, g);
    Expr *ret = find_return_value(h->body);
    assert_string_equal(expr_text(ret), "sin(y) + g_value");
    assert_int_equal(ret->lhs->kind, EX_CALL);
    assert_null(ret->lhs->callee);
    assert_non_null(ret->lhs->math);
    assert_string_equal(ret->lhs->math->name, "sin");
    /* g has no locals. */
    assert_int_equal(g->nvars, 1);
    assert_int_equal(count_stmts(g->body, ST_DECL), 0);
}

static void test_cond_to_if(void **state) {
    (void)state;
    Func *f = find_func(load_source(calls_src), "f");
    Stmt *group = f->body->body[4];
    assert_int_equal(group->kind, ST_BLOCK);
    assert_int_equal(group->nbody, 3);
    Stmt *decl = group->body[0], *branch = group->body[1], *m = group->body[2];
    assert_int_equal(decl->kind, ST_DECL);
    assert_string_equal(decl->var->name, "cond_value");
    assert_int_equal(decl->var->type->kind, TY_DOUBLE);
    assert_null(decl->rhs);
    assert_int_equal(branch->kind, ST_IF);
    assert_string_equal(expr_text(branch->cond), "x[0] > x[1]");
    assert_int_equal(branch->then->nbody, 1);
    assert_int_equal(branch->els->nbody, 1);
    assert_string_equal(expr_text(branch->then->body[0]->lhs), "cond_value");
    assert_string_equal(expr_text(branch->then->body[0]->rhs), "x[0]");
    assert_string_equal(expr_text(branch->els->body[0]->lhs), "cond_value");
    assert_string_equal(expr_text(branch->els->body[0]->rhs), "x[1]");
    assert_int_equal(m->kind, ST_DECL);
    assert_string_equal(m->var->name, "m");
    assert_int_equal(m->rhs->kind, EX_VAR);
    assert_ptr_equal(m->rhs->var, decl->var);
    assert_int_equal(count_stmts(f->body, ST_IF), 1);
}

static const char *const chain_src =
    "#include <adc.h>\n"
    "#define SCALE 3.0\n"
    "static double g(double x) { return x * x; }\n"
    "ADC_DIFF(wrt(x))\n"
    "double f(double x) {\n"
    "    double a = x < 0.0 ? -x : x < 1.0 ? x * SCALE : (x < 2.0 ? g(x) : 2.0);\n"
    "    double b = x > 0.0 ? g(x) : 1.0;\n"
    "    return a + b + x * SCALE - -SCALE * x;\n"
    "}\n";

/* A chain of ?: becomes one variable set in an else-if chain; fresh names count up. */
static void test_cond_chain(void **state) {
    (void)state;
    Func *f = find_func(load_source(chain_src), "f");
    Stmt *group = f->body->body[0];
    assert_int_equal(group->nbody, 3);
    assert_string_equal(group->body[0]->var->name, "cond_value");
    Stmt *link = group->body[1];
    static const char *const conds[] = {"x < 0.0", "x < 1.0", "x < 2.0"};
    for (int k = 0; k < 3; k++, link = (Stmt *)stmt_else_if(link)) {
        assert_non_null(link);
        assert_string_equal(expr_text(link->cond), conds[k]);
        Stmt *set = link->then->body[link->then->nbody - 1];
        assert_string_equal(expr_text(set->lhs), "cond_value");
    }
    assert_null(link);
    /* The call in the last branch is hoisted into that branch only. */
    Stmt *last = (Stmt *)stmt_else_if(stmt_else_if(group->body[1]));
    assert_string_equal(last->then->body[0]->var->name, "g_value");
    assert_string_equal(expr_text(last->els->body[0]->rhs), "2.0");
    assert_null(stmt_else_if(last));
    /* The second ?: and call get the next names. */
    assert_non_null(find_decl(f->body, "cond_value_2"));
    assert_non_null(find_decl(f->body, "g_value_2"));
    assert_null(find_var_or_null(f, "cond_value_3"));
    assert_string_equal(func_fresh_name(f, "g_value"), "g_value_3");
    assert_string_equal(func_fresh_name(f, "fresh"), "fresh");
    assert_true(func_name_taken(f, "cond_value_2"));
    assert_false(func_name_taken(f, "t1"));
    /* Operands from macros; operators read between them. */
    assert_string_equal(expr_text(find_return_value(f->body)), "a + b + x * 3.0 - -3.0 * x");
}

static const char *const kinds_src =
    "#include <adc.h>\n"
    "#include <math.h>\n"
    "static void scale(int n, double *y, double c) {\n"
    "    for (int k = 0; k < n; k++)\n"
    "        y[k] *= c;\n"
    "}\n"
    "ADC_DIFF(wrt(x, y), modes(tangent))\n"
    "void kinds(int n, const double *x, double *y, float z) {\n"
    "    int j = 0;\n"
    "    while (j < n) {\n"
    "        if (x[j] < 0.0) {\n"
    "            j++;\n"
    "            continue;\n"
    "        } else if (x[j] > 10.0)\n"
    "            break;\n"
    "        y[j] = sinf(z) * x[j];\n"
    "        j += 1;\n"
    "    }\n"
    "    do {\n"
    "        j--;\n"
    "    } while (j > 0 && (x[0] > 0.0 ? x[0] : -x[0]) > 1.0);\n"
    "    scale(n, y, 2.0);\n"
    "    if (n > 3)\n"
    "        return;\n"
    "    y[0] = n > 1 ? 1 : 2;\n"
    "}\n";

static void test_statement_kinds(void **state) {
    (void)state;
    Program *prog = load_source(kinds_src);
    assert_int_equal(prog->nfuncs, 2);
    Func *fn = find_func(prog, "kinds"), *scale = find_func(prog, "scale");
    assert_true(fn->requested);
    assert_int_equal(fn->modes, MODE_TANGENT);
    assert_true(fn->wrt[1]);
    assert_true(fn->wrt[2]);
    assert_false(fn->wrt[0]);
    assert_false(fn->wrt[3]);
    assert_int_equal(fn->ret->kind, TY_VOID);
    assert_int_equal(fn->params[3]->type->kind, TY_FLOAT);
    Stmt *b = fn->body;
    assert_int_equal(b->kind, ST_BLOCK);
    assert_int_equal(b->nbody, 6);
    assert_int_equal(b->body[0]->kind, ST_DECL);
    assert_int_equal(b->body[1]->kind, ST_WHILE);
    assert_int_equal(b->body[2]->kind, ST_DO);
    assert_int_equal(b->body[3]->kind, ST_CALL);
    assert_int_equal(b->body[4]->kind, ST_IF);
    assert_int_equal(b->body[5]->kind, ST_ASSIGN);
    assert_int_equal(count_stmts(b, ST_DECL), 1);
    assert_int_equal(count_stmts(b, ST_ASSIGN), 5);
    assert_int_equal(count_stmts(b, ST_IF), 3);
    assert_int_equal(count_stmts(b, ST_WHILE), 1);
    assert_int_equal(count_stmts(b, ST_DO), 1);
    assert_int_equal(count_stmts(b, ST_FOR), 0);
    assert_int_equal(count_stmts(b, ST_BREAK), 1);
    assert_int_equal(count_stmts(b, ST_CONTINUE), 1);
    assert_int_equal(count_stmts(b, ST_RETURN), 1);
    assert_int_equal(count_stmts(b, ST_CALL), 1);
    assert_null(find_stmt(b, ST_RETURN, 0)->rhs);
    /* ++ and -- become compound assignments of 1. */
    Stmt *inc = find_stmt(b, ST_ASSIGN, 0), *dec = find_stmt(b, ST_ASSIGN, 3);
    assert_int_equal(inc->op, OP_ADD);
    assert_string_equal(expr_text(inc->lhs), "j");
    assert_string_equal(expr_text(inc->rhs), "1");
    assert_int_equal(dec->op, OP_SUB);
    assert_string_equal(expr_text(dec->rhs), "1");
    /* else if: an if inside the else block. */
    Stmt *outer_if = b->body[1]->then->body[0];
    assert_int_equal(outer_if->kind, ST_IF);
    assert_int_equal(outer_if->els->kind, ST_BLOCK);
    assert_int_equal(outer_if->els->body[0]->kind, ST_IF);
    assert_null(outer_if->els->body[0]->els);
    /* sinf is the float form of sin. */
    Stmt *store = find_assign(b, "y[j]");
    assert_non_null(store);
    assert_int_equal(store->op, OP_NONE);
    assert_string_equal(expr_text(store->rhs), "sinf(z) * x[j]");
    assert_string_equal(store->rhs->lhs->math->name, "sin");
    assert_string_equal(store->rhs->lhs->text, "sinf");
    assert_int_equal(store->rhs->lhs->type->kind, TY_FLOAT);
    /* A ?: in a loop condition stays an expression; so does an integer ?:. */
    assert_string_equal(expr_text(b->body[2]->cond), "j > 0 && (x[0] > 0.0 ? x[0] : -x[0]) > 1.0");
    assert_null(find_var_or_null(fn, "cond_value"));
    assert_int_equal(b->body[5]->rhs->kind, EX_COND);
    /* A call statement to a user function. */
    assert_ptr_equal(b->body[3]->rhs->callee, scale);
    assert_string_equal(expr_text(b->body[3]->rhs), "scale(n, y, 2.0)");
    /* The for loop of the callee: init, cond, step (k++ as k += 1), body. */
    Stmt *loop = find_stmt(scale->body, ST_FOR, 0);
    assert_int_equal(loop->init->kind, ST_DECL);
    assert_string_equal(loop->init->var->name, "k");
    assert_string_equal(expr_text(loop->cond), "k < n");
    assert_int_equal(loop->step->kind, ST_ASSIGN);
    assert_int_equal(loop->step->op, OP_ADD);
    assert_int_equal(loop->then->kind, ST_BLOCK);
    assert_int_equal(loop->then->body[0]->op, OP_MUL);
    assert_string_equal(expr_text(loop->then->body[0]->lhs), "y[k]");
    /* Statement ids are unique. */
    int nstmts = fn->nstmts;
    assert_true(nstmts >= 20);
}

static void test_request_from_command_line(void **state) {
    (void)state;
    static const char src[] =
        "double p(double a, double b, int k) { return a * b + k; }\n"
        "double q(double a, double b) { return a - b; }\n";
    Request reqs[2] = {{.function = "p", .wrt = "b"}, {.function = "q", .modes = MODE_ADJOINT}};
    Program prog;
    int before = error_count();
    assert_int_equal(load_source_requests(&prog, src, reqs, 2), 0);
    assert_int_equal(error_count(), before);
    assert_int_equal(prog.nfuncs, 2);
    Func *p = find_func(&prog, "p"), *q = find_func(&prog, "q");
    assert_true(p->requested);
    assert_false(p->wrt[0]);
    assert_true(p->wrt[1]);
    assert_false(p->wrt[2]);
    assert_int_equal(p->modes, MODE_TANGENT | MODE_ADJOINT | MODE_GRAD);
    assert_true(q->requested);
    assert_true(q->wrt[0]);
    assert_true(q->wrt[1]);
    assert_int_equal(q->modes, MODE_ADJOINT);
    assert_int_equal(prog.nincludes, 0);
}

/* Errors are counted globally (diag.c), so the tests that expect them run last. */
static void test_errors(void **state) {
    (void)state;
    static const char *const bad[] = {
        "double f(double x) { if (x > 1) goto in; if (x < 0) { in: x = x * x; } return x; }\n"
        "#include <adc.h>\nADC_DIFF(wrt(x)) double g(double x) { return f(x); }\n",
        "#include <adc.h>\nADC_DIFF(wrt(n)) double f(int n) { return n; }\n",
        "#include <adc.h>\nADC_DIFF(wrt(x)) double f(double x) { return undeclared * x; }\n", /* clang */
        "#include <adc.h>\nADC_DIFF(wrt(x)) double f(double x) { switch ((int)x) { case 1 ... 3: return x; } return 0; }\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Program prog;
        assert_int_not_equal(load_source_requests(&prog, bad[i], NULL, 0), 0);
    }
    Program prog;
    Request missing = {.function = "nothere"};
    int before = error_count();
    assert_int_not_equal(load_source_requests(&prog, "double f(double x) { return x; }\n", &missing, 1), 0);
    assert_int_equal(error_count(), before + 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_function_list, ir_teardown),
        cmocka_unit_test_teardown(test_renamed_locals, ir_teardown),
        cmocka_unit_test_teardown(test_hoisted_calls, ir_teardown),
        cmocka_unit_test_teardown(test_cond_to_if, ir_teardown),
        cmocka_unit_test_teardown(test_cond_chain, ir_teardown),
        cmocka_unit_test_teardown(test_statement_kinds, ir_teardown),
        cmocka_unit_test_teardown(test_request_from_command_line, ir_teardown),
        cmocka_unit_test_teardown(test_errors, ir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
