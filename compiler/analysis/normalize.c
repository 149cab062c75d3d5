/* normalize.c: the reverse-mode normal form (see normalize.h).
 *
 * The backward sweep replays structured control flow from taped branch bits and trip counts,
 * so every statement of a block must either run to its end or not run at all. Early exits are
 * therefore turned into flags:
 *     return e;   ->  f_result = e; returned = 1;
 *     break;      ->  break_7 = 1;          continue;  ->  continue_7 = 1;
 * the statements after one that may set a flag are guarded by `if (!(flags))`, and loops test
 * their flags in their condition. A return that ends the function needs no flag.
 * An accumulation `x = x + e` becomes `x += e`: the backward sweep of `+=` passes x's adjoint
 * on untouched, where that of `=` would zero it and add it back.
 * A store whose index may read what the store changes (`t2[t2[c]] = ...`: when t2[c] == c it
 * changes its own index) gets that index computed into a local first, `int index = t2[c];
 * t2[index] = ...;`: the backward sweep finds the element again after the store, to restore
 * it or take its adjoint, and would otherwise land on another one (difftest entry 131). So do
 * the arguments of a call that read what the callee may write through another (`bump(&t[t[1]])`):
 * the backward sweep evaluates them again while what the call wrote is still in place.
 * Statements are shared with the original body where they do not change. */
#include <ctype.h>
#include <string.h>
#include "c_text.h"
#include "diag.h"
#include "factor_calls.h"
#include "normalize.h"

typedef struct Loop {
    Var *brk, *cont;   /* flags of the innermost loop being normalized (NULL: not needed) */
} Loop;

typedef struct Normalizer {
    Func *fn;
    Var *returned;     /* set by an early return (NULL until one is seen) */
    Loop *loop;
    Type *int_type;
    int loop_depth;
    int errors;
} Normalizer;

/* s, an assignment, with its costly factors computed first (factor_calls.c). */
static Stmt *hoist_factors(Normalizer *nz, Stmt *s) {
    return factor_calls_hoist(nz->fn, s, nz->loop_depth > 0);
}

/* What a statement may do that skips the rest of its block. */
typedef struct Exits {
    bool ret, brk, cont;
} Exits;

static Stmt *normalize(Normalizer *nz, Stmt *s, bool last);
static Stmt *declaration_parts(Normalizer *nz, Stmt *s);
static Stmt *struct_copy(Normalizer *nz, Expr *lhs, Expr *rhs, SrcLoc loc);

static void scan_exits(const Stmt *s, Exits *x, bool in_inner_loop) {
    if (!s)
        return;
    switch (s->kind) {
    case ST_RETURN: x->ret = true; return;
    case ST_BREAK: x->brk |= !in_inner_loop; return;
    case ST_CONTINUE: x->cont |= !in_inner_loop; return;
    case ST_FOR: case ST_WHILE: case ST_DO:
        scan_exits(s->then, x, true);
        return;
    default:
        for (int i = 0; i < s->nbody; i++)
            scan_exits(s->body[i], x, in_inner_loop);
        scan_exits(s->then, x, in_inner_loop);
        scan_exits(s->els, x, in_inner_loop);
    }
}

static Stmt *assign_stmt(Func *fn, Expr *lhs, Expr *rhs, SrcLoc loc) {
    Stmt *a = stmt_new(fn, ST_ASSIGN, loc);
    a->lhs = lhs;
    a->rhs = rhs;
    return a;
}

static Expr *number(Type *type, const char *text, SrcLoc loc) {
    Expr *e = expr_new(EX_NUM, type, loc);
    e->text = text;
    return e;
}

static Stmt *set_flag(Normalizer *nz, Var *flag, const char *value, SrcLoc loc) {
    return assign_stmt(nz->fn, expr_var(flag, loc), number(nz->int_type, value, loc), loc);
}

static Var *new_flag(Normalizer *nz, const char *name, SrcLoc loc) {
    return func_add_var(nz->fn, func_new_name(nz->fn, name), nz->int_type, VAR_LOCAL, loc);
}

/* `a || b || ...` over the flags that x names, of loop for break and continue (NULL when
 * none applies). */
static Expr *any_flag(Normalizer *nz, const Loop *loop, const Exits *x, SrcLoc loc) {
    Var *flags[3] = {x->ret ? nz->returned : NULL, x->brk && loop ? loop->brk : NULL,
                     x->cont && loop ? loop->cont : NULL};
    Expr *any = NULL;
    for (int i = 0; i < 3; i++)
        if (flags[i])
            any = any ? expr_binary(OP_LOR, any, expr_var(flags[i], loc), nz->int_type) : expr_var(flags[i], loc);
    return any;
}

