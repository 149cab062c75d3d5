/* globals.c: file-scope variables under reverse mode. The backward sweep reads a global where
 * the primal read it, and must see the value it had there: a global that the differentiated
 * code (the requested function or anything it calls) writes and also reads, such as state a
 * step function updates or a parameter a helper changes between two uses, is restored: every
 * write to it is taped and undone by the backward sweep (tbr.c), which so leaves it as it was
 * on entry. A global only ever updated from itself (a call counter) or only written is not
 * read by anything else and keeps its last value. Writes through a global array or pointer
 * passed to a call, or copied to a pointer, count as writes; refused, as they cannot be
 * undone: such a global written by a function adc cannot see into, or written inside an
 * ADC_CHECKPOINT loop by a function it calls (the loop's snapshots hold its own variables).
 * A global pointer to data without floating values passed by value (`fprintf(stderr, ...)`)
 * counts as written only if the code also reads through it: the call cannot change the
 * pointer, and what it points to the code does not otherwise see. */
#include <string.h>
#include "diag.h"
#include "globals.h"

typedef struct Use {
    const char *name;
    SrcLoc write, read;   /* first of each; line 0: none */
    SrcLoc lost;          /* the first write that cannot be undone (see above); line 0: none */
    SrcLoc pointee_write; /* the first call given the pointer (see above); line 0: none */
    bool read_through;    /* the code reads what the pointer points to */
} Use;

typedef struct Uses {
    Use *items;
    int count;
    SrcLoc aliased;       /* a global array passed to a function that writes it by name; line 0: none */
    const char *aliased_name, *aliased_callee;
    const Func **seen;    /* the call tree walked so far */
    bool *seen_checkpointed; /* per seen: walked inside an ADC_CHECKPOINT loop */
    int nseen;
    int checkpointed;     /* walking the calls of an ADC_CHECKPOINT loop (and what they call) */
} Uses;

static Use *use_of(Uses *u, const Var *v) {
    for (int i = 0; i < u->count; i++)
        if (strcmp(u->items[i].name, v->name) == 0)
            return &u->items[i];
    IR_APPEND(u->items, u->count, (Use){.name = v->name});
    return &u->items[u->count - 1];
}

static bool is_global(const Var *v) {
    return v && v->kind == VAR_GLOBAL && !v->is_static_const;
}

static bool is_address(const Expr *e) {
    return e && e->type && (e->type->kind == TY_PTR || e->type->kind == TY_ARRAY);
}

/* lost: the write cannot be taped. */
/* OpenMPI's predefined handles (MPI_COMM_WORLD is &ompi_mpi_comm_world): MPI reads them. */
static bool mpi_handle(const Var *v) {
    return strncmp(v->name, "ompi_mpi_", 9) == 0;
}

static void note_write(Uses *u, const Var *v, SrcLoc loc, bool lost) {
    Use *use = is_global(v) && !mpi_handle(v) ? use_of(u, v) : NULL;
    if (use && !use->write.line)
        use->write = loc;
    if (use && lost && !use->lost.line)
        use->lost = loc;
}

/* A call adc cannot see into (neither a user function, a math function nor the tape). */
static bool is_opaque(const Expr *call) {
    return !call->callee && !call->math && !call->tape_op;
}

static void walk_func(Uses *u, const Func *fn);

/* A floating global array (or a global's value) given to callee, which (or what it calls) also
 * writes it by name: the parameter and the global are one array, which the adjoint takes for
 * two (difftest seed 137), or the backward sweep reads the argument after the call changed it
 * (seed 103): silently wrong adjoints. */
static void note_alias(Uses *u, const Func *callee, const Expr *arg, bool address) {
    if (!arg || u->aliased.line)
        return;
    if (!address) { /* each global the value reads (0.5 * g, (float)g, ...) */
        note_alias(u, callee, arg->lhs, false);
        note_alias(u, callee, arg->rhs, false);
        note_alias(u, callee, arg->cond, false);
        for (int i = 0; i < arg->nargs; i++)
            note_alias(u, callee, arg->args[i], is_address(arg->args[i]));
        if (arg->kind != EX_VAR)
            return;
    }
    const Var *g = expr_root_var(arg);
    if (!g || !is_global(g) || !type_has_floating(g->type))
        return;
    Uses sub = {0};
    walk_func(&sub, callee);
    for (int i = 0; i < sub.count; i++)
        if (strcmp(sub.items[i].name, g->name) == 0 && sub.items[i].write.line) {
            u->aliased = arg->loc;
            u->aliased_name = g->name;
            u->aliased_callee = callee->name;
        }
}

/* A global pointer to data without floating values, as an expression of its own. */
static bool is_plain_pointer(const Expr *e) {
    return e && e->kind == EX_VAR && is_global(e->var) && e->type->kind == TY_PTR && !type_has_floating(e->type->base);
}

