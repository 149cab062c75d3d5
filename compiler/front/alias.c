/* alias.c: pointers adc replaces by what they point to, before any analysis runs, so that
 * every analysis sees the memory they reach under its own name:
 *  - a local pointer whose every assignment is the address of one scalar lvalue (`double *p =
 *    &x;`, `p = &s.f`, `struct pt *q = &pt;`): *p, p[0] and q->f become x, x and pt.f, and p
 *    itself, given to a function or copied to another pointer, &x. A write through it is a
 *    write of x (reverse mode tapes what `*p = ...` overwrites) and its derivative is x's (p_d
 *    would be &x_d, p_b &x_b). One that may point to one of several scalars, moves (p + 1,
 *    p[k]), is compared, or whose own address is taken, is refused;
 *  - a row of a `double **` parameter read into a local pointer (`double *ai = a[i];`) in a
 *    block that changes neither i nor ai afterwards: ai is a[i];
 *  - a table of pointers initialized with arrays and never written (`double *bufs[2] = {u, v}`):
 *    bufs[1] is v, and `p = bufs[k]` is p = k == 0 ? u : v, a switched pointer. */
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "alias.h"

typedef struct Alias {
    Func *fn;
    Var *p;
    const Expr *target; /* the lvalue p always points to */
    int errors;
} Alias;

static bool fixed_part(const Expr *e) {
    if (e->kind == EX_INDEX)
        return e->lhs->type->kind == TY_ARRAY && e->rhs->kind == EX_NUM && fixed_part(e->lhs);
    if (e->kind == EX_VAR)
        return true;
    return e->kind == EX_MEMBER && !e->arrow && fixed_part(e->lhs);
}

/* An lvalue whose address never changes while the function runs: a variable that is no
 * array, a member of one (s.f, pts[2].f with a constant index), not reached through a pointer. */
static bool fixed_lvalue(const Expr *e) {
    switch (e->kind) {
    case EX_VAR: return e->var->type->kind != TY_ARRAY && e->var->type->kind != TY_FUNCPTR;
    case EX_MEMBER: return !e->arrow && e->type->kind != TY_ARRAY && fixed_part(e->lhs);
    default: return false;
    }
}

/* Whether a pointer of type p points to values of type t: a `char *` or `void *` to a double
 * (type punning) does not. */
static bool points_to(const Type *p, const Type *t) {
    const Type *base = p->base;
    if (!base || base->kind != t->kind)
        return false;
    return (base->kind != TY_INT && base->kind != TY_STRUCT) ||
           (base->name && t->name && strcmp(base->name, t->name) == 0);
}

/* The scalar lvalue e takes the address of (&x), for a pointer of type p, or NULL. */
static const Expr *scalar_address(const Expr *e, const Type *p) {
    return e && e->kind == EX_ADDR && fixed_lvalue(e->lhs) && points_to(p, e->lhs->type) ? e->lhs : NULL;
}

/* Whether e chooses the address of a scalar for a pointer of type p (c ? &x : &y). */
static bool chooses_scalar(const Expr *e, const Type *p) {
    return e && e->kind == EX_COND && (scalar_address(e->lhs, p) || scalar_address(e->rhs, p) ||
                                       chooses_scalar(e->lhs, p) || chooses_scalar(e->rhs, p));
}

static bool same_lvalue(const Expr *a, const Expr *b) {
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case EX_VAR: return a->var == b->var;
    case EX_NUM: return strcmp(a->text, b->text) == 0;
    case EX_MEMBER: return strcmp(a->text, b->text) == 0 && same_lvalue(a->lhs, b->lhs);
    case EX_INDEX: return same_lvalue(a->lhs, b->lhs) && same_lvalue(a->rhs, b->rhs);
    default: return false;
    }
}

/* The value a statement assigns to v (a declaration's initializer, `v = e`, or `v op= e`), or
 * NULL when s assigns no v; *op is the compound operator. */
static const Expr *assigned_value(const Stmt *s, const Var *v, Op *op) {
    *op = OP_NONE;
    if (s->kind == ST_DECL && s->var == v)
        return s->rhs;
    if (s->kind != ST_ASSIGN || s->lhs->kind != EX_VAR || s->lhs->var != v)
        return NULL;
    *op = s->op;
    return s->rhs;
}