static Expr *negate(Normalizer *nz, Expr *e) {
    Expr *n = expr_new(EX_UNARY, nz->int_type, e->loc);
    n->op = OP_NOT;
    n->lhs = e;
    return n;
}

/* Part k of target, an array (target[k]) or a struct (its k-th member). */
static Expr *part_of(Normalizer *nz, Expr *target, long k) {
    const Type *t = target->type;
    Expr *part = expr_new(t->kind == TY_ARRAY ? EX_INDEX : EX_MEMBER,
                          t->kind == TY_ARRAY ? t->base : t->fields[k].type, target->loc);
    part->lhs = target;
    if (t->kind == TY_ARRAY)
        part->rhs = number(nz->int_type, ir_format("%ld", k), target->loc);
    else
        part->text = t->fields[k].name;
    return part;
}

/* The size of a plain string literal's array ("ab": 3, "a\n": 3, "\x41\101": 3), or -1 for
 * anything else (several literals, L"..", u8".."). */
static long literal_size(const char *text) {
    long size = 1;
    if (*text++ != '"')
        return -1;
    for (; *text && *text != '"'; size++) {
        if (*text++ != '\\')
            continue;
        if (*text == 'x')
            for (text++; isxdigit((unsigned char)*text); text++)
                ;
        else if (*text >= '0' && *text <= '7')
            for (int d = 0; d < 3 && *text >= '0' && *text <= '7'; d++)
                text++;
        else if (*text)
            text++;
    }
    return *text == '"' && text[1] == '\0' ? size : -1;
}

/* A char array initialized from a string literal, element by element: nm[0] = "ab"[0]; ...,
 * the elements past the literal zeroed, as C does. False for another initializer. */
static bool initialize_from_literal(Normalizer *nz, Stmt *block, Expr *target, const Expr *literal) {
    long size = literal->kind == EX_NUM && literal->text ? literal_size(literal->text) : -1;
    if (size < 0 || target->type->kind != TY_ARRAY || target->type->base->kind == TY_ARRAY)
        return false;
    for (long k = 0; k < target->type->array_len; k++) {
        Expr *part = part_of(nz, target, k), *value = number(nz->int_type, "0", target->loc);
        if (k < size) {
            value = expr_new(EX_INDEX, target->type->base, target->loc);
            value->lhs = (Expr *)literal;
            value->rhs = number(nz->int_type, ir_format("%ld", k), target->loc);
        }
        block_append(block, assign_stmt(nz->fn, part, value, target->loc));
    }
    return true;
}

/* Assigns an initializer list element by element: a[0] = x; ... or p.x = x; ... (nested
 * lists for arrays of structs and 2-D arrays), zeroing what the list leaves out. */
static void initialize(Normalizer *nz, Stmt *block, Expr *target, const Expr *list) {
    const Type *t = target->type;
    long count = t->kind == TY_ARRAY ? t->array_len : t->kind == TY_STRUCT ? t->nfields : 0;
    if (list && initialize_from_literal(nz, block, target, list)) /* a char array member: {"ab", x} */
        return;
    if (count <= 0 || (list && list->kind != EX_INITLIST)) {
        Expr *value = list ? (Expr *)list : number(nz->int_type, "0", target->loc);
        if (!list && t->kind != TY_INT && !type_is_floating(t)) {
            error_at(target->loc, "in reverse mode, this initializer is not supported");
            nz->errors++;
            return;
        }
        block_append(block, struct_copy(nz, target, value, target->loc)); /* {q, r} of structs */
        return;
    }
    for (long k = 0; k < count; k++)
        initialize(nz, block, part_of(nz, target, k), list && k < list->nargs ? list->args[k] : NULL);
}

/* The parts of a struct copy are copied one by one up to this many elements per array member. */
enum { COPIED_ARRAY_MAX = 64 };

/* Appends lhs = rhs to block, part by part where they are structs or arrays (members of a
 * struct copied). */
static void copy_parts(Normalizer *nz, Stmt *block, Expr *lhs, Expr *rhs, SrcLoc loc) {
    const Type *t = lhs->type;
    if (t->kind != TY_STRUCT && t->kind != TY_ARRAY) {
        block_append(block, assign_stmt(nz->fn, lhs, rhs, loc));
        return;
    }
    long count = t->kind == TY_ARRAY ? t->array_len : t->nfields;
    bool lvalue = rhs->kind == EX_VAR || rhs->kind == EX_INDEX || rhs->kind == EX_MEMBER || rhs->kind == EX_DEREF;
    if (!lvalue || count < 0 || count > COPIED_ARRAY_MAX) {
        error_at(loc, "in reverse mode, this struct copy is not supported (copy the fields%s)",
                 lvalue ? ": an array member of unknown size or of more than 64 elements" : "");
        nz->errors++;
        return;
    }
    for (long k = 0; k < count; k++)
        copy_parts(nz, block, part_of(nz, lhs, k), part_of(nz, rhs, k), loc);
}