/* A call given the address in e: a write to the global it is the address of. */
static void note_call_write(Uses *u, const Expr *call, const Expr *e) {
    bool lost = is_opaque(call) || u->checkpointed;
    Use *use = is_plain_pointer(e) ? use_of(u, e->var) : NULL;
    if (!use)
        note_write(u, expr_root_var(e), e->loc, lost);
    else if (!use->pointee_write.line && lost)
        use->pointee_write = e->loc;
}

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
        note_write(u, expr_root_var(e->lhs), e->loc, false);
    if ((e->kind == EX_DEREF || e->kind == EX_INDEX || e->kind == EX_MEMBER) && is_plain_pointer(e->lhs))
        use_of(u, e->lhs->var)->read_through = true;
    for (int i = 0; i < e->nargs; i++) {
        if (e->kind == EX_CALL && is_address(e->args[i]))
            note_call_write(u, e, e->args[i]);
        if (e->kind == EX_CALL && e->callee && !u->aliased.line)
            note_alias(u, e->callee, e->args[i], is_address(e->args[i]));
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
        note_write(u, self, s->loc, u->checkpointed > 0);
    }
    if ((s->kind == ST_ASSIGN || s->kind == ST_DECL) && is_address(s->rhs)) /* an alias */
        note_write(u, expr_root_var(s->rhs), s->loc, u->checkpointed > 0);
    bool checkpoint = s->checkpoint > 0;
    u->checkpointed += checkpoint;
    walk_expr(u, s->lhs, self);
    walk_expr(u, s->rhs, self);
    walk_expr(u, s->cond, NULL);
    for (int i = 0; i < s->nbody; i++)
        walk_stmt(u, s->body[i]);
    walk_stmt(u, s->init);
    walk_stmt(u, s->step);
    walk_stmt(u, s->then);
    walk_stmt(u, s->els);
    u->checkpointed -= checkpoint;
}

static void walk_func(Uses *u, const Func *fn) {
    for (int i = 0; i < u->nseen; i++)
        if (u->seen[i] == fn && u->seen_checkpointed[i] == (u->checkpointed > 0))
            return;
    int nflags = u->nseen; /* the two arrays grow in step */
    IR_APPEND(u->seen_checkpointed, nflags, u->checkpointed > 0);
    IR_APPEND(u->seen, u->nseen, fn);
    walk_stmt(u, fn->body);
}

int globals_find_restored(Program *prog) {
    const unsigned reverse = MODE_ADJOINT | MODE_GRAD | MODE_HVP | MODE_HESSIAN | MODE_JACOBIAN;
    int errors = 0;
    for (int f = 0; f < prog->nfuncs; f++) {
        const Func *fn = prog->funcs[f];
        if (!fn->requested || !(fn->modes & reverse))
            continue;
        Uses u = {0};
        walk_func(&u, fn);
        if (u.aliased.line) {
            error_at(u.aliased, "the global '%s' is passed to '%s', which also writes it by its name: the "
                     "adjoint of '%s' would take the parameter and the global for two variables; pass it only "
                     "one way (tangent modes are not limited)", u.aliased_name, u.aliased_callee, fn->name);
            errors++;
        }
        for (int i = 0; i < u.count; i++) {
            Use *use = &u.items[i];
            if (use->pointee_write.line && use->read_through && !use->lost.line)
                use->lost = use->write = use->pointee_write;
            if (!use->write.line || !use->read.line)
                continue;
            names_add(&prog->restored_globals, use->name);
            if (!use->lost.line)
                continue;
            error_at(use->lost, "the global variable '%s' is written here, where adc cannot undo the write (by a "
                     "function whose body it cannot see, or inside an ADC_CHECKPOINT loop), and read at %s:%u by "
                     "the code the adjoint of '%s' runs: its backward sweep would read the changed value; pass it "
                     "as a parameter (tangent modes are not limited)", use->name, use->read.file, use->read.line,
                     fn->name);
            errors++;
        }
    }
    return errors;
}

/* ---- calls inside expressions ---- */

/* Whether e reads the variable name itself, leaving out the variable e assigns when e is a
 * statement's target. (Two calls in one expression run one after the other, in an order C
 * leaves open too; stepper(y) + stepper(y) gives one sum either way, and is not refused.) */
static bool reads_named(const Expr *e, const char *name, bool target) {
    if (!e)
        return false;
    if (e->kind == EX_VAR)
        return !target && strcmp(e->var->name, name) == 0;
    for (int i = 0; i < e->nargs; i++)
        if (reads_named(e->args[i], name, false))
            return true;
    return reads_named(e->lhs, name, target && e->kind != EX_DEREF) || reads_named(e->rhs, name, false) ||
           reads_named(e->cond, name, false);
}

