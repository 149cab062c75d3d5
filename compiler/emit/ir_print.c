/* ir_print.c: prints each requested function's IR: its variables with their activity, and
 * its statements as a tree, one per line, with expressions in C syntax. */
#include "activity.h"
#include "c_text.h"
#include "ir_print.h"

static void print_stmt(Buf *out, const Stmt *s, int depth);

static void print_child(Buf *out, const char *label, const Stmt *s, int depth) {
    if (!s)
        return;
    buf_indent(out, depth);
    buf_printf(out, "%s:\n", label);
    print_stmt(out, s, depth + 1);
}

static void print_stmt(Buf *out, const Stmt *s, int depth) {
    static const char *const names[] = {
        [ST_BLOCK] = "block", [ST_DECL] = "decl", [ST_ASSIGN] = "assign", [ST_CALL] = "call",
        [ST_IF] = "if", [ST_FOR] = "for", [ST_WHILE] = "while", [ST_DO] = "do",
        [ST_BREAK] = "break", [ST_CONTINUE] = "continue", [ST_RETURN] = "return",
    };
    buf_indent(out, depth);
    buf_printf(out, "%s%s", names[s->kind], s->active ? " [active]" : "");
    if (s->kind == ST_DECL)
        buf_printf(out, " %s: %s", s->var->name, type_text(s->var->type));
    if (s->lhs)
        buf_printf(out, " %s %s=", expr_text(s->lhs), op_spelling(s->op));
    if (s->rhs)
        buf_printf(out, " %s", expr_text(s->rhs));
    if (s->cond)
        buf_printf(out, " (%s)", expr_text(s->cond));
    buf_printf(out, "  @%u\n", s->loc.line);
    for (int i = 0; i < s->nbody; i++)
        print_stmt(out, s->body[i], depth + 1);
    print_child(out, "init", s->init, depth + 1);
    print_child(out, "step", s->step, depth + 1);
    print_child(out, s->kind == ST_IF ? "then" : "body", s->then, depth + 1);
    for (const Stmt *next; (next = stmt_else_if(s)); s = next) { /* an else-if chain, flat */
        buf_indent(out, depth + 1);
        buf_printf(out, "else if%s (%s)  @%u\n", next->active ? " [active]" : "", expr_text(next->cond),
                   next->loc.line);
        print_child(out, "then", next->then, depth + 1);
    }
    print_child(out, "else", s->els, depth + 1);
}

static void print_func(Buf *out, Func *fn) {
    activity_analyze(fn, fn->body, fn->wrt, true);
    buf_printf(out, "func %s -> %s  @%s:%u\n", fn->name, type_text(fn->ret), fn->loc.file, fn->loc.line);
    static const char *const kinds[] = {[VAR_PARAM] = "param", [VAR_LOCAL] = "local", [VAR_GLOBAL] = "global"};
    for (int i = 0; i < fn->nvars; i++) {
        const Var *v = fn->vars[i];
        buf_printf(out, "  %s %s: %s%s%s%s\n", kinds[v->kind], v->name, type_text(v->type),
                   v->varied ? " varied" : "", v->useful ? " useful" : "", v->active ? " active" : "");
    }
    print_stmt(out, fn->body, 1);
}

int ir_print_program(Buf *out, Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++)
        if (prog->funcs[i]->requested)
            print_func(out, prog->funcs[i]);
    return 0;
}
