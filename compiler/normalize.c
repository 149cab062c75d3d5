/* normalize.c: the reverse-mode normal form (see normalize.h). Statements are shared with
 * the original body where they do not change; containers are rebuilt. */
#include "diag.h"
#include "normalize.h"

typedef struct Normalizer {
    Func *fn;
    int errors;
} Normalizer;

static Stmt *normalize(Normalizer *nz, Stmt *s, bool last);

static Stmt *assign_stmt(Func *fn, Expr *lhs, Expr *rhs, SrcLoc loc) {
    Stmt *a = stmt_new(fn, ST_ASSIGN, loc);
    a->lhs = lhs;
    a->rhs = rhs;
    return a;
}

/* `T v = e;` becomes `v = e;`; `T a[3] = {x, y, z};` becomes a[0] = x; a[1] = y; ... */
static Stmt *declaration(Normalizer *nz, Stmt *s) {
    Stmt *block = stmt_new(nz->fn, ST_BLOCK, s->loc);
    Var *v = s->var;
    if (!s->rhs || v->is_static_const)
        return block;
    Expr *target = expr_var(v, s->loc);
    if (s->rhs->kind != EX_INITLIST) {
        block_append(block, assign_stmt(nz->fn, target, s->rhs, s->loc));
        return block;
    }
    if (v->type->kind != TY_ARRAY || !type_is_floating(v->type->base)) {
        error_at(s->loc, "in reverse mode, an initializer list is supported only for a "
                 "one-dimensional floating array");
        nz->errors++;
        return block;
    }
    for (long k = 0; k < v->type->array_len; k++) {
        Expr *index = expr_new(EX_NUM, s->rhs->type, s->loc);
        index->text = ir_format("%ld", k);
        Expr *element = expr_new(EX_INDEX, v->type->base, s->loc);
        element->lhs = target;
        element->rhs = index;
        Expr *value = k < s->rhs->nargs ? s->rhs->args[k] : NULL;
        if (!value) {
            value = expr_new(EX_NUM, v->type->base, s->loc);
            value->text = "0.0";
        }
        block_append(block, assign_stmt(nz->fn, element, value, s->loc));
    }
    return block;
}

static Stmt *unsupported(Normalizer *nz, Stmt *s, const char *what) {
    error_at(s->loc, "%s is not supported in reverse mode yet (tangent mode supports it)", what);
    nz->errors++;
    return stmt_new(nz->fn, ST_BLOCK, s->loc);
}

static Stmt *rebuild(Normalizer *nz, Stmt *s) {
    Stmt *copy = stmt_new(nz->fn, s->kind, s->loc);
    *copy = *s;
    if (s->kind == ST_BLOCK) {
        copy->body = NULL;
        copy->nbody = 0;
        for (int i = 0; i < s->nbody; i++)
            block_append(copy, normalize(nz, s->body[i], false));
        return copy;
    }
    copy->init = s->init ? normalize(nz, s->init, false) : NULL;
    copy->step = s->step ? normalize(nz, s->step, false) : NULL;
    copy->then = s->then ? normalize(nz, s->then, false) : NULL;
    copy->els = s->els ? normalize(nz, s->els, false) : NULL;
    return copy;
}

static Stmt *normalize(Normalizer *nz, Stmt *s, bool last) {
    switch (s->kind) {
    case ST_DECL: return declaration(nz, s);
    case ST_RETURN:
        if (!last)
            return unsupported(nz, s, "a return before the end of the function");
        if (!s->rhs)
            return stmt_new(nz->fn, ST_BLOCK, s->loc);
        return assign_stmt(nz->fn, expr_var(nz->fn->result, s->loc), s->rhs, s->loc);
    case ST_BREAK: return unsupported(nz, s, "break");
    case ST_CONTINUE: return unsupported(nz, s, "continue");
    default: return rebuild(nz, s);
    }
}

int normalize_for_reverse(Func *fn) {
    if (fn->reverse_body)
        return 0;
    Normalizer nz = {fn, 0};
    if (fn->ret->kind != TY_VOID)
        fn->result = func_add_var(fn, ir_format("%s_result", fn->name), fn->ret, VAR_LOCAL, fn->loc);
    Stmt *body = stmt_new(fn, ST_BLOCK, fn->body->loc);
    for (int i = 0; i < fn->body->nbody; i++)
        block_append(body, normalize(&nz, fn->body->body[i], i == fn->body->nbody - 1));
    fn->reverse_body = body;
    return nz.errors;
}
