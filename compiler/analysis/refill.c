/* refill.c: local arrays the backward sweep fills again rather than taping (see refill.h).
 *
 * A step of an implicit scheme fills work arrays from values that do not change while it runs
 * (crank_nicolson.c's cn_step: `lower[i] = -0.5 * r; diag[i] = 1.0 + r;`, beside the right side
 * it computes from u in the same loop) and hands them to a solver. The backward sweep reads
 * their final values, which the forward sweep taped whole on every call. It runs instead, where
 * it begins, a copy of the loop that keeps only the writes of those arrays and the ifs around
 * them. That gives back the final values when
 *   - the array is a local floating array of fixed length without initializer, that no switched
 *     pointer may reach;
 *   - its every write is `a[k] = e` in one counting loop of the function's top level (reached
 *     through blocks only: it runs once), under ifs only, where k, e, the ifs' conditions and
 *     the loop's bounds read only the loop's index and what keeps one value while the function
 *     runs (recompute.c: literals, parameters and locals never assigned, const storage,
 *     definitions of the top level computed again where the backward sweep begins);
 *   - nothing else can write it: every other mention reads an element, points a member of a
 *     local struct at it (`tridiag_sys A = {n, lower, diag, upper};`), or hands it (or the
 *     struct, by address) to a function whose body only reads scalars through that parameter
 *     (no write, no call given it, no pointer made of it); the struct is used the same way.
 * The elements the loop does not write hold zero in both sweeps (declare_locals). */
#include "refill.h"

static bool scalar(const Type *t) {
    return t->kind == TY_INT || type_is_floating(t);
}

/* Whether e is an element or member of v, reached by indices, members and dereferences only. */
static bool access_of(const Expr *e, const Var *v) {
    while (e->kind == EX_INDEX || e->kind == EX_MEMBER || e->kind == EX_DEREF)
        e = e->lhs;
    return e->kind == EX_VAR && e->var == v;
}

static bool reads_only(const Expr *e, const Var *v, bool lend);

/* Whether call's function writes nothing through its parameter i. */
static bool callee_reads_only(const Expr *call, int i);

/* Whether argument i of call mentions v only to read, or hands over v (or &v) whole to a
 * function that only reads through it. */
static bool lent_or_read(const Expr *call, int i, const Var *v) {
    const Expr *arg = expr_without_casts(call->args[i]);
    if (arg->kind == EX_ADDR)
        arg = arg->lhs;
    if (arg->kind == EX_VAR && arg->var == v)
        return callee_reads_only(call, i);
    return reads_only(call->args[i], v, true);
}

/* Whether e mentions v only in scalar reads of its memory (v[k], v->f, s.n, s.a[k]), and with
 * lend, in arguments that lent_or_read accepts. */
static bool reads_only(const Expr *e, const Var *v, bool lend) {
    if (!e)
        return true;
    if (e->kind == EX_ADDR)
        return !expr_mentions(e, v);
    if (e->kind == EX_VAR)
        return e->var != v;
    if (scalar(e->type) && access_of(e, v)) {
        for (const Expr *x = e; x->kind != EX_VAR; x = x->lhs)
            if (x->kind == EX_INDEX && !reads_only(x->rhs, v, lend))
                return false;
        return true;
    }
    for (int i = 0; i < e->nargs; i++)
        if (lend && e->kind == EX_CALL && e->callee ? !lent_or_read(e, i, v) : !reads_only(e->args[i], v, lend))
            return false;
    return reads_only(e->lhs, v, lend) && reads_only(e->rhs, v, lend) && reads_only(e->cond, v, lend);
}

static bool writes_through(const Stmt *s, const void *p) {
    if (s->kind == ST_ASSIGN && expr_root_var(s->lhs) == p)
        return true;
    return !reads_only(s->lhs, p, false) || !reads_only(s->rhs, p, false) || !reads_only(s->cond, p, false);
}

static bool callee_reads_only(const Expr *call, int i) {
    const Func *callee = call->callee;
    if (!callee->body || callee->primal || i >= callee->nparams)
        return false;
    return !stmt_find(callee->body, writes_through, callee->params[i]);
}