/* A struct copy `a = b;` becomes a.x = b.x; a.y = b.y; ... (an array member element by
 * element: a.r[0] = b.r[0]; ...) so that each field's adjoint flows. */
static Stmt *struct_copy(Normalizer *nz, Expr *lhs, Expr *rhs, SrcLoc loc) {
    if (lhs->type->kind != TY_STRUCT)
        return assign_stmt(nz->fn, lhs, rhs, loc);
    Stmt *block = stmt_new(nz->fn, ST_BLOCK, loc);
    copy_parts(nz, block, lhs, rhs, loc);
    return block;
}

static void mark_declares(Stmt *s, bool first_def) {
    if (s->kind == ST_ASSIGN) {
        s->declares = true;
        s->first_def = first_def;
    }
    for (int i = 0; i < s->nbody; i++)
        mark_declares(s->body[i], first_def);
}

/* `T v = e;` becomes `v = e;`; `T a[3] = {x, y, z};` becomes a[0] = x; a[1] = y; ...
 * Outside loops that is the variable's first value: nothing before it needs saving. */
static Stmt *declaration(Normalizer *nz, Stmt *s) {
    Stmt *block = declaration_parts(nz, s);
    for (int i = 0; i < block->nbody; i++)
        block->body[i] = hoist_factors(nz, block->body[i]);
    mark_declares(block, nz->loop_depth == 0);
    return block;
}

static Stmt *declaration_parts(Normalizer *nz, Stmt *s) {
    Stmt *block = stmt_new(nz->fn, ST_BLOCK, s->loc);
    Var *v = s->var;
    if (!s->rhs || v->is_static_const)
        return block;
    Expr *target = expr_var(v, s->loc);
    if (s->rhs->kind != EX_INITLIST && !initialize_from_literal(nz, block, target, s->rhs)) {
        block_append(block, struct_copy(nz, target, s->rhs, s->loc));
        return block;
    }
    if (s->rhs->kind == EX_INITLIST)
        initialize(nz, block, target, s->rhs);
    return block;
}

static bool exits_early(const Stmt *s) {
    Exits x = {0};
    scan_exits(s, &x, false);
    return x.ret || x.brk || x.cont;
}

/* Whether block s ends with a return and exits nowhere else. */
static bool ends_in_sole_return(const Stmt *s) {
    if (s->kind == ST_RETURN)
        return true;
    if (s->kind != ST_BLOCK || s->nbody == 0)
        return false;
    for (int i = 0; i < s->nbody - 1; i++)
        if (exits_early(s->body[i]))
            return false;
    return ends_in_sole_return(s->body[s->nbody - 1]);
}

static Stmt *normalize_block(Normalizer *nz, const Stmt *block, bool top);

/* `if (c) { ...; return e; } rest`, in a block that ends the function, as `if (c) { ...;
 * f_result = e; } else { rest }` (an else of s that exits nowhere comes before rest): no flag,
 * so the backward sweep may test c again (branch_cond.c) where it would pop a bit, and gcc
 * sees the guard of what rest indexes (difftest entry 114). NULL when s is no such if. */
static Stmt *return_as_else(Normalizer *nz, Stmt *s, const Stmt *block, int at) {
    if (s->kind != ST_IF || !ends_in_sole_return(s->then) || (s->els && exits_early(s->els)))
        return NULL;
    Stmt *rest = stmt_new(nz->fn, ST_BLOCK, block->body[at + 1]->loc);
    rest->scope = true;
    for (int i = 0; s->els && i < s->els->nbody; i++)
        block_append(rest, s->els->body[i]);
    for (int i = at + 1; i < block->nbody; i++)
        block_append(rest, block->body[i]);
    Stmt *copy = stmt_renewed(nz->fn, s);
    copy->then = normalize_block(nz, s->then, true);
    copy->els = normalize_block(nz, rest, true);
    return copy;
}

