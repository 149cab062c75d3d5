/* pointer_check.c: the pointers adc can follow (see pointer_check.h). A pointer to floating
 * data must point into arrays adc knows -- parameters and local (or static const) arrays -- at
 * offsets: p = a + k, p = &a[k], p = q (q such a pointer), p = c ? a : b, p++, p += k. Its
 * derivative then moves in lockstep with it (p_d = a_d + (p - a)) in every mode; one that may
 * point into several arrays (if/else, ?:, swaps) gets a which (Var.which) that says into which
 * now. A local pointer assigned heap blocks (malloc, ..., or a helper returning one) is its
 * own root (Var.heap): its shadow is a block of its own, allocated and freed with it; one
 * copied from another (`free(u0); u0 = u1;`) takes that one's block and shadow, and one given
 * only heap pointers (a swap's `double *t = u;`) is a heap pointer too. Anything
 * else is refused here, before the transforms, with the rewrite to make. */
#include <string.h>
#include "c_text.h"
#include "diag.h"
#include "pointer_check.h"

enum { MAX_ROOTS = 8 };

typedef struct Roots {
    Var *array[MAX_ROOTS];
    int count;
    bool overflow;
} Roots;

typedef struct Check {
    Func *fn;
    Roots *roots;  /* per pointer variable: the arrays it may point into */
    int nvars;     /* the variables there were (record() adds some) */
    bool report;   /* the last pass: the roots are settled, errors are reported */
    bool changed;
    int errors;
} Check;

/* Pointers below the top level, to floating data: double **, double *a[4]. */
static bool pointer_inside(const Type *t) {
    for (t = t->kind == TY_PTR || t->kind == TY_ARRAY ? t->base : NULL; t && t->kind != TY_STRUCT; t = t->base)
        if (t->kind == TY_PTR)
            return type_has_floating(t);
    return false;
}

/* The elements of a pointer or array, below any inner array: double for double (*)[3]. */
static const Type *element(const Type *t) {
    for (t = t->base; t->kind == TY_ARRAY; t = t->base)
        continue;
    return t;
}

/* A pointer (or array) to data with floating values and no pointers: double *, double (*)[3],
 * double A[3][3], struct point *. */
static bool flat_floating(const Type *t) {
    return (t->kind == TY_PTR || t->kind == TY_ARRAY) && type_has_floating(t) && !pointer_inside(t);
}

/* A parameter `T **a`, rows of floating scalars (a row-pointer matrix): its shadow is the
 * caller's, of the same shape, each row holding the derivatives of a's row. The function
 * indexes it (a[i][j], a row a[i] given to a helper) and never re-points it (check_stmt). */
static bool row_pointers(const Var *v) {
    return v->kind == VAR_PARAM && type_is_rows(v->type);
}

/* A pointer whose target may carry derivatives. */
static bool pointer_to_floating(const Type *t) {
    return t->kind == TY_PTR && type_has_floating(t);
}

/* Whether a pointer of type p may point into an array of type root: same elements. */
static bool same_elements(const Type *p, const Type *root) {
    const Type *a = element(p), *b = element(root);
    return a->kind == b->kind && (a->kind != TY_STRUCT || (a->name && b->name && strcmp(a->name, b->name) == 0));
}

static void refuse(Check *c, SrcLoc loc, const char *what, const char *rewrite) {
    if (!c->report)
        return;
    error_at(loc, "%s is not supported: adc cannot tell which array its derivative points into; %s", what, rewrite);
    c->errors++;
}

/* A global pointer given something else than another global pointer's block. */
static void refuse_global(Check *c, SrcLoc loc, const Var *v) {
    if (!c->report)
        return;
    error_at(loc, "re-pointing the global pointer '%s' other than to the block of another global pointer is not "
             "supported: its shadow is the caller's block; only swap global pointers (double *t = %s; %s = other; "
             "other = t;), and allocate, move or free the blocks outside the differentiated code", v->name, v->name,
             v->name);
    c->errors++;
}

static bool add_root(Roots *r, Var *v) {
    for (int i = 0; i < r->count; i++)
        if (r->array[i] == v)
            return false;
    if (r->count == MAX_ROOTS) {
        r->overflow = true;
        return false;
    }
    r->array[r->count++] = v;
    return true;
}

/* Adds the arrays e may point into to out; sets *bad to the part of e that hides them. A
 * pointer copied from one not yet given a root adds nothing (yet). */
