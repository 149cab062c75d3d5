/* table_step.c: refuses a value read from a table at a point computed from a value carrying
 * derivatives when that read is all the value depends on (see table_step.h). Which variables
 * depend on the point comes from activity analysis (Var.varied) or, for a dispatch's target
 * probed before any instance is made, from its floating parameters through assignments.
 * Integer variables computed from such values ("steps": `size_t j = (size_t)(a * interval);`)
 * are found to a fixed point; then each statement giving a useful variable, or the result, a
 * value that does not depend on the point is searched for a floating element read whose
 * index mentions a step or a value that does. A local variable given such a read is taken
 * when a statement combines it with a value that depends on the point (CoMD's `g1 = tt[ii+1]
 * - tt[ii-1];` then `*f = tt[ii] + 0.5*r*(g1 + ...)`): it interpolates between the table's
 * entries, as a read and the point in one statement do; its copies hold the read too, and
 * returning one of them as it is is refused. */
#include <stdlib.h>
#include "c_text.h"
#include "diag.h"
#include "mathfn.h"
#include "table_step.h"

typedef struct Steps {
    const Func *fn;
    bool *varied;    /* per variable: depends on the point */
    bool *stepped;   /* per variable: an integer computed from such a value */
    bool probe;      /* a dispatch's target: varied is the probe's, every floating local useful */
    bool changed;
    const Expr *read; /* the last offending read found */
    const Expr **held; /* per variable: the read it was given, refused unless a statement combines it */
    int errors;
} Steps;

/* Whether v is a variable of the function (not a global). */
static bool own(const Steps *st, const Var *v) {
    return v->index >= 0 && v->index < st->fn->nvars && st->fn->vars[v->index] == v;
}

static bool depends(const Steps *st, const Var *v) {
    return own(st, v) && (st->varied[v->index] || st->stepped[v->index]);
}

static FindVerdict mentions_step(const Expr *e, const void *ctx) {
    return e->kind == EX_VAR && depends(ctx, e->var) ? FIND_FOUND : FIND_INSIDE;
}

/* A floating value depending on the point converted to an integer (`(size_t)(a * interval)`,
 * lround(a)), or a step: not a comparison (`u > 0.0 ? i - 1 : i` chooses, as a branch does). */
static FindVerdict converts(const Expr *e, const void *ctx) {
    const Steps *st = ctx;
    if (e->kind == EX_VAR)
        return e->var->index >= 0 && e->var->index < st->fn->nvars && st->fn->vars[e->var->index] == e->var &&
                       st->stepped[e->var->index] ? FIND_FOUND : FIND_INSIDE;
    bool to_int = e->type->kind == TY_INT && ((e->kind == EX_CAST && type_is_floating(e->lhs->type)) ||
                                              (e->kind == EX_CALL && e->math));
    return to_int && expr_find(e, mentions_step, ctx) ? FIND_FOUND : FIND_INSIDE;
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
    bool floating = v && type_is_floating(v->type);
    if (!v || !(v->type->kind == TY_INT || (st->probe && floating)) || depends(st, v))
        return false;
    bool implicit = v->type->kind == TY_INT && type_is_floating(s->rhs->type); /* int j = a * k; */
    if (!expr_find(s->rhs, floating || implicit ? mentions_step : converts, st))
        return false;
    (floating ? st->varied : st->stepped)[v->index] = true;
    st->changed = true;
    return false;
}

/* A floating element read (a[i], *(p + i)) whose index converts the point or reads a step. */
static FindVerdict stepped_read(const Expr *e, const void *ctx) {
    if (!type_is_floating(e->type))
        return FIND_INSIDE;
    if (e->kind == EX_INDEX && expr_find(e->rhs, converts, ctx))
        return FIND_FOUND;
    if (e->kind == EX_DEREF && e->lhs->kind == EX_BINARY && expr_find(e->lhs, converts, ctx))
        return FIND_FOUND;
    return FIND_INSIDE;
}