static void refuse(Alias *al, SrcLoc loc, const char *what) {
    error_at(loc, "%s is not supported: adc follows a pointer to a scalar ('%s' to '%s') only where it is "
             "dereferenced or passed to a function, and always to the same scalar; use the scalar itself",
             what, al->p->name, expr_root_var(al->target)->name);
    al->errors++;
}

/* The first scalar p is assigned the address of, in s. */
static const Expr *find_target(const Alias *al, const Stmt *s) {
    if (!s)
        return NULL;
    Op op;
    const Expr *value = assigned_value(s, al->p, &op);
    if (value && op == OP_NONE && scalar_address(value, al->p->type))
        return scalar_address(value, al->p->type);
    const Expr *found = NULL;
    for (int i = 0; !found && i < s->nbody; i++)
        found = find_target(al, s->body[i]);
    Stmt *const parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; !found && i < 4; i++)
        found = find_target(al, parts[i]);
    return found;
}

/* Checks every assignment of p in s against the target, and that no OpenMP clause names p. */
static void check_assignments(Alias *al, const Stmt *s) {
    if (!s)
        return;
    Op op;
    const Expr *value = assigned_value(s, al->p, &op);
    const Expr *target = value && op == OP_NONE ? scalar_address(value, al->p->type) : NULL;
    if (value && !(target && same_lvalue(target, al->target)))
        refuse(al, s->loc, op != OP_NONE ? ir_format("moving '%s' off its scalar", al->p->name)
                                         : ir_format("assigning '%s' another pointer than '&%s'", al->p->name,
                                                     expr_root_var(al->target)->name));
    for (int i = 0; i < s->npragmas; i++)
        for (int c = 0; c < s->pragmas[i].nclauses; c++)
            for (int k = 0; k < s->pragmas[i].clauses[c].nvars; k++)
                if (s->pragmas[i].clauses[c].vars[k] == al->p)
                    refuse(al, s->loc, ir_format("naming '%s' in an OpenMP clause", al->p->name));
    for (int i = 0; i < s->nbody; i++)
        check_assignments(al, s->body[i]);
    check_assignments(al, s->init);
    check_assignments(al, s->step);
    check_assignments(al, s->then);
    check_assignments(al, s->els);
}

static bool is_p(const Alias *al, const Expr *e) {
    return e && e->kind == EX_VAR && e->var == al->p;
}

/* e with each use of p replaced by the target; a bare p (value_ok: given to a user function,
 * or copied to a pointer variable) by &target. */
static Expr *replaced(Alias *al, Expr *e, bool value_ok) {
    if (!e)
        return NULL;
    if ((e->kind == EX_DEREF && is_p(al, e->lhs)) ||
        (e->kind == EX_INDEX && is_p(al, e->lhs) && e->rhs->kind == EX_NUM && atoll(e->rhs->text) == 0))
        return expr_copy(al->target);
    if (e->kind == EX_INDEX && is_p(al, e->lhs)) {
        refuse(al, e->loc, ir_format("indexing '%s' with another index than 0", al->p->name));
        return e;
    }
    if (e->kind == EX_MEMBER && e->arrow && is_p(al, e->lhs)) {
        Expr *member = expr_copy(e);
        member->arrow = false;
        member->lhs = expr_copy(al->target);
        return member;
    }
    if (is_p(al, e)) {
        if (!value_ok)
            refuse(al, e->loc, ir_format("using the value of '%s' (pointer arithmetic, a comparison, a return)",
                                         al->p->name));
        Expr *address = expr_new(EX_ADDR, al->p->type, e->loc);
        address->lhs = expr_copy(al->target);
        return address;
    }
    if (e->kind == EX_ADDR && is_p(al, e->lhs)) {
        refuse(al, e->loc, ir_format("taking the address of '%s'", al->p->name));
        return e;
    }
    for (int i = 0; i < e->nargs; i++)
        e->args[i] = replaced(al, e->args[i], e->kind == EX_CALL && e->callee);
    e->lhs = replaced(al, e->lhs, e->kind == EX_CAST && value_ok);
    e->rhs = replaced(al, e->rhs, false);
    e->cond = replaced(al, e->cond, false);
    return e;
}

