/* write_once.c: element writes of a local array that need not save the values they overwrite
 * (see write_once.h). A work array a loop fills one element per trip (NR's tridag `gam`, the
 * stages of a Runge-Kutta step, the factors of an LU) is read by its own and later trips, and
 * after the loop; the backward sweep gets the array's final values from the tape, and as long
 * as no read sees an element before the trip that writes it, those are the values every read
 * saw. The scan below walks the whole function in order and accepts only reads `a[i + d]` it
 * can place: after the loop; in it, of an element an earlier trip wrote, or the one this trip
 * wrote, after the write. Any other mention of the array (its address, a call given it, a
 * pointer or member set to it, another write in or after the loop) keeps the save. */
#include <stdlib.h>
#include "write_once.h"

typedef struct Scan {
    const Var *array, *index;
    const Stmt *loop, *write;
    long offset;          /* c of the write a[i + c] */
    long step;            /* the loop's step of i (nonzero) */
    bool in_loop, after_write, after_loop;
    bool ok;
} Scan;

/* Whether e is `i`, `i + d`, `d + i` or `i - d` (d an integer literal); sets *d. */
static bool index_offset(const Expr *e, const Var *i, long *d) {
    if (e->kind == EX_VAR) {
        *d = 0;
        return e->var == i;
    }
    if (e->kind != EX_BINARY || (e->op != OP_ADD && e->op != OP_SUB))
        return false;
    const Expr *var = e->lhs, *num = e->rhs;
    if (e->op == OP_ADD && var->kind == EX_NUM) {
        var = e->rhs;
        num = e->lhs;
    }
    long n;
    if (var->kind != EX_VAR || var->var != i || !expr_int_literal(num, &n))
        return false;
    *d = e->op == OP_SUB ? -n : n;
    return true;
}

/* Whether a read of a[index] where the scan is sees an element no later write changes. */
static bool read_placed(const Scan *sc, const Expr *index) {
    long d;
    if (sc->after_loop)
        return true;
    if (!sc->in_loop || !index_offset(index, sc->index, &d))
        return false;
    if (d == sc->offset)
        return sc->after_write;
    return (d - sc->offset) * sc->step < 0; /* the element of an earlier trip */
}

static FindVerdict unplaced_mention(const Expr *e, const void *ctx) {
    const Scan *sc = ctx;
    if (e->kind == EX_ADDR)
        return expr_mentions(e, sc->array) ? FIND_FOUND : FIND_SKIP;
    if (e->kind == EX_INDEX && e->lhs->kind == EX_VAR && e->lhs->var == sc->array)
        return read_placed(sc, e->rhs) && !expr_mentions(e->rhs, sc->array) ? FIND_SKIP : FIND_FOUND;
    return e->kind == EX_VAR && e->var == sc->array ? FIND_FOUND : FIND_INSIDE;
}

static void scan_expr(Scan *sc, const Expr *e) {
    if (sc->ok && e && expr_find(e, unplaced_mention, sc))
        sc->ok = false;
}

static void scan_stmt(Scan *sc, const Stmt *s);

static void scan_loop(Scan *sc, const Stmt *loop) {
    scan_stmt(sc, loop->init);
    sc->in_loop = true;
    scan_expr(sc, loop->cond);
    scan_stmt(sc, loop->then);
    scan_stmt(sc, loop->step);
    sc->in_loop = false;
    sc->after_loop = true;
}

static void scan_assign(Scan *sc, const Stmt *s) {
    scan_expr(sc, s->rhs);
    if (s == sc->write) {
        sc->after_write = true;
        return;
    }
    const Expr *target = s->lhs;
    if (target->kind == EX_INDEX && target->lhs->kind == EX_VAR && target->lhs->var == sc->array &&
        !sc->in_loop && !sc->after_loop) /* a write before the loop (its initializer): no read */
        target = target->rhs;
    else if (expr_root_var(target) == sc->array)
        sc->ok = false;
    scan_expr(sc, target);
}

static void scan_stmt(Scan *sc, const Stmt *s) {
    if (!s || !sc->ok)
        return;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            scan_stmt(sc, s->body[i]);
        break;
    case ST_ASSIGN:
        scan_assign(sc, s);
        break;
    case ST_DECL: /* the array's own: its initializer runs before the loop */
        if (s->var == sc->array && sc->in_loop)
            sc->ok = false;
        scan_expr(sc, s->rhs);
        break;
    case ST_IF:
        scan_expr(sc, s->cond);
        scan_stmt(sc, s->then);
        scan_stmt(sc, s->els);
        break;
    case ST_FOR:
    case ST_WHILE:
    case ST_DO:
        if (s == sc->loop) {
            scan_loop(sc, s);
            break;
        }
        scan_stmt(sc, s->init);
        scan_expr(sc, s->cond);
        scan_stmt(sc, s->then);
        scan_stmt(sc, s->step);
        break;
    default:
        scan_expr(sc, s->rhs);
        break;
    }
}

bool write_once_element(const Stmt *body, const Stmt *loop, const Stmt *s) {
    const Expr *target = s->lhs;
    if (s->kind != ST_ASSIGN || s->op != OP_NONE || target->kind != EX_INDEX || target->lhs->kind != EX_VAR)
        return false;
    const Var *a = target->lhs->var;
    if (a->kind != VAR_LOCAL || a->type->kind != TY_ARRAY || a->type->array_len <= 0 ||
        !type_is_floating(a->type->base) || a->aliased || a->heap || a->pointer_root || a->which)
        return false;
    long step = loop->kind == ST_FOR && loop->var ? counting_stride(loop->step, loop->var) : 0;
    Scan sc = {.array = a, .index = loop->var, .loop = loop, .write = s, .step = step, .ok = true};
    if (!sc.step || stmt_assigns_itself(loop->then, loop->var) || !index_offset(target->rhs, loop->var, &sc.offset))
        return false;
    scan_stmt(&sc, body);
    return sc.ok && sc.after_write && sc.after_loop;
}

/* The writes of an array, and the loop around the one in a loop. */
typedef struct Writes {
    const Var *array;
    const Stmt *loop, *write; /* the write in a loop, and the outermost loop around it */
    int in_loops;             /* writes inside loops */
    bool nested;              /* one is inside two loops */
} Writes;

static void find_writes(Writes *w, const Stmt *s, const Stmt *outer, int depth) {
    if (!s)
        return;
    if (s->kind == ST_ASSIGN && expr_root_var(s->lhs) == w->array && depth > 0) {
        w->in_loops++;
        w->nested |= depth > 1;
        w->loop = outer;
        w->write = s;
    }
    bool loop = s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO;
    const Stmt *around = outer ? outer : loop ? s : NULL;
    for (int i = 0; i < s->nbody; i++)
        find_writes(w, s->body[i], outer, depth);
    find_writes(w, s->init, outer, depth);
    find_writes(w, s->step, around, depth + loop);
    find_writes(w, s->then, around, depth + loop);
    find_writes(w, s->els, outer, depth);
}

bool write_once_array(const Stmt *body, const Var *a) {
    Writes w = {.array = a};
    find_writes(&w, body, NULL, 0);
    return w.in_loops == 1 && !w.nested && w.loop->kind == ST_FOR && w.loop->var && !w.loop->checkpoint &&
           write_once_element(body, w.loop, w.write);
}