static void sources(Check *c, const Expr *e, Roots *out, const Expr **bad) {
    if (expr_reads_void_pointer(e))
        return; /* GSL's void *params: no derivatives (activity.c refuses active data as void *) */
    switch (e->kind) {
    case EX_VAR:
        if (e->var->type->kind == TY_PTR && pointer_to_floating(e->var->type) && e->var->kind != VAR_GLOBAL) {
            for (int i = 0; i < c->roots[e->var->index].count; i++)
                add_root(out, c->roots[e->var->index].array[i]);
            return;
        }
        if (flat_floating(e->var->type) && (e->var->kind != VAR_GLOBAL || e->var->is_static_const)) {
            add_root(out, e->var);
            return;
        }
        break;
    case EX_CAST:
        sources(c, e->lhs, out, bad);
        return;
    case EX_NUM: /* a null pointer: into nothing yet */
        return;
    case EX_MEMBER: /* s->x: its shadow is the shadow struct's member (shadow structs, below) */
        if (flat_floating(e->type))
            return;
        break;
    case EX_COND: /* the condition is evaluated again to follow the choice: no calls */
        if (expr_has_call(e->cond))
            break;
        sources(c, e->lhs, out, bad);
        sources(c, e->rhs, out, bad);
        return;
    case EX_BINARY: /* pointer arithmetic: the pointer side */
        if (e->op == OP_ADD || e->op == OP_SUB) {
            sources(c, e->lhs->type->kind == TY_PTR || e->lhs->type->kind == TY_ARRAY ? e->lhs : e->rhs, out, bad);
            return;
        }
        break;
    case EX_ADDR: /* &a[k] */
        if (e->lhs->kind == EX_INDEX) {
            sources(c, e->lhs->lhs, out, bad);
            return;
        }
        break;
    case EX_INDEX: /* A[i], a row of a two-dimensional array */
        if (e->type->kind == TY_ARRAY) {
            sources(c, e->lhs, out, bad);
            return;
        }
        break;
    default:
        break;
    }
    *bad = e;
}

/* A ?: in e whose condition reads v (it is evaluated again after v is assigned). */
static const Expr *choice_reading(const Expr *e, const Var *v) {
    if (!e)
        return NULL;
    if (e->kind == EX_COND && expr_mentions(e->cond, v))
        return e;
    const Expr *in_lhs = choice_reading(e->lhs, v);
    return in_lhs ? in_lhs : choice_reading(e->rhs, v);
}

/* What a pointer assignment's source is, in C terms, and the rewrite that avoids it. */
static void refuse_source(Check *c, const Expr *bad, const char *name) {
    switch (bad->kind) {
    case EX_COND:
        refuse(c, bad->loc, ir_format("a pointer chosen by '?:' (assigned to '%s')", name),
               "write the update through each array in an if/else instead");
        break;
    case EX_CALL: /* one returning a pointer to floating data is refused as such (check_expr) */
        if (expr_is_allocation(bad))
            refuse(c, bad->loc, ir_format("heap memory from '%s' inside an expression (assigned to '%s')", bad->text, name),
                   "assign the allocation to a pointer variable of its own first");
        else if (!pointer_to_floating(bad->type))
            refuse(c, bad->loc, ir_format("a pointer returned by a function (assigned to '%s')", name),
                   "use the pointer argument itself, or have the function return an index");
        break;
    case EX_ADDR: {
        bool member = bad->lhs->kind == EX_MEMBER;
        refuse(c, bad->loc, ir_format("taking the address of %s (assigned to '%s')",
                                      member ? "a struct member" : "a variable that is not an array", name),
               ir_format("use the %s itself, or pass its address directly to the function that writes it",
                         member ? "member" : "variable"));
        break;
    }
    case EX_VAR:
        refuse(c, bad->loc, ir_format("a pointer made from '%s', which is not an array (assigned to '%s')", bad->var->name, name),
               "pass the array itself as a parameter");
        break;
    case EX_INDEX:
        if (type_is_rows(bad->lhs->type) || (bad->lhs->type->kind == TY_ARRAY && bad->lhs->type->base->kind == TY_PTR)) {
            bool param = bad->lhs->kind == EX_VAR && bad->lhs->var->kind == VAR_PARAM;
            refuse(c, bad->loc, ir_format("a row read into a pointer variable (assigned to '%s')", name),
                   param ? "declare it with its row, `double *ai = a[i];`, in a block that changes neither i nor ai "
                           "afterwards, or index a[i][j]"
                         : "index a[i][j], or give the row a[i] to a helper taking a pointer");
            break;
        }
        /* fall through */
    default:
        refuse(c, bad->loc, ir_format("a pointer read from a struct member, an array of pointers or "
                                      "through a pointer (assigned to '%s')", name),
               "pass the array itself as a parameter");
        break;
    }
}

/* ---- heap blocks ---- */

/* Whether s assigns v the result of a user function (`a = dmatrix(n, m);`): the rows are that
 * function's, freed by its backward sweep. */
static bool gets_helper_block(const Stmt *s, const void *v) {
    const Expr *call = (s->kind == ST_ASSIGN || s->kind == ST_DECL) && s->rhs ? expr_heap_call(s->rhs) : NULL;
    return call && call->callee && (s->kind == ST_DECL ? s->var : expr_root_var(s->lhs)) == v;
}

