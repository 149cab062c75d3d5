/* member_blocks.c: a local struct whose members point to floating data, the system state of
 * molecular-dynamics codes (ljmd-c: `mdsys_t sys; sys.rx = malloc(...); ... force(&sys);`).
 * adc follows it when each such member is assigned once, outside loops, either a new heap
 * block (malloc, calloc, aligned_alloc) or an array that stays in place: a pointer parameter
 * the function never moves, a local array, or a local pointer assigned one allocation; and
 * never re-pointed.
 * Its shadow is a struct of the same type whose members point to the arrays' shadows (as for
 * a struct parameter). A heap member gets a heap pointer of its own: `s.x = malloc(n)` becomes
 * `s_x = malloc(n); s.x = s_x;` (s_x a fresh name, declared with s), and `free(s.x)` becomes
 * `free(s_x)`, so that the heap machinery allocates, tapes and frees its shadow block; the
 * modes then set the shadow member (tangent: s_d.x = s_x_d; reverse: s_b.x = s_x_b at the
 * start of the backward sweep). Members swapped between heap blocks: below. Anything else is
 * refused here. */
#include <string.h>
#include "diag.h"
#include "member_blocks.h"

typedef struct Store {
    Stmt **slot;        /* where `s.m = value;` is */
    const char *member;
    int loops;          /* loops around it */
    bool null;          /* value is null: no array */
} Store;

typedef struct Local {
    Func *fn;
    Var *s;
    Stmt **decl;        /* where s is declared */
    Stmt *decls;        /* a group right after it: the declarations of its own heap pointers */
    Store *stores;
    int nstores;
    const void **visiting; /* members (their Field) and locals heap_source is deciding */
    int nvisiting;
    int errors;
} Local;

static void refuse(Local *l, SrcLoc loc, const char *what) {
    error_at(loc, "%s is not supported: adc follows a member of a local struct pointing to floating data only "
             "when it is assigned once, outside loops, a new heap block (malloc, calloc, aligned_alloc), a "
             "local array or a pointer parameter the function never moves, or only heap blocks (buffers swapped through it), and '&%s' is "
             "only passed to functions", what, l->s->name);
    l->errors++;
}

/* Whether e is member m (any, for NULL) of s, pointing to floating data: s.m, not s->m. */
static bool pointer_member(const Local *l, const Expr *e, const char *m) {
    return e && e->kind == EX_MEMBER && !e->arrow && e->lhs->kind == EX_VAR && e->lhs->var == l->s &&
           e->type->kind == TY_PTR && type_has_floating(e->type) && (!m || strcmp(e->text, m) == 0);
}

/* Whether e takes s's address other than as a whole argument of a user function or of the tape
 * (`force(&s)`: the callee cannot re-point the members, pointer_check.c), or a member's. */
static bool stray_address(const Local *l, const Expr *e, bool argument) {
    if (!e)
        return false;
    if (e->kind == EX_ADDR && ((e->lhs->kind == EX_VAR && e->lhs->var == l->s && !argument) ||
                               pointer_member(l, e->lhs, NULL)))
        return true;
    bool passes = e->kind == EX_CALL && (e->callee || e->tape_op != TAPE_NONE);
    for (int i = 0; i < e->nargs; i++)
        if (stray_address(l, e->args[i], passes))
            return true;
    return stray_address(l, e->lhs, false) || stray_address(l, e->rhs, false) || stray_address(l, e->cond, false);
}

