/* entry_reads.c: where a requested function may read the value an active global holds on
 * entry. Its derivatives take that value's derivative as 0 unless wrt(...) names the global
 * (README, Globals): right for a parameter the caller set, but a value an earlier call left
 * there is then a constant. A cache (`if (z == last_x) return last_val;`) gives a derivative
 * of 0 whenever a call finds its result there, as when an optimizer calls f and then f_grad
 * at one point. adc says so, with a warning at the read.
 *
 * The walk follows the code in order, into the functions it calls, and tracks whether the
 * global was assigned on every path so far. Conservative, as static_locals.c: a loop counts
 * as running no trip; an element assigned counts for the array; the global's address handed
 * on reads it. */
#include <string.h>
#include "diag.h"
#include "entry_reads.h"

typedef struct Walk {
    const char *global;
    bool set;             /* assigned on every path so far */
    bool exit_unset;      /* a return of the function walked left it unassigned */
    const Func **calls;   /* the functions being walked, outermost first */
    bool *entered_set;    /* per call: whether the global was assigned on its entry */
    int ncalls, nentered;
    const Expr *read;     /* the first read of the value on entry, once found */
} Walk;

static FindVerdict names_global(const Expr *e, const void *global) {
    bool named = e->kind == EX_VAR && e->var->kind == VAR_GLOBAL && strcmp(e->var->name, global) == 0;
    return named ? FIND_FOUND : FIND_INSIDE;
}

static void walk_stmt(Walk *w, const Stmt *s);

/* A call of a function being walked (recursion) is not walked again: entered with the global
 * unassigned, as before, it reads what that walk found; entered so only now, it may read it. */
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

/* The calls of e (with bodies), each after its arguments. */
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
        w->read = expr_find(e, names_global, w->global);
    walk_calls(w, e);
}

/* `g = e` or `g[i] = e`: walks the indices, and says whether the target is the global. */
static bool assigns_global(Walk *w, const Stmt *s) {
    const Expr *target = s->lhs;
    while (target->kind == EX_INDEX) {
        walk_expr(w, target->rhs);
        target = target->lhs;
    }
    if (target->kind != EX_VAR) {
        walk_expr(w, target);
        return false;
    }
    return names_global(target, w->global) == FIND_FOUND;
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
    case ST_ASSIGN:
        walk_expr(w, s->rhs);
        if (s->op != OP_NONE)
            walk_expr(w, s->lhs);
        else if (assigns_global(w, s))
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
    case ST_RETURN:
        walk_expr(w, s->rhs);
        w->exit_unset |= !w->set;
        break;
    default: /* a declaration's initializer, a call */
        walk_expr(w, s->rhs);
        break;
    }
}

static bool named_in_wrt(const Func *fn, const char *global) {
    for (int i = 0; i < fn->nwrt_globals; i++)
        if (strcmp(fn->wrt_globals[i], global) == 0)
            return true;
    return false;
}

void entry_reads_warn(const Program *prog) {
    for (int f = 0; f < prog->nfuncs; f++) {
        const Func *fn = prog->funcs[f];
        for (int g = 0; fn->requested && g < prog->nactive_globals; g++) {
            const Var *global = prog->active_globals[g];
            if (global_is_pointer(global) || named_in_wrt(fn, global->name))
                continue;
            Walk w = {.global = global->name};
            IR_APPEND(w.calls, w.ncalls, fn);
            IR_APPEND(w.entered_set, w.nentered, false);
            walk_stmt(&w, fn->body);
            if (w.read)
                warning_at(w.read->loc, "'%s' may read here the value the global '%s' holds on entry: its "
                           "derivatives take that value as a constant (wrt(...) does not name '%s'), so a "
                           "value an earlier call left there, as a cache does, passes no derivative on [-Wentry-value]",
                           fn->name, global->name, global->name);
        }
    }
}