/* Replaces p in s; its assignments become empty blocks. */
static void make_empty(Stmt *s) {
    s->kind = ST_BLOCK; /* nothing inside */
    s->var = NULL;
    s->lhs = s->rhs = NULL;
    s->op = OP_NONE;
    s->first_def = s->declares = false;
}

static void rewrite(Alias *al, Stmt *s) {
    if (!s)
        return;
    Op op;
    if (assigned_value(s, al->p, &op) || (s->kind == ST_DECL && s->var == al->p)) {
        make_empty(s);
        return;
    }
    bool copied = (s->kind == ST_DECL && s->var->type->kind == TY_PTR) ||
                  (s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR && s->lhs->type->kind == TY_PTR);
    s->lhs = replaced(al, s->lhs, false);
    s->rhs = replaced(al, s->rhs, copied);
    s->cond = replaced(al, s->cond, false);
    if (s->kind == ST_ASSIGN && s->op == OP_NONE && same_lvalue(s->lhs, s->rhs)) {
        make_empty(s); /* `*p = *p` became `x = x`: nothing to do, and -Wself-assign in C */
        return;
    }
    for (int i = 0; i < s->nbody; i++)
        rewrite(al, s->body[i]);
    rewrite(al, s->init);
    rewrite(al, s->step);
    rewrite(al, s->then);
    rewrite(al, s->els);
}

/* Whether s assigns p a choice between addresses of scalars, or one of another kind than
 * its local pointers (a parameter, a global): reported, not followed. */
static bool refuse_unfollowed(Alias *al, const Stmt *s) {
    if (!s)
        return false;
    Op op;
    const Expr *value = assigned_value(s, al->p, &op);
    if (chooses_scalar(value, al->p->type)) {
        error_at(value->loc, "a pointer to one of several scalars chosen at run time (assigned to '%s') is not "
                 "supported: adc cannot tell which derivative it reaches; write the update to each scalar in an "
                 "if/else", al->p->name);
        return true;
    }
    if (value && scalar_address(value, al->p->type) && al->p->kind != VAR_LOCAL) {
        error_at(value->loc, "the address of a scalar assigned to '%s', which is not a local variable, is not "
                 "supported; use a local pointer, or the scalar itself", al->p->name);
        return true;
    }
    for (int i = 0; i < s->nbody; i++)
        if (refuse_unfollowed(al, s->body[i]))
            return true;
    return refuse_unfollowed(al, s->init) || refuse_unfollowed(al, s->step) || refuse_unfollowed(al, s->then) ||
           refuse_unfollowed(al, s->els);
}

static void remove_var(Func *fn, const Var *v) {
    for (int i = v->index; i + 1 < fn->nvars; i++) {
        fn->vars[i] = fn->vars[i + 1];
        fn->vars[i]->index = i;
    }
    fn->nvars--;
}

/* ---- rows ----
 * `double *r = a[i];` with a a pointer-to-rows parameter (double **a), in a block where
 * neither i nor r changes after it (the common `double *ai = a[i];` at the top of a loop
 * body): r is a[i] wherever it is used, so that its derivative is the row a_d[i] (a_b[i]). */

/* A row of a pointer-to-rows parameter, at an index computed without calls. */
static bool row_of_param(const Expr *e) {
    return e && e->kind == EX_INDEX && e->lhs->kind == EX_VAR && e->lhs->var->kind == VAR_PARAM &&
           type_is_rows(e->lhs->var->type) && !expr_has_call(e->rhs);
}

/* Whether no statement of after[0..n) assigns a variable e reads. */
static bool unchanged_in(const Expr *e, Stmt **after, int n) {
    if (!e)
        return true;
    for (int i = 0; e->kind == EX_VAR && i < n; i++)
        if (stmt_assigns(after[i], e->var))
            return false;
    for (int i = 0; i < e->nargs; i++)
        if (!unchanged_in(e->args[i], after, n))
            return false;
    return unchanged_in(e->lhs, after, n) && unchanged_in(e->rhs, after, n) && unchanged_in(e->cond, after, n);
}