/* Collects the member stores of s, refusing other writes of s. */
static void find_stores(Local *l, Stmt **slot, int loops) {
    Stmt *st = *slot;
    if (!st)
        return;
    if (st->kind == ST_ASSIGN && pointer_member(l, st->lhs, NULL)) {
        if (st->op != OP_NONE)
            refuse(l, st->loc, ir_format("moving '%s.%s'", l->s->name, st->lhs->text));
        else /* null: no array, no shadow (reverse normal form's `s.x = 0;`), unless m is swapped */
            IR_APPEND(l->stores, l->nstores, (Store){slot, st->lhs->text, loops, expr_is_null(st->rhs)});
    } else if (st->kind == ST_ASSIGN && st->lhs->kind == EX_VAR && st->lhs->var == l->s) {
        refuse(l, st->loc, ir_format("assigning '%s' a whole struct", l->s->name));
    }
    if (stray_address(l, st->lhs, false) || stray_address(l, st->rhs, false) || stray_address(l, st->cond, false))
        refuse(l, st->loc, ir_format("taking the address of '%s' or of its member other than to pass '&%s' to a "
                                     "function", l->s->name, l->s->name));
    for (int i = 0; i < st->nbody; i++)
        find_stores(l, &st->body[i], loops);
    bool loop = st->kind == ST_FOR || st->kind == ST_WHILE || st->kind == ST_DO;
    find_stores(l, &st->init, loops);
    find_stores(l, &st->step, loops + loop);
    find_stores(l, &st->then, loops + loop);
    find_stores(l, &st->els, loops);
}

/* Counts the assignments of v in st: *blocks those of a new heap block (not realloc), *others
 * those of anything but a block or null. */
static void count_assignments(const Stmt *st, const Var *v, int *blocks, int *others) {
    if (!st)
        return;
    if ((st->kind == ST_DECL && st->var == v && st->rhs) ||
        (st->kind == ST_ASSIGN && st->lhs->kind == EX_VAR && st->lhs->var == v)) {
        if (st->kind == ST_ASSIGN && st->op != OP_NONE)
            (*others)++;
        else if (expr_heap_call(st->rhs) && !expr_is_realloc(st->rhs))
            (*blocks)++;
        else if (!expr_is_null(st->rhs))
            (*others)++;
    }
    for (int i = 0; i < st->nbody; i++)
        count_assignments(st->body[i], v, blocks, others);
    count_assignments(st->init, v, blocks, others);
    count_assignments(st->step, v, blocks, others);
    count_assignments(st->then, v, blocks, others);
    count_assignments(st->els, v, blocks, others);
}

static FindVerdict addresses_pointer(const Expr *e, const void *v) {
    return e->kind == EX_ADDR && e->lhs->kind == EX_VAR && e->lhs->var == v ? FIND_FOUND : FIND_INSIDE;
}

/* Whether the array value designates stays where it is while the function runs: a pointer
 * parameter never assigned, a local pointer assigned one new heap block (and null), a local
 * array (each sweep of reverse mode has its own: the backward sweep points the member back to
 * its copy, adjoint.c's member_shadows). */
static bool fixed_array(const Local *l, const Expr *value) {
    while (value->kind == EX_CAST)
        value = value->lhs;
    if (value->kind != EX_VAR || value->var->kind == VAR_GLOBAL || !type_has_floating(value->type))
        return false;
    const Var *v = value->var;
    if (v->type->kind == TY_ARRAY)
        return v->kind == VAR_LOCAL && !v->is_static_const;
    if (v->type->kind != TY_PTR)
        return false;
    int blocks = 0, others = 0;
    count_assignments(l->fn->body, v, &blocks, &others);
    if (stmt_find_expr(l->fn->body, addresses_pointer, v) || others > 0) /* &v, not &v[k], may move it */
        return false;
    return v->kind == VAR_PARAM ? blocks == 0 : blocks == 1;
}

/* The heap pointer of member m, declared with s: s_m (a fresh name). */
static Var *own_pointer(Local *l, const char *m, Type *type, SrcLoc loc) {
    Var *p = func_add_var(l->fn, func_new_var_name(l->fn, ir_format("%s_%s", l->s->name, m)), type, VAR_LOCAL, loc);
    Stmt *decl = stmt_new(l->fn, ST_DECL, loc);
    decl->var = p;
    block_append(l->decls, decl);
    return p;
}

/* `s.m = value;` becomes `p = value; s.m = p;`. */
static void store_through(Local *l, const Store *st, Var *p) {
    Stmt *store = *st->slot, *assign = stmt_new(l->fn, ST_ASSIGN, store->loc);
    assign->lhs = expr_var(p, store->loc);
    assign->rhs = store->rhs;
    store->rhs = expr_var(p, store->loc);
    Stmt *group = stmt_new(l->fn, ST_BLOCK, store->loc);
    block_append(group, assign);
    block_append(group, store);
    *st->slot = group;
}