/* Whether the value s gives flows into something that carries derivatives. */
static bool useful_target(const Steps *st, const Stmt *s) {
    if (s->kind == ST_RETURN)
        return s->rhs && type_is_floating(s->rhs->type) && (st->probe || !st->fn->result || st->fn->result->useful);
    Var *v = target(s);
    return v && type_is_floating(v->type) && (st->probe || v->useful);
}

static FindVerdict varied_value(const Expr *e, const void *ctx) {
    if (e->kind == EX_INDEX && !type_has_floating(e->rhs->type))
        return mentions_step(e->lhs, ctx) == FIND_FOUND ? FIND_FOUND : FIND_SKIP; /* not through the index */
    if (e->kind == EX_VAR && type_is_floating(e->var->type) && depends(ctx, e->var))
        return FIND_FOUND;
    return !type_has_floating(e->type) || (e->kind == EX_CALL && e->math && mathfn_flat(e->math)) ? FIND_SKIP
                                                                                                  : FIND_INSIDE;
}

/* Refuses read (in a probe, records it: a dispatch's target that stops the program). */
static void refuse_read(Steps *st, const Expr *read) {
    if (!st->probe)
        error_at(read->loc, "'%s' reads a table at a point computed from a value that carries derivatives, and "
                 "is all the value depends on: it is a step function of that point, whose derivative adc "
                 "would give as 0 (exact between the table's points, but not the slope of the function the "
                 "table samples); compute the function itself rather than read it from the table, or "
                 "interpolate between the table's entries",
                 expr_text(read));
    st->read = read;
    st->errors++;
}

static bool find_reads(const Stmt *s, const void *ctx) {
    Steps *st = (Steps *)ctx;
    if (!useful_target(st, s) || expr_find(s->rhs, varied_value, st))
        return false;
    const Expr *read = expr_find(s->rhs, stepped_read, st);
    Var *v = target(s);
    if (!read)
        return false;
    if (v && own(st, v)) {
        st->held[v->index] = read;
        return false;
    }
    refuse_read(st, read);
    return st->probe;
}

static FindVerdict mentions_held(const Expr *e, const void *ctx) {
    const Steps *st = ctx;
    return e->kind == EX_VAR && own(st, e->var) && st->held[e->var->index] ? FIND_FOUND : FIND_INSIDE;
}

/* A copy of a held read (`w = v;`, no value depending on the point beside it) holds it too. */
static bool spread_held(const Stmt *s, const void *ctx) {
    Steps *st = (Steps *)ctx;
    const Expr *e = s->rhs && !expr_find(s->rhs, varied_value, st) ? expr_find(s->rhs, mentions_held, st) : NULL;
    Var *v = e ? target(s) : NULL;
    if (v && own(st, v) && !st->held[v->index]) {
        st->held[v->index] = st->held[e->var->index];
        st->changed = true;
    }
    return false;
}

/* A held read returned as it is (`return v;`) is refused there. */
static bool return_held(const Stmt *s, const void *ctx) {
    Steps *st = (Steps *)ctx;
    const Expr *e = s->kind == ST_RETURN && s->rhs && !expr_find(s->rhs, varied_value, st)
                        ? expr_find(s->rhs, mentions_held, st)
                        : NULL;
    if (e && useful_target(st, s))
        refuse_read(st, st->held[e->var->index]);
    return false;
}