/* v = call, a new heap block (expr_heap_call): v becomes a heap pointer, its own root. */
static void assign_heap(Check *c, Var *v, const Expr *call) {
    if (v->kind != VAR_LOCAL) {
        refuse(c, call->loc, ir_format("%s assigned to '%s', which is not a local variable",
                                       expr_is_allocation(call) ? "heap memory" : "a pointer returned by a function", v->name),
               "assign it to a local pointer of its own");
        return;
    }
    const Expr *grown = expr_is_realloc(call) && call->nargs == 2 ? call->args[0] : NULL;
    while (grown && grown->kind == EX_CAST)
        grown = grown->lhs;
    if (grown && !(grown->kind == EX_VAR && grown->var == v)) {
        refuse(c, call->loc, ir_format("'realloc' of another pointer than '%s' (assigned to '%s')", v->name, v->name),
               "write p = realloc(p, size)");
        return;
    }
    if (grown && (v->aliased || stmt_find(c->fn->body, gets_helper_block, v))) /* its old block is freed elsewhere too */
        refuse(c, call->loc, ir_format("'realloc' of '%s', which holds a block %s", v->name,
                                       v->aliased ? "another heap pointer also holds" : "a function returned"),
               "copy the elements into a block of its own (malloc) and grow that one");
    v->heap = true;
    c->changed |= add_root(&c->roots[v->index], v);
}

/* A heap pointer points into its own blocks only; a pointer into a heap block, into it only. */
static void check_heap_roots(Check *c) {
    for (int i = 0; i < c->nvars; i++) {
        const Var *v = c->fn->vars[i];
        const Roots *r = &c->roots[i];
        for (int k = 0; k < r->count; k++) {
            const Var *root = r->array[k];
            if (v->heap && root != v && root->heap) /* v = t, t = u + 1: not a whole block */
                refuse(c, v->loc, ir_format("heap pointer '%s' given a pointer into the blocks of '%s' other than "
                                            "a whole block", v->name, root->name),
                       "give it only allocations and heap pointers; a swap's third pointer only heap pointers");
            else if (v->heap && root != v)
                refuse(c, v->loc, ir_format("heap pointer '%s' also pointing into '%s'", v->name, root->name),
                       "use one pointer for the heap blocks and another for the array");
            else if (!v->heap && root->heap && r->count > 1)
                refuse(c, v->loc, ir_format("pointer '%s' switched between the heap blocks of '%s' and other arrays",
                                            v->name, root->name),
                       "use one pointer for each");
        }
    }
}

/* Whether s (in fn, depth calls down) frees the block parameter p points to, itself or
 * through a call it passes p to. */
static bool frees_param(const Stmt *s, const Var *p, int depth);

static bool call_frees(const Expr *e, const Var *p, int depth) {
    if (!e)
        return false;
    if (e->kind == EX_CALL && (expr_freed_var(e) == p || (expr_freed_row(e) && expr_freed_row(e)->lhs->var == p)))
        return true;
    for (int i = 0; e->kind == EX_CALL && e->callee && i < e->nargs && i < e->callee->nparams && depth < 8; i++)
        if (expr_root_var(e->args[i]) == p && frees_param(e->callee->body, e->callee->params[i], depth + 1))
            return true;
    for (int i = 0; i < e->nargs; i++)
        if (call_frees(e->args[i], p, depth))
            return true;
    return call_frees(e->lhs, p, depth) || call_frees(e->rhs, p, depth) || call_frees(e->cond, p, depth);
}

static bool frees_param(const Stmt *s, const Var *p, int depth) {
    if (!s)
        return false;
    if (call_frees(s->rhs, p, depth) || call_frees(s->cond, p, depth))
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (frees_param(s->body[i], p, depth))
            return true;
    return frees_param(s->then, p, depth) || frees_param(s->els, p, depth) || frees_param(s->init, p, depth) ||
           frees_param(s->step, p, depth);
}

bool call_frees_block(const Expr *call) {
    for (int i = 0; call->callee && i < call->nargs && i < call->callee->nparams; i++)
        if (pointer_to_floating(call->callee->params[i]->type) &&
            frees_param(call->callee->body, call->callee->params[i], 0))
            return true;
    return false;
}

/* Whether e is a heap block this function may free: a heap pointer, or a parameter of a helper
 * (whose callers pass heap blocks: checked at each call), also at an integer offset (Numerical
 * Recipes' `free(v + nl - NR_END)`: its shadow is freed at the same offset, which is where the
 * block's shadow starts, as each shadow moves in lockstep with its pointer). */
static bool whole_block(const Check *c, const Expr *e) {
    const Var *v = expr_block_at_offset(e);
    return v && ((v->heap && v->kind != VAR_GLOBAL) || (v->kind == VAR_PARAM && !c->fn->requested));
}

/* A block is freed by the function that allocated it, its caller (a block returned) or a
 * helper (NR's free_dvector) given the block itself: the reverse sweeps free it where they
 * reverse its allocation. Not a parameter of the function differentiated (the caller's). */
