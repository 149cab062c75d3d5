/* omp_reverse.c: whether the backward sweep of a `#pragma omp parallel for` loop may share
 * its trips between threads. The primal loop is parallel: its trips write disjoint elements,
 * each trip's own locals and its reduction variables. Their backward trips then zero and read
 * the adjoints of disjoint elements and of their own locals (made private), read the adjoint
 * of a reduction variable (the same on every trip), and add to the adjoints of what they read,
 * which several trips may share: adjoint.c makes those additions atomic. Anything else (a
 * scalar parameter or a pointer changed, a local array, a lastprivate variable, a call to a
 * user function whose backward sweep adds to memory adc does not see here) keeps the backward
 * loop serial. Under collapse(n) the trips of the outermost loop are shared out: the trips of
 * the loops inside it write disjoint elements too, and their indices are its own locals. */
#include <string.h>
#include "omp_reverse.h"

bool omp_names(const Pragma *p, const char *clause, const Var *v) {
    for (int k = 0; k < p->nclauses; k++)
        if (strcmp(p->clauses[k].name, clause) == 0)
            for (int i = 0; i < p->clauses[k].nvars; i++)
                if (p->clauses[k].vars[i] == v)
                    return true;
    return false;
}

bool omp_reduces(const Pragma *p, const Var *v) {
    for (int k = 0; k < p->nclauses; k++)
        if (strcmp(p->clauses[k].name, "reduction") == 0 && strcmp(p->clauses[k].op, "+") == 0)
            for (int i = 0; i < p->clauses[k].nvars; i++)
                if (p->clauses[k].vars[i] == v)
                    return true;
    return false;
}

bool omp_trip_own(const Pragma *p, const Var *v) {
    for (int i = 0; i < p->nown; i++)
        if (p->own[i] == v)
            return true;
    return omp_names(p, "private", v) || omp_names(p, "firstprivate", v);
}

bool omp_last_private(const Pragma *p) {
    for (int k = 0; k < p->nclauses; k++)
        if (strcmp(p->clauses[k].name, "lastprivate") == 0 && p->clauses[k].nvars > 0)
            return true;
    return false;
}

static bool calls_user(const Expr *e) {
    if (!e)
        return false;
    if (e->kind == EX_CALL && e->callee)
        return true;
    for (int i = 0; e->kind == EX_CALL && i < e->nargs; i++)
        if (calls_user(e->args[i]))
            return true;
    return calls_user(e->lhs) || calls_user(e->rhs) || calls_user(e->cond);
}

static bool scalar_local(const Var *v) {
    TypeKind k = v->type->kind;
    return v->kind == VAR_LOCAL && (k == TY_INT || k == TY_FLOAT || k == TY_DOUBLE);
}

/* Whether one write, to lhs by `lhs op= rhs` (atomic: under `omp atomic`), is one the backward
 * trips can share out. */
static bool write_safe(const Pragma *p, const Expr *lhs, Op op, const Expr *rhs, bool atomic, bool *private_var) {
    if (atomic) /* x's adjoint is only read, by every trip that updates x */
        return (op == OP_ADD || op == OP_SUB) && !expr_mentions(rhs, expr_root_var(lhs));
    if (lhs->kind != EX_VAR) {
        const Var *root = expr_root_var(lhs);
        return root && root->kind == VAR_PARAM && (root->type->kind == TY_PTR || root->type->kind == TY_ARRAY);
    }
    Var *v = lhs->var;
    if (omp_reduces(p, v))
        return (op == OP_ADD || op == OP_SUB) && !expr_mentions(rhs, v);
    /* a variable the trips share (one trip writes it) keeps the adjoint every trip adds to */
    if (!scalar_local(v) || !omp_trip_own(p, v))
        return false;
    private_var[v->index] = true;
    return true;
}

static bool trips_safe(const Pragma *p, const Stmt *s, bool *private_var) {
    if (!s)
        return true;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            if (!trips_safe(p, s->body[i], private_var))
                return false;
        return true;
    case ST_DECL:
        if (!scalar_local(s->var) || calls_user(s->rhs))
            return false;
        private_var[s->var->index] = true;
        return true;
    case ST_ASSIGN:
        return !calls_user(s->rhs) && write_safe(p, s->lhs, s->op, s->rhs, s->atomic, private_var);
    case ST_CALL:
        return false;
    case ST_IF:
        return !calls_user(s->cond) && trips_safe(p, s->then, private_var) && trips_safe(p, s->els, private_var);
    case ST_FOR: case ST_WHILE: case ST_DO:
        return !s->checkpoint && !calls_user(s->cond) && trips_safe(p, s->init, private_var) &&
               trips_safe(p, s->step, private_var) && trips_safe(p, s->then, private_var);
    default:
        return true;
    }
}

bool omp_reverse_safe(const Func *fn, const Stmt *loop, const Pragma *p, bool *private_var) {
    memset(private_var, 0, sizeof(bool) * (size_t)(fn->nvars + 1));
    if (!loop->var || loop->checkpoint || omp_last_private(p) || !trips_safe(p, loop->then, private_var))
        return false;
    private_var[loop->var->index] = true;
    return true;
}
