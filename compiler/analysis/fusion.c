/* fusion.c: finds the loop nest of a function whose adjoint can run each trip's forward and
 * backward sweeps together (fusion.h): a sum over a nest of terms local to each trip. */
#include "fusion.h"
#include "tbr.h"

/* The statements of s with its grouping blocks opened, declarations without a value left out. */
static int flatten(const Stmt *s, const Stmt **out, int n, int cap) {
    if (!s)
        return n;
    if (s->kind == ST_BLOCK) {
        for (int i = 0; i < s->nbody && n >= 0; i++)
            n = flatten(s->body[i], out, n, cap);
        return n;
    }
    if (s->kind == ST_DECL)
        return n;
    if (n == cap)
        return -1;
    out[n] = s;
    return n + 1;
}

/* Whether e reads a variable that loop assigns. */
static bool reads_assigned(const Expr *e, const Stmt *loop) {
    if (!e)
        return false;
    if (e->kind == EX_VAR && stmt_assigns(loop, e->var))
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (reads_assigned(e->args[i], loop))
            return true;
    return reads_assigned(e->lhs, loop) || reads_assigned(e->rhs, loop) || reads_assigned(e->cond, loop);
}

/* An assignment `v op= rhs` to a scalar local v that calls nothing adc cannot see into. */
static bool scalar_assign(const Stmt *s) {
    return s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var->kind == VAR_LOCAL &&
           (s->lhs->var->type->kind == TY_INT || type_is_floating(s->lhs->var->type)) && !expr_calls_function(s->rhs);
}

static bool in_headers(const Stmt *const *nest, int depth, const Var *v) {
    for (int i = 0; i < depth; i++)
        if (stmt_mentions(nest[i]->init, v) || expr_mentions(nest[i]->cond, v) || stmt_mentions(nest[i]->step, v))
            return true;
    return false;
}

/* The innermost body (n statements) of nest[0..depth-1]: each local is assigned once, before
 * anything mentions it, from a value not reading it, or is acc, added to only. */
static bool trip_local_body(const Stmt **body, int n, const Stmt *const *nest, int depth, const Var *acc,
                            const Stmt *const *outside, int noutside) {
    for (int k = 0; k < n; k++) {
        const Stmt *s = body[k];
        if (!scalar_assign(s) || expr_mentions(s->rhs, acc))
            return false;
        const Var *v = s->lhs->var;
        if (v == acc) {
            if (s->op != OP_ADD && s->op != OP_SUB)
                return false;
            continue;
        }
        if (s->op != OP_NONE || in_headers(nest, depth, v))
            return false;
        for (int j = 0; j < n; j++)
            if (j != k && ((j < k && stmt_mentions(body[j], v)) || (j > k && stmt_assigns(body[j], v))))
                return false;
        for (int j = 0; j < noutside; j++)
            if (stmt_mentions(outside[j], v))
                return false;
    }
    return true;
}

/* Counting loops, each holding only the next, down to a trip-local body. */
static bool fusable_nest(const Stmt *loop, const Var *acc, const Stmt *const *outside, int noutside) {
    enum { MAX_DEPTH = 8, MAX_BODY = 64 };
    const Stmt *nest[MAX_DEPTH], *body[MAX_BODY];
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
        if (loop->kind != ST_FOR || !loop->var || loop->var->kind != VAR_LOCAL || !loop->cond || !loop->step ||
            loop->checkpoint || loop->npragmas || expr_calls_function(loop->cond) || !tbr_reversible(loop->then))
            return false;
        nest[depth] = loop;
        int n = flatten(loop->then, body, 0, MAX_BODY);
        if (n == 1 && body[0]->kind == ST_FOR) {
            loop = body[0];
            continue;
        }
        return n > 0 && trip_local_body(body, n, nest, depth + 1, acc, outside, noutside);
    }
    return false;
}

bool fusion_find(const Func *fn, Fusion *found) {
    enum { MAX_TOP = 64 };
    const Stmt **top = ir_alloc(sizeof(Stmt *) * MAX_TOP);
    int n = flatten(fn->reverse_body, top, 0, MAX_TOP);
    if (n < 2 || !fn->result || (fn->prog && fn->prog->nactive_globals))
        return false;
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->kind == VAR_LOCAL && fn->vars[i]->type->kind != TY_INT && !type_is_floating(fn->vars[i]->type))
            return false;
    const Stmt *last = top[n - 1], *loop = top[n - 2];
    if (last->kind != ST_ASSIGN || last->op != OP_NONE || last->lhs->kind != EX_VAR || last->lhs->var != fn->result ||
        last->rhs->kind != EX_VAR || last->rhs->var->kind != VAR_LOCAL || !type_is_floating(last->rhs->var->type))
        return false;
    const Var *acc = last->rhs->var;
    /* their backward sweeps run after the nest: what they read must be as they left it */
    for (int i = 0; i < n - 2; i++)
        if (!scalar_assign(top[i]) || reads_assigned(top[i]->rhs, loop) ||
            (top[i]->lhs->var == acc ? top[i]->rhs->active : stmt_assigns(loop, top[i]->lhs->var)))
            return false;
    top[n - 2] = last; /* the statements outside the nest */
    if (!fusable_nest(loop, acc, top, n - 1))
        return false;
    *found = (Fusion){loop, top, n - 2, last};
    return true;
}
