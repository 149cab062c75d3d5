/* globals.c: file-scope variables under reverse mode. The backward sweep reads a global where
 * the primal read it, with the value the global has when the sweep runs: a global that the
 * differentiated code (the requested function or anything it calls) writes and also reads,
 * such as a parameter a helper updates between two uses, would be read changed. Such globals
 * are refused; a global only ever updated from itself (a call counter) or only written is
 * not read by anything else, and is fine. Writes through a global array or pointer passed
 * to a call, or copied to a pointer, count as writes. */
#include <string.h>
#include "diag.h"
#include "globals.h"

typedef struct Use {
    const char *name;
    SrcLoc write, read;   /* first of each; line 0: none */
} Use;

typedef struct Uses {
    Use *items;
    int count;
    const Func **seen;    /* the call tree walked so far */
    int nseen;
} Uses;

static Use *use_of(Uses *u, const Var *v) {
    for (int i = 0; i < u->count; i++)
        if (strcmp(u->items[i].name, v->name) == 0)
            return &u->items[i];
    Use *grown = ir_alloc(sizeof(Use) * (size_t)(u->count + 1));
    if (u->count)
        memcpy(grown, u->items, sizeof(Use) * (size_t)u->count);
    u->items = grown;
    u->items[u->count] = (Use){.name = v->name};
    return &u->items[u->count++];
}

static bool is_global(const Var *v) {
    return v && v->kind == VAR_GLOBAL && !v->is_static_const;
}

static bool is_address(const Expr *e) {
    return e && e->type && (e->type->kind == TY_PTR || e->type->kind == TY_ARRAY);
}

static void note_write(Uses *u, const Var *v, SrcLoc loc) {
    Use *use = is_global(v) ? use_of(u, v) : NULL;
    if (use && !use->write.line)
        use->write = loc;
}

static void walk_func(Uses *u, const Func *fn);

/* Reads in e of every global but self (the one the statement assigns). */
static void walk_expr(Uses *u, const Expr *e, const Var *self) {
    if (!e)
        return;
    if (e->kind == EX_VAR && is_global(e->var) && !(self && strcmp(e->var->name, self->name) == 0)) {
        Use *use = use_of(u, e->var);
        if (!use->read.line)
            use->read = e->loc;
    }
    if (e->kind == EX_ADDR)
        note_write(u, expr_root_var(e->lhs), e->loc);
    for (int i = 0; i < e->nargs; i++) {
        if (e->kind == EX_CALL && is_address(e->args[i]))
            note_write(u, expr_root_var(e->args[i]), e->args[i]->loc);
        walk_expr(u, e->args[i], self);
    }
    if (e->kind == EX_CALL && e->callee)
        walk_func(u, e->callee);
    walk_expr(u, e->lhs, self);
    walk_expr(u, e->rhs, self);
    walk_expr(u, e->cond, self);
}

static void walk_stmt(Uses *u, const Stmt *s) {
    if (!s)
        return;
    const Var *self = NULL;
    if (s->kind == ST_ASSIGN && is_global(expr_root_var(s->lhs))) {
        self = expr_root_var(s->lhs);
        note_write(u, self, s->loc);
    }
    if ((s->kind == ST_ASSIGN || s->kind == ST_DECL) && is_address(s->rhs)) /* an alias */
        note_write(u, expr_root_var(s->rhs), s->loc);
    walk_expr(u, s->lhs, self);
    walk_expr(u, s->rhs, self);
    walk_expr(u, s->cond, NULL);
    for (int i = 0; i < s->nbody; i++)
        walk_stmt(u, s->body[i]);
    walk_stmt(u, s->init);
    walk_stmt(u, s->step);
    walk_stmt(u, s->then);
    walk_stmt(u, s->els);
}

static void walk_func(Uses *u, const Func *fn) {
    for (int i = 0; i < u->nseen; i++)
        if (u->seen[i] == fn)
            return;
    const Func **grown = ir_alloc(sizeof(Func *) * (size_t)(u->nseen + 1));
    if (u->nseen)
        memcpy(grown, u->seen, sizeof(Func *) * (size_t)u->nseen);
    grown[u->nseen++] = fn;
    u->seen = grown;
    walk_stmt(u, fn->body);
}

int globals_check_reverse(Program *prog) {
    const unsigned reverse = MODE_ADJOINT | MODE_GRAD | MODE_HVP | MODE_HESSIAN | MODE_JACOBIAN;
    int errors = 0;
    for (int f = 0; f < prog->nfuncs; f++) {
        const Func *fn = prog->funcs[f];
        if (!fn->requested || !(fn->modes & reverse))
            continue;
        Uses u = {0};
        walk_func(&u, fn);
        for (int i = 0; i < u.count; i++) {
            const Use *use = &u.items[i];
            if (!use->write.line || !use->read.line)
                continue;
            error_at(use->write, "the global variable '%s' is written here and read at %s:%u by the code "
                     "the adjoint of '%s' runs: its backward sweep would read the changed value; pass it "
                     "as a parameter (tangent modes are not limited)", use->name, use->read.file,
                     use->read.line, fn->name);
            errors++;
        }
    }
    return errors;
}
