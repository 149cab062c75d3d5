/* companion.c: pairs `c = cos(t)` and `s = sin(t)` in one statement list (see companion.h).
 *
 * The two may sit in nested blocks of the list (factor_calls.c makes those): the pairing looks
 * at its statements in the order they run. The later statement of a pair reads the earlier
 * one's result: nothing between them assigns t or that result, so it still holds f(t) when
 * the later statement runs, and the to-be-recorded analysis keeps that value for its backward
 * sweep like any operand it reads.
 * The earlier statement can read the later one's result too, when that result is a local
 * assigned only there and no jump lies between: outside loops the backward sweep then finds
 * it holding f(t) all along (the analysis keeps its final value; nothing restores an older
 * one). Inside a loop it holds another trip's value there, unless the later statement tapes
 * the value it leaves and its backward sweep pops it back (Stmt.tapes_result); that is only
 * right when no other statement's backward sweep reads the result, which the to-be-recorded
 * analysis tells: companions_in_loops pairs those after it has run once.
 * Variables whose address is taken are left alone: a pointer could change them. */
#include <limits.h>
#include <string.h>
#include "companion.h"
#include "mathfn.h"

enum { MAX_DISTANCE = 8 }; /* statements apart: pairs sit next to each other in practice */

/* `v = f(t)` with f in a pair, v a floating local scalar, t a variable: f, else NULL. */
static const MathFn *pair_member(const Stmt *s) {
    if (s->kind != ST_ASSIGN || s->op != OP_NONE || !s->active || s->lhs->kind != EX_VAR)
        return NULL;
    const Expr *call = s->rhs;
    if (call->kind != EX_CALL || !call->math || !call->math->companion || call->args[0]->kind != EX_VAR)
        return NULL;
    const Var *v = s->lhs->var, *t = call->args[0]->var;
    if (v->kind != VAR_LOCAL || !type_is_floating(v->type) || v == t || t->kind == VAR_GLOBAL)
        return NULL;
    return call->math;
}

static const char *unsigned_name(const char *companion) {
    return companion[0] == '-' ? companion + 1 : companion;
}

static bool partners(const Stmt *a, const Stmt *b) {
    const MathFn *f = pair_member(a), *g = pair_member(b);
    return f && g && strcmp(unsigned_name(f->companion), g->name) == 0 &&
           a->rhs->args[0]->var == b->rhs->args[0]->var && a->lhs->var != b->lhs->var &&
           a->rhs->type->kind == b->rhs->type->kind;
}

/* Counts what a whole function does to v: assignments (*count), &v (returns true). */
static bool census(const Stmt *s, const Var *v, int *count) {
    if (!s)
        return false;
    if (s->kind == ST_ASSIGN && expr_root_var(s->lhs) == v)
        (*count)++;
    bool address = expr_takes_address(s->lhs, v) || expr_takes_address(s->rhs, v) ||
                   expr_takes_address(s->cond, v);
    for (int i = 0; i < s->nbody; i++)
        address |= census(s->body[i], v, count);
    address |= census(s->init, v, count) | census(s->step, v, count);
    return address | census(s->then, v, count) | census(s->els, v, count);
}

static bool jumps_here(const Stmt *s, const void *ctx) {
    (void)ctx;
    return s->kind == ST_BREAK || s->kind == ST_CONTINUE || s->kind == ST_RETURN;
}

/* Whether list[i+1..j) leaves t and v alone (and has no jump, when jumps matter). */
static bool undisturbed(Stmt **list, int i, int j, const Var *t, const Var *v, bool jumps) {
    for (int k = i + 1; k < j; k++)
        if (stmt_assigns(list[k], t) || stmt_assigns(list[k], v) || (jumps && stmt_find(list[k], jumps_here, NULL)))
            return false;
    return true;
}

static bool only_plain_uses(const Stmt *fn_body, const Var *v, int max_assignments) {
    int count = 0;
    return !census(fn_body, v, &count) && count <= max_assignments;
}

/* The walk: in loops too, after the to-be-recorded analysis (loops_too), or not. */
typedef struct Walk {
    const Stmt *fn_body;
    bool loops_too;
} Walk;

static void pair(const Walk *w, Stmt **list, int i, int j, bool in_loop) {
    Stmt *earlier = list[i], *later = list[j];
    const Var *t = later->rhs->args[0]->var;
    Var *first = earlier->lhs->var, *second = later->lhs->var;
    if (!undisturbed(list, i, j, t, first, false) || !only_plain_uses(w->fn_body, t, INT_MAX) ||
        !only_plain_uses(w->fn_body, first, INT_MAX))
        return;
    later->companion = first;
    if ((in_loop && (!w->loops_too || second->needed)) || !undisturbed(list, i, j, t, second, true) ||
        !only_plain_uses(w->fn_body, second, 1))
        return;
    earlier->companion = second;
    earlier->companion_later = true;
    later->result_read = !in_loop;
    later->tapes_result = in_loop;
}

/* Counts s's statements with nested blocks opened up, storing them in flat (when not NULL) in
 * the order they run: the block factor_calls.c makes of `px += l * cos(t);` holds
 * `cos_value = cos(t);`. */
static int flatten(const Stmt *s, Stmt **flat) {
    int n = 0;
    for (int i = 0; i < s->nbody; i++)
        if (s->body[i]->kind == ST_BLOCK)
            n += flatten(s->body[i], flat ? flat + n : NULL);
        else if (flat)
            flat[n++] = s->body[i];
        else
            n++;
    return n;
}

static void find_in(const Walk *w, Stmt *s, bool in_loop) {
    if (!s)
        return;
    int n = flatten(s, NULL);
    Stmt **flat = n ? ir_alloc(sizeof(Stmt *) * (size_t)n) : NULL;
    flatten(s, flat);
    for (int j = 0; j < n; j++)
        for (int i = j - 1; i >= 0 && i >= j - MAX_DISTANCE && !flat[j]->companion; i--)
            if (!flat[i]->companion && partners(flat[i], flat[j]))
                pair(w, flat, i, j, in_loop);
    bool loop = s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO;
    for (int i = 0; i < s->nbody; i++)
        find_in(w, s->body[i], in_loop);
    find_in(w, s->then, in_loop || loop);
    find_in(w, s->els, in_loop);
}

static void clear(Stmt *s) {
    if (!s)
        return;
    s->companion = NULL;
    s->companion_later = s->result_read = s->tapes_result = false;
    for (int i = 0; i < s->nbody; i++)
        clear(s->body[i]);
    clear(s->init);
    clear(s->step);
    clear(s->then);
    clear(s->els);
}

static void find_all(Stmt *body, bool loops_too) {
    clear(body);
    find_in(&(Walk){body, loops_too}, body, false);
}

void companions_find(Stmt *body) {
    find_all(body, false);
}

static bool tapes_result(const Stmt *s, const void *ctx) {
    (void)ctx;
    return s->tapes_result;
}

bool companions_in_loops(Stmt *body) {
    find_all(body, true);
    return stmt_find(body, tapes_result, NULL) != NULL;
}

const char *companion_partial(const Stmt *s) {
    return ir_format("%s%s", s->rhs->math->companion[0] == '-' ? "-" : "", s->companion->name);
}