static void check_heap_free(Check *c, const Expr *call) {
    const Var *out = !call->callee && strcmp(call->text, "posix_memalign") == 0 && call->nargs == 3
                         ? expr_root_var(call->args[0]) : NULL;
    if (out && pointer_to_floating(out->type))
        refuse(c, call->loc, "'posix_memalign' whose status is used (its block comes back through a pointer to the pointer)",
               "call it as a statement, then test the pointer: if (!p)");
    const Expr *arg = expr_free_argument(call);
    while (arg && arg->kind == EX_CAST)
        arg = arg->lhs;
    if (arg && pointer_to_floating(arg->type) && !expr_freed_var(call) && (arg->kind == EX_COND || arg->kind == EX_BINARY))
        refuse(c, call->loc, "'free' of a block chosen by an expression (its shadow would not be freed with it)",
               "free each pointer variable by name: if (c) free(u); else free(v);");
    const Expr *member = expr_freed_member(call);
    if (member && member->arrow)
        refuse(c, call->loc, ir_format("freeing '%s', a block held by a struct given by pointer,", expr_text(member)),
               "free it where the struct is a local variable (free(s.member))");
    else if (member)
        refuse(c, call->loc, ir_format("freeing '%s', which this function did not allocate,", expr_text(member)),
               "allocate the block in this function (s.member = malloc(...)), not in a helper");
    const Expr *row = expr_freed_row(call);
    const Var *freed = row ? row->lhs->var : expr_freed_var(call);
    if (freed && pointer_to_floating(freed->type) && !whole_block(c, row ? row->lhs : call->args[0]))
        refuse(c, call->loc, ir_format("freeing '%s', which this function did not allocate,", freed->name),
               "free the block in the function that allocates it");
    for (int i = 0; call->callee && i < call->nargs && i < call->callee->nparams; i++) {
        const Var *arg = expr_root_var(call->args[i]);
        if (arg && pointer_to_floating(call->callee->params[i]->type) && !whole_block(c, call->args[i]) &&
            frees_param(call->callee->body, call->callee->params[i], 0))
            refuse(c, call->loc, ir_format("'%s' frees the block '%s' points into, which this function did not "
                                           "allocate,", call->text, arg->name),
                   "free the block in the function that allocates it");
    }
}

/* A function returning a pointer to floating data returns heap blocks of its own (or null). */
static void check_heap_returns(Check *c, const Stmt *s) {
    if (!s)
        return;
    const Expr *e = s->kind == ST_RETURN ? s->rhs : NULL;
    while (e && e->kind == EX_CAST)
        e = e->lhs;
    const Var *block = e ? expr_block_at_offset(e) : NULL;
    if (e && e->kind != EX_VAR && block && block->heap && c->fn->requested && c->report) {
        error_at(e->loc, "function '%s' returning a pointer offset from the heap block '%s' it allocated "
                 "(Numerical Recipes' 'return v - nl + NR_END;') is not supported in a function adc "
                 "differentiates on request: f_adjoint seeds and copies the block from its first element; "
                 "return it from a helper the requested function calls (its offset is then followed)",
                 c->fn->name, block->name);
        c->errors++;
    } else if (e && !(block && block->heap) && e->kind != EX_NUM)
        refuse(c, e->loc, ir_format("function '%s' returning a pointer to floating data that is not a heap block "
                                    "it allocated", c->fn->name),
               "return a block from malloc (the caller frees it), or use the pointer argument itself");
    for (int i = 0; i < s->nbody; i++)
        check_heap_returns(c, s->body[i]);
    check_heap_returns(c, s->then);
    check_heap_returns(c, s->els);
    check_heap_returns(c, s->init);
    check_heap_returns(c, s->step);
}

/* The local pointers whose values gets_blocks_only is deciding: a cycle of copies (buffers
 * swapped through a struct's members, front/member_blocks.c: `s_u = s_unew; s_unew = t; t =
 * s_u;`) holds blocks when its other values are blocks. */
typedef struct Deciding {
    const Var *vars[8];
    int count;
} Deciding;

static bool gets_blocks_only(const Check *c, const Stmt *s, const Var *v, Deciding *d);

/* Whether w, a value copied into a pointer, is or may become a heap pointer: one already, or a
 * local pointer (no rows, address never taken) given only blocks in turn. */
static bool holds_blocks(const Check *c, const Var *w, Deciding *d) {
    for (int i = 0; i < d->count; i++)
        if (d->vars[i] == w)
            return true;
    if (w->heap)
        return true;
    if (d->count == 8 || w->kind != VAR_LOCAL || w->type->kind != TY_PTR || type_is_rows(w->type) ||
        stmt_takes_address(c->fn->body, w))
        return false;
    d->vars[d->count++] = w;
    bool blocks = gets_blocks_only(c, c->fn->body, w, d);
    d->count--;
    return blocks;
}

/* Whether every value s assigns v (p = ..., a declaration's) is a heap pointer's block, a new
 * block or null: the rest of a swap of heap buffers, `double *t = u; u = v; v = t;`. */
