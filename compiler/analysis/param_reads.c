/* param_reads.c: the records of param_reads.h, kept on each Func (Func.reads). */
#include <string.h>
#include "activity.h"
#include "param_reads.h"

static ParamReads *find(const Func *fn, const bool *mask) {
    for (int i = 0; i < fn->nreads; i++)
        if (fn->reads[i].globals == fn->prog->nactive_globals &&
            memcmp(fn->reads[i].mask, mask, sizeof(bool) * (size_t)fn->nparams) == 0)
            return &fn->reads[i];
    return NULL;
}

/* Whether a local pointer points into p (`double *r = p;`), or a switched pointer may point
 * anywhere: of the needed ones only, if needed_only. */
static bool pointer_reaches(const Func *fn, const Var *p, bool needed_only) {
    for (int k = 0; k < fn->nvars; k++) {
        const Var *v = fn->vars[k];
        if ((v->needed || !needed_only) && (v->pointer_root == p || v->which))
            return true;
    }
    return false;
}

/* Whether the backward sweep may read values through parameter p: p is needed, or moved
 * (Var.entry), or a needed pointer reaches it (g(r) with `double *r = p;`, whose reads count
 * for r alone). */
static bool reads_through(const Func *fn, const Var *p) {
    return p->needed || p->entry || pointer_reaches(fn, p, true);
}

/* ---- final values popped back before they are read ----
 * project(cam, X, proj) ends with `proj[0] = proj[0] * cam[6] + cam[7]; proj[1] = ...`: its
 * backward sweep pops each element back before it reads it, so it never reads the values the
 * function leaves in proj, and a caller need not keep them for it. Sufficient, element by
 * element: the last write of each element is a statement of the function's straight-line top
 * level, `p[c] = ...` with a constant c, that saves the value it overwrites because it reads p
 * itself (Stmt.reads_target: then it saves in every later writing too, however little its
 * callees are found to read) and pops it back before anything else; after the first of those
 * writes, p is used only as p[c] up to c's last write; and no other name reaches p's memory.
 * The normal form for reverse mode runs each straight-line statement (normalize.c guards what
 * follows an early return). */

enum { MAX_RESTORED = 16 };

typedef struct Restored {
    const Var *param;
    int position;               /* of the straight-line statement being scanned */
    int last[MAX_RESTORED];     /* per element: the position of its last write (-1: none) */
    int nelements;
    int first_last;             /* the earliest of those */
} Restored;

/* The straight-line statements of s, blocks opened, in order. */
static void straight_line(Stmt *s, Stmt ***out, int *n) {
    if (s->kind != ST_BLOCK) {
        IR_APPEND(*out, *n, s);
        return;
    }
    for (int i = 0; i < s->nbody; i++)
        straight_line(s->body[i], out, n);
}

/* The element e names when it is p[c] with a constant c below MAX_RESTORED, else -1. */
static int constant_element(const Expr *e, const Var *p) {
    long c;
    if (e->kind != EX_INDEX || e->lhs->kind != EX_VAR || e->lhs->var != p || !expr_int_literal(e->rhs, &c) ||
        c >= MAX_RESTORED)
        return -1;
    return (int)c;
}

/* Pops the value it overwrites back before its backward sweep reads anything. (reads_target
 * rules out a partial taken from the result, `p[c] = a / b`: that reads no p before the pop;
 * and an integer step undone rather than popped is no element write.) */
static bool pops_first(const Stmt *s) {
    return s->saves && s->reads_target && s->op == OP_NONE && !s->result_read && !s->tapes_result;
}

/* A use of p that may read a final value at the position being scanned: an element c after
 * its last write, or p itself (`g(p)`, `p + 1`, `&p[0]`, through which g reads p[1]) after
 * the first of them. */