/* The statements of block, each later one guarded by the flags an earlier one may set. */
static Stmt *normalize_block(Normalizer *nz, const Stmt *block, bool top) {
    Stmt *out = stmt_new(nz->fn, ST_BLOCK, block->loc);
    out->scope = block->scope;
    Stmt *tail = out;
    for (int i = 0; i < block->nbody; i++) {
        Stmt *s = block->body[i];
        bool last = top && i == block->nbody - 1;
        Stmt *branches = top && !last ? return_as_else(nz, s, block, i) : NULL;
        if (branches) {
            block_append(tail, branches);
            break;
        }
        block_append(tail, normalize(nz, s, last));
        if (i + 1 == block->nbody) /* nothing after it to guard (an else-if chain is not rescanned) */
            break;
        Exits x = {0};
        scan_exits(s, &x, false);
        Expr *skip = any_flag(nz, nz->loop, &x, s->loc);
        if (!skip)
            continue;
        Stmt *guard = stmt_new(nz->fn, ST_IF, s->loc);
        guard->cond = negate(nz, skip);
        guard->then = stmt_new(nz->fn, ST_BLOCK, s->loc);
        block_append(tail, guard);
        tail = guard->then;
    }
    return out;
}

static Stmt *normalize_return(Normalizer *nz, Stmt *s, bool last) {
    Stmt *out = stmt_new(nz->fn, ST_BLOCK, s->loc);
    if (s->rhs)
        block_append(out, hoist_factors(nz, assign_stmt(nz->fn, expr_var(nz->fn->result, s->loc), s->rhs, s->loc)));
    if (!last) {
        if (!nz->returned)
            nz->returned = new_flag(nz, "returned", s->loc);
        block_append(out, set_flag(nz, nz->returned, "1", s->loc));
    }
    return out;
}

/* The variable a canonical counting loop `for (i = a; i < b; i++)` counts with, or NULL. */
static Var *loop_index(const Stmt *s) {
    const Expr *cond = s->cond;
    if (s->kind != ST_FOR || !cond || cond->kind != EX_BINARY || (cond->op != OP_LT && cond->op != OP_LE) ||
        cond->lhs->kind != EX_VAR || cond->lhs->var->type->kind != TY_INT || counting_stride(s->step, cond->lhs->var) <= 0)
        return NULL;
    return cond->lhs->var;
}

/* A counting loop `for (i = a; i < b; i += c)` whose body neither changes i nor exits early
 * keeps its for form with var = i: the backward sweep recomputes i from the trip count
 * instead of taping it, and a checkpointed loop replays its steps by index. */
static Stmt *normalize_counting(Normalizer *nz, Stmt *s, Var *index) {
    Stmt *copy = stmt_renewed(nz->fn, s);
    copy->var = index;
    copy->init = s->init ? normalize(nz, s->init, false) : NULL;
    nz->loop_depth++;
    copy->then = normalize_block(nz, s->then, false);
    nz->loop_depth--;
    return copy;
}

/* A loop whose body may exit early: flags enter its condition, the step is guarded. */
static Stmt *normalize_loop(Normalizer *nz, Stmt *s) {
    Exits x = {0};
    scan_exits(s->then, &x, false);
    Var *index = loop_index(s);
    bool counting = index && !stmt_assigns(s->then, index) && !x.ret && !x.brk && !x.cont;
    if (s->checkpoint && !counting) {
        error_at(s->loc, "ADC_CHECKPOINT needs a loop `for (i = a; i < b; i++)` whose body does not "
                 "change i and has no break, continue or return");
        nz->errors++;
        return stmt_new(nz->fn, ST_BLOCK, s->loc);
    }
    if (counting)
        return normalize_counting(nz, s, index);
    Loop loop = {x.brk ? new_flag(nz, ir_format("break_%d", s->id), s->loc) : NULL,
                 x.cont ? new_flag(nz, ir_format("continue_%d", s->id), s->loc) : NULL};
    Loop *outer = nz->loop;
    nz->loop = &loop;
    if (x.ret && !nz->returned)
        nz->returned = new_flag(nz, "returned", s->loc);
    nz->loop_depth++;
    Stmt *body = normalize_block(nz, s->then, false);
    nz->loop_depth--;
    nz->loop = outer;
    Stmt *out = stmt_new(nz->fn, ST_BLOCK, s->loc);
    Stmt *copy = stmt_new(nz->fn, s->kind == ST_DO ? ST_DO : ST_WHILE, s->loc);
    copy->then = stmt_new(nz->fn, ST_BLOCK, s->loc);
    if (s->init)
        block_append(out, normalize(nz, s->init, false));
    if (loop.brk)
        block_append(out, set_flag(nz, loop.brk, "0", s->loc));
    if (loop.cont)
        block_append(copy->then, set_flag(nz, loop.cont, "0", s->loc));
    block_append(copy->then, body);
    if (s->step) {
        Exits stop = {x.ret, x.brk, false};
        Expr *skip = any_flag(nz, &loop, &stop, s->loc);
        Stmt *step = normalize(nz, s->step, false);
        if (skip) {
            Stmt *guard = stmt_new(nz->fn, ST_IF, s->loc);
            guard->cond = negate(nz, skip);
            guard->then = step;
            step = guard;
        }
        block_append(copy->then, step);
    }
    Exits stop = {x.ret, x.brk, false};
    Expr *skip = any_flag(nz, &loop, &stop, s->loc);
    Expr *cond = s->cond ? s->cond : number(nz->int_type, "1", s->loc);
    copy->cond = skip ? expr_binary(OP_LAND, negate(nz, skip), cond, nz->int_type) : cond;
    block_append(out, copy);
    return out;
}

