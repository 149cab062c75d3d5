/* entry_value.c: where code may read the value a variable holds on entry to a function (see
 * entry_value.h). The walk follows the code in order, into callees when asked, and tracks
 * whether the variable is assigned on every path so far. static_locals.c asks it of f2c's
 * static locals (a read of the value an earlier call left), entry_reads.c of active globals
 * (a cache). */
#include <string.h>
#include "entry_value.h"

/* A goto flag (goto.c's to_L, only ever 0 or 1) as the walk knows it: its value if known, and
 * per value c whether every path so far with the flag at c has assigned the variable. f2c's
 * `if (c) goto L10; x = a; goto L20; L10: x = b; L20:` assigns x on both paths, which goto.c
 * turns into code under `if (to_L10 == 0)` and `if (to_L20 == 0)`: the flags say which paths
 * reach each. */
typedef struct Flag {
    const Var *var;
    signed char value;    /* 0, 1, or -1 unknown */
    bool implies[2];
} Flag;

typedef struct Walk {
    const EntryValueOf *of;
    bool set;             /* assigned on every path so far */
    bool exit_unset;      /* a return of the function walked left it unassigned */
    const Func **calls;   /* the functions being walked, outermost first */
    bool *entered_set;    /* per call: whether the variable was assigned on its entry */
    int ncalls, nentered;
    const Expr *read;     /* the first read of the value on entry, once found */
    Flag *flags;          /* the goto flags met so far */
    int nflags;
} Walk;

/* The state of the walk at a point: whether assigned, and the flags. */
typedef struct Point {
    bool set;
    Flag *flags;
    int nflags;
} Point;

/* A copy of n flags, with the room IR_APPEND takes it to have (ir_grow: up to the next power
 * of two). */
static Flag *flags_copy(const Flag *flags, int n) {
    Flag *copy = ir_alloc(sizeof(Flag) * (size_t)(2 * n + 4));
    if (n > 0) /* flags may be NULL then */
        memcpy(copy, flags, sizeof(Flag) * (size_t)n);
    return copy;
}

static Point point_of(const Walk *w) {
    return (Point){w->set, flags_copy(w->flags, w->nflags), w->nflags};
}

static void resume(Walk *w, const Point *p) {
    w->set = p->set;
    w->flags = flags_copy(p->flags, p->nflags);
    w->nflags = p->nflags;
}

static Flag *flag_at(Flag *flags, int n, const Var *var) {
    for (int i = 0; i < n; i++)
        if (flags[i].var == var)
            return &flags[i];
    return NULL;
}

/* Whether every path at a point (assigned: set) with flag f (NULL: not met) at c has assigned. */
static bool holds(bool set, const Flag *f, int c) {
    return set || (f && (f->implies[c] || (f->value >= 0 && f->value != c)));
}

/* The flag var gets the value value (goto.c's 0 or 1; NULL: another, which makes it unknown). */
static void assign_flag(Walk *w, const Var *var, const Expr *value) {
    Flag *f = flag_at(w->flags, w->nflags, var);
    if (!f) {
        IR_APPEND(w->flags, w->nflags, ((Flag){.var = var, .value = -1}));
        f = &w->flags[w->nflags - 1];
    }
    if (!value || value->kind != EX_NUM) {
        *f = (Flag){.var = var, .value = -1};
        return;
    }
    int c = strcmp(value->text, "0") != 0;
    f->implies[c] = w->set;
    f->implies[1 - c] = true;
    f->value = (signed char)c;
}

/* The paths on which flag var is c. */
static void assume_flag(Walk *w, const Var *var, int c) {
    Flag *f = flag_at(w->flags, w->nflags, var);
    if (!f)
        return;
    w->set = holds(w->set, f, c);
    f->value = (signed char)c;
}

/* The walk goes on from the paths of p and those it has now. */
static void join(Walk *w, const Point *p) {
    for (int i = 0; i < w->nflags; i++) {
        Flag *f = &w->flags[i];
        const Flag *g = flag_at(p->flags, p->nflags, f->var);
        for (int c = 0; c < 2; c++)
            f->implies[c] = holds(w->set, f, c) && holds(p->set, g, c);
        f->value = g && g->value == f->value ? f->value : -1;
    }
    for (int i = 0; i < p->nflags; i++)
        if (!flag_at(w->flags, w->nflags, p->flags[i].var)) {
            Flag f = {.var = p->flags[i].var, .value = -1};
            for (int c = 0; c < 2; c++)
                f.implies[c] = holds(p->set, &p->flags[i], c) && w->set;
            IR_APPEND(w->flags, w->nflags, f);
        }
    w->set = w->set && p->set;
}

/* `to_L == c` (goto.c): the flag tested, and c; or NULL. */
static const Var *flag_test(const Expr *e, int *c) {
    if (!e || e->kind != EX_BINARY || e->op != OP_EQ || e->lhs->kind != EX_VAR || !e->lhs->var->goto_flag ||
        e->rhs->kind != EX_NUM)
        return NULL;
    *c = strcmp(e->rhs->text, "0") != 0;
    return e->lhs->var;
}

/* The flags a loop's statement s assigns are unknown in the loop and after it. */
static void forget_flags(Walk *w, const Stmt *s) {
    if (!s)
        return;
    Flag *f = s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR ? flag_at(w->flags, w->nflags, s->lhs->var) : NULL;
    if (f)
        *f = (Flag){.var = f->var, .value = -1};
    for (int i = 0; i < s->nbody; i++)
        forget_flags(w, s->body[i]);
    forget_flags(w, s->init);
    forget_flags(w, s->step);
    forget_flags(w, s->then);
    forget_flags(w, s->els);
}

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

/* An if's branches, each from the state before it (on the paths its test of a goto flag
 * takes); after it, assigned if on both. */
static void walk_branches(Walk *w, const Expr *cond, const Stmt *then, const Stmt *els) {
    int c = 0;
    const Var *flag = flag_test(cond, &c);
    Point before = point_of(w);
    if (flag)
        assume_flag(w, flag, c);
    walk_stmt(w, then);
    Point after_then = point_of(w);
    resume(w, &before);
    if (flag)
        assume_flag(w, flag, 1 - c);
    walk_stmt(w, els);
    join(w, &after_then);
}

/* A loop's trip (its body, then its step), which may not run at all, or run again: the goto
 * flags it assigns are unknown. */
static void walk_trip(Walk *w, const Stmt *body, const Stmt *step) {
    forget_flags(w, body);
    forget_flags(w, step);
    Point before = point_of(w);
    walk_stmt(w, body);
    walk_stmt(w, step);
    resume(w, &before);
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
        if (s->var->goto_flag)
            assign_flag(w, s->var, s->rhs);
        break;
    case ST_ASSIGN:
        walk_expr(w, s->rhs);
        if (s->op != OP_NONE)
            walk_expr(w, s->lhs);
        else if (assigns_it(w, s))
            w->set = true;
        if (s->lhs->kind == EX_VAR && s->lhs->var->goto_flag)
            assign_flag(w, s->lhs->var, s->op == OP_NONE ? s->rhs : NULL);
        break;
    case ST_IF:
        walk_expr(w, s->cond);
        walk_branches(w, s->cond, s->then, s->els);
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