static bool gets_blocks_only(const Check *c, const Stmt *s, const Var *v, Deciding *d) {
    if (!s)
        return true;
    if (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v && s->op != OP_NONE)
        return false; /* moved (p++, p += k): it points into a block, not at one (difftest seed 6997) */
    const Expr *value = (s->kind == ST_DECL && s->var == v) ||
                                (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v && s->op == OP_NONE)
                            ? s->rhs : NULL;
    bool block = value && expr_heap_call(value); /* a new block, before or after the copies */
    while (value && value->kind == EX_CAST)
        value = value->lhs;
    if (value && !block && value->kind != EX_NUM &&
        !(value->kind == EX_VAR && same_elements(v->type, value->var->type) && holds_blocks(c, value->var, d)))
        return false;
    for (int i = 0; i < s->nbody; i++)
        if (!gets_blocks_only(c, s->body[i], v, d))
            return false;
    return gets_blocks_only(c, s->init, v, d) && gets_blocks_only(c, s->step, v, d) &&
           gets_blocks_only(c, s->then, v, d) && gets_blocks_only(c, s->els, v, d);
}

/* v = q, q a heap pointer: v takes q's block. A local pointer given only heap pointers' blocks
 * (a swap's third pointer) becomes a heap pointer too, its own root: its shadow is the block's
 * shadow, wherever the swaps move it. */
static bool takes_block(Check *c, Var *v, const Expr *from) {
    if (from->kind != EX_VAR || !from->var->heap || !same_elements(v->type, from->var->type))
        return false; /* other elements: refused in assign */
    if (!v->heap && v->kind == VAR_LOCAL && !type_is_rows(v->type) && !stmt_takes_address(c->fn->body, v) &&
        gets_blocks_only(c, c->fn->body, v, &(Deciding){.vars = {v}, .count = 1})) {
        v->heap = true;
        c->roots[v->index] = (Roots){.array = {v}, .count = 1}; /* not what it copied before they were known */
        c->changed = true;
    }
    if (!v->heap)
        return false;
    v->aliased = from->var->aliased = true; /* one block, two names: a write through one changes what the other reads */
    return true;
}

/* ---- global pointers ----
 * A global pointer to floating data (`static double *u;`, global_is_pointer) holds a block the
 * caller allocated, and has shadow globals the caller points at blocks of the same length: a
 * heap pointer (Var.heap) whose shadow is that global. The differentiated code may give it only
 * the blocks of global pointers (buffers swapped, `double *t = u; u = unew; unew = t;`), whose
 * shadows move with them; never a new block, an offset or null, and it never frees one. */

static bool holds_global_blocks(const Check *c, const Var *w, Deciding *d);

typedef struct GlobalHolder {
    const Check *c;
    const Var *local;
    Deciding *d;
} GlobalHolder;

/* A statement giving h->local something else than a global pointer's block (or moving it). */
static bool gives_other_block(const Stmt *s, const void *ctx) {
    const GlobalHolder *h = ctx;
    bool decl = s->kind == ST_DECL && s->var == h->local && s->rhs;
    bool store = s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == h->local;
    const Expr *value = decl || store ? expr_without_casts(s->rhs) : NULL;
    if (!value || (s->op == OP_NONE && expr_is_null(value)))
        return false;
    return s->op != OP_NONE || value->kind != EX_VAR || !holds_global_blocks(h->c, value->var, h->d);
}

/* Whether w holds only blocks of global pointers: it is one, or a local pointer (its address
 * never taken) given only such, or null (adc's reverse code declares `double *t = 0;`). */
static bool holds_global_blocks(const Check *c, const Var *w, Deciding *d) {
    if (global_is_pointer(w))
        return true;
    for (int i = 0; i < d->count; i++)
        if (d->vars[i] == w)
            return true;
    if (d->count == 8 || w->kind != VAR_LOCAL || w->type->kind != TY_PTR || stmt_takes_address(c->fn->body, w))
        return false;
    d->vars[d->count++] = w;
    GlobalHolder h = {c, w, d};
    bool only = !stmt_find(c->fn->body, gives_other_block, &h);
    d->count--;
    return only;
}

/* v = value, v a global pointer: a global pointer's block, or adc's own tape pop (the second
 * stage reads back the backward sweep, which restores v). */
static void assign_global(Check *c, Var *v, const Expr *value) {
    const Expr *from = expr_without_casts(value);
    if (from->kind == EX_CALL && from->tape_op == TAPE_POP_PTR)
        return;
    if (from->kind == EX_VAR && holds_global_blocks(c, from->var, &(Deciding){0})) {
        takes_block(c, v, from);
        return;
    }
    refuse_global(c, value->loc, v);
}

