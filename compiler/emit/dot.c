/* dot.c: the computational graph of each requested function as Graphviz DOT: a box per
 * variable, an ellipse per primitive operation, an edge per use. Active values are filled. */
#include "activity.h"
#include "c_text.h"
#include "ir_print.h"

static const char *expr_label(const Expr *e) {
    switch (e->kind) {
    case EX_CALL: return e->text;
    case EX_UNARY: case EX_BINARY: return op_spelling(e->op);
    case EX_CAST: return "cast";
    default: return "?";
    }
}

static bool is_operation(const Expr *e) {
    return e->kind == EX_CALL || e->kind == EX_UNARY || e->kind == EX_BINARY || e->kind == EX_CAST;
}

/* Writes the nodes of e and returns the DOT id its value comes from. */
static const char *graph_expr(Buf *out, const Expr *e, int *next) {
    if (!is_operation(e)) {
        Var *v = expr_root_var(e);
        if (v)
            return v->name;
        const char *id = ir_format("c%d", ++*next);
        buf_printf(out, "  %s [label=\"%s\", shape=plaintext];\n", id, expr_text(e));
        return id;
    }
    const char *id = ir_format("op%d", ++*next);
    buf_printf(out, "  %s [label=\"%s\", shape=ellipse%s];\n", id, expr_label(e),
               e->active ? ", style=filled, fillcolor=lightblue" : "");
    const Expr *operands[2] = {e->lhs, e->rhs};
    int n = e->kind == EX_CALL ? e->nargs : (e->rhs ? 2 : 1);
    for (int i = 0; i < n; i++) {
        const Expr *operand = e->kind == EX_CALL ? e->args[i] : operands[i];
        buf_printf(out, "  %s -> %s;\n", graph_expr(out, operand, next), id);
    }
    return id;
}

static void graph_stmt(Buf *out, const Stmt *s, int *next, const char *ret) {
    if (!s)
        return;
    if ((s->kind == ST_DECL || s->kind == ST_ASSIGN || s->kind == ST_RETURN) && s->rhs) {
        const char *target = s->kind == ST_DECL ? s->var->name : s->lhs ? expr_root_var(s->lhs)->name : ret;
        buf_printf(out, "  %s -> %s;\n", graph_expr(out, s->rhs, next), target);
    }
    for (int i = 0; i < s->nbody; i++)
        graph_stmt(out, s->body[i], next, ret);
    graph_stmt(out, s->init, next, ret);
    graph_stmt(out, s->step, next, ret);
    graph_stmt(out, s->then, next, ret);
    graph_stmt(out, s->els, next, ret);
}

int dot_print_program(Buf *out, Program *prog) {
    buf_puts(out, "digraph adc {\n  rankdir=LR;\n");
    int next = 0;
    for (int f = 0; f < prog->nfuncs; f++) {
        Func *fn = prog->funcs[f];
        if (!fn->requested)
            continue;
        activity_analyze(fn, fn->body, fn->wrt, true);
        buf_printf(out, "  subgraph cluster_%s {\n  label=\"%s\";\n", fn->name, fn->name);
        for (int i = 0; i < fn->nvars; i++)
            buf_printf(out, "  %s [shape=box%s];\n", fn->vars[i]->name,
                       fn->vars[i]->active ? ", style=filled, fillcolor=lightblue" : "");
        const char *ret = ir_format("%s_result", fn->name);
        buf_printf(out, "  %s [label=\"%s\", shape=doublecircle];\n", ret, fn->name);
        graph_stmt(out, fn->body, &next, ret);
        buf_puts(out, "  }\n");
    }
    buf_puts(out, "}\n");
    return 0;
}