/* `free(s.m)` becomes free(p), p the heap pointer of member m (NULL: m holds an array). */
static void own_frees(Local *l, Stmt *st, const char *member, Var *p) {
    if (!st)
        return;
    Expr *call = st->kind == ST_CALL ? st->rhs : NULL, *arg = expr_free_argument(call);
    if (arg) {
        while (arg->kind == EX_CAST)
            arg = arg->lhs;
        if (pointer_member(l, arg, member) && !p)
            refuse(l, call->loc, ir_format("freeing '%s.%s', which points to an array this function did not "
                                           "allocate,", l->s->name, member));
        else if (pointer_member(l, arg, member))
            call->args[0] = expr_var(p, arg->loc);
    }
    for (int i = 0; i < st->nbody; i++)
        own_frees(l, st->body[i], member, p);
    own_frees(l, st->init, member, p);
    own_frees(l, st->step, member, p);
    own_frees(l, st->then, member, p);
    own_frees(l, st->els, member, p);
}

/* ---- swapped members ----
 * A member stored more than once or in a loop, buffers swapped through a struct (`double *t =
 * g.u; g.u = g.unew; g.unew = t;`), is followed when every value it receives is a heap block:
 * a new block (an allocation, a helper's), a member of s holding heap blocks, or a local pointer assigned only those (or
 * null). Its heap pointer s_m then takes each store (`g_u = g_unew; g.u = g_u;`) and each read
 * of the member (`g_u[i]`, `double *t = g_u;`), so that the heap machinery moves the shadow
 * blocks with the pointers as in a swap of local heap pointers. */

static bool heap_source(Local *l, const Expr *e);

/* Whether l is deciding key (a member's Field or a local): a cycle of copies holds heap blocks
 * when its other values do. */
static bool visiting(const Local *l, const void *key) {
    for (int i = 0; i < l->nvisiting; i++)
        if (l->visiting[i] == key)
            return true;
    return false;
}

/* Whether every value v receives in st is null or a heap source. */
static bool heap_values(Local *l, const Stmt *st, const Var *v) {
    if (!st)
        return true;
    const Expr *value = (st->kind == ST_DECL && st->var == v) ||
                        (st->kind == ST_ASSIGN && st->lhs->kind == EX_VAR && st->lhs->var == v) ? st->rhs : NULL;
    if (value && ((st->kind == ST_ASSIGN && st->op != OP_NONE) || (!expr_is_null(value) && !heap_source(l, value))))
        return false;
    for (int i = 0; i < st->nbody; i++)
        if (!heap_values(l, st->body[i], v))
            return false;
    return heap_values(l, st->init, v) && heap_values(l, st->step, v) && heap_values(l, st->then, v) &&
           heap_values(l, st->els, v);
}

/* Whether every store of member m is null or a heap source, and one is not null. */
static bool member_holds_blocks(Local *l, const char *m) {
    const Field *f = type_field(l->s->type, m);
    if (visiting(l, f))
        return true;
    IR_APPEND(l->visiting, l->nvisiting, f);
    bool blocks = false, others = false;
    for (int i = 0; i < l->nstores; i++)
        if (strcmp(l->stores[i].member, m) == 0 && !l->stores[i].null) {
            blocks = true;
            others |= !heap_source(l, (*l->stores[i].slot)->rhs);
        }
    l->nvisiting--;
    return blocks && !others;
}

static bool heap_source(Local *l, const Expr *e) {
    const Expr *block = expr_heap_call(e); /* also a helper's new block, and adc's tape in second order */
    if (block)
        return !expr_is_realloc(block);
    while (e->kind == EX_CAST)
        e = e->lhs;
    if (pointer_member(l, e, NULL))
        return member_holds_blocks(l, e->text);
    const Var *v = e->kind == EX_VAR ? e->var : NULL;
    if (!v || v->kind != VAR_LOCAL || v->type->kind != TY_PTR || stmt_takes_address(l->fn->body, v))
        return false;
    if (visiting(l, v))
        return true;
    IR_APPEND(l->visiting, l->nvisiting, v);
    bool blocks = heap_values(l, l->fn->body, v);
    l->nvisiting--;
    return blocks;
}