/* The statements of s that assign v, and whether some expression takes v's address. */
static int assignments_of(const Stmt *s, const Var *v, bool *address_taken);

static bool address_of(const Expr *e, const Var *v) {
    if (!e)
        return false;
    if (e->kind == EX_ADDR && e->lhs->kind == EX_VAR && e->lhs->var == v)
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (address_of(e->args[i], v))
            return true;
    return address_of(e->lhs, v) || address_of(e->rhs, v) || address_of(e->cond, v);
}

static int assignments_of(const Stmt *s, const Var *v, bool *address_taken) {
    if (!s)
        return 0;
    Op op;
    int count = assigned_value(s, v, &op) || (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v);
    *address_taken |= address_of(s->lhs, v) || address_of(s->rhs, v) || address_of(s->cond, v);
    for (int i = 0; i < s->nbody; i++)
        count += assignments_of(s->body[i], v, address_taken);
    Stmt *const parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        count += assignments_of(parts[i], v, address_taken);
    return count;
}

static Expr *with_row(Expr *e, const Var *r, const Expr *row) {
    if (!e)
        return NULL;
    if (e->kind == EX_VAR && e->var == r)
        return expr_copy(row);
    for (int i = 0; i < e->nargs; i++)
        e->args[i] = with_row(e->args[i], r, row);
    e->lhs = with_row(e->lhs, r, row);
    e->rhs = with_row(e->rhs, r, row);
    e->cond = with_row(e->cond, r, row);
    return e;
}

static void replace_row(Stmt *s, const Var *r, const Expr *row) {
    if (!s)
        return;
    s->lhs = with_row(s->lhs, r, row);
    s->rhs = with_row(s->rhs, r, row);
    s->cond = with_row(s->cond, r, row);
    for (int i = 0; i < s->nbody; i++)
        replace_row(s->body[i], r, row);
    replace_row(s->init, r, row);
    replace_row(s->step, r, row);
    replace_row(s->then, r, row);
    replace_row(s->els, r, row);
}

/* Replaces the row pointers declared in s (and the blocks inside it). */
static void substitute_rows(Func *fn, Stmt *s) {
    if (!s)
        return;
    for (int k = 0; s->kind == ST_BLOCK && k < s->nbody; k++) {
        Stmt *d = s->body[k];
        bool address_taken = false;
        if (d->kind != ST_DECL || !row_of_param(d->rhs) || !type_is_floating(d->var->type->base) ||
            assignments_of(fn->body, d->var, &address_taken) != 1 || address_taken ||
            !unchanged_in(d->rhs->rhs, s->body + k + 1, s->nbody - k - 1)) /* a's rows stay (pointer_check) */
            continue;
        for (int i = k + 1; i < s->nbody; i++)
            replace_row(s->body[i], d->var, d->rhs);
        remove_var(fn, d->var);
        d->kind = ST_BLOCK;
        d->var = NULL;
        d->rhs = NULL;
    }
    for (int i = 0; i < s->nbody; i++)
        substitute_rows(fn, s->body[i]);
    Stmt *const parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        substitute_rows(fn, parts[i]);
}

/* ---- tables of pointers ----
 * `double *bufs[2] = {u, v};` (arrays, parameters or locals), never written afterwards: bufs[1]
 * is v, and `p = bufs[k]` (a pointer variable assigned a row chosen at run time, double
 * buffering) is p = k == 0 ? u : v, a pointer switched between arrays that pointer_check.c
 * follows in every mode. A computed read elsewhere in a statement (s += rows[k][i]) reads a
 * pointer variable of its own assigned so right before the statement. */

typedef struct Table {
    Func *fn;
    Var *tbl;
    const Expr *init; /* the initializer list */
    Stmt *hoist;      /* where a computed read declares its pointer variable, or NULL */
    int errors;
} Table;

/* A table's declaration, `T *tbl[K] = {arrays}`, whose parameters the function never moves
 * (the table keeps the pointers as they were). */
