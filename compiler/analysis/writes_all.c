/* writes_all.c: whether a function surely writes every element of an array parameter y before
 * it returns (writes_all.h). An element that still holds on return what it held on entry has
 * the derivative 1 with respect to itself, so a Jacobian may leave out y's values on entry
 * (its columns) only when no element does. Counted are the statements that run on every
 * path, in order, up to the first that may return:
 *   y[c] = e or *y = e, c an integer literal, when len is one (at most 64);
 *   for (i = 0; i < len; i++) { ...; y[i] = e; ... }, no continue before the write, no
 *     break in the body, the body assigning neither i nor len;
 *   a call given y whose callee writes each element so (len a literal).
 * Anything else (a write under an if, a loop of another form) proves nothing. */
#include <stdlib.h>
#include <string.h>
#include "writes_all.h"

enum { MAX_ELEMENTS = 64, MAX_DEPTH = 4 };

typedef struct Cover {
    const Var *y;
    const char *len;
    long count;               /* len as a literal (at most MAX_ELEMENTS), else -1 */
    bool element[MAX_ELEMENTS];
    bool all;
} Cover;

static bool is_return(const Stmt *s, const void *ctx) {
    (void)ctx;
    return s->kind == ST_RETURN;
}

static bool is_jump(const Stmt *s, const void *ctx) {
    (void)ctx;
    return s->kind == ST_BREAK || s->kind == ST_CONTINUE;
}

static bool is_break(const Stmt *s, const void *ctx) {
    (void)ctx;
    return s->kind == ST_BREAK;
}

/* The value of len when it is a decimal literal, or -1. */
static long literal_len(const char *len) {
    char *end;
    long n = strtol(len, &end, 10);
    return *len && !*end && n >= 0 ? n : -1;
}

static bool is_literal(const Expr *e, long value) {
    long v;
    return expr_int_literal(e, &v) && v == value;
}

/* Whether the bound b is len: the same literal, or the variable len names, which body never
 * assigns. */
static bool is_len(const Expr *b, const Cover *c, const Stmt *body) {
    if (c->count >= 0)
        return is_literal(b, c->count);
    return b->kind == EX_VAR && b->var->kind == VAR_PARAM && strcmp(b->var->name, c->len) == 0 &&
           !stmt_assigns(body, b->var);
}

/* Whether s is `y[i] = e` (plain). */
static bool writes_element(const Stmt *s, const Var *y, const Var *i) {
    const Expr *t = s->kind == ST_ASSIGN && s->op == OP_NONE ? s->lhs : NULL;
    return t && t->kind == EX_INDEX && t->lhs->kind == EX_VAR && t->lhs->var == y && t->rhs->kind == EX_VAR &&
           t->rhs->var == i;
}

/* Whether loop is `for (i = 0; i < len; i++)` whose every trip writes y[i]. */
static bool loop_writes_all(const Cover *c, const Stmt *loop, const Stmt *fn_body) {
    const Expr *cond = loop->cond;
    if (loop->kind != ST_FOR || !cond || cond->kind != EX_BINARY || cond->op != OP_LT || cond->lhs->kind != EX_VAR)
        return false;
    const Var *i = cond->lhs->var;
    const Stmt *start = counting_start(loop->init, i);
    if (!is_len(cond->rhs, c, fn_body) || !start || !is_literal(start->rhs, 0) || counting_stride(loop->step, i) != 1 ||
        stmt_assigns(loop->then, i) || stmt_find(loop->then, is_break, NULL))
        return false;
    const Stmt *body = loop->then;
    int n = body->kind == ST_BLOCK ? body->nbody : 1;
    for (int k = 0; k < n; k++) {
        const Stmt *s = body->kind == ST_BLOCK ? body->body[k] : body;
        if (writes_element(s, c->y, i))
            return true;
        if (stmt_find(s, is_jump, NULL))
            return false;
    }
    return false;
}

static bool cover_stmt(Cover *c, const Stmt *s, const Stmt *fn_body, int depth);

/* A call given y as argument k: what its callee writes of its parameter k. */
static void cover_call(Cover *c, const Expr *call, int depth) {
    const Func *callee = call->callee;
    if (!callee || !callee->body || c->count < 0 || depth >= MAX_DEPTH)
        return;
    for (int k = 0; k < call->nargs && k < callee->nparams; k++)
        if (call->args[k]->kind == EX_VAR && call->args[k]->var == c->y &&
            !stmt_assigns_itself(callee->body, callee->params[k])) {
            Cover inner = {.y = callee->params[k], .len = c->len, .count = c->count};
            cover_stmt(&inner, callee->body, callee->body, depth + 1);
            for (long e = 0; e < c->count; e++)
                c->element[e] |= inner.element[e] || inner.all;
            return;
        }
}

/* Records what s, which runs on every path, writes of y; false when s may return (what
 * follows it may not run). */
static bool cover_stmt(Cover *c, const Stmt *s, const Stmt *fn_body, int depth) {
    if (s->kind == ST_BLOCK) {
        for (int k = 0; k < s->nbody; k++)
            if (!cover_stmt(c, s->body[k], fn_body, depth))
                return false;
        return true;
    }
    if (stmt_find(s, is_return, NULL))
        return false;
    const Expr *t = s->kind == ST_ASSIGN && s->op == OP_NONE ? s->lhs : NULL;
    if (t && t->kind == EX_DEREF && t->lhs->kind == EX_VAR && t->lhs->var == c->y && c->count > 0)
        c->element[0] = true;
    long e;
    if (t && t->kind == EX_INDEX && t->lhs->kind == EX_VAR && t->lhs->var == c->y && expr_int_literal(t->rhs, &e) &&
        e < c->count)
        c->element[e] = true;
    if (s->kind == ST_CALL && s->rhs->kind == EX_CALL)
        cover_call(c, s->rhs, depth);
    c->all |= loop_writes_all(c, s, fn_body);
    return true;
}

bool writes_all(const Func *fn, const Var *y, const char *len) {
    if (stmt_assigns_itself(fn->body, y)) /* y++: its elements move */
        return false;
    long count = literal_len(len);
    Cover c = {.y = y, .len = len, .count = count <= MAX_ELEMENTS ? count : -1};
    cover_stmt(&c, fn->body, fn->body, 0);
    bool every = c.count >= 0;
    for (long e = 0; e < c.count; e++)
        every &= c.element[e];
    return c.all || every;
}