/* The statements of block after the call hoisted at index at: does one read name? */
static bool read_after(const Stmt *block, int at, const char *name) {
    for (int k = at + 1; k < block->nbody; k++) {
        const Stmt *s = block->body[k];
        if (s->kind != ST_DECL && s->kind != ST_ASSIGN && s->kind != ST_CALL && s->kind != ST_RETURN)
            return false; /* the statement the call came from is a plain one, at the end */
        if (reads_named(s->lhs, name, s->kind == ST_ASSIGN) || reads_named(s->rhs, name, false))
            return true;
    }
    return false;
}

static bool writes_through(const Func *fn, const Var *p, int depth);

/* Whether a call in e may write through p: p given to a function adc cannot see into, or to a
 * parameter its callee writes through. */
static bool call_writes_through(const Expr *e, const Var *p, int depth) {
    if (!e)
        return false;
    for (int k = 0; e->kind == EX_CALL && k < e->nargs; k++)
        if (is_address(e->args[k]) && expr_root_var(e->args[k]) == p &&
            (!e->callee || k >= e->callee->nparams || depth > 8 ||
             writes_through(e->callee, e->callee->params[k], depth + 1)))
            return true;
    for (int k = 0; k < e->nargs; k++)
        if (call_writes_through(e->args[k], p, depth))
            return true;
    return call_writes_through(e->lhs, p, depth) || call_writes_through(e->rhs, p, depth) ||
           call_writes_through(e->cond, p, depth);
}

/* Whether s may write through the pointer p: a store into what it points to, a copy of it (the
 * copy may be written through), a call writing through it. */
static bool stmt_writes_through(const Stmt *s, const Var *p, int depth) {
    if (!s)
        return false;
    if (s->kind == ST_ASSIGN && s->lhs->kind != EX_VAR && expr_root_var(s->lhs) == p)
        return true;
    if ((s->kind == ST_ASSIGN || s->kind == ST_DECL) && is_address(s->rhs) && expr_root_var(s->rhs) == p)
        return true;
    if (call_writes_through(s->lhs, p, depth) || call_writes_through(s->rhs, p, depth) ||
        call_writes_through(s->cond, p, depth))
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (stmt_writes_through(s->body[i], p, depth))
            return true;
    return stmt_writes_through(s->init, p, depth) || stmt_writes_through(s->step, p, depth) ||
           stmt_writes_through(s->then, p, depth) || stmt_writes_through(s->els, p, depth);
}

static bool writes_through(const Func *fn, const Var *p, int depth) {
    if (p->type->kind == TY_PTR && p->type->base->is_const)
        return false;
    return stmt_writes_through(fn->body, p, depth);
}

static void refuse_order(const Expr *call, const char *what, const char *name) {
    error_at(call->loc, "'%s' writes %s '%s', which the same expression also reads, in an order C "
             "leaves unspecified; call it in a statement of its own", call->callee->name, what, name);
}

/* The call hoisted at index at of block: does it write a global or through an argument that
 * the rest of its statement reads? */
static int check_call_order(const Stmt *block, int at) {
    const Expr *call = block->body[at]->rhs;
    Uses sub = {0};
    walk_func(&sub, call->callee);
    for (int g = 0; g < sub.count; g++)
        if (sub.items[g].write.line && read_after(block, at, sub.items[g].name)) {
            refuse_order(call, "the global", sub.items[g].name);
            return 1;
        }
    for (int k = 0; k < call->nargs && k < call->callee->nparams; k++) {
        const Var *root = is_address(call->args[k]) ? expr_root_var(call->args[k]) : NULL;
        if (root && read_after(block, at, root->name) && writes_through(call->callee, call->callee->params[k], 0)) {
            refuse_order(call, "through its argument", root->name);
            return 1;
        }
    }
    return 0;
}

static int check_order(const Stmt *s) {
    if (!s)
        return 0;
    int errors = 0;
    for (int i = 0; i < s->nbody; i++) {
        const Stmt *call = s->body[i];
        if (call->hoisted && call->rhs && call->rhs->kind == EX_CALL && call->rhs->callee)
            errors += check_call_order(s, i);
        errors += check_order(call);
    }
    return errors + check_order(s->init) + check_order(s->step) + check_order(s->then) + check_order(s->els);
}

int globals_check_call_order(Program *prog) {
    Uses reached = {0};
    for (int f = 0; f < prog->nfuncs; f++)
        if (prog->funcs[f]->requested)
            walk_func(&reached, prog->funcs[f]);
    int errors = 0;
    for (int i = 0; i < reached.nseen; i++)
        errors += check_order(reached.seen[i]->body);
    return errors;
}