/* last: s ends the function (a block's last statement then does too). */
static Stmt *rebuild(Normalizer *nz, Stmt *s, bool last) {
    Stmt *copy = stmt_renewed(nz->fn, s);
    if (s->kind == ST_BLOCK)
        return normalize_block(nz, s, last);
    copy->then = s->then ? normalize_block(nz, s->then, false) : NULL;
    copy->els = s->els ? normalize_block(nz, s->els, false) : NULL;
    return copy;
}

static bool same_lvalue(const Expr *a, const Expr *b) {
    return a->kind == b->kind && a->type->kind == b->type->kind && strcmp(expr_text(a), expr_text(b)) == 0;
}

/* `x = x + e`, `x = e + x` and `x = x - e` as `x += e` and `x -= e`, for arithmetic x and an
 * e that does not mention x's variable; else s itself. */
static Stmt *accumulation(Normalizer *nz, Stmt *s) {
    const Expr *rhs = s->rhs;
    Var *target = expr_root_var(s->lhs);
    if (s->op != OP_NONE || rhs->kind != EX_BINARY || (rhs->op != OP_ADD && rhs->op != OP_SUB) || !target ||
        (!type_is_floating(s->lhs->type) && s->lhs->type->kind != TY_INT) || rhs->type->kind != s->lhs->type->kind)
        return s;
    Expr *increment = same_lvalue(rhs->lhs, s->lhs) ? rhs->rhs
                      : rhs->op == OP_ADD && same_lvalue(rhs->rhs, s->lhs) ? rhs->lhs : NULL;
    if (!increment || expr_mentions(increment, target))
        return s;
    Stmt *copy = stmt_renewed(nz->fn, s);
    copy->op = rhs->op;
    copy->rhs = increment;
    return copy;
}

/* The position of an array in fn->switched. */
static Expr *position(Normalizer *nz, const Var *array, SrcLoc loc) {
    int at = 0;
    while (at < nz->fn->nswitched && nz->fn->switched[at] != array)
        at++;
    return number(nz->int_type, ir_format("%d", at), loc);
}

/* The position in fn->switched of the array e points into, as an int expression. */
static Expr *which_of(Normalizer *nz, const Expr *e) {
    switch (e->kind) {
    case EX_VAR:
        if (e->var->which)
            return expr_var(e->var->which, e->loc);
        return position(nz, e->var->nroots == 1 ? e->var->roots[0] : e->var, e->loc);
    case EX_COND: {
        Expr *choice = expr_new(EX_COND, nz->int_type, e->loc);
        choice->cond = e->cond;
        choice->lhs = which_of(nz, e->lhs);
        choice->rhs = which_of(nz, e->rhs);
        return choice;
    }
    case EX_BINARY: /* pointer arithmetic: the pointer side */
        return which_of(nz, e->lhs->type->kind == TY_PTR || e->lhs->type->kind == TY_ARRAY ? e->lhs : e->rhs);
    case EX_CAST: case EX_INDEX:
        return which_of(nz, e->lhs);
    case EX_ADDR:
        return which_of(nz, e->lhs->lhs);
    default: /* a null pointer */
        return number(nz->int_type, "0", e->loc);
    }
}

/* After an assignment of a switched pointer, which array it points into now (Var.which). */
static Stmt *track_switch(Normalizer *nz, const Stmt *s, Stmt *out) {
    Var *p = s->kind == ST_DECL ? s->var : s->lhs->kind == EX_VAR && s->op == OP_NONE ? s->lhs->var : NULL;
    if (!p || !p->which || !s->rhs)
        return out;
    Stmt *block = stmt_new(nz->fn, ST_BLOCK, s->loc);
    block_append(block, out);
    block_append(block, assign_stmt(nz->fn, expr_var(p->which, s->loc), which_of(nz, s->rhs), s->loc));
    return block;
}

/* Whether variables a and b may hold the same storage: one variable, pointers (or a pointer
 * and an array) that may point into the same array (Var.roots, pointer_check.c), or parameters
 * some call gives overlapping memory (overlap.c). */
