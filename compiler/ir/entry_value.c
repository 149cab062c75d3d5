/* entry_value.c: where code may read the value a variable holds on entry to a function (see
 * entry_value.h). The walk follows the code in order, into callees when asked, and tracks
 * whether the variable is assigned on every path so far. static_locals.c asks it of f2c's
 * static locals (a read of the value an earlier call left), entry_reads.c of active globals
 * (a cache). */
#include "entry_value.h"

typedef struct Walk {
    const EntryValueOf *of;
    bool set;             /* assigned on every path so far */
    bool exit_unset;      /* a return of the function walked left it unassigned */
    const Func **calls;   /* the functions being walked, outermost first */
    bool *entered_set;    /* per call: whether the variable was assigned on its entry */
    int ncalls, nentered;
    const Expr *read;     /* the first read of the value on entry, once found */
} Walk;

static FindVerdict names_it(const Expr *e, const void *of_) {
    const EntryValueOf *of = of_;
    return e->kind == EX_VAR && of->is(e->var, of->ctx) ? FIND_FOUND : FIND_INSIDE;
}

static void walk_stmt(Walk *w, const Stmt *s);

/* A call of a function being walked (recursion) is not walked again: entered with the
 * variable unassigned, as before, it reads what that walk found; entered so only now, it may
 * read it. */
static void walk_call(Walk *w, const Expr *call) {
    const Func *callee = call->callee;
    for (int i = 0; i < w->ncalls; i++)
        if (w->calls[i] == callee) {
            if (!w->set && w->entered_set[i])
                w->read = call;
            return;
        }
    bool exit_unset = w->exit_unset;
    w->exit_unset = false;
    IR_APPEND(w->calls, w->ncalls, callee);
    IR_APPEND(w->entered_set, w->nentered, w->set);
    walk_stmt(w, callee->body);
    w->ncalls--;
    w->nentered--;
    w->set = w->set && !w->exit_unset;
    w->exit_unset = exit_unset;
}

/* The calls of e (with bodies), each after its arguments: expr_find visits a node before its
 * children. */
static void walk_calls(Walk *w, const Expr *e) {
    if (!e || w->read)
        return;
    for (int i = 0; i < e->nargs; i++)
        walk_calls(w, e->args[i]);
    walk_calls(w, e->lhs);
    walk_calls(w, e->rhs);
    walk_calls(w, e->cond);
    if (e->kind == EX_CALL && e->callee && e->callee->body && !w->read)
        walk_call(w, e);
}

static void walk_expr(Walk *w, const Expr *e) {
    if (!w->set && !w->read)
        w->read = expr_find(e, names_it, w->of);
    if (w->of->into_calls)
        walk_calls(w, e);
}

/* `v = e` or `v[i] = e`: walks the indices, and says whether the target is the variable. */
static bool assigns_it(Walk *w, const Stmt *s) {
    const Expr *target = s->lhs;
    while (target->kind == EX_INDEX) {
        walk_expr(w, target->rhs);
        target = target->lhs;
    }
    if (target->kind != EX_VAR) {
        walk_expr(w, target);
        return false;
    }
    return names_it(target, w->of) == FIND_FOUND;
}

/* An if's branches, each from the state before it; after it, assigned if on both. */
static void walk_branches(Walk *w, const Stmt *then, const Stmt *els) {
    bool before = w->set;
    walk_stmt(w, then);
    bool then_set = w->set;
    w->set = before;
    walk_stmt(w, els);
    w->set = w->set && then_set;
}

/* A loop's trip (its body, then its step), which may not run at all. */
static void walk_trip(Walk *w, const Stmt *body, const Stmt *step) {
    bool before = w->set;
    walk_stmt(w, body);
    walk_stmt(w, step);
    w->set = before;
}

static void walk_stmt(Walk *w, const Stmt *s) {
    if (!s || w->read)
        return;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            walk_stmt(w, s->body[i]);
        break;
    case ST_DECL: /* a static's own initializer runs before the first call, not on each */
        if (!w->of->is(s->var, w->of->ctx))
            walk_expr(w, s->rhs);
        break;
    case ST_ASSIGN:
        walk_expr(w, s->rhs);
        if (s->op != OP_NONE)
            walk_expr(w, s->lhs);
        else if (assigns_it(w, s))
            w->set = true;
        break;
    case ST_IF:
        walk_expr(w, s->cond);
        walk_branches(w, s->then, s->els);
        break;
    case ST_FOR:
        walk_stmt(w, s->init);
        walk_expr(w, s->cond);
        walk_trip(w, s->then, s->step);
        break;
    case ST_WHILE:
        walk_expr(w, s->cond);
        walk_trip(w, s->then, NULL);
        break;
    case ST_DO: /* the condition may follow a continue that skipped the body's assignments */
        walk_trip(w, s->then, NULL);
        walk_expr(w, s->cond);
        break;
    case ST_RETURN: /* its path ends: what follows counts it as assigning (`else return 0;`) */
        walk_expr(w, s->rhs);
        w->exit_unset |= !w->set;
        w->set = true;
        break;
    default: /* a call; break, continue (gotos and labels are gone, goto.c) */
        walk_expr(w, s->rhs);
        break;
    }
}

const Expr *entry_value_read(const Func *fn, const EntryValueOf *of) {
    Walk w = {.of = of};
    IR_APPEND(w.calls, w.ncalls, fn);
    IR_APPEND(w.entered_set, w.nentered, false);
    walk_stmt(&w, fn->body);
    return w.read;
}