static void assign(Check *c, Var *v, const Expr *value) {
    if (global_is_pointer(v)) {
        assign_global(c, v, value);
        return;
    }
    const Expr *heap = expr_heap_call(value);
    if (heap) {
        assign_heap(c, v, heap);
        return;
    }
    const Expr *from = value;
    while (from->kind == EX_CAST)
        from = from->lhs;
    if (takes_block(c, v, from))
        return;
    Roots found = {0};
    const Expr *bad = NULL, *choice = choice_reading(value, v);
    sources(c, value, &found, &bad);
    if (bad) {
        refuse_source(c, bad, v->name);
        return;
    }
    if (choice) {
        refuse(c, choice->loc, ir_format("a pointer chosen by '?:' on a condition that reads '%s' itself", v->name),
               "compute the condition into a variable first");
        return;
    }
    Roots *r = &c->roots[v->index];
    for (int i = 0; i < found.count; i++) {
        if (!same_elements(v->type, found.array[i]->type)) {
            refuse(c, value->loc, ir_format("a pointer made from '%s', an array of other elements (assigned to '%s')",
                                            found.array[i]->name, v->name),
                   "index the array with its own type");
            return;
        }
        c->changed |= add_root(r, found.array[i]);
    }
    if (r->overflow)
        refuse(c, value->loc, ir_format("pointer '%s' switched between more than %d arrays", v->name, MAX_ROOTS),
               "index fewer arrays through it");
}

static void check_expr(Check *c, const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_CALL && pointer_to_floating(e->type))
        refuse(c, e->loc, "a function returning a pointer to floating data", "use the pointer argument itself, or return an index");
    if (e->kind == EX_CALL)
        check_heap_free(c, e);
    check_expr(c, e->lhs);
    check_expr(c, e->rhs);
    check_expr(c, e->cond);
    for (int i = 0; i < e->nargs; i++)
        check_expr(c, e->args[i]);
}

/* A value assigned to a pointer: a heap call as a whole is fine (assign_heap), its arguments
 * are checked as any expression. */
static void check_value(Check *c, const Expr *e) {
    const Expr *heap = e ? expr_heap_call(e) : NULL;
    if (!heap) {
        check_expr(c, e);
        return;
    }
    check_heap_free(c, heap);
    for (int i = 0; i < heap->nargs; i++)
        check_expr(c, heap->args[i]);
}

/* Whether e, below casts, is a member of struct pointer parameter p pointing to floating data:
 * p->m. */
static bool member_of_param(const Expr *e, const Var *p) {
    e = expr_without_casts(e);
    return e->kind == EX_MEMBER && e->arrow && e->lhs->kind == EX_VAR && e->lhs->var == p && pointer_to_floating(e->type);
}

typedef struct MemberHolder {
    const Var *local, *param;
} MemberHolder;

/* A statement giving h->local a value that is not a member of h->param (or moving it). */
static bool gives_other(const Stmt *s, const void *ctx) {
    const MemberHolder *h = ctx;
    bool decl = s->kind == ST_DECL && s->var == h->local && s->rhs;
    bool store = s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == h->local;
    return (decl || store) && (s->op != OP_NONE || !member_of_param(s->rhs, h->param));
}

/* Buffers swapped through the members of a struct parameter, `double *t = g->u; g->u =
 * g->unew; g->unew = t;` in a helper given `grid *g`: s stores into g->m another member of g, or
 * a local pointer (its address never taken) given only g's members. The shadow members swap in
 * lockstep in tangent modes (g_d->u = g_d->unew); reverse mode looks each shadow block up where
 * it restores a member (modes/adjoint_swaps.c, which checks that the stores permute the blocks). */
static bool swaps_param_members(const Check *c, const Stmt *s) {
    const Expr *m = s->lhs, *value = expr_without_casts(s->rhs);
    const Var *p = m->kind == EX_MEMBER && m->arrow && m->lhs->kind == EX_VAR ? m->lhs->var : NULL;
    if (!p || p->kind != VAR_PARAM || s->op != OP_NONE)
        return false;
    if (value->kind == EX_CALL && value->tape_op == TAPE_POP_PTR && c->fn->prog && c->fn->prog->tangent_only)
        return same_elements(m->type, s->rhs->type); /* adc's backward sweep restoring a member: its
                                                         tangent block comes off the tape with it */
    if (!same_elements(m->type, value->type))
        return false;
    if (member_of_param(value, p))
        return true;
    MemberHolder h = {value->kind == EX_VAR ? value->var : NULL, p};
    return h.local && h.local->kind == VAR_LOCAL && !stmt_takes_address(c->fn->body, h.local) &&
           !stmt_find(c->fn->body, gives_other, &h);
}