static bool table_decl(const Func *fn, const Stmt *d) {
    const Type *t = d->kind == ST_DECL ? d->var->type : NULL;
    if (!t || t->kind != TY_ARRAY || t->base->kind != TY_PTR || !type_has_floating(t->base) || !d->rhs ||
        d->rhs->kind != EX_INITLIST || d->rhs->nargs != t->array_len)
        return false;
    for (int i = 0; i < d->rhs->nargs; i++) {
        const Expr *a = d->rhs->args[i];
        bool address_taken = false;
        if (a->kind != EX_VAR || a->var->kind == VAR_GLOBAL ||
            !(a->var->type->kind == TY_ARRAY || (a->var->kind == VAR_PARAM && a->var->type->kind == TY_PTR)) ||
            (a->var->type->kind == TY_PTR && (assignments_of(fn->body, a->var, &address_taken) > 0 || address_taken)))
            return false;
    }
    return true;
}

static void refuse_table(Table *t, SrcLoc loc, const char *what, const char *rewrite) {
    error_at(loc, "%s is not supported: adc follows a table of pointers ('%s') initialized with arrays and never "
             "written, read by element in statements (double *p = %s[k]; s += %s[k][i]); %s", what, t->tbl->name,
             t->tbl->name, t->tbl->name, rewrite);
    t->errors++;
}

static bool is_table(const Table *t, const Expr *e) {
    return e && e->kind == EX_VAR && e->var == t->tbl;
}

/* e with table reads replaced: tbl[c] by the c-th array, tbl[k] (whole: the value a pointer
 * variable is assigned) by k == 0 ? a0 : k == 1 ? a1 : ... */
static Expr *table_read(Table *t, Expr *e, bool whole) {
    if (!e)
        return NULL;
    if (e->kind == EX_INDEX && is_table(t, e->lhs)) {
        int n = t->init->nargs;
        if (e->rhs->kind == EX_NUM) {
            long long k = atoll(e->rhs->text);
            if (k >= 0 && k < n)
                return expr_copy(t->init->args[k]);
        } else if ((whole || t->hoist) && !expr_has_call(e->rhs)) {
            Expr *chosen = expr_copy(t->init->args[n - 1]);
            for (int k = n - 2; k >= 0; k--) {
                Expr *choice = expr_new(EX_COND, e->type, e->loc);
                choice->cond = expr_binary(OP_EQ, expr_copy(e->rhs), expr_int(k, e->loc), type_int());
                choice->lhs = expr_copy(t->init->args[k]);
                choice->rhs = chosen;
                chosen = choice;
            }
            if (whole)
                return chosen;
            Var *row = func_add_var(t->fn, func_new_var_name(t->fn, ir_format("%s_row", t->tbl->name)),
                                    t->tbl->type->base, VAR_LOCAL, e->loc);
            Stmt *d = stmt_new(t->fn, ST_DECL, e->loc);
            d->var = row;
            d->rhs = chosen;
            block_append(t->hoist, d);
            return expr_var(row, e->loc);
        }
        refuse_table(t, e->loc, ir_format("reading '%s' at a computed index in a condition or a for's header",
                                          t->tbl->name), "read the element into a pointer variable first");
        return e;
    }
    if (is_table(t, e)) {
        refuse_table(t, e->loc, ir_format("using '%s' other than by element", t->tbl->name),
                     "pass the arrays themselves");
        return e;
    }
    for (int i = 0; i < e->nargs; i++)
        e->args[i] = table_read(t, e->args[i], false);
    e->lhs = table_read(t, e->lhs, false);
    e->rhs = table_read(t, e->rhs, false);
    e->cond = table_read(t, e->cond, false);
    return e;
}

static bool simple(const Stmt *s) {
    return s->kind == ST_ASSIGN || s->kind == ST_DECL || s->kind == ST_CALL || s->kind == ST_RETURN;
}

/* The table reads of simple statement s; with decls, a computed one that is not the whole
 * value of a pointer variable (rows[k][i]) becomes a pointer variable declared in decls
 * right before s (`double *rows_row = k == 0 ? ... ;`), else it is refused. */
