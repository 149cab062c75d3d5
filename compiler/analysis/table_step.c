/* table_step.c: refuses a value read from a table at a point computed from a value carrying
 * derivatives when that read is all the value depends on (see table_step.h). Integer variables
 * computed from such values ("steps": `size_t j = (size_t)(a * interval);`) are found first,
 * to a fixed point; then each statement giving a useful variable, or the result, a value that
 * is not varied is searched for a floating element read whose index mentions a step or a
 * varied value. */
#include <stdlib.h>
#include "c_text.h"
#include "diag.h"
#include "activity.h"
#include "table_step.h"

typedef struct Steps {
    bool *stepped;   /* per variable of the function: an integer computed from a varied value */
    bool changed;
} Steps;

static bool is_step(const Steps *st, const Var *v) {
    return (v->varied && type_is_floating(v->type)) || (v->index >= 0 && st->stepped[v->index]);
}

static FindVerdict mentions_step(const Expr *e, const void *ctx) {
    return e->kind == EX_VAR && is_step(ctx, e->var) ? FIND_FOUND : FIND_INSIDE;
}

/* The variable s gives a whole value (`v = e`, `T v = e`, `v += e`), or NULL. */
static Var *target(const Stmt *s) {
    if (s->kind == ST_DECL && s->rhs)
        return s->var;
    if (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR)
        return s->lhs->var;
    return NULL;
}

static bool mark_steps(const Stmt *s, const void *ctx) {
    Steps *st = (Steps *)ctx;
    Var *v = target(s);
    if (v && v->index >= 0 && v->type->kind == TY_INT && !st->stepped[v->index] &&
        expr_find(s->rhs, mentions_step, st)) {
        st->stepped[v->index] = true;
        st->changed = true;
    }
    return false;
}

/* A floating element read (a[i], *(p + i)) whose index mentions a step. */
static FindVerdict stepped_read(const Expr *e, const void *ctx) {
    if (!type_is_floating(e->type))
        return FIND_INSIDE;
    if (e->kind == EX_INDEX && expr_find(e->rhs, mentions_step, ctx))
        return FIND_FOUND;
    if (e->kind == EX_DEREF && e->lhs->kind == EX_BINARY && expr_find(e->lhs, mentions_step, ctx))
        return FIND_FOUND;
    return FIND_INSIDE;
}

typedef struct Check {
    const Func *fn;
    const Steps *steps;
    int errors;
} Check;

static void any_varied(Var *v, void *arg) {
    *(bool *)arg |= v->varied;
}

/* Whether the value s gives flows into something that carries derivatives. */
static bool useful_target(const Check *c, const Stmt *s) {
    if (s->kind == ST_RETURN)
        return s->rhs && type_is_floating(s->rhs->type) && (!c->fn->result || c->fn->result->useful);
    Var *v = target(s);
    return v && type_is_floating(v->type) && v->useful;
}

static bool check_stmt(const Stmt *s, const void *ctx) {
    Check *c = (Check *)ctx;
    if (!useful_target(c, s))
        return false;
    bool varied = false;
    expr_value_vars(s->rhs, any_varied, &varied);
    const Expr *read = varied ? NULL : expr_find(s->rhs, stepped_read, c->steps);
    if (read) {
        error_at(read->loc, "'%s' reads a table at a point computed from a value that carries derivatives, and "
                 "is all the value depends on: it is a step function of that point, whose derivative adc "
                 "would give as 0 (exact between the table's points, but not the slope of the function the "
                 "table samples); compute the function itself rather than read it from the table, or "
                 "interpolate between the table's entries",
                 expr_text(read));
        c->errors++;
    }
    return false;
}

int table_step_check(Func *fn, const Stmt *body) {
    Steps st = {calloc((size_t)fn->nvars + 1, sizeof(bool)), true};
    while (st.changed) {
        st.changed = false;
        stmt_find(body, mark_steps, &st);
    }
    Check c = {fn, &st, 0};
    stmt_find(body, check_stmt, &c);
    free(st.stepped);
    return c.errors;
}