static void check_stmt(Check *c, const Stmt *s) {
    if (!s)
        return;
    if (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && row_pointers(s->lhs->var))
        refuse(c, s->loc, ir_format("re-pointing '%s', a parameter pointing to rows,", s->lhs->var->name),
               "index its rows (a[i][j]) from the pointer the caller gave");
    if (s->kind == ST_DECL && s->rhs && pointer_to_floating(s->var->type))
        assign(c, s->var, s->rhs);
    if (s->kind == ST_ASSIGN && s->lhs->type->kind == TY_PTR && type_has_floating(s->lhs->type)) {
        if (s->lhs->kind == EX_MEMBER && !stmt_points_member(s) && !swaps_param_members(c, s))
            refuse(c, s->lhs->loc, ir_format("storing a pointer to floating data in the struct member '%s'", expr_text(s->lhs)),
                   expr_allocation(s->rhs)
                       ? "allocate the block where the struct is a local variable (s.member = malloc(...)) and free it there"
                       : "give it another member of the same struct parameter (double *t = g->u; g->u = g->unew; "
                         "g->unew = t;), or swap the buffers where the struct is a local variable, or in local pointer "
                         "variables");
        else if (s->lhs->kind != EX_VAR && s->lhs->kind != EX_MEMBER && !stmt_allocates_row(s))
            refuse(c, s->lhs->loc, "storing a pointer to floating data in an array or through a pointer",
                   "pass the array itself as a parameter");
        else if (s->lhs->kind == EX_VAR && s->op == OP_NONE)
            assign(c, s->lhs->var, s->rhs);
        else if (s->lhs->kind == EX_VAR && global_is_pointer(s->lhs->var))
            refuse_global(c, s->lhs->loc, s->lhs->var);
    }
    const Field *held = s->kind == ST_ASSIGN && s->lhs->type->kind == TY_STRUCT && s->lhs->kind != EX_VAR
                            ? type_field_pointing_to_floating(s->lhs->type) : NULL;
    if (held) /* `*frame1 = *frame` (Enzyme's mixedstruct1-sp): its shadow's member was left null */
        refuse(c, s->lhs->loc, ir_format("copying a struct whose member '%s' points to floating data into memory "
                                         "other than a local struct variable", held->name),
               "copy it into a local struct variable, or assign its other members one by one");
    bool pointer = (s->kind == ST_DECL && s->var->type->kind == TY_PTR) ||
                   (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->type->kind == TY_PTR);
    check_expr(c, s->lhs);
    if (pointer)
        check_value(c, s->rhs);
    else
        check_expr(c, s->rhs);
    check_expr(c, s->cond);
    for (int i = 0; i < s->nbody; i++)
        check_stmt(c, s->body[i]);
    check_stmt(c, s->init);
    check_stmt(c, s->step);
    check_stmt(c, s->then);
    check_stmt(c, s->els);
}

/* ---- shadow structs ----
 * A struct whose members point to floating data (a system { n, x, v, f, mass }) has a shadow of
 * the same type whose pointer members point to the shadows of those arrays: s->x[i] has the
 * derivative s_d->x[i]. adc follows it where the struct comes from the caller (a parameter, or
 * a pointer into one) and its pointer members point to flat floating data, which the function
 * never re-points (storing into a member is refused in check_stmt), and where it is a local
 * struct whose members member_blocks.c (front end) follows. */

/* A member, at any depth of struct t, pointing to floating data that is not flat (a linked
 * list's next, a double **), or NULL. */
static const Field *unfollowed_member(const Type *t) {
    t = type_scalar(t);
    for (int i = 0; t && t->kind == TY_STRUCT && i < t->nfields; i++) {
        const Type *m = t->fields[i].type;
        if (m->kind == TY_PTR && type_has_floating(m) && (pointer_inside(m) || type_holds_pointer(m->base)))
            return &t->fields[i];
        if (m->kind != TY_PTR && unfollowed_member(m))
            return &t->fields[i];
    }
    return NULL;
}

/* Refuses a variable whose struct has members pointing to floating data, unless it has a
 * shadow struct adc can follow. */
static void check_shadow_struct(Check *c, const Var *v) {
    const Field *f = type_field_pointing_to_floating(v->type), *bad = f ? unfollowed_member(v->type) : NULL;
    if (bad)
        refuse(c, v->loc, ir_format("'%s', a struct whose member '%s' points to floating data", v->name, bad->name),
               "pass the arrays it points to as parameters of their own");
    else if (f && v->kind != VAR_PARAM && v->type->kind != TY_PTR && !(v->kind == VAR_LOCAL && v->type->kind == TY_STRUCT))
        refuse(c, v->loc, ir_format("'%s', a %s struct whose member '%s' points to floating data", v->name,
                                    v->kind == VAR_GLOBAL ? "global" : "local", f->name),
               "pass the struct in as a parameter (its shadow is a struct of the same type)");
}

/* Types that hold pointers adc cannot give derivatives to. */
static void check_types(Check *c) {
    const Func *fn = c->fn;
    if (pointer_to_floating(fn->ret))
        check_heap_returns(c, fn->body);
    for (int i = 0; i < fn->nvars; i++) {
        const Var *v = fn->vars[i];
        if (pointer_inside(v->type) && v->type->kind == TY_ARRAY && v->kind == VAR_LOCAL)
            refuse(c, v->loc, ir_format("'%s', a table of pointers to floating data other than one initialized with "
                                        "arrays the function does not move and never written", v->name),
                   "initialize it with the arrays (double *bufs[2] = {u, v};) and swap pointer variables, not its elements");
        else if (pointer_inside(v->type) && !row_pointers(v) && !(v->heap && type_is_rows(v->type)) &&
                 !(v == fn->result && type_is_rows(v->type)))
            refuse(c, v->loc, ir_format("'%s', a %s pointer to pointers (or array of pointers) to floating data", v->name,
                                        v->kind == VAR_PARAM ? "parameter other than T **:" : v->kind == VAR_LOCAL ? "local" : "global"),
                   "pass a row-pointer matrix in as a `double **` parameter (its shadow is the caller's), or use one "
                   "flat array (double *) and index it");
        else
            check_shadow_struct(c, v);
    }
}