static bool vars_may_share(const Var *a, const Var *b) {
    if (a->kind == VAR_PARAM && b->kind == VAR_PARAM && (a->may_overlap || b->may_overlap))
        return true;
    for (int i = -1; i < a->nroots; i++)
        for (int k = -1; k < b->nroots; k++)
            if ((i < 0 ? a : a->roots[i]) == (k < 0 ? b : b->roots[k]))
                return true;
    return false;
}

/* The class of value a store or a read of type t touches: C keeps a store of one class from
 * changing a read of another (floating, integer, pointer and the rest). */
static int value_class(const Type *t) {
    return type_is_floating(t) ? 1 : t->kind == TY_INT ? 2 : 3;
}

typedef struct Store {
    const Type *type;   /* of the stored value */
    const Var *root;    /* the variable the lvalue starts from (NULL: none) */
} Store;

/* Whether e is a read (an element, a dereference) that may see what the store changes: a value
 * of its class, through a variable that may share storage with the store's. A member read
 * (s->n) is not: adc takes no pointer member to point into its own struct. */
static FindVerdict reads_stored(const Expr *e, const void *store) {
    const Store *st = store;
    if ((e->kind != EX_INDEX && e->kind != EX_DEREF) || value_class(e->type) != value_class(st->type))
        return FIND_INSIDE;
    const Var *root = expr_root_var(e);
    return !root || !st->root || vars_may_share(root, st->root) ? FIND_FOUND : FIND_INSIDE;
}

/* e, or a new local assigned e in *block (made with the first one) when e reads what the store
 * changes. */
static Expr *fixed_part(Normalizer *nz, Expr *e, const Store *st, Stmt **block) {
    if (!expr_find(e, reads_stored, st))
        return e;
    return func_local_holding(nz->fn, "index", e, nz->loop_depth == 0, block);
}

/* e, a part of an address that fixed_address does not take apart (chosen by ?:, returned by a
 * call): refused if it reads what the store changes. */
static Expr *checked_part(Normalizer *nz, Expr *e, const Store *st) {
    if (expr_find(e, reads_stored, st)) {
        error_at(e->loc, "this store's address depends on what the store may change: in reverse mode adc "
                 "could not find the element again; compute the address into a local first");
        nz->errors++;
    }
    return e;
}

/* lvalue e with its indices (t2[k]) and the offsets of the pointers it goes through (*(p + k))
 * computed first where they read what the store changes. */
static Expr *fixed_address(Normalizer *nz, Expr *e, const Store *st, Stmt **block) {
    Expr *lhs = e->lhs, *rhs = e->rhs;
    switch (e->kind) {
    case EX_INDEX: lhs = fixed_address(nz, e->lhs, st, block), rhs = fixed_part(nz, e->rhs, st, block); break;
    case EX_MEMBER: case EX_DEREF: case EX_CAST: lhs = fixed_address(nz, e->lhs, st, block); break;
    case EX_VAR:
        return e;
    case EX_BINARY: /* pointer arithmetic */
        if (e->op != OP_ADD && e->op != OP_SUB)
            return checked_part(nz, e, st);
        if (e->lhs->type->kind == TY_PTR || e->lhs->type->kind == TY_ARRAY)
            lhs = fixed_address(nz, e->lhs, st, block), rhs = fixed_part(nz, e->rhs, st, block);
        else
            lhs = fixed_part(nz, e->lhs, st, block), rhs = fixed_address(nz, e->rhs, st, block);
        break;
    default:
        return checked_part(nz, e, st);
    }
    return expr_with_operands(e, lhs, rhs);
}

/* Argument arg of a call with what it reads that the callee may change through the pointer of
 * store computed first: the index or offset of an address (&t[k], t + k), a whole value (the
 * backward sweep evaluates the arguments again while what the call wrote is still in place). */
static Expr *fixed_argument(Normalizer *nz, Expr *arg, const Store *st, Stmt **block) {
    if (arg->type->kind != TY_PTR)
        return fixed_part(nz, arg, st, block);
    if (arg->kind != EX_ADDR)
        return fixed_address(nz, arg, st, block);
    return expr_with_operands(arg, fixed_address(nz, arg->lhs, st, block), arg->rhs);
}

/* A call of a function of the program with its arguments fixed (fixed_argument) against each
 * pointer argument the callee may write through; call itself when none changes. */
