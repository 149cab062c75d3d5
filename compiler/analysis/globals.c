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
#include "c_text.h"
#include "diag.h"
#include "globals.h"

typedef struct Use {
    const char *name;
    const Type *type;
    SrcLoc write, read;   /* first of each; line 0: none */
    SrcLoc lost;          /* the first write that cannot be undone (see above); line 0: none */
    SrcLoc set;           /* the first write that is no count (g++, g -= e); line 0: none */
    SrcLoc pointee_write; /* the first call given the pointer (see above); line 0: none */
    bool read_through;    /* the code reads what the pointer points to */
} Use;

typedef struct Summaries Summaries;

typedef struct Uses {
    Use *items;
    int count;
    Summaries *summaries; /* what each callee uses, walked once */
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
    IR_APPEND(u->items, u->count, (Use){.name = v->name, .type = v->type});
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

static void note_write(Uses *u, const Var *v, SrcLoc loc, bool lost, bool count) {
    Use *use = is_global(v) && !mpi_handle(v) ? use_of(u, v) : NULL;
    if (use && !use->write.line)
        use->write = loc;
    if (use && !count && !use->set.line)
        use->set = loc;
    if (use && lost && !use->lost.line)
        use->lost = loc;
}

/* A call adc cannot see into (neither a user function, a math function nor the tape). */
static bool is_opaque(const Expr *call) {
    return !call->callee && !call->math && !call->tape_op;
}

static void walk_func(Uses *u, const Func *fn);

/* What each function (with all it calls) uses, walked once from a fresh Uses. */
typedef struct Summary {
    const Func *fn;
    Uses uses;
} Summary;

struct Summaries {
    Summary *items;
    int count;
};

static Uses uses_of(Summaries *cache, const Func *fn) {
    for (int i = 0; i < cache->count; i++)
        if (cache->items[i].fn == fn)
            return cache->items[i].uses;
    Uses uses = {.summaries = cache};
    walk_func(&uses, fn);
    IR_APPEND(cache->items, cache->count, (Summary){fn, uses});
    return uses;
}

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
    Uses sub = uses_of(u->summaries, callee);
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
        note_write(u, expr_root_var(e), e->loc, lost, false);
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
        note_write(u, expr_root_var(e->lhs), e->loc, false, false);
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

/* Whether s only counts in the global it assigns: g++, g += e, g = g + e (e not reading g). */
static bool is_count(const Stmt *s) {
    const Var *g = s->lhs->kind == EX_VAR ? s->lhs->var : NULL;
    const Expr *e = s->rhs;
    bool sum = e->kind == EX_BINARY && (e->op == OP_ADD || e->op == OP_SUB) && e->lhs->kind == EX_VAR;
    if (g && s->op == OP_NONE && sum && e->lhs->var == g)
        e = e->rhs;
    else if (s->op != OP_ADD && s->op != OP_SUB)
        return false;
    return g && !expr_mentions(e, g);
}

static void walk_stmt(Uses *u, const Stmt *s) {
    if (!s)
        return;
    const Var *self = NULL;
    if (s->kind == ST_ASSIGN && is_global(expr_root_var(s->lhs))) {
        self = expr_root_var(s->lhs);
        note_write(u, self, s->loc, u->checkpointed > 0, is_count(s));
    }
    if ((s->kind == ST_ASSIGN || s->kind == ST_DECL) && is_address(s->rhs)) /* an alias */
        note_write(u, expr_root_var(s->rhs), s->loc, u->checkpointed > 0, false);
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
    Summaries summaries = {0};
    int errors = 0;
    for (int f = 0; f < prog->nfuncs; f++) {
        const Func *fn = prog->funcs[f];
        if (!fn->requested || !(fn->modes & reverse))
            continue;
        Uses u = {.summaries = &summaries};
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

/* ---- calls inside expressions ----
 * Lowering hoists a call out of an expression into a declaration before the statement, in one
 * block with it (lower.c), and a ?:, && or || whose operand calls into an if computing a
 * variable: `return gv + h(k(x), step(x));` becomes the group
 *     double k_value = k(x);  double step_value = step(x);  double h_value = h(k_value, step_value);
 *     return gv + h_value;
 * run in that order. C sequences a call's arguments before its body (k and step before h), and
 * the operands of ?:, && and || and the comma operator (the left operand's statements are marked
 * with the comma's value, declared after the right operand's: Stmt.comma_value), but leaves
 * open the order of the rest: k, step and the read of gv may run in any order (gcc evaluates
 * arguments right to left, clang left to right), as the read of a compound assignment's target
 * and the call in its value (a[0] += g(a)). A call
 * that writes a global, or through a pointer argument, where the expression also reads or
 * writes it elsewhere is refused: the derivative code could compute another value than the
 * compiled source (difftest seed 18811). adc cannot see where a pointer points when it was set
 * outside the function (gp = c, f(x, &level) in main): a written global, and what a global
 * pointer points to, may be what any pointer of the expression reads, and an argument written
 * through may point to any global. Not refused: the same call twice in a sum or product
 * (stepper(y) + stepper(y), also under signs and inside another call), and calls that both only
 * count in a global (n++). */

static bool plain(const Stmt *s) {
    return s->kind == ST_DECL || s->kind == ST_ASSIGN || s->kind == ST_CALL || s->kind == ST_RETURN;
}

static bool same_loc(SrcLoc a, SrcLoc b) {
    return a.line == b.line && a.col == b.col && a.file && b.file && strcmp(a.file, b.file) == 0;
}

/* When the statement at index at of block is the if lowering made of a ?:, && or ||: the index
 * of the declaration before it (where it is) of the variable it computes; else -1. */
static int computed_by_if(const Stmt *block, int at) {
    const Stmt *s = block->body[at];
    for (int k = at - 1; s->kind == ST_IF && !block->scope && k >= 0; k--)
        if (block->body[k]->kind == ST_DECL && same_loc(block->body[k]->loc, s->loc) &&
            stmt_assigns(s, block->body[k]->var))
            return k;
    return -1;
}

/* The variable the statement at index at of block gives its value in, or NULL. */
static const Var *value_of(const Stmt *block, int at) {
    const Stmt *s = block->body[at];
    int decl = s->kind == ST_DECL ? at : computed_by_if(block, at);
    return decl >= 0 ? block->body[decl]->var : NULL;
}

/* When the statement at index at of block is part of the left operand of a comma that calls
 * (lower.c's comma_value): the index of the declaration of the comma's value, after the
 * statements of its right operand, which run after it; else -1. */
static int comma_end(const Stmt *block, int at) {
    const Var *v = block->body[at]->comma_value;
    for (int k = at + 1; v && k < block->nbody; k++)
        if (block->body[k]->kind == ST_DECL && block->body[k]->var == v)
            return k;
    return -1;
}

/* The statement of the group that reads the value of the one at index at of block, or -1:
 * the first after it that mentions the variable, not counting an if that computes it; for
 * the left operand of a comma giving no value (to it), the declaration of the comma's value. */
static int consumer(const Stmt *block, int at) {
    const Var *v = value_of(block, at);
    for (int k = at + 1; v && k < block->nbody; k++) {
        const Stmt *s = block->body[k];
        if (plain(s) ? expr_mentions(s->lhs, v) || expr_mentions(s->rhs, v)
                     : expr_mentions(s->cond, v) && !stmt_assigns(s, v))
            return k;
    }
    return comma_end(block, at);
}

/* The last statement of the expression the statement at index at is part of. */
static int expression_end(const Stmt *block, int at) {
    for (int k = consumer(block, at); k >= 0; k = consumer(block, k))
        at = k;
    return at;
}

/* Whether the statement at index to of block is in the right operand of a comma whose left
 * operand holds the one at index from or a statement its value reaches: all of to runs after. */
static bool right_of_comma(const Stmt *block, int from, int to) {
    for (; from >= 0 && from < to; from = consumer(block, from))
        if (comma_end(block, from) >= to)
            return true;
    return false;
}

/* Whether the value of the statement at index from reaches the one at index to (or the
 * declaration of what the if to computes, its first operand), or to is right of a comma from
 * is left of: then what from runs is sequenced before what to runs but reads. */
static bool feeds(const Stmt *block, int from, int to) {
    if (right_of_comma(block, from, to))
        return true;
    int first = computed_by_if(block, to);
    while (from >= 0 && from < to && from != first)
        from = consumer(block, from);
    return from == to || (from >= 0 && from == first);
}

static const Expr *hoisted_call(const Stmt *s) {
    return s->hoisted && s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee ? s->rhs : NULL;
}

/* Whether the statement at index at of block computes a part of an expression: a hoisted call,
 * a value read first for one (lower.c's read_arguments_first), the if of a ?:, && or ||, the
 * left operand of a comma that calls. */
static bool expression_part(const Stmt *block, int at) {
    int use = consumer(block, at);
    return hoisted_call(block->body[at]) || (use >= 0 && hoisted_call(block->body[use])) ||
           computed_by_if(block, at) >= 0 || block->body[at]->comma_value;
}

/* The names that may designate the memory of name in fn: name, and the pointers copied from
 * it or into it (`double *x = s->x;`, `gp = c;`), as far as they lead. */
static void add_copies(const Stmt *s, NameSet *names, bool *grew) {
    if (!s)
        return;
    const Var *to = s->kind == ST_DECL ? s->var : s->kind == ST_ASSIGN ? expr_root_var(s->lhs) : NULL;
    const Var *from = to && is_address(s->rhs) ? expr_root_var(s->rhs) : NULL;
    if (from && names_have(names, to->name) != names_have(names, from->name)) {
        names_add(names, names_have(names, to->name) ? from->name : to->name);
        *grew = true;
    }
    for (int i = 0; i < s->nbody; i++)
        add_copies(s->body[i], names, grew);
    add_copies(s->init, names, grew);
    add_copies(s->step, names, grew);
    add_copies(s->then, names, grew);
    add_copies(s->els, names, grew);
}

static NameSet aliases_of(const Func *fn, const char *name) {
    NameSet names = {0};
    names_add(&names, name);
    for (bool grew = true; grew;) {
        grew = false;
        add_copies(fn->body, &names, &grew);
    }
    return names;
}

/* What a read of the expression looks for: the variables of names, but in the second operand of
 * && and || and the branches of ?: when the first operand (the condition) reads the value of
 * the part at index at of block (or of the parts it reaches): those run after it. */
typedef struct Reading {
    const NameSet *names;
    const Stmt *block;
    int at;               /* -1: none */
    const Type *written;  /* the type of the global or argument written: also look for memory
                             read by another name that may designate it; NULL: names only */
    bool global_reads;    /* an argument is written through: the globals it may point to count */
} Reading;

static bool reads_value(const Reading *r, const Expr *e) {
    for (int k = r->at; k >= 0; k = consumer(r->block, k))
        if (value_of(r->block, k) && expr_mentions(e, value_of(r->block, k)))
            return true;
    return false;
}

/* Whether what v points to may be the memory of a global of type written (or what it points
 * to), made so anywhere in the program (`gp = c;` or f(x, &level) in main): v is a pointer, or
 * a global array a global pointer may point to; both hold floating data or neither does. */
static bool may_share(const Var *v, const Type *written) {
    return v && type_has_floating(v->type) == type_has_floating(written) &&
           (v->type->kind == TY_PTR || (v->kind == VAR_GLOBAL && v->type->kind == TY_ARRAY && written->kind == TY_PTR));
}

/* When v holds the value of a comma (lower.c's comma_value): what it copies, with the index of
 * its declaration in *decl; else v. */
static const Var *comma_source(const Stmt *block, const Var *v, int *decl) {
    for (int k = 0; k < block->nbody; k++)
        if (block->body[k]->comma_value == v) {
            for (*decl = k + 1; *decl < block->nbody && block->body[*decl]->var != v; ++*decl)
                ;
            const Var *source = *decl < block->nbody ? expr_root_var(block->body[*decl]->rhs) : NULL;
            return source ? source : v;
        }
    *decl = -1;
    return v;
}

/* The variable by which e itself reads memory r->written may designate (an element, a
 * dereference, a member through a pointer; for an argument written through, any global), or
 * NULL. A call given the pointer reads in its body: check_shared. */
static const char *reads_shared(const Reading *r, const Expr *e, bool target) {
    bool element = e->kind == EX_INDEX || e->kind == EX_DEREF || (e->kind == EX_MEMBER && e->arrow);
    const Var *root = r->written && !target && (element || (r->global_reads && e->kind == EX_VAR)) ? expr_root_var(e)
                                                                                                  : NULL;
    int decl;
    if (root && comma_source(r->block, root, &decl) != root) { /* (advance(x), c)[0] reads c[0] */
        if (r->at >= 0 && right_of_comma(r->block, r->at, decl))
            return NULL; /* after the comma's left operand */
        root = comma_source(r->block, root, &decl);
    }
    if (root && r->global_reads) /* any global the argument may point to (f(x, &level) in main) */
        return root->kind == VAR_GLOBAL && type_has_floating(root->type) == type_has_floating(r->written) ? root->name
                                                                                                          : NULL;
    return may_share(root, r->written) ? root->name : NULL;
}

/* The variable e reads itself, leaving out the variable e assigns when e is a statement's
 * target, or NULL. */
static const char *reads_named(const Reading *r, const Expr *e, bool target) {
    if (!e)
        return NULL;
    if (e->kind == EX_VAR)
        return !target && names_have(r->names, e->var->name) ? e->var->name : reads_shared(r, e, target);
    if (reads_shared(r, e, target))
        return reads_shared(r, e, target);
    bool after = (e->kind == EX_BINARY && (e->op == OP_LAND || e->op == OP_LOR) && reads_value(r, e->lhs)) ||
                 (e->kind == EX_COND && reads_value(r, e->cond));
    const char *found = NULL;
    for (int i = 0; i < e->nargs && !found; i++)
        found = reads_named(r, e->args[i], false);
    if (!found && !(after && e->kind == EX_COND))
        found = reads_named(r, e->lhs, target && e->kind != EX_DEREF);
    if (!found && !after)
        found = reads_named(r, e->rhs, false);
    return found ? found : reads_named(r, e->cond, false);
}

/* The variable s reads itself (all of it: inside = the if of a ?:, && or ||; else only its
 * condition, the group's last statement), or NULL. A compound assignment reads its target (in
 * an order C leaves open with the call of its other operand: a[0] += g(a)). */
static const char *stmt_reads_named(const Reading *r, const Stmt *s, bool inside) {
    const char *found = reads_named(r, s->lhs, s->kind == ST_ASSIGN && s->op == OP_NONE);
    if (!found)
        found = reads_named(r, s->rhs, false);
    if (!found)
        found = reads_named(r, s->cond, false);
    for (int i = 0; inside && !found && i < s->nbody; i++)
        found = stmt_reads_named(r, s->body[i], true);
    if (inside && !found && s->then)
        found = stmt_reads_named(r, s->then, true);
    return inside && !found && s->els ? stmt_reads_named(r, s->els, true) : found;
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

typedef struct Pointer {
    const Func *fn;
    const Var *p;
    int depth;            /* calls and copies followed to get here */
} Pointer;

/* Whether s copies the pointer: into a local pointer variable, written through if that is
 * (`params *q = (params *)p;`); anywhere else, perhaps. */
static bool copy_writes_through(const Pointer *at, const Stmt *s) {
    if (!((s->kind == ST_ASSIGN || s->kind == ST_DECL) && is_address(s->rhs) && expr_root_var(s->rhs) == at->p))
        return false;
    const Var *copy = s->kind == ST_DECL ? s->var : s->lhs->kind == EX_VAR ? s->lhs->var : NULL;
    return !copy || copy->kind != VAR_LOCAL || at->depth > 8 || writes_through(at->fn, copy, at->depth + 1);
}

/* Whether s itself may write through the pointer: a store into what it points to, a copy of it
 * (the copy may be written through), a call writing through it. */
static bool writes_through_here(const Stmt *s, const void *ctx) {
    const Pointer *at = ctx;
    const Var *p = at->p;
    return (s->kind == ST_ASSIGN && s->lhs->kind != EX_VAR && expr_root_var(s->lhs) == p) || copy_writes_through(at, s) ||
           call_writes_through(s->lhs, p, at->depth) || call_writes_through(s->rhs, p, at->depth) ||
           call_writes_through(s->cond, p, at->depth);
}

/* A pointer already being asked about on the way here (recursion, copies back and forth)
 * adds no write the question does not find elsewhere: the way stops there. */
static bool writes_through(const Func *fn, const Var *p, int depth) {
    static Pointer asking[16];
    if (p->type->kind == TY_PTR && !type_target_writable(p->type))
        return false;
    for (int k = 0; k < depth && k < 16; k++)
        if (asking[k].fn == fn && asking[k].p == p)
            return false;
    Pointer at = {fn, p, depth};
    if (depth < 16)
        asking[depth] = at;
    return stmt_find(fn->body, writes_through_here, &at) != NULL;
}

/* What a call may change: the globals it (or what it calls) writes, with those it reads, and
 * the arguments it writes through. */
typedef struct Effects {
    const Expr *call;
    Uses globals;
    const Var **through;  /* the root variables of the arguments written through */
    int nthrough;
} Effects;

static Effects effects_of(Summaries *summaries, const Expr *call) {
    Effects fx = {.call = call, .globals = uses_of(summaries, call->callee)};
    for (int k = 0; k < call->nargs && k < call->callee->nparams; k++) {
        const Var *root = is_address(call->args[k]) ? expr_root_var(call->args[k]) : NULL;
        if (root && writes_through(call->callee, call->callee->params[k], 0))
            IR_APPEND(fx.through, fx.nthrough, root);
    }
    return fx;
}

/* The calls of a part of an expression: its hoisted call, or every call in the if of a ?:,
 * && or || or in the left operand of a comma (which run in the order of its operands, but in
 * any with the rest). */
typedef struct Part {
    Summaries *summaries;
    Effects *calls;
    int ncalls;
} Part;

static void add_calls(Part *part, const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_CALL && e->callee)
        IR_APPEND(part->calls, part->ncalls, effects_of(part->summaries, e));
    for (int i = 0; i < e->nargs; i++)
        add_calls(part, e->args[i]);
    add_calls(part, e->lhs);
    add_calls(part, e->rhs);
    add_calls(part, e->cond);
}

static void add_stmt_calls(Part *part, const Stmt *s) {
    if (!s)
        return;
    add_calls(part, s->lhs);
    add_calls(part, s->rhs);
    add_calls(part, s->cond);
    for (int i = 0; i < s->nbody; i++)
        add_stmt_calls(part, s->body[i]);
    add_stmt_calls(part, s->then);
    add_stmt_calls(part, s->els);
}

/* An expression being checked: the function it is in, and what its callees use. */
typedef struct Order {
    const Func *fn;
    Summaries *summaries;
} Order;

static Part part_at(const Order *o, const Stmt *block, int at) {
    Part part = {.summaries = o->summaries};
    if (computed_by_if(block, at) >= 0 || block->body[at]->comma_value)
        add_stmt_calls(&part, block->body[at]);
    else if (hoisted_call(block->body[at]))
        IR_APPEND(part.calls, part.ncalls, effects_of(o->summaries, hoisted_call(block->body[at])));
    return part;
}

static void refuse_read(const Effects *fx, const char *what, const char *name, const char *read) {
    const char *as = strcmp(name, read) == 0 ? "" : ir_format(" through '%s'", read);
    error_at(fx->call->loc, "%s writes %s '%s', which the same expression also reads%s, in an order C "
             "leaves unspecified; call it in a statement of its own", call_spelling(fx->call), what, name, as);
}

/* Whether what the call of fx, made by the part at index at of block (-1: a later part), writes
 * is read by the statement at index k of the expression (that statement itself, not a call it
 * makes); refused if so. */
static bool check_reads(const Order *o, const Effects *fx, const Stmt *block, int at, int k) {
    const Stmt *s = block->body[k];
    bool inside = computed_by_if(block, k) >= 0;
    for (int g = 0; g < fx->globals.count; g++) {
        const Use *use = &fx->globals.items[g];
        NameSet names = aliases_of(o->fn, use->name);
        Reading r = {&names, block, at, use->type, false};
        const char *read = use->write.line ? stmt_reads_named(&r, s, inside) : NULL;
        if (read) {
            refuse_read(fx, "the global", use->name, read);
            return true;
        }
    }
    for (int i = 0; i < fx->nthrough; i++) {
        NameSet names = aliases_of(o->fn, fx->through[i]->name);
        Reading r = {&names, block, at, fx->through[i]->type, true};
        const char *read = stmt_reads_named(&r, s, inside);
        if (read) {
            refuse_read(fx, "through its argument", fx->through[i]->name, read);
            return true;
        }
    }
    return false;
}

/* Two calls of one expression, neither sequenced before the other: refused when one writes a
 * global the other reads or writes, but when both only count in it. */
static bool check_calls(const Effects *first, const Effects *second) {
    for (int g = 0; g < first->globals.count; g++) {
        const Use *a = &first->globals.items[g];
        for (int h = 0; h < second->globals.count; h++) {
            const Use *b = &second->globals.items[h];
            bool counts = !a->read.line && !b->read.line && !a->set.line && !b->set.line;
            if (strcmp(a->name, b->name) != 0 || !(a->write.line || b->write.line) || counts)
                continue;
            const Effects *writer = a->write.line ? first : second, *other = writer == first ? second : first;
            const Use *other_use = writer == first ? b : a;
            error_at(writer->call->loc, "%s writes the global '%s', which %s in the same expression also %s, "
                     "in an order C leaves unspecified; call them in statements of their own",
                     call_spelling(writer->call), a->name, call_spelling(other->call),
                     other_use->write.line ? "writes" : "reads");
            return true;
        }
    }
    return false;
}

/* The argument of call that may point where a global of type written does, or NULL. */
static const Var *shared_argument(const Expr *call, const Type *written) {
    for (int k = 0; k < call->nargs; k++)
        if (is_address(call->args[k]) && may_share(expr_root_var(call->args[k]), written))
            return expr_root_var(call->args[k]);
    return NULL;
}

/* A global fx uses that an argument of type written may point to, or NULL. */
static const Use *shared_global(const Effects *fx, const Type *written) {
    for (int g = 0; g < fx->globals.count; g++) {
        const Use *use = &fx->globals.items[g];
        if (type_has_floating(use->type) == type_has_floating(written))
            return use;
    }
    return NULL;
}

/* Two calls as in check_calls: refused when one writes a global (or through a global pointer)
 * and the other is given a pointer that may point there (made so elsewhere), or one writes
 * through its argument and the other uses a global it may point to. */
static bool check_shared(const Effects *writer, const Effects *other) {
    for (int i = 0; i < writer->nthrough; i++) {
        const Use *use = shared_global(other, writer->through[i]->type);
        if (use) {
            error_at(writer->call->loc, "'%s' writes through its argument '%s', which '%s' in the same expression "
                     "may reach through the global '%s', in an order C leaves unspecified; call them in "
                     "statements of their own", writer->call->callee->name, writer->through[i]->name,
                     other->call->callee->name, use->name);
            return true;
        }
    }
    for (int g = 0; g < writer->globals.count; g++) {
        const Use *use = &writer->globals.items[g];
        const Var *arg = use->write.line ? shared_argument(other->call, use->type) : NULL;
        if (arg) {
            error_at(writer->call->loc, "'%s' writes the global '%s', which '%s' in the same expression may reach "
                     "through '%s', in an order C leaves unspecified; call them in statements of their own",
                     writer->call->callee->name, use->name, other->call->callee->name, arg->name);
            return true;
        }
    }
    return false;
}

/* Whether x and y are the variables a and b (in either order) under the same casts and signs. */
static bool same_wrapping(const Expr *x, const Expr *y, const Var *a, const Var *b) {
    while (x->kind == y->kind && (x->kind == EX_CAST || x->kind == EX_UNARY) && x->op == y->op &&
           x->type->kind == y->type->kind) {
        x = x->lhs;
        y = y->lhs;
    }
    return x->kind == EX_VAR && y->kind == EX_VAR && ((x->var == a && y->var == b) || (x->var == b && y->var == a));
}

/* Whether e adds or multiplies the variables a and b (in either order) with nothing else. */
static bool sums_pair(const Expr *e, const Var *a, const Var *b) {
    if (!e)
        return false;
    if (e->kind == EX_BINARY && (e->op == OP_ADD || e->op == OP_MUL) && same_wrapping(e->lhs, e->rhs, a, b))
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (sums_pair(e->args[i], a, b))
            return true;
    return sums_pair(e->lhs, a, b) || sums_pair(e->rhs, a, b) || sums_pair(e->cond, a, b);
}

/* Whether the values declared at i and j are of the same call, added or multiplied together
 * where they are read: `stepper(y) + stepper(y)`, `log1p(g(x) * g(x))`. */
static bool same_call_commuted(const Stmt *block, int i, int j) {
    const Expr *a = hoisted_call(block->body[i]), *b = hoisted_call(block->body[j]);
    if (!a || !b || strcmp(expr_text(a), expr_text(b)) != 0 || consumer(block, i) != consumer(block, j))
        return false;
    const Stmt *use = block->body[consumer(block, i)];
    const Var *va = block->body[i]->var, *vb = block->body[j]->var;
    return sums_pair(use->lhs, va, vb) || sums_pair(use->rhs, va, vb) || sums_pair(use->cond, va, vb);
}

/* The part of an expression at index at of block runs in any order with the rest of the
 * expression but the parts its value reaches, whose calls run after it. */
static int check_call_order(const Order *o, const Stmt *block, int at) {
    Part part = part_at(o, block, at);
    int end = expression_end(block, at);
    for (int k = at + 1; k <= end; k++) {
        bool after = (computed_by_if(block, k) >= 0 && feeds(block, at, k)) || right_of_comma(block, at, k);
        for (int c = 0; c < part.ncalls && !after; c++)
            if (check_reads(o, &part.calls[c], block, at, k))
                return 1;
    }
    for (int k = at + 1; k <= end; k++) {
        if (!expression_part(block, k) || feeds(block, at, k) || same_call_commuted(block, at, k))
            continue;
        Part later = part_at(o, block, k);
        for (int c = 0; c < later.ncalls; c++) {
            if (check_reads(o, &later.calls[c], block, -1, at))
                return 1;
            for (int d = 0; d < part.ncalls; d++)
                if (check_calls(&part.calls[d], &later.calls[c]) || check_shared(&part.calls[d], &later.calls[c]) ||
                    check_shared(&later.calls[c], &part.calls[d]))
                    return 1;
        }
    }
    return 0;
}

static int check_order(const Order *o, const Stmt *s) {
    if (!s)
        return 0;
    int errors = 0;
    for (int i = 0; i < s->nbody; i++) {
        if (expression_part(s, i))
            errors += check_call_order(o, s, i);
        errors += check_order(o, s->body[i]);
    }
    return errors + check_order(o, s->init) + check_order(o, s->step) + check_order(o, s->then) +
           check_order(o, s->els);
}

int globals_check_call_order(Program *prog) {
    Summaries summaries = {0};
    Uses reached = {.summaries = &summaries};
    for (int f = 0; f < prog->nfuncs; f++)
        if (prog->funcs[f]->requested)
            walk_func(&reached, prog->funcs[f]);
    int errors = 0;
    for (int i = 0; i < reached.nseen; i++) {
        Order o = {reached.seen[i], &summaries};
        errors += check_order(&o, reached.seen[i]->body);
    }
    return errors;
}