/* ---- heap row-pointer matrices ----
 * `double **a = malloc(n * sizeof *a); for (i = 0; i < n; i++) a[i] = malloc(m * sizeof **a);`:
 * a heap pointer to rows (Var.heap), whose rows are heap blocks of their own with shadow rows
 * allocated and freed with them. Reverse mode frees each row where it reverses the row's
 * allocation, reading a[i] then: so a is allocated once, outside loops, and each row once, by
 * the counting loop `for (i = ...; ...; i++)` around its allocation, not inside another loop. */

/* Whether loop s counts its index var up by one: `for (...; ...; i++)`, a body not assigning i. */
static bool counts_up(const Stmt *s, const Var *i) {
    const Stmt *step = s->kind == ST_FOR ? stmt_unwrapped(s->step) : NULL;
    return step && step->kind == ST_ASSIGN && step->op == OP_ADD && step->lhs->kind == EX_VAR &&
           step->lhs->var == i && step->rhs->kind == EX_NUM && strcmp(step->rhs->text, "1") == 0 &&
           !stmt_assigns(s->then, i);
}

static void check_heap_rows(Check *c, const Stmt *s, const Stmt *loop, int loops) {
    if (!s)
        return;
    const Var *table = (s->kind == ST_ASSIGN || s->kind == ST_DECL) && s->rhs && expr_heap_call(s->rhs) &&
                               type_is_rows(s->kind == ST_DECL ? s->var->type : s->lhs->type)
                           ? (s->kind == ST_DECL ? s->var : expr_root_var(s->lhs)) : NULL;
    if (table && loops > 0)
        refuse(c, s->loc, ir_format("a row-pointer matrix '%s' allocated inside a loop", table->name),
               "allocate it once, before the loop");
    if (stmt_allocates_row(s) && stmt_find(c->fn->body, gets_helper_block, s->lhs->lhs->var))
        refuse(c, s->loc, ir_format("a row of '%s' allocated here when a function returned its table",
                                    s->lhs->lhs->var->name),
               "allocate the table and its rows in the same function");
    else if (stmt_allocates_row(s)) {
        const Expr *index = s->lhs->rhs;
        if (loops != 1 || index->kind != EX_VAR || !counts_up(loop, index->var))
            refuse(c, s->loc, ir_format("a row of '%s' allocated other than once by a loop `for (i = ...; ...; i++) "
                                        "%s[i] = malloc(...);` outside other loops", s->lhs->lhs->var->name,
                                        s->lhs->lhs->var->name),
                   "allocate the rows in such a loop");
    }
    bool is_loop = s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO;
    for (int i = 0; i < s->nbody; i++)
        check_heap_rows(c, s->body[i], loop, loops);
    check_heap_rows(c, s->init, loop, loops);
    check_heap_rows(c, s->step, loop, loops);
    check_heap_rows(c, s->then, is_loop ? s : loop, loops + is_loop);
    check_heap_rows(c, s->els, loop, loops);
}

/* The roots found, on the variables; a pointer with several gets its which (once). */
static void record(Check *c) {
    Func *fn = c->fn;
    Type *int_type = type_int();
    for (int i = 0; i < c->nvars; i++) {
        Var *v = fn->vars[i];
        Roots *r = &c->roots[i];
        v->nroots = r->count;
        v->roots = ir_alloc(sizeof(Var *) * (size_t)(r->count + 1));
        memcpy(v->roots, r->array, sizeof(Var *) * (size_t)r->count);
        if (r->count < 2)
            continue;
        if (!v->which)
            v->which = func_add_var(fn, func_new_name(fn, ir_format("%s_which", v->name)), int_type, VAR_LOCAL, v->loc);
        for (int k = 0; k < r->count; k++)
            if (!r->array[k]->aliased) {
                r->array[k]->aliased = true;
                IR_APPEND(fn->switched, fn->nswitched, r->array[k]);
            }
    }
}

int pointer_check(Func *fn) {
    Check c = {.fn = fn, .roots = ir_alloc(sizeof(Roots) * (size_t)(fn->nvars + 1)), .nvars = fn->nvars};
    for (int i = 0; i < fn->nparams; i++)
        if (fn->params[i]->type->kind == TY_PTR)
            add_root(&c.roots[fn->params[i]->index], fn->params[i]);
    for (int i = 0; i < fn->nvars; i++)
        if (global_is_pointer(fn->vars[i])) {
            fn->vars[i]->heap = true;
            add_root(&c.roots[i], fn->vars[i]);
        }
    do { /* a pointer may be copied (in a loop) from one assigned later */
        c.changed = false;
        check_stmt(&c, fn->body);
    } while (c.changed);
    c.report = true;
    check_types(&c);
    check_heap_roots(&c);
    check_heap_rows(&c, fn->body, NULL, 0);
    check_stmt(&c, fn->body);
    if (c.errors == 0)
        record(&c);
    return c.errors;
}