static Expr *fixed_call(Normalizer *nz, Expr *call, Stmt **block) {
    if (!call || call->kind != EX_CALL || !call->callee)
        return call;
    Expr **args = call->args;
    for (int w = 0; w < call->nargs; w++) {
        const Type *t = call->args[w]->type;
        if (t->kind != TY_PTR || !type_target_writable(t))
            continue;
        Store st = {t->base, expr_root_var(call->args[w])};
        for (int i = 0; i < call->nargs; i++) {
            Expr *arg = fixed_argument(nz, args[i], &st, block);
            if (arg != args[i] && args == call->args) {
                args = ir_alloc(sizeof(Expr *) * (size_t)call->nargs);
                memcpy(args, call->args, sizeof(Expr *) * (size_t)call->nargs);
            }
            args[i] = arg;
        }
    }
    if (args == call->args)
        return call;
    Expr *copy = ir_alloc(sizeof *copy);
    *copy = *call;
    copy->args = args;
    return copy;
}

static Stmt *normalize_call(Normalizer *nz, Stmt *s, bool last) {
    Stmt *block = NULL;
    Expr *call = fixed_call(nz, s->rhs, &block);
    if (!block)
        return rebuild(nz, s, last);
    Stmt *copy = stmt_renewed(nz->fn, s);
    copy->rhs = call;
    block_append(block, copy);
    return block;
}

static Stmt *normalize_assign(Normalizer *nz, Stmt *s) {
    if (s->declares) /* a pointer member of a list moved to a store of its own (member_blocks.c) */
        s->first_def = nz->loop_depth == 0;
    if (s->lhs->type->kind == TY_STRUCT && s->op == OP_NONE && !(s->rhs->kind == EX_CALL && s->rhs->callee))
        return struct_copy(nz, s->lhs, s->rhs, s->loc);
    Stmt *block = NULL;
    Store st = {s->lhs->type, expr_root_var(s->lhs)};
    Expr *lhs = s->lhs->kind == EX_VAR ? s->lhs : fixed_address(nz, s->lhs, &st, &block);
    Expr *rhs = fixed_call(nz, s->rhs, &block);
    if (lhs != s->lhs || rhs != s->rhs) {
        s = stmt_renewed(nz->fn, s);
        s->lhs = lhs;
        s->rhs = rhs;
    }
    Stmt *out = track_switch(nz, s, hoist_factors(nz, accumulation(nz, s)));
    if (!block)
        return out;
    block_append(block, out);
    return block;
}

static Stmt *normalize(Normalizer *nz, Stmt *s, bool last) {
    switch (s->kind) {
    case ST_DECL: return track_switch(nz, s, declaration(nz, s));
    case ST_ASSIGN: return normalize_assign(nz, s);
    case ST_CALL: return normalize_call(nz, s, last);
    case ST_RETURN: return normalize_return(nz, s, last);
    case ST_BREAK: return set_flag(nz, nz->loop->brk, "1", s->loc);
    case ST_CONTINUE: return set_flag(nz, nz->loop->cont, "1", s->loc);
    case ST_FOR: case ST_WHILE: case ST_DO: return normalize_loop(nz, s);
    default: return rebuild(nz, s, last);
    }
}

/* ---- post-increments ----
 * `out[k++] = v;` is lowered to `int k_old = k; k++; out[k_old] = v;` (lower.c). In reverse
 * mode the copy k_old would be taped on every trip of a loop (each trip overwrites it, and the
 * backward sweep reads it); `out[k] = v; k++;` computes the same and the backward sweep undoes
 * the step instead (tbr_inverts). The same when k is a local integer whose address is never
 * taken (nothing but its own assignments changes it), the statement using the copy is a plain
 * assignment or call that does not mention k itself, and nothing else reads the copy. */


/* How many simple statements in s (and conditions of ifs and loops) mention v. */
static int statements_mentioning(const Stmt *s, const Var *v) {
    if (!s)
        return 0;
    if (s->kind == ST_ASSIGN || s->kind == ST_CALL || s->kind == ST_DECL || s->kind == ST_RETURN)
        return stmt_mentions(s, v);
    int n = expr_mentions(s->cond, v);
    for (int i = 0; i < s->nbody; i++)
        n += statements_mentioning(s->body[i], v);
    return n + statements_mentioning(s->init, v) + statements_mentioning(s->step, v) +
           statements_mentioning(s->then, v) + statements_mentioning(s->els, v);
}

/* e with each mention of variable from made one of to (copied where it changes: expressions
 * are shared with the original body). */
static Expr *replaced(Expr *e, const Var *from, Var *to) {
    if (!e || !expr_mentions(e, from))
        return e;
    Expr *copy = ir_alloc(sizeof *copy);
    *copy = *e;
    if (e->kind == EX_VAR) {
        copy->var = to;
        return copy;
    }
    copy->lhs = replaced(e->lhs, from, to);
    copy->rhs = replaced(e->rhs, from, to);
    copy->cond = replaced(e->cond, from, to);
    if (e->nargs) {
        copy->args = ir_alloc(sizeof(Expr *) * (size_t)e->nargs);
        for (int i = 0; i < e->nargs; i++)
            copy->args[i] = replaced(e->args[i], from, to);
    }
    return copy;
}