/* The array every store of member m gives it, when they all give the same array that stays in
 * place (a struct declared in a loop body, `sys_t s = {n, x, m, y};`: each pass gives the
 * members the same arrays again), or NULL. */
static const Var *same_fixed_array(const Local *l, const char *m) {
    const Var *array = NULL;
    for (int i = 0; i < l->nstores; i++) {
        if (strcmp(l->stores[i].member, m) != 0 || l->stores[i].null)
            continue;
        const Expr *value = expr_without_casts((*l->stores[i].slot)->rhs);
        if (value->kind != EX_VAR || (array && value->var != array) || !fixed_array(l, value))
            return NULL;
        array = value->var;
    }
    return array;
}

/* Whether member m is stored twice or in a loop. */
static bool stored_again(const Local *l, const char *m) {
    int stores = 0;
    for (int i = 0; i < l->nstores; i++)
        if (strcmp(l->stores[i].member, m) == 0 && !l->stores[i].null)
            stores += 1 + (l->stores[i].loops > 0);
    return stores > 1;
}

/* Whether member m is given an array that stays in place at each store, not always the same,
 * in the second stage (tangent only, second.c): adc's backward sweep pointing a shadow member
 * to the shadow of the block a callee left the member (`if (g.u == a) g_b.u = a_b; else ...`,
 * adjoint_swaps.c). Tangent mode sets the shadow member at each store (g_b_d.u = a_b_d); the
 * member is read through the struct. */
static bool switched_in_place(const Local *l, const char *m) {
    if (!l->fn->prog || !l->fn->prog->tangent_only || same_fixed_array(l, m))
        return false;
    for (int i = 0; i < l->nstores; i++)
        if (strcmp(l->stores[i].member, m) == 0 && !l->stores[i].null && !fixed_array(l, (*l->stores[i].slot)->rhs))
            return false;
    return true;
}

/* Whether member m is swapped: stored again, other than with arrays in place (above). */
static bool swapped(const Local *l, const char *m) {
    return stored_again(l, m) && !same_fixed_array(l, m) && !switched_in_place(l, m);
}

/* Replaces each read of a member m with its heap pointer owner[m] (NULL: kept) in e. */
static void read_owners(Local *l, Expr **e, Var **owner) {
    if (!*e)
        return;
    if (pointer_member(l, *e, NULL)) {
        int f = (int)(type_field(l->s->type, (*e)->text) - l->s->type->fields);
        if (owner[f])
            *e = expr_var(owner[f], (*e)->loc);
        return;
    }
    read_owners(l, &(*e)->lhs, owner);
    read_owners(l, &(*e)->rhs, owner);
    read_owners(l, &(*e)->cond, owner);
    for (int i = 0; i < (*e)->nargs; i++)
        read_owners(l, &(*e)->args[i], owner);
}

static void read_owners_in(Local *l, Stmt *st, Var **owner) {
    if (!st)
        return;
    if (!(st->kind == ST_ASSIGN && pointer_member(l, st->lhs, NULL)))
        read_owners(l, &st->lhs, owner);
    read_owners(l, &st->rhs, owner);
    read_owners(l, &st->cond, owner);
    for (int i = 0; i < st->nbody; i++)
        read_owners_in(l, st->body[i], owner);
    read_owners_in(l, st->init, owner);
    read_owners_in(l, st->step, owner);
    read_owners_in(l, st->then, owner);
    read_owners_in(l, st->els, owner);
}

/* The first store of member m that gives it something other than a heap block, or NULL. */
static const Stmt *other_than_block(Local *l, const char *m) {
    for (int i = 0; i < l->nstores; i++)
        if (strcmp(l->stores[i].member, m) == 0 && !l->stores[i].null && !heap_source(l, (*l->stores[i].slot)->rhs))
            return *l->stores[i].slot;
    return NULL;
}

/* When a member of s is swapped: gives each member holding heap blocks its heap pointer, which
 * takes the member's reads and stores (null ones too), and returns them by field (NULL: none
 * swapped); refuses a swapped member given anything else. */
