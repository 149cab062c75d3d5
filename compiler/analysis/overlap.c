/* overlap.c: which pointer parameters may share memory with another one (see overlap.h). A
 * call's pointer arguments are told apart by the variable holding their memory: the caller's
 * local array or scalar, or its parameter unless that one is marked itself (until nothing
 * changes). */
#include "overlap.h"

/* The variable whose memory pointer argument e points into (x, x + k, &a[i][0], s.v), or NULL
 * where that is not known here: a local or global pointer (whatever it was last given), a
 * marked parameter, a global (its function may read it by name), a pointer read from memory. */
static const Var *own_memory(const Expr *e) {
    const Var *v = expr_memory_var(e);
    if (!v || v->kind == VAR_GLOBAL || v->may_overlap || (v->kind == VAR_LOCAL && v->type->kind == TY_PTR))
        return NULL;
    return v;
}

static bool is_pointer(const Type *t) {
    return t->kind == TY_PTR || t->kind == TY_ARRAY;
}

/* Marks the parameters of call's callee whose argument may share memory with another's. */
static FindVerdict mark_call(const Expr *e, const void *ctx) {
    bool *changed = (bool *)ctx;
    if (e->kind != EX_CALL || !e->callee)
        return FIND_INSIDE;
    for (int i = 0; i < e->nargs && i < e->callee->nparams; i++) {
        Var *p = e->callee->params[i];
        if (p->may_overlap || p->type->kind != TY_PTR || !is_pointer(e->args[i]->type))
            continue;
        const Var *mine = own_memory(e->args[i]);
        bool shared = !mine;
        for (int k = 0; k < e->nargs && !shared; k++)
            shared = k != i && is_pointer(e->args[k]->type) && own_memory(e->args[k]) == mine;
        if (shared)
            p->may_overlap = *changed = true;
    }
    return FIND_INSIDE;
}

void overlap_params_find(Program *prog) {
    for (int f = 0; f < prog->nfuncs; f++)
        for (int i = 0; i < prog->funcs[f]->nparams; i++)
            prog->funcs[f]->params[i]->may_overlap = false;
    for (bool changed = true; changed;) {
        changed = false;
        for (int f = 0; f < prog->nfuncs; f++)
            stmt_find_expr(prog->funcs[f]->body, mark_call, &changed);
    }
}

/* Memory from outside the function: a parameter's or a global's. */
static bool outside(const Var *v) {
    return v->kind == VAR_PARAM || v->kind == VAR_GLOBAL;
}

bool overlap_roots_meet(const Var *a, const Var *b) {
    if (!a || !b)
        return a == b;
    return a == b || (a->may_overlap && outside(b)) || (b->may_overlap && outside(a));
}