/* Whether d, s, u are `int x = k;`, a step `k += c` (c a literal) and a plain assignment or
 * call that reads x and does not mention k, for a k and an x as described above. */
static bool post_step(const Func *fn, Stmt *d, const Stmt *s, const Stmt *u) {
    const Stmt *def = stmt_unwrapped(d);
    if (s->kind != ST_ASSIGN || (s->op != OP_ADD && s->op != OP_SUB) || s->lhs->kind != EX_VAR ||
        s->rhs->kind != EX_NUM || !def || def->kind != ST_ASSIGN || !def->declares || def->op != OP_NONE ||
        def->lhs->kind != EX_VAR || def->rhs->kind != EX_VAR || (u->kind != ST_ASSIGN && u->kind != ST_CALL))
        return false;
    const Var *k = s->lhs->var, *x = def->lhs->var;
    return def->rhs->var == k && k->type->kind == TY_INT && k->kind != VAR_GLOBAL && x->kind == VAR_LOCAL &&
           x->type->kind == TY_INT && strcmp(x->type->name, k->type->name) == 0 && stmt_mentions(u, x) &&
           !stmt_mentions(u, k) && !stmt_takes_address(fn->body, k) && !stmt_takes_address(fn->body, x) &&
           statements_mentioning(fn->reverse_body, x) == 2; /* its definition and u */
}

/* In block b (built by normalization), each `int x = k; k += c; u;` as `u[x := k]; k += c;`,
 * the last first (`v[k++] = w[j++]` hoists two). */
static void sink_post_steps(const Func *fn, Stmt *b) {
    for (int i = b->nbody - 3; i >= 0; i--) {
        Stmt *step = b->body[i + 1], *use = b->body[i + 2];
        if (!post_step(fn, b->body[i], step, use))
            continue;
        const Var *copy = stmt_unwrapped(b->body[i])->lhs->var;
        Stmt *moved = stmt_new((Func *)fn, use->kind, use->loc);
        int id = moved->id;
        *moved = *use;
        moved->id = id;
        moved->lhs = replaced(use->lhs, copy, step->lhs->var);
        moved->rhs = replaced(use->rhs, copy, step->lhs->var);
        b->body[i] = moved;
        b->body[i + 1] = step;
        memmove(b->body + i + 2, b->body + i + 3, sizeof(Stmt *) * (size_t)(b->nbody - i - 3));
        b->nbody--;
    }
}

/* sink_post_steps in every block of s. */
static void sink_all_post_steps(const Func *fn, Stmt *s) {
    if (!s)
        return;
    if (s->kind == ST_BLOCK)
        sink_post_steps(fn, s);
    for (int i = 0; i < s->nbody; i++)
        sink_all_post_steps(fn, s->body[i]);
    sink_all_post_steps(fn, s->init);
    sink_all_post_steps(fn, s->step);
    sink_all_post_steps(fn, s->then);
    sink_all_post_steps(fn, s->els);
}

int normalize_for_reverse(Func *fn) {
    if (fn->reverse_body)
        return 0;
    Normalizer nz = {.fn = fn, .int_type = type_int()};
    if (fn->ret->kind != TY_VOID)
        fn->result = func_add_var(fn, func_new_name(fn, ir_format("%s_result", fn->name)), fn->ret, VAR_LOCAL, fn->loc);
    fn->reverse_body = normalize_block(&nz, fn->body, true);
    sink_all_post_steps(fn, fn->reverse_body);
    for (int i = 0; i < fn->nparams; i++) {
        Var *p = fn->params[i];
        if (p->type->kind == TY_PTR && stmt_assigns_itself(fn->body, p))
            p->entry = func_add_var(fn, func_new_name(fn, ir_format("%s_entry", p->name)), p->type, VAR_LOCAL, p->loc);
        if (p->which) { /* a switched parameter starts in its own array */
            Stmt *start = assign_stmt(fn, expr_var(p->which, p->loc), position(&nz, p, p->loc), p->loc);
            start->first_def = true;
            block_append(fn->reverse_body, start);
            memmove(fn->reverse_body->body + 1, fn->reverse_body->body, sizeof(Stmt *) * (size_t)(fn->reverse_body->nbody - 1));
            fn->reverse_body->body[0] = start;
        }
    }
    return nz.errors;
}