static bool writes(const Stmt *s, const void *v) {
    return s->kind == ST_ASSIGN && expr_root_var(s->lhs) == v;
}

/* What the scan of the function's statements finds about the array. */
typedef struct Mentions {
    const Var *array;
    const Var *holders[8]; /* local structs a member of which points to it */
    int nholders;
    int writes;            /* its element writes */
    bool ok;
} Mentions;

static void add_holder(Mentions *m, const Var *s) {
    for (int i = 0; i < m->nholders; i++)
        if (m->holders[i] == s)
            return;
    if (m->nholders == (int)(sizeof m->holders / sizeof m->holders[0]) || s->type->kind != TY_STRUCT ||
        s->kind != VAR_LOCAL || s->aliased)
        m->ok = false;
    else
        m->holders[m->nholders++] = s;
}

/* Whether statement s mentions v only as reads_only accepts, or as a write `v[k] = e` (then
 * *writes counts it) or, for a struct, a store of a member (`s.a = lower;`). */
static bool mentions_ok(const Stmt *s, const Var *v, int *nwrites) {
    if (s->kind == ST_DECL)
        return s->var != v ? reads_only(s->rhs, v, true) : !s->rhs;
    if (s->kind == ST_ASSIGN && expr_root_var(s->lhs) == v) {
        const Expr *lhs = s->lhs;
        bool member_store = lhs->kind == EX_MEMBER && !lhs->arrow && lhs->lhs->kind == EX_VAR && s->op == OP_NONE;
        bool element = lhs->kind == EX_INDEX && lhs->lhs->kind == EX_VAR && s->op == OP_NONE;
        *nwrites += element;
        return (member_store && v->type->kind == TY_STRUCT) || (element && reads_only(lhs->rhs, v, true))
               ? reads_only(s->rhs, v, true) : false;
    }
    return reads_only(s->lhs, v, true) && reads_only(s->rhs, v, true) && reads_only(s->cond, v, true);
}

static bool scan_array(const Stmt *s, const void *ctx) {
    Mentions *m = (Mentions *)ctx;
    if (stmt_points_member(s) && s->op == OP_NONE && s->rhs->kind == EX_VAR && s->rhs->var == m->array)
        add_holder(m, s->lhs->lhs->var);
    else if (!mentions_ok(s, m->array, &m->writes))
        m->ok = false;
    return !m->ok;
}

static bool scan_holder(const Stmt *s, const void *holder) {
    int nwrites = 0;
    return !mentions_ok(s, holder, &nwrites);
}

/* What a loop's copy may read: loop's index and what keeps one value while fn runs. */
typedef struct Fill {
    const RecomputeScope *scope;
    const Var *array, *index;
    int writes;            /* the array's writes in the loop */
} Fill;

static bool unchanging(const Fill *f, const Expr *e) {
    return recompute_unchanging(f->scope, e, f->index);
}

/* Whether the writes of the array in s are `a[k] = e` under ifs only, over unchanging values. */
static bool fills(Fill *f, const Stmt *s) {
    if (!s || !stmt_find(s, writes, f->array))
        return true;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            if (!fills(f, s->body[i]))
                return false;
        return true;
    case ST_IF:
        return unchanging(f, s->cond) && fills(f, s->then) && fills(f, s->els);
    case ST_ASSIGN:
        f->writes++;
        return s->lhs->kind == EX_INDEX && s->lhs->lhs->kind == EX_VAR && s->op == OP_NONE &&
               unchanging(f, s->lhs->rhs) && unchanging(f, s->rhs);
    default:
        return false;
    }
}

/* The loop of body's top level (through blocks) holding a write of v, or NULL. */
static const Stmt *top_loop(const Stmt *body, const Var *v) {
    if (body->kind == ST_BLOCK)
        for (int i = 0; i < body->nbody; i++) {
            const Stmt *found = top_loop(body->body[i], v);
            if (found)
                return found;
        }
    bool loop = body->kind == ST_FOR || body->kind == ST_WHILE || body->kind == ST_DO;
    return loop && stmt_find(body, writes, v) ? body : NULL;
}