static Var **follow_swaps(Local *l) {
    const Type *t = l->s->type;
    bool swaps = false;
    for (int f = 0; f < t->nfields; f++)
        swaps |= swapped(l, t->fields[f].name);
    if (!swaps)
        return NULL;
    Var **owner = ir_alloc(sizeof(Var *) * (size_t)t->nfields);
    for (int f = 0; f < t->nfields; f++) {
        const char *m = t->fields[f].name;
        if (member_holds_blocks(l, m))
            owner[f] = own_pointer(l, m, t->fields[f].type, l->s->loc);
        else if (swapped(l, m))
            refuse(l, other_than_block(l, m)->loc, ir_format("swapping '%s.%s' between arrays other than heap "
                                                             "blocks", l->s->name, m));
    }
    read_owners_in(l, l->fn->body, owner);
    for (int i = 0; i < l->nstores; i++) {
        Var *p = owner[type_field(t, l->stores[i].member) - t->fields];
        if (p) {
            p->member_of = l->s;
            p->member = l->stores[i].member;
            store_through(l, &l->stores[i], p);
        }
    }
    return owner;
}

/* A function given &s that re-points its members (a step function swapping a grid's buffers,
 * pointer_check.c) moves them behind this function's back: its shadow struct's members move in
 * lockstep, but a member this function swaps, gives a pointer parameter, a local array or a new
 * block is read or freed through a name of its own (follow_swaps, follow_members) that would no
 * longer be the member's: refused. A member given a local pointer's block (freed through that
 * pointer) is read through s itself. */
static void check_repointed(Local *l) {
    const Expr *call = stmt_call_repointing(l->fn->body, l->s);
    for (int i = 0; call && i < l->nstores; i++) {
        const Expr *value = expr_without_casts((*l->stores[i].slot)->rhs);
        const char *m = l->stores[i].member;
        bool named = value->kind == EX_VAR && (value->var->kind == VAR_PARAM || value->var->type->kind == TY_ARRAY);
        if (l->stores[i].null || !(swapped(l, m) || expr_allocation(value) || expr_heap_call(value) || named))
            continue;
        error_at((*l->stores[i].slot)->loc, "'%s.%s' %s, while %s re-points the members of '&%s' it is given, is "
                 "not supported: adc reads and frees such a member through a pointer of its own, which the call "
                 "would leave behind; give the member a local pointer's block (double *a = malloc(...); %s.%s = "
                 "a; ... free(a);) and swap it only in the function", l->s->name, m,
                 swapped(l, m) ? "swapped here" : !named ? "given a new block"
                 : value->var->kind == VAR_PARAM ? "given a pointer parameter" : "given a local array",
                 call_spelling(call), l->s->name, l->s->name, m);
        l->errors++;
    }
}

/* Checks the stores of each member and gives the heap ones pointers of their own. A member
 * given a pointer parameter is that parameter wherever the function reads it (`s.y[k]` is
 * `y[k]`): one name for the array, which the function may also use by its own (difftest seed
 * 1100110: a write through s.y[0] the analyses took for another array than y). */
static void follow_members(Local *l) {
    const Type *t = l->s->type;
    Var **owner = follow_swaps(l), **param = ir_alloc(sizeof(Var *) * (size_t)(t->nfields + 1));
    bool params = false;
    for (int f = 0; f < t->nfields && !l->errors; f++) {
        const char *m = t->fields[f].name;
        const Store *store = NULL;
        for (int i = 0; i < l->nstores; i++)
            if (strcmp(l->stores[i].member, m) == 0 && !l->stores[i].null)
                store = &l->stores[i];
        if (!store || (owner && owner[f]) || switched_in_place(l, m))
            continue;
        const Expr *value = (*store->slot)->rhs, *alloc = expr_allocation(value);
        Var *p = alloc && !expr_is_realloc(alloc) ? own_pointer(l, m, t->fields[f].type, (*store->slot)->loc) : NULL;
        if (alloc && expr_is_realloc(alloc))
            refuse(l, alloc->loc, ir_format("'realloc' of '%s.%s'", l->s->name, m));
        else if (!alloc && !fixed_array(l, value))
            refuse(l, value->loc, ir_format("assigning '%s.%s' other than a new heap block, a local array or a "
                                            "pointer parameter", l->s->name, m));
        else if (p)
            store_through(l, store, p);
        own_frees(l, l->fn->body, m, p);
        const Expr *bare = value;
        while (bare->kind == EX_CAST)
            bare = bare->lhs;
        if (!alloc && bare->kind == EX_VAR && (bare->var->kind == VAR_PARAM || bare->var->type->kind == TY_ARRAY)) {
            param[f] = bare->var;
            params = true;
        }
        if (stored_again(l, m)) /* the one array again: its stores save nothing (tbr.c) */
            IR_APPEND(l->s->one_array, l->s->n_one_array, m);
    }
    if (params && !l->errors)
        read_owners_in(l, l->fn->body, param);
}