/* Takes the held reads of the variables s combines with a value depending on the point. */
static bool release_combined(const Stmt *s, const void *ctx) {
    Steps *st = (Steps *)ctx;
    if (!s->rhs || !expr_find(s->rhs, varied_value, st))
        return false;
    for (const Expr *e; (e = expr_find(s->rhs, mentions_held, st));)
        st->held[e->var->index] = NULL;
    return false;
}
/* Runs the search over body with st->varied set; frees the arrays. */
static void search(Steps *st, const Stmt *body) {
    st->stepped = calloc((size_t)st->fn->nvars + 1, sizeof(bool));
    for (st->changed = true; st->changed;) {
        st->changed = false;
        stmt_find(body, mark_steps, st);
    }
    st->held = calloc((size_t)st->fn->nvars + 1, sizeof(const Expr *));
    stmt_find(body, find_reads, st);
    for (st->changed = true; st->changed;) {
        st->changed = false;
        stmt_find(body, spread_held, st);
    }
    stmt_find(body, return_held, st);
    stmt_find(body, release_combined, st);
    for (int i = 0; i < st->fn->nvars; i++)
        if (st->held[i])
            refuse_read(st, st->held[i]);
    free(st->held);
    free(st->stepped);
    free(st->varied);
}

int table_step_check(Func *fn, const Stmt *body) {
    Steps st = {.fn = fn, .varied = calloc((size_t)fn->nvars + 1, sizeof(bool))};
    for (int i = 0; i < fn->nvars; i++)
        st.varied[i] = fn->vars[i]->varied && type_is_floating(fn->vars[i]->type);
    search(&st, body);
    return st.errors;
}

const Expr *table_step_probe(const Func *fn) {
    if (!fn->body || !type_is_floating(fn->ret))
        return NULL;
    Steps st = {.fn = fn, .varied = calloc((size_t)fn->nvars + 1, sizeof(bool)), .probe = true};
    for (int i = 0; i < fn->nparams; i++)
        st.varied[fn->params[i]->index] = type_is_floating(fn->params[i]->type);
    search(&st, fn->body);
    return st.read;
}

/* `adc_refused_derivative("where", "p", "target", "why");` (adc_dispatch.h), in place of a
 * dispatch's call of target. */
static Stmt *refused_call(Func *dispatch, const Func *target, const Expr *read, SrcLoc loc) {
    Expr *stop = expr_new(EX_CALL, type_new(TY_VOID), loc);
    stop->text = "adc_refused_derivative";
    stop->tape_op = TAPE_OTHER;
    stop->args = ir_alloc(sizeof(Expr *) * 4);
    const char *texts[] = {ir_format("\"%s:%u:%u\"", loc.file, loc.line, loc.col),
                           ir_format("\"%s\"", dispatch->params[0]->source_name), ir_format("\"%s\"", target->name),
                           ir_format("\"%s:%u:%u: its value is read from a table at a point computed from its argument\"",
                                     read->loc.file, read->loc.line, read->loc.col)};
    for (int i = 0; i < 4; i++) {
        stop->args[stop->nargs] = expr_new(EX_NUM, type_int(), loc);
        stop->args[stop->nargs++]->text = texts[i];
    }
    Stmt *s = stmt_new(dispatch, ST_CALL, loc);
    s->rhs = stop;
    return s;
}

/* The if/else chain of a dispatch (lower_fnptr.c): each branch calls one target. */
static void refuse_targets(Func *dispatch, Stmt *s) {
    for (; s && s->kind == ST_IF; s = s->els && s->els->nbody == 1 ? s->els->body[0] : NULL) {
        Stmt *call = s->then->nbody == 1 ? s->then->body[0] : NULL;
        const Func *target = call && call->rhs && call->rhs->kind == EX_CALL ? call->rhs->callee : NULL;
        const Expr *read = target ? table_step_probe(target) : NULL;
        if (!read)
            continue;
        warning_at(read->loc, "'%s' reads a table at a point computed from its argument (a step function, whose "
                   "derivative adc would give as 0): a derivative of the call through '%s' that reaches it stops "
                   "the program (adc_refused_derivative); point it to a function that computes the value",
                   target->name, dispatch->params[0]->source_name);
        s->then->body[0] = refused_call(dispatch, target, read, call->loc);
    }
}

void table_step_dispatches(Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *fn = prog->funcs[i];
        for (int k = 0; fn->primal && fn->body && k < fn->body->nbody; k++)
            refuse_targets(fn, fn->body->body[k]);
    }
}
