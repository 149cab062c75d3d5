/* header_statics.c: mutable static variables of headers. The generated file includes the
 * source's headers, so it gets a copy of such a variable of its own, which the source's code
 * (an init function filling a table, say) never writes. The generated code may only use its
 * copy as scratch: every read must follow a plain assignment of the variable earlier in the
 * same block or an enclosing one (Numerical Recipes' DMAX: `dmaxarg1 = (a), dmaxarg2 = (b),
 * dmaxarg1 > dmaxarg2 ? ...`). Any other use is refused. */
#include "diag.h"
#include "header_statics.h"

typedef struct Written {
    const Var **vars; /* header statics assigned so far on every path to here */
    int count;
} Written;

static bool written(const Written *w, const Var *v) {
    for (int i = 0; i < w->count; i++)
        if (w->vars[i] == v)
            return true;
    return false;
}

static FindVerdict unwritten_use(const Expr *e, const void *ctx) {
    const Written *w = ctx;
    if (e->kind == EX_VAR && e->var->header_copy && !written(w, e->var))
        return FIND_FOUND;
    return FIND_INSIDE;
}

static int refuse(const Expr *use, SrcLoc stmt) {
    error_at(use->loc.line ? use->loc : stmt, "'%s' is a static variable of a header: the generated file, including the "
             "header, has a copy of its own, which the source's code never sets; it is read here "
             "without being assigned first in this block; make it 'extern' with its definition "
             "in a .c file, or generate with --include-source", use->var->name);
    return 1;
}

static int check_stmt(const Stmt *s, Written *w);

/* The statements of a block in order; an assignment `v = e` makes v written for the rest of
 * the block (and the blocks inside it), not after it. */
static int check_block(const Stmt *s, Written *w) {
    int outer = w->count, errors = 0;
    for (int i = 0; i < s->nbody && !errors; i++) {
        const Stmt *t = s->body[i];
        errors += check_stmt(t, w);
        if (!errors && t->kind == ST_ASSIGN && t->op == OP_NONE && t->lhs->kind == EX_VAR &&
            t->lhs->var->header_copy && !written(w, t->lhs->var))
            IR_APPEND(w->vars, w->count, t->lhs->var);
    }
    w->count = outer;
    return errors;
}

static int check_stmt(const Stmt *s, Written *w) {
    if (!s)
        return 0;
    if (s->kind == ST_BLOCK)
        return check_block(s, w);
    const Expr *parts[] = {s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR ? NULL : s->lhs,
                           s->rhs, s->cond};
    for (int i = 0; i < 3; i++) {
        const Expr *use = expr_find(parts[i], unwritten_use, w);
        if (use)
            return refuse(use, s->loc);
    }
    const Stmt *inner[] = {s->init, s->then, s->els, s->step};
    for (int i = 0; i < 4; i++)
        if (check_stmt(inner[i], w))
            return 1;
    return 0;
}

int check_header_statics(const Func *fn) {
    Written w = {NULL, 0};
    return check_stmt(fn->body, &w);
}
