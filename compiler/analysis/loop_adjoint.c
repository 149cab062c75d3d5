/* loop_adjoint.c: locals of a loop's backward sweep (see loop_adjoint.h).
 *
 * In `for (j ...) L += (W[2*i] - W[2*j]) * ...` the backward sweep adds to W_b[2 * i] on every
 * trip, through memory: W_b[2 * i] may alias W_b[2 * j], so the compiler keeps it there and
 * each trip waits for the last one's store. Adjoint increments commute, so when nothing in
 * the loop reads W_b other than to add to it, a local sum added once after the loop gives the
 * same adjoint (up to rounding) with the dependence in a register. Nothing in the loop may
 * write W (its adjoint would be read and reset), pass W to a call (the callee's backward
 * sweep could do anything with W_b) or reach W through a local pointer or a struct's member;
 * nor, where W is a parameter that may share memory with another (overlap.c), write or pass
 * that other one (`out[0] += in[0] * s` with out and in one array: difftest entry 82). */
#include <string.h>
#include "c_text.h"
#include "loop_adjoint.h"
#include "overlap.h"

typedef struct Reads {
    const Stmt *loop;
    bool touched;       /* find the elements of arrays the loop touches (touches below) instead */
    const Expr **found;
    int count;
} Reads;

static bool assigned_in(const Stmt *loop, const Var *v) {
    return v == loop->var || stmt_assigns(loop->then, v) || stmt_assigns(loop->step, v);
}

/* Integer arithmetic over variables the loop does not assign. */
static bool invariant_value(const Expr *e, const Stmt *loop) {
    switch (e->kind) {
    case EX_NUM:
        return true;
    case EX_SIZEOF: /* a variable-length array's may change from trip to trip */
        return e->text != NULL;
    case EX_VAR:
        return e->var->type->kind == TY_INT && !assigned_in(loop, e->var);
    case EX_UNARY: case EX_CAST:
        return invariant_value(e->lhs, loop);
    case EX_BINARY:
        return invariant_value(e->lhs, loop) && invariant_value(e->rhs, loop);
    default:
        return false;
    }
}

/* a[e1][e2].f with invariant subscripts, a an array parameter the body never moves or a local array. */
static bool invariant_element(const Expr *e, const Stmt *loop) {
    switch (e->kind) {
    case EX_VAR:
        if (e->var->aliased) /* a switched pointer may write it */
            return false;
        return e->var->kind == VAR_PARAM ? e->var->type->kind == TY_PTR && !e->var->entry
                                         : e->var->kind == VAR_LOCAL && e->var->type->kind == TY_ARRAY;
    case EX_INDEX:
        return invariant_element(e->lhs, loop) && invariant_value(e->rhs, loop);
    case EX_MEMBER:
        return !e->arrow && invariant_element(e->lhs, loop);
    default:
        return false;
    }
}

/* Whether s writes through v or memory that may be v's (overlap_roots_meet), passes either to
 * a call, or mentions a local pointer into v or a struct whose members may point into v
 * (`sys.y = y`: the backward sweep reads and resets y_b through sys_b.y; difftest seed 221). */
static bool touches(const Stmt *s, const Var *v);

static bool expr_touches(const Expr *e, const Var *v) {
    if (!e)
        return false;
    if (e->kind == EX_VAR && e->var != v &&
        (e->var->pointer_root == v || (type_holds_pointer(e->var->type) && type_has_floating(e->var->type) &&
                                       e->var->type->kind != TY_PTR)))
        return true;
    if (e->kind == EX_CALL)
        for (int i = 0; i < e->nargs; i++)
            if (overlap_roots_meet(expr_root_var(e->args[i]), v))
                return true;
    if (expr_touches(e->lhs, v) || expr_touches(e->rhs, v) || expr_touches(e->cond, v))
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (expr_touches(e->args[i], v))
            return true;
    return false;
}

static bool touches(const Stmt *s, const Var *v) {
    if (!s)
        return false;
    if (s->kind == ST_ASSIGN && s->lhs->kind != EX_VAR && overlap_roots_meet(expr_root_var(s->lhs), v))
        return true;
    if (expr_touches(s->lhs, v) || expr_touches(s->rhs, v) || expr_touches(s->cond, v))
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (touches(s->body[i], v))
            return true;
    return touches(s->init, v) || touches(s->step, v) || touches(s->then, v) || touches(s->els, v);
}