/* The declaration of s becomes a group: itself, the declarations of its heap pointers (l->decls),
 * and the pointers of its initializer list (`sys_t s = {n, x, v};`) moved to member stores
 * (`s.x = x;`). */
static bool split_declaration(Local *l) {
    Stmt *decl = *l->decl, *group = stmt_new(l->fn, ST_BLOCK, decl->loc);
    if (decl->rhs && decl->rhs->kind != EX_INITLIST) {
        refuse(l, decl->loc, ir_format("initializing '%s' from another struct", l->s->name));
        return false;
    }
    l->decls = stmt_new(l->fn, ST_BLOCK, decl->loc);
    block_append(group, decl);
    block_append(group, l->decls);
    for (int i = 0; decl->rhs && i < decl->rhs->nargs && i < l->s->type->nfields; i++) {
        Expr *item = decl->rhs->args[i];
        const Field *f = &l->s->type->fields[i];
        if (f->type->kind != TY_PTR || !type_has_floating(f->type) || expr_is_null(item))
            continue;
        Stmt *store = stmt_new(l->fn, ST_ASSIGN, item->loc);
        store->lhs = expr_new(EX_MEMBER, f->type, item->loc);
        store->lhs->text = f->name;
        store->lhs->lhs = expr_var(l->s, decl->loc);
        store->rhs = item;
        store->declares = true; /* the member's first value, as the list's (normalize.c) */
        decl->rhs->args[i] = expr_int(0, item->loc);
        block_append(group, store);
    }
    *l->decl = group;
    return true;
}

static Stmt **find_decl(Stmt **slot, const Var *v) {
    Stmt *st = *slot;
    if (!st)
        return NULL;
    if (st->kind == ST_DECL && st->var == v)
        return slot;
    Stmt **found = NULL;
    for (int i = 0; !found && i < st->nbody; i++)
        found = find_decl(&st->body[i], v);
    Stmt **const parts[] = {&st->init, &st->step, &st->then, &st->els};
    for (int i = 0; !found && i < 4; i++)
        found = find_decl(parts[i], v);
    return found;
}

/* A struct member other than a pointer holding pointers to floating data (a nested struct):
 * its members are not followed. */
static const Field *nested_pointers(const Type *t) {
    for (int i = 0; i < t->nfields; i++)
        if (t->fields[i].type->kind != TY_PTR && type_field_pointing_to_floating(t->fields[i].type))
            return &t->fields[i];
    return NULL;
}

int member_blocks(Func *fn) {
    int errors = 0;
    for (int i = 0; i < fn->nvars; i++) {
        Local l = {.fn = fn, .s = fn->vars[i]};
        if (l.s->kind != VAR_LOCAL || l.s->type->kind != TY_STRUCT || !type_field_pointing_to_floating(l.s->type) ||
            !(l.decl = find_decl(&fn->body, l.s)))
            continue;
        if (nested_pointers(l.s->type)) {
            error_at(l.s->loc, "'%s', a local struct whose member '%s' holds pointers to floating data in a struct "
                     "of its own, is not supported: adc follows the pointer members of a local struct, not those "
                     "of its members; move the inner struct's pointers into the struct itself", l.s->name,
                     nested_pointers(l.s->type)->name);
            errors++;
            continue;
        }
        if (split_declaration(&l))
            find_stores(&l, &fn->body, 0);
        if (!l.errors)
            check_repointed(&l);
        if (!l.errors)
            follow_members(&l);
        errors += l.errors;
    }
    return errors;
}