const Stmt *refill_loop(const Stmt *body, const RecomputeScope *scope, const Var *v) {
    if (v->kind != VAR_LOCAL || v->type->kind != TY_ARRAY || v->type->array_len <= 0 ||
        !type_is_floating(v->type->base) || v->aliased || v->heap || v->which || v->is_static_const ||
        v->static_per_call || stmt_has_checkpoint(body))
        return NULL;
    const Stmt *loop = top_loop(body, v);
    const Stmt *start = loop && loop->kind == ST_FOR && loop->var ? counting_start(loop->init, loop->var) : NULL;
    if (!start || loop->checkpoint || loop->npragmas)
        return NULL;
    Fill f = {scope, v, loop->var, 0};
    if (!unchanging(&f, start->rhs) || !unchanging(&f, loop->cond) || !counting_stride(loop->step, loop->var) ||
        !fills(&f, loop->then))
        return NULL;
    Mentions m = {.array = v, .ok = true};
    stmt_find(body, scan_array, &m);
    for (int i = 0; m.ok && i < m.nholders; i++)
        m.ok = !stmt_find(body, scan_holder, m.holders[i]);
    return m.ok && m.writes == f.writes ? loop : NULL;
}

/* ---- the loop's copy ---- */

static Expr *with_index(const Expr *e, const Var *from, Var *to) {
    if (!e)
        return NULL;
    Expr *copy = ir_alloc(sizeof *copy);
    *copy = *e;
    if (e->kind == EX_VAR && e->var == from)
        copy->var = to;
    copy->lhs = with_index(e->lhs, from, to);
    copy->rhs = with_index(e->rhs, from, to);
    copy->cond = with_index(e->cond, from, to);
    copy->args = e->nargs ? ir_alloc(sizeof(Expr *) * (size_t)e->nargs) : NULL;
    for (int i = 0; i < e->nargs; i++)
        copy->args[i] = with_index(e->args[i], from, to);
    return copy;
}

/* The assignment s with from replaced by to. */
static Stmt *assign_with_index(const Stmt *s, const Var *from, Var *to) {
    Stmt *copy = ir_alloc(sizeof *copy);
    *copy = *s;
    copy->saves = false;
    copy->lhs = with_index(s->lhs, from, to);
    copy->rhs = with_index(s->rhs, from, to);
    return copy;
}

typedef struct Slicer {
    Var *const *arrays;
    int narrays;
    const Var *from;
    Var *to;
} Slicer;

static bool kept(const Slicer *sl, const Stmt *s) {
    for (int i = 0; i < sl->narrays; i++)
        if (stmt_find(s, writes, sl->arrays[i]))
            return true;
    return false;
}

/* s without the statements that write none of the arrays, or NULL if nothing is left. */
static Stmt *slice(const Slicer *sl, const Stmt *s) {
    if (!s || !kept(sl, s))
        return NULL;
    Stmt *copy = assign_with_index(s, sl->from, sl->to);
    copy->cond = with_index(s->cond, sl->from, sl->to);
    copy->then = slice(sl, s->then);
    copy->els = slice(sl, s->els);
    copy->nbody = 0;
    copy->body = NULL;
    for (int i = 0; i < s->nbody; i++) {
        Stmt *part = slice(sl, s->body[i]);
        if (part)
            IR_APPEND(copy->body, copy->nbody, part);
    }
    return copy;
}

Stmt *refill_slice(const Stmt *loop, Var *const *arrays, int narrays) {
    Var *index = ir_alloc(sizeof *index);
    *index = *loop->var;
    index->index = -1;
    Slicer sl = {arrays, narrays, loop->var, index};
    Stmt *copy = ir_alloc(sizeof *copy);
    *copy = *loop;
    copy->var = index;
    copy->init = assign_with_index(counting_start(loop->init, loop->var), sl.from, index);
    copy->cond = with_index(loop->cond, sl.from, index);
    copy->step = assign_with_index(counting_step(loop), sl.from, index);
    copy->then = slice(&sl, loop->then);
    return copy;
}