static FindVerdict reads_final(const Expr *e, const void *ctx) {
    const Restored *r = ctx;
    int c = constant_element(e, r->param);
    if (c >= 0)
        return c < r->nelements && r->position <= r->last[c] ? FIND_SKIP : FIND_FOUND;
    bool whole = (e->kind == EX_VAR && e->var == r->param) ||
                 (e->kind == EX_ADDR && expr_root_var(e->lhs) == r->param);
    return !whole ? FIND_INSIDE : r->position >= r->first_last ? FIND_FOUND : FIND_SKIP;
}

static bool recomputed_use(const Stmt *s, const void *p) {
    return s->recompute && stmt_mentions(s, p);
}

/* The length of a caller's array through p whose final values fn's backward sweep never
 * reads (above), or 0; line[0..n) are fn's straight-line statements. Another name may reach
 * p's memory when p is moved, aliased, or any pointer, needed or not, reaches it. */
static int restored_length(const Func *fn, const Var *p, Stmt **line, int n) {
    if (p->entry || p->aliased || pointer_reaches(fn, p, false) ||
        stmt_find(fn->reverse_body, recomputed_use, p))
        return 0;
    for (int i = 0; i < fn->nrefills; i++)
        if (stmt_mentions(fn->refills[i], p))
            return 0;
    Restored r = {.param = p, .first_last = n};
    for (int c = 0; c < MAX_RESTORED; c++)
        r.last[c] = -1;
    for (int i = 0; i < n; i++) {
        int c = line[i]->kind == ST_ASSIGN ? constant_element(line[i]->lhs, p) : -1;
        if (c >= 0) {
            r.last[c] = i;
            r.nelements = c + 1 > r.nelements ? c + 1 : r.nelements;
        }
    }
    for (int c = 0; c < r.nelements; c++) {
        if (r.last[c] < 0 || !pops_first(line[r.last[c]]))
            return 0;
        r.first_last = r.last[c] < r.first_last ? r.last[c] : r.first_last;
    }
    for (r.position = 0; r.position < n; r.position++)
        if (stmt_find_expr(line[r.position], reads_final, &r))
            return 0;
    return r.nelements;
}

void param_reads_record(Func *fn, const bool *mask) {
    ParamReads *r = find(fn, mask);
    if (!r) {
        bool *copy = ir_alloc(sizeof(bool) * (size_t)(fn->nparams + 1));
        memcpy(copy, mask, sizeof(bool) * (size_t)fn->nparams);
        IR_APPEND(fn->reads, fn->nreads, (ParamReads){copy, NULL, NULL, fn->prog->nactive_globals});
        r = &fn->reads[fn->nreads - 1];
    }
    r->read = ir_alloc(sizeof(bool) * (size_t)(fn->nparams + 1));
    r->restored = ir_alloc(sizeof(int) * (size_t)(fn->nparams + 1));
    Stmt **line = NULL;
    int n = 0;
    straight_line(fn->reverse_body, &line, &n);
    for (int i = 0; i < fn->nparams; i++) {
        r->read[i] = reads_through(fn, fn->params[i]);
        const Type *type = fn->params[i]->type;
        bool elements = type->kind == TY_PTR && type_is_floating(type->base);
        r->restored[i] = r->read[i] && elements ? restored_length(fn, fn->params[i], line, n) : 0;
    }
}

/* Whether e is a whole local array of n floating elements. */
static bool array_of(const Expr *e, int n) {
    const Type *t = e->kind == EX_VAR && e->var->kind == VAR_LOCAL ? e->var->type : NULL;
    return n > 0 && t && t->kind == TY_ARRAY && !t->vla && t->array_len == n && type_is_floating(t->base);
}

bool param_reads_values(const Expr *call, int arg) {
    Func *callee = call->callee;
    if (!callee || call->nargs != callee->nparams || arg >= callee->nparams)
        return true;
    bool *mask = ir_alloc(sizeof(bool) * (size_t)(call->nargs + 1));
    for (int i = 0; i < call->nargs; i++)
        mask[i] = arg_is_active(call->args[i]);
    const ParamReads *r = find(callee, mask);
    if (!r)
        callee->prog->param_reads_missed = true;
    return !r || (r->read[arg] && !array_of(call->args[arg], r->restored[arg]));
}
