/* useful.c: usefulness of statements (see useful.h), a liveness analysis run backwards over the
 * structured reverse normal form (no jumps: normalize.c turned them into flags). A variable is
 * live at a point when its value there may reach an output. Only floating scalars that are
 * locals or by-value parameters, active, and never have their address taken are followed;
 * all other storage counts as live. A loop's trips start with what is live after it plus what
 * its body needs: the set of each loop grows over passes of the whole function until no set
 * changes, and a last pass marks the dead statements. */
#include <stdlib.h>
#include <string.h>
#include "activity.h"
#include "useful.h"

typedef struct Live {
    int *slot;      /* per variable: its position in the live sets, or -1: not followed */
    int count;      /* variables followed */
    bool **heads;   /* per loop (Stmt.id): what is live where its trips begin, so far */
    bool changed;   /* a loop's set grew in this pass */
    bool mark;      /* the last pass: clear the activity of dead statements */
} Live;

static bool *set_copy(const Live *l, const bool *from) {
    bool *set = calloc((size_t)l->count, sizeof(bool));
    if (!set)
        abort();
    if (from)
        memcpy(set, from, (size_t)l->count * sizeof(bool));
    return set;
}

/* into |= from; whether into grew. */
static bool set_join(const Live *l, bool *into, const bool *from) {
    bool grew = false;
    for (int i = 0; i < l->count; i++)
        if (from[i] && !into[i])
            grew = into[i] = true;
    return grew;
}

static void untrack_addresses(Live *l, const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_ADDR && expr_root_var(e->lhs))
        l->slot[expr_root_var(e->lhs)->index] = -1;
    for (int i = 0; i < e->nargs; i++)
        untrack_addresses(l, e->args[i]);
    untrack_addresses(l, e->lhs);
    untrack_addresses(l, e->rhs);
    untrack_addresses(l, e->cond);
}

static void untrack_addresses_in(Live *l, const Stmt *s) {
    if (!s)
        return;
    untrack_addresses(l, s->lhs);
    untrack_addresses(l, s->rhs);
    untrack_addresses(l, s->cond);
    for (int i = 0; i < s->nbody; i++)
        untrack_addresses_in(l, s->body[i]);
    untrack_addresses_in(l, s->init);
    untrack_addresses_in(l, s->step);
    untrack_addresses_in(l, s->then);
    untrack_addresses_in(l, s->els);
}

/* The live set being computed, for expr_value_vars. */
typedef struct Reads {
    const Live *live;
    bool *set;
} Reads;

static void read_var(Var *v, void *arg) {
    Reads *r = arg;
    if (r->live->slot[v->index] >= 0)
        r->set[r->live->slot[v->index]] = true;
}

/* Whether a call's only effect on derivatives is its result: no argument through which the
 * callee may write memory or call back, no active or restored global, no heap block. */
static bool result_only(const Expr *call) {
    if (func_returns_heap(call->callee) || call_reaches_active_global(call) || call_reaches_restored_global(call))
        return false;
    for (int i = 0; i < call->nargs; i++) {
        const Type *t = call->args[i]->type;
        bool pointer = t->kind == TY_PTR || t->kind == TY_ARRAY;
        if (t->kind == TY_STRUCT || t->kind == TY_FUNCPTR || (pointer && type_target_writable(t)))
            return false;
    }
    return true;
}

/* An assignment or a call: live holds what is live after it, then what is live before it. */
static void live_simple(Live *l, Stmt *s, bool *live) {
    if (!s->active)
        return;
    const Expr *call = s->rhs->kind == EX_CALL && s->rhs->callee ? s->rhs : NULL;
    int target = s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR ? l->slot[s->lhs->var->index] : -1;
    bool result_dead = s->kind == ST_CALL || (target >= 0 && !live[target]);
    bool no_other_effect = call ? result_only(call) : s->kind == ST_ASSIGN && !expr_calls_function(s->rhs);
    if (result_dead && no_other_effect) {
        if (l->mark)
            s->active = false;
        return;
    }
    if (target >= 0 && s->op == OP_NONE)
        live[target] = false;
    Reads reads = {l, live};
    for (int i = 0; call && i < call->nargs; i++) /* its result may be void */
        expr_value_vars(call->args[i], read_var, &reads);
    if (!call)
        expr_value_vars(s->rhs, read_var, &reads);
}

static void live_stmt(Live *l, Stmt *s, bool *live);

/* A loop: its trips may run any number of times (a do loop's at least once: what is live at
 * its entry is then a superset, which is safe). */
static void live_loop(Live *l, Stmt *s, bool *live) {
    bool **head = &l->heads[s->id];
    if (!*head)
        *head = set_copy(l, NULL);
    l->changed |= set_join(l, *head, live);
    bool *trip = set_copy(l, *head);
    live_stmt(l, s->step, trip);
    live_stmt(l, s->then, trip);
    l->changed |= set_join(l, *head, trip);
    free(trip);
    memcpy(live, *head, (size_t)l->count * sizeof(bool));
    live_stmt(l, s->init, live);
}

static void live_stmt(Live *l, Stmt *s, bool *live) {
    if (!s)
        return;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = s->nbody - 1; i >= 0; i--)
            live_stmt(l, s->body[i], live);
        break;
    case ST_ASSIGN: case ST_CALL:
        live_simple(l, s, live);
        break;
    case ST_IF: {
        bool *other = set_copy(l, live);
        live_stmt(l, s->then, live);
        live_stmt(l, s->els, other);
        set_join(l, live, other);
        free(other);
        break;
    }
    case ST_FOR: case ST_WHILE: case ST_DO:
        live_loop(l, s, live);
        break;
    default:
        break;
    }
}

/* Blocks, ifs and loops are active as their parts (as activity.c marks them). */
static bool refresh(Stmt *s) {
    if (!s)
        return false;
    bool active = false;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            active |= refresh(s->body[i]);
        break;
    case ST_IF: case ST_FOR: case ST_WHILE: case ST_DO:
        active = refresh(s->init) | refresh(s->step) | refresh(s->then) | refresh(s->els);
        break;
    default:
        return s->active;
    }
    return s->active = active;
}

/* One pass over the function, from its end: the result is live there. */
static void pass(Live *l, const Func *fn, Stmt *body) {
    bool *live = set_copy(l, NULL);
    if (fn->result && l->slot[fn->result->index] >= 0)
        live[l->slot[fn->result->index]] = true;
    l->changed = false;
    live_stmt(l, body, live);
    free(live);
}

void useful_statements(Func *fn, Stmt *body) {
    Live l = {.slot = ir_alloc(sizeof(int) * (size_t)(fn->nvars + 1))};
    for (int i = 0; i < fn->nvars; i++) {
        const Var *v = fn->vars[i];
        l.slot[i] = (v->kind == VAR_LOCAL || v->kind == VAR_PARAM) && v->active && type_is_floating(v->type) ? 0 : -1;
    }
    untrack_addresses_in(&l, body);
    for (int i = 0; i < fn->nvars; i++)
        if (l.slot[i] >= 0)
            l.slot[i] = l.count++;
    if (l.count == 0)
        return;
    l.heads = ir_alloc(sizeof(bool *) * (size_t)(fn->nstmts + 1));
    do
        pass(&l, fn, body);
    while (l.changed);
    l.mark = true;
    pass(&l, fn, body);
    for (int i = 0; i <= fn->nstmts; i++)
        free(l.heads[i]);
    refresh(body);
}