static void add_read(Reads *r, const Expr *e) {
    const char *text = expr_text(e);
    for (int i = 0; i < r->count; i++)
        if (strcmp(expr_text(r->found[i]), text) == 0)
            return;
    IR_APPEND(r->found, r->count, e);
}

static void scan_expr(Reads *r, const Expr *e) {
    if (!e || !e->active)
        return;
    if ((e->kind == EX_INDEX || e->kind == EX_MEMBER) && type_is_floating(e->type) && invariant_element(e, r->loop) &&
        touches(r->loop->then, expr_root_var(e)) == r->touched) {
        add_read(r, e);
        return;
    }
    scan_expr(r, e->lhs);
    scan_expr(r, e->rhs);
    scan_expr(r, e->cond);
    for (int i = 0; i < e->nargs; i++)
        scan_expr(r, e->args[i]);
}

static void scan_stmt(Reads *r, const Stmt *s) {
    if (!s)
        return;
    if (s->active && (s->kind == ST_ASSIGN || s->kind == ST_CALL) && !(s->rhs->kind == EX_CALL && s->rhs->callee))
        scan_expr(r, s->rhs);
    for (int i = 0; i < s->nbody; i++)
        scan_stmt(r, s->body[i]);
    scan_stmt(r, s->then);
    scan_stmt(r, s->els);
}

const Expr **loop_invariant_reads(const Stmt *loop, int *count) {
    Reads r = {.loop = loop};
    scan_stmt(&r, loop->then);
    *count = r.count;
    return r.found;
}

bool loop_reads_unsummed(const Stmt *loop) {
    Reads r = {.loop = loop, .touched = true};
    scan_stmt(&r, loop->then);
    return r.count > 0;
}

/* Locals that are fresh in each trip: the adjoint of `double r = ...` in a loop body is reset
 * by the backward sweep of that definition, at the end of each trip, and nothing flows into it
 * from later trips (they assign r before reading it) or from after the loop (nothing there
 * mentions r). The backward sweep can then write `r_b = ...` instead of `r_b += ...`. */

static void count_expr(const Expr *e, int *counts) {
    if (!e)
        return;
    if (e->kind == EX_VAR)
        counts[e->var->index]++;
    count_expr(e->lhs, counts);
    count_expr(e->rhs, counts);
    count_expr(e->cond, counts);
    for (int i = 0; i < e->nargs; i++)
        count_expr(e->args[i], counts);
}

void count_mentions(const Stmt *s, int *counts) {
    if (!s)
        return;
    if (s->var)
        counts[s->var->index]++;
    count_expr(s->lhs, counts);
    count_expr(s->rhs, counts);
    count_expr(s->cond, counts);
    for (int i = 0; i < s->nbody; i++)
        count_mentions(s->body[i], counts);
    count_mentions(s->init, counts);
    count_mentions(s->step, counts);
    count_mentions(s->then, counts);
    count_mentions(s->els, counts);
}

/* Walks the statements of a loop body in order, through plain blocks: seen counts what came
 * before, and a first plain assignment to a floating local marks it a candidate. */
static void first_definitions(const Stmt *s, int *seen, bool *fresh) {
    if (s->kind == ST_BLOCK) {
        for (int i = 0; i < s->nbody; i++)
            first_definitions(s->body[i], seen, fresh);
        return;
    }
    if (s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR) {
        Var *v = s->lhs->var;
        if (v->kind == VAR_LOCAL && type_is_floating(v->type) && !seen[v->index] && !expr_mentions(s->rhs, v))
            fresh[v->index] = true;
    }
    count_mentions(s, seen);
}

void loop_fresh_locals(const Func *fn, const Stmt *loop, const int *total, bool *fresh) {
    int *seen = ir_alloc(sizeof(int) * (size_t)(fn->nvars + 1));
    int *inside = ir_alloc(sizeof(int) * (size_t)(fn->nvars + 1));
    memset(fresh, 0, sizeof(bool) * (size_t)fn->nvars);
    first_definitions(loop->then, seen, fresh);
    count_mentions(loop, inside);
    for (int i = 0; i < fn->nvars; i++)
        fresh[i] = fresh[i] && inside[i] == total[i];
}