static void replace_simple(Table *t, Stmt *s, Stmt *decls) {
    if (s->kind == ST_ASSIGN && (is_table(t, s->lhs) || (s->lhs->kind == EX_INDEX && is_table(t, s->lhs->lhs)))) {
        refuse_table(t, s->loc, ir_format("assigning an element of '%s'", t->tbl->name),
                     "swap pointer variables instead (t = a; a = b; b = t;)");
        return;
    }
    bool pointer_value = (s->kind == ST_DECL && s->var->type->kind == TY_PTR) ||
                         (s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR && s->lhs->type->kind == TY_PTR);
    t->hoist = decls;
    s->lhs = table_read(t, s->lhs, false);
    s->rhs = table_read(t, s->rhs, pointer_value);
    t->hoist = NULL;
}

static void replace_table(Table *t, Stmt **slot, bool hoisting);

/* The statements of block b from index from on, with the pointer variables their table reads
 * need declared right before them. */
static void replace_in_block(Table *t, Stmt *b, int from) {
    Stmt **body = b->body;
    int n = b->nbody;
    b->body = NULL;
    b->nbody = 0;
    for (int i = 0; i < n; i++) {
        if (i >= from && simple(body[i]))
            replace_simple(t, body[i], b);
        else if (i >= from)
            replace_table(t, &body[i], true);
        block_append(b, body[i]);
    }
}

/* Replaces the table in the statement at *slot; a simple statement that needs pointer
 * variables becomes a { } block declaring them first. hoisting: not in a for's init or step. */
static void replace_table(Table *t, Stmt **slot, bool hoisting) {
    Stmt *s = *slot;
    if (!s)
        return;
    if (simple(s)) {
        Stmt *group = hoisting ? stmt_new(t->fn, ST_BLOCK, s->loc) : NULL;
        replace_simple(t, s, group);
        if (group && group->nbody) {
            group->scope = true;
            block_append(group, s);
            *slot = group;
        }
        return;
    }
    if (s->kind == ST_BLOCK) {
        replace_in_block(t, s, 0);
        return;
    }
    s->cond = table_read(t, s->cond, false);
    replace_table(t, &s->init, false);
    replace_table(t, &s->step, false);
    replace_table(t, &s->then, true);
    replace_table(t, &s->els, true);
}

/* Replaces the tables declared in the blocks of s; returns the number of errors. */
static int substitute_tables(Func *fn, Stmt *s) {
    if (!s)
        return 0;
    int errors = 0;
    for (int k = 0; s->kind == ST_BLOCK && k < s->nbody; k++) {
        Stmt *d = s->body[k];
        if (!table_decl(fn, d))
            continue;
        Table t = {.fn = fn, .tbl = d->var, .init = d->rhs};
        replace_in_block(&t, s, k + 1);
        errors += t.errors;
        if (t.errors)
            continue;
        remove_var(fn, d->var);
        d->kind = ST_BLOCK;
        d->var = NULL;
        d->rhs = NULL;
    }
    for (int i = 0; i < s->nbody; i++)
        errors += substitute_tables(fn, s->body[i]);
    Stmt *const parts[] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++)
        errors += substitute_tables(fn, parts[i]);
    return errors;
}

int alias_substitute(Func *fn) {
    if (substitute_tables(fn, fn->body))
        return 1;
    substitute_rows(fn, fn->body);
    int errors = 0;
    for (int i = 0; i < fn->nvars; i++) { /* a pointer copied from one replaced comes after it */
        Alias al = {.fn = fn, .p = fn->vars[i]};
        if (al.p->type->kind != TY_PTR)
            continue;
        if (refuse_unfollowed(&al, fn->body)) {
            errors++;
            continue;
        }
        if (al.p->kind != VAR_LOCAL)
            continue;
        al.target = find_target(&al, fn->body);
        if (al.target)
            check_assignments(&al, fn->body);
        if (!al.target || al.errors) {
            errors += al.errors;
            continue;
        }
        rewrite(&al, fn->body);
        errors += al.errors;
        if (al.errors == 0 && errors == 0) {
            remove_var(fn, al.p);
            i = -1; /* again from the start: copies of p are now addresses of its scalar */
        }
    }
    return errors;
}
