/* tbr.c: to-be-recorded analysis (see tbr.h).
 *
 * A variable is needed by a statement when that statement's backward sweep reads it: in an
 * index of an active access, in an operand of an operation whose partials depend on operand
 * values (x*y, sin x), or as an argument of an active call. An assignment must save the value
 * it overwrites only if some statement that needs the variable can run before it: one earlier
 * in the function (or the assignment itself, reading the old value), or one in a loop that
 * also holds the assignment. So `s += x[i]` in a loop is not taped when only the final s is
 * read, after the loop. Statements are numbered in evaluation order for this; memory reached
 * through a parameter is always saved (a caller's backward sweep may read it as it was), unless
 * the callers keep it themselves (kept.c), and so is every write to a global that reverse mode
 * restores (globals.c).
 * The index of a counting loop is recomputed at the top of each backward trip, so what the
 * loop's own statements read of it never asks for a save; nor does the value an assignment
 * gives a loop that the backward sweep can count again from its bounds. An integer step
 * `k += 1` is undone in the backward sweep rather than taped: it reads k's new value there. */
#include <limits.h>
#include <string.h>
#include "activity.h"
#include "branch_cond.h"
#include "c_text.h"
#include "deriv.h"
#include "diag.h"
#include "kept.h"
#include "mpifn.h"
#include "param_reads.h"
#include "recompute.h"
#include "refill.h"
#include "tbr.h"
#include "write_once.h"

typedef struct Need {
    int first;          /* the lowest statement number that needs the variable */
    int *loops;         /* loops (statement ids) holding a statement that needs it */
    int nloops;
    bool recomputing;   /* a recomputed definition reads it: its value must reach the backward sweep */
    int *numbers;       /* the statement numbers that need it */
    int nnumbers;
} Need;

/* An assignment to a variable that runs before each later statement of its block (and of the
 * blocks inside it) while the walk is there: the latest one per variable, and the log that
 * forgets them when the walk leaves a branch or a loop body. */
typedef struct Kill {
    int number;         /* its statement number (0: none) */
    int depth;          /* how many loops were around it */
} Kill;

typedef struct Forgotten {
    int var;
    Kill kill;          /* the variable's Kill before */
} Forgotten;

/* An integer step `k += c`, and the loops around it: if k is needed, the backward sweep undoes
 * it, reading the value it leaves. */
typedef struct Step {
    const Stmt *stmt;
    int number;
    int *loops;
    int nloops;
} Step;

typedef struct Tbr {
    Func *fn;
    const Stmt *body;
    Need *needs;        /* per variable */
    int *assignments;   /* per variable: assignments seen (2 = several or in a loop) */
    int number;         /* number of the statement being visited */
    int *loops;         /* ids of the loops around it */
    const Stmt *outer_loop; /* the outermost of them */
    const Var **indices; /* their indices, for counting loops (recomputed), else NULL */
    int nloops;
    Var **members;      /* the members pointers are read from (member_root) */
    int nmembers;
    Step *steps;        /* the integer steps met */
    int nsteps;
    int *loop_first, *loop_last; /* per loop id: the range of statement numbers it holds */
    Kill *kills;        /* per variable (decision pass) */
    bool *at_top;       /* per variable: recomputed by a statement of the function's top level,
                           where the backward sweep begins (its final value is not taped) */
    Stmt **candidates;  /* the definitions the backward sweep may compute again (recompute.c) */
    bool *candidate_at_top; /* per candidate: at the function's top level */
    int ncandidates;
    const Stmt **recomputed; /* per variable: its candidate definition, computed again when the
                                variable is needed (branch_cond.c reads it), or NULL */
    Forgotten *log;     /* the Kills replaced, in order */
    int nlog;
    int errors;
} Tbr;

/* v is read at statement number, inside loops[0..nloops). */
static void record_need(Var *v, Need *n, int number, const int *loops, int nloops) {
    v->needed = true;
    if (number < n->first)
        n->first = number;
    if (!n->nnumbers || n->numbers[n->nnumbers - 1] != number)
        IR_APPEND(n->numbers, n->nnumbers, number);
    for (int i = 0; i < nloops; i++) {
        bool known = false;
        for (int k = 0; k < n->nloops && !known; k++)
            known = n->loops[k] == loops[i];
        if (known)
            continue;
        IR_APPEND(n->loops, n->nloops, loops[i]);
    }
}

static void need_all(Tbr *t, const Expr *e);

typedef struct MemberStores {
    Tbr *t;
    const Var *s;
} MemberStores;

/* Needs the value a store `s.m = value;` gives pointer member m of the local struct ms->s;
 * false, to visit every statement. */
static bool need_member_store(const Stmt *st, const void *ctx) {
    const MemberStores *ms = ctx;
    const Expr *m = st->kind == ST_ASSIGN ? st->lhs : NULL;
    if (m && m->kind == EX_MEMBER && !m->arrow && m->lhs->kind == EX_VAR && m->lhs->var == ms->s &&
        m->type->kind == TY_PTR)
        need_all(ms->t, st->rhs);
    return false;
}

/* v is read at the statement being visited. A local struct whose members point to floating
 * data is also read through them: by the function (`A.diag[i]`, member_blocks.c, where the
 * backward sweep points them back to its own copies: adjoint.c, member_shadows) and by the
 * callees given &s. So the arrays, parameters and blocks its members were given are needed
 * there too (difftest seeds 2001778 and 31511: a write through `s.y` after `g(&s)` was not
 * saved, and g's backward sweep read the new value). */
static void need_var(Tbr *t, Var *v) {
    v->needed = true;
    if (v->index < 0) /* a member pointers are read from (member_root): a parameter's, always there */
        return;
    for (int i = 0; i < t->nloops; i++)
        if (t->indices[i] == v) /* recomputed in each backward trip */
            return;
    Need *n = &t->needs[v->index];
    if (n->nnumbers && n->numbers[n->nnumbers - 1] == t->number) /* already, with what it holds */
        return;
    record_need(v, n, t->number, t->loops, t->nloops);
    n->recomputing |= t->number == INT_MAX;
    if (v->kind == VAR_LOCAL && v->type->kind == TY_STRUCT && type_field_pointing_to_floating(v->type))
        stmt_find(t->fn->body, need_member_store, &(MemberStores){t, v});
}

static void need_all(Tbr *t, const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_MEMBER && !e->arrow && e->lhs->kind == EX_VAR) { /* s.c: not the arrays */
        need_var(t, e->lhs->var);
        return;
    }
    if (e->kind == EX_VAR)
        need_var(t, e->var);
    if (e->kind == EX_INDEX || e->kind == EX_DEREF || (e->kind == EX_MEMBER && e->arrow)) {
        /* through a pointer into a local array (p[k], *p, pp->v) */
        Var *root = expr_root_var(e);
        if (root && root->pointer_root)
            need_var(t, root->pointer_root);
    }
    need_all(t, e->lhs);
    need_all(t, e->rhs);
    need_all(t, e->cond);
    for (int i = 0; i < e->nargs; i++)
        need_all(t, e->args[i]);
}

/* Index expressions of an lvalue, and pointer locals it goes through. A pointer parameter the
 * body moves (f2c's `--ipiv;`) is needed too: the backward sweep restores `ipiv[j]` where ipiv
 * points then (must_save saves its moves; its Need stays its memory's). */
static void need_address(Tbr *t, const Expr *e) {
    for (; e; e = e->lhs) {
        if (e->kind == EX_INDEX)
            need_all(t, e->rhs);
        if (e->kind == EX_VAR && e->var->kind == VAR_PARAM && e->var->entry)
            e->var->needed = true;
        if (e->kind == EX_VAR && e->var->kind == VAR_LOCAL && e->var->type->kind == TY_PTR &&
            !e->var->heap) /* a heap pointer is always restored: its Need is its block's */
            need_var(t, e->var);
        if (e->kind == EX_BINARY) { /* pointer arithmetic */
            need_all(t, e->rhs);
            need_all(t, e->lhs);
            return;
        }
    }
}

/* value: the backward sweep needs e's value (not only its derivative). */
static void need_expr(Tbr *t, const Expr *e, bool value) {
    if (!e->active) {
        if (value)
            need_all(t, e);
        return;
    }
    if (e->kind == EX_VAR || e->kind == EX_INDEX || e->kind == EX_MEMBER || e->kind == EX_DEREF) {
        need_address(t, e);
        if (value)
            need_all(t, e);
        return;
    }
    bool whole = value || expr_uses_result(e); /* the operation itself is recomputed */
    if (e->kind == EX_CALL)
        for (int i = 0; i < e->nargs; i++)
            need_expr(t, e->args[i], whole || operand_value_needed(e, i));
    if (e->lhs)
        need_expr(t, e->lhs, whole || operand_value_needed(e, 0));
    if (e->rhs)
        need_expr(t, e->rhs, whole || operand_value_needed(e, 1));
}

/* Whether argument i of call is a local array the callee can reach only through that
 * parameter: no pointer of the function points into it, and every other argument is a value,
 * another such array, or a pointer parameter the function never assigns. */
static bool sole_way_in(const Tbr *t, const Expr *call, int i) {
    const Expr *arg = call->args[i];
    const Var *array = arg->kind == EX_VAR ? arg->var : NULL;
    if (!array || array->kind != VAR_LOCAL || array->type->kind != TY_ARRAY || array->aliased)
        return false;
    for (int k = 0; k < t->fn->nvars; k++)
        if (t->fn->vars[k]->pointer_root == array)
            return false;
    for (int j = 0; j < call->nargs; j++) {
        const Expr *other = call->args[j];
        const Var *root = expr_root_var(other);
        bool value = other->type && (other->type->kind == TY_INT || type_is_floating(other->type));
        bool array_too = other->kind == EX_VAR && other->var->kind == VAR_LOCAL &&
                         other->var->type->kind == TY_ARRAY && !other->var->aliased;
        bool param = root && root->kind == VAR_PARAM && root->type->kind == TY_PTR && !root->pointer_root &&
                     !stmt_assigns(t->body, root);
        if (j != i && ((!value && !array_too && !param) || root == array))
            return false;
    }
    return true;
}

/* What the backward sweep of a call to a user function reads: its arguments, and the array a
 * local pointer given to it points into (difftest seed 15135: `double *seed = grid0[1];` given
 * to h0, whose partials read seed[0]; grid0 was taped nowhere and the backward sweep read
 * zeros), but not the values of a whole local array given to a parameter that the callee's
 * backward sweep does not read through (param_reads.c), when the callee reaches the array by
 * that parameter only. */
static void need_call(Tbr *t, const Expr *call) {
    if (!call->callee) {
        need_all(t, call);
        return;
    }
    for (int i = 0; i < call->nargs; i++) {
        const Expr *arg = call->args[i];
        Var *root = expr_root_var(arg);
        if (!sole_way_in(t, call, i) || param_reads_values(call, i)) {
            need_all(t, arg);
            if (root && root->kind == VAR_LOCAL && root->type->kind == TY_PTR && root->pointer_root)
                need_var(t, root->pointer_root); /* g(p) with p = &a[4]: g may read a (entry 129) */
        } else /* declared in the backward sweep, which passes it on, but none of its values are read */
            arg->var->needed = true;
    }
}

/* `y = tanh(z)` and `y = a / b` read the operands their partials need, and the new y: as if
 * numbered after the assignment, so that only a later overwrite of y saves it. */
static void need_result(Tbr *t, const Stmt *s) {
    const Expr *e = s->rhs;
    if (e->kind == EX_CALL)
        for (int i = 0; i < e->nargs; i++)
            need_expr(t, e->args[i], operand_value_needed(e, i));
    else {
        need_expr(t, e->lhs, operand_value_needed(e, 0));
        need_expr(t, e->rhs, operand_value_needed(e, 1));
    }
    t->number++;
    need_all(t, s->lhs);
    t->number--;
}

/* What the backward sweep of one assignment reads. */
static void need_assignment(Tbr *t, const Stmt *s) {
    if (s->lhs->kind != EX_VAR) /* a saved element is restored through its address */
        need_address(t, s->lhs);
    if (!s->active)
        return;
    if (s->rhs->kind == EX_CALL && s->rhs->callee) {
        need_call(t, s->rhs);
    } else if (reuses_result(s)) {
        need_result(t, s);
    } else if (type_is_floating(s->lhs->type)) {
        if (s->companion && !s->companion_later)
            need_var(t, s->companion);
        if (s->result_read) { /* read as the value this assignment leaves */
            t->number++;
            need_all(t, s->lhs);
            t->number--;
        }
        bool compound = s->op == OP_MUL || s->op == OP_DIV;
        if (!s->companion) /* else the companion is the partial: f(t) needs no t */
            need_expr(t, s->rhs, compound);
        if (compound && s->rhs->active) /* the old value is the other factor */
            need_all(t, s->lhs);
    } else {
        need_address(t, s->rhs);
    }
}

/* Whether the backward sweep of the assignment s just visited reads the variable it writes:
 * it then saves the value it overwrites however little its callees read. */
static bool reads_own_target(const Tbr *t, const Stmt *s) {
    const Var *v = expr_root_var(s->lhs);
    if (!v || v->index < 0)
        return false;
    const Need *n = &t->needs[v->index];
    return n->nnumbers && n->numbers[n->nnumbers - 1] == t->number;
}

/* A checkpointed loop is replayed in the backward sweep: it reads everything it reads. */
static void need_everything(Tbr *t, const Stmt *s) {
    if (!s)
        return;
    need_all(t, s->lhs);
    need_all(t, s->rhs);
    need_all(t, s->cond);
    for (int i = 0; i < s->nbody; i++)
        need_everything(t, s->body[i]);
    need_everything(t, s->init);
    need_everything(t, s->step);
    need_everything(t, s->then);
    need_everything(t, s->els);
}

static bool shares_loop(const Tbr *t, const Need *n) {
    for (int i = 0; i < t->nloops; i++)
        for (int k = 0; k < n->nloops; k++)
            if (t->loops[i] == n->loops[k])
                return true;
    return false;
}

static bool loop_assigns(const Stmt *s, const void *v) {
    return (s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO) &&
           (stmt_assigns(s->then, v) || stmt_assigns(s->step, v));
}

/* Var.entry_len of every parameter: only arrays written in loops are taped whole (a few writes
 * elsewhere cost less taped one by one), and not around checkpointed loops, nor structs of
 * pointers (len(s: 1)) and row pointers (double **), whose bytes hold none of the data written
 * through them. */
static void choose_entry_tapes(Func *fn, const Stmt *body) {
    bool checkpointed = stmt_has_checkpoint(body);
    for (int i = 0; i < fn->nparams; i++) {
        Var *p = fn->params[i];
        p->entry_len = fn->len[i] && p->type->kind == TY_PTR && !type_is_rows(p->type) && !p->entry &&
                       !p->type->base->is_const && !checkpointed &&
                       !func_param_zeroed_by_member(fn, i) && stmt_find(body, loop_assigns, p) ? fn->len[i] : NULL;
    }
}

/* Whether some statement numbered first..last needs v. */
static bool needed_within(const Need *n, int first, int last) {
    for (int i = 0; i < n->nnumbers; i++)
        if (n->numbers[i] >= first && n->numbers[i] <= last)
            return true;
    return false;
}

/* Whether a statement of loop needs v: also a result read as if right after the loop's last
 * statement (`y = a / b` reads the y it leaves, numbered after it: need_result), which the
 * loop's range of numbers misses (difftest seed 1001702: `steps = (ip0 - c) / (2 + q * q)`
 * last in a loop was not taped, and each trip's backward sweep took the last trip's steps for
 * its own quotient). */
static bool needed_in_loop(const Need *n, int loop) {
    for (int i = 0; i < n->nloops; i++)
        if (n->loops[i] == loop)
            return true;
    return false;
}

/* Whether the value assignment s (numbered t->number) overwrites in a local scalar is read by
 * no statement of the backward sweep: an earlier assignment K to the variable runs before s
 * in the same trip of every loop around K, and nothing between K and s needs the variable,
 * nor anything in the loops around s that are not around K (their earlier trips run in
 * between). The backward sweep then leaves s's value in place until it restores (or finds
 * unneeded) the older one at K: `r2 = 0.0; for (d...) r2 += dx[d] * dx[d];` saves r2 once. */
static bool covered(const Tbr *t, const Stmt *s) {
    const Var *v = s->lhs->kind == EX_VAR ? s->lhs->var : NULL;
    if (!v || v->kind != VAR_LOCAL || v->aliased || v->heap || v->pointer_root || v->which ||
        (!type_is_floating(v->type) && v->type->kind != TY_INT))
        return false;
    const Kill *k = &t->kills[v->index];
    const Need *n = &t->needs[v->index];
    if (!k->number || needed_within(n, k->number, t->number))
        return false;
    for (int i = k->depth; i < t->nloops; i++)
        if (needed_within(n, t->loop_first[t->loops[i]], t->loop_last[t->loops[i]]) ||
            needed_in_loop(n, t->loops[i]))
            return false;
    return true;
}

/* Whether the lvalue e reaches memory through a pointer (s.y[k], *s.p, s.q->v) rather than
 * naming part of its root variable (s.c, a[k] of a local array). */
static bool through_pointer(const Expr *e) {
    for (; e && e->kind != EX_VAR; e = e->lhs)
        if (e->kind == EX_DEREF || (e->kind == EX_MEMBER && e->arrow) ||
            (e->kind == EX_INDEX && e->lhs->type->kind == TY_PTR))
            return true;
    return false;
}

/* An element write inside one counting loop that no read sees before it (write_once.c). */
static bool written_once(const Tbr *t, const Stmt *s) {
    return t->nloops == 1 && t->indices[0] && !t->outer_loop->checkpoint &&
           write_once_element(t->body, t->outer_loop, s);
}

/* Whether the assignment s (numbered t->number) must save the value it overwrites. */
static bool must_save(const Tbr *t, const Stmt *s) {
    Var *v = expr_root_var(s->lhs);
    if (!v || s->first_def || s->recompute || stmt_allocates_row(s)) /* each row is allocated once */
        return false;
    if (stmt_points_one_array(s)) /* the backward sweep points the member to its array (member_shadows) */
        return false;
    if (expr_is_realloc(s->rhs)) /* the old block is gone: the pointer keeps its last block (tbr.h) */
        return false;
    if (global_is_restored(t->fn, v)) /* other functions' backward sweeps read it (globals.c) */
        return true;
    if (s->lhs->kind == EX_VAR && v->heap) /* each block is freed where its allocation is reversed: */
        return t->assignments[v->index] >= 2; /* then p is the block it held before */
    if (s->lhs->kind == EX_VAR && (v->pointer_root || v->which) && v->active) /* its adjoint is recomputed where it is restored; */
        return t->assignments[v->index] >= 2 || v->kind == VAR_PARAM; /* a parameter is read before */
    if (s->lhs->kind == EX_VAR && v->kind == VAR_PARAM && v->entry && v->needed) /* a moved parameter the */
        return true;                                    /* backward sweep writes through (need_address) */
    if (s->lhs->kind != EX_VAR) { /* a write to memory: of the array a pointer points into */
        if (v->kind == VAR_LOCAL && v->type->kind == TY_PTR && !v->pointer_root && !v->heap)
            return true;
        if (v->kind == VAR_LOCAL && v->type->kind == TY_STRUCT && through_pointer(s->lhs))
            return true; /* through a member of a local struct of pointers (s.y[k]): a parameter's
                            or a heap block's memory, restored as if written by its name */
        v = v->pointer_root ? v->pointer_root : v;
        v = var_is_entry(v) ? v->pointer_root : v;
        if (v->aliased) /* a switched pointer may read it under another name */
            return true;
        if (v->kind == VAR_PARAM && !v->entry_len && !v->caller_keeps)
            return true;
    }
    const Need *n = &t->needs[v->index];
    return v->needed && (n->first <= t->number || shares_loop(t, n)) && !covered(t, s) && !written_once(t, s);
}

static bool integer_step(const Stmt *s) {
    return s->kind == ST_ASSIGN && (s->op == OP_ADD || s->op == OP_SUB) && s->lhs->kind == EX_VAR &&
           s->lhs->type->kind == TY_INT && s->rhs->kind == EX_NUM;
}

static void record_step(Tbr *t, const Stmt *s) {
    for (int i = 0; i < t->nloops; i++)
        if (t->indices[i] == s->lhs->var) /* a counting loop's own step: recomputed */
            return;
    int *loops = ir_alloc(sizeof(int) * (size_t)(t->nloops + 1));
    memcpy(loops, t->loops, sizeof(int) * (size_t)t->nloops);
    IR_APPEND(t->steps, t->nsteps, (Step){s, t->number, loops, t->nloops});
}

/* The backward sweep undoes a step of a needed variable from the value the step leaves: that
 * value is needed as if read right after the step. */
static void need_step_results(Tbr *t) {
    for (int i = 0; i < t->nsteps; i++) {
        const Step *st = &t->steps[i];
        Var *v = st->stmt->lhs->var;
        if (v->needed)
            record_need(v, &t->needs[v->index], st->number + 1, st->loops, st->nloops);
    }
}

/* Which kept arrays (kept.c) the call of s must tape: those a statement before it, or one in
 * a loop around it, reads (the call itself reads the array as it leaves it), and those a
 * switched pointer may read (its reads are not counted). */
static void decide_kept(const Tbr *t, Stmt *s) {
    const Expr *call = s->rhs;
    if (!call || call->kind != EX_CALL || !call->callee)
        return;
    s->tapes_kept = ir_alloc(sizeof(bool) * (size_t)(call->nargs + 1));
    for (int i = 0; i < call->nargs; i++) {
        if (!kept_arg(call, i))
            continue;
        const Var *array = expr_root_var(call->args[i]);
        const Need *n = &t->needs[array->index];
        s->tapes_kept[i] = array->needed && (array->aliased || n->first < t->number || shares_loop(t, n));
    }
}

static void count_passed(Var *v, void *arg) {
    Tbr *t = arg;
    t->assignments[v->index] += t->nloops > 0 ? 2 : 1;
}

/* Refuses a call adc cannot see into (qsort, a library routine) given a pointer to non-const
 * integers (an index list, a struct of them) that the backward sweep reads before this point is reversed: the
 * call may rewrite them, and its writes cannot be taped and undone. */
static void check_opaque_int_writes(Tbr *t, const Expr *e) {
    if (!e)
        return;
    check_opaque_int_writes(t, e->lhs);
    check_opaque_int_writes(t, e->rhs);
    for (int i = 0; i < e->nargs; i++)
        check_opaque_int_writes(t, e->args[i]);
    bool opaque = e->kind == EX_CALL && !e->callee && !e->math && !e->tape_op && !expr_is_allocation(e) &&
                  strcmp(e->text, "free") != 0;
    for (int i = 0; opaque && i < e->nargs; i++) {
        const Expr *arg = e->args[i];
        bool cast = arg->kind == EX_CAST; /* not a struct cast to a handle (OpenMPI's MPI_DOUBLE) */
        while (arg->kind == EX_CAST)
            arg = arg->lhs;
        const Var *root = expr_root_var(arg);
        const Type *type = arg->type;
        bool ints = (type->kind == TY_PTR || type->kind == TY_ARRAY) && !type->base->is_const &&
                    type->base->kind == TY_INT;
        /* a struct of integers the call writes (&status for MPI_Recv, an array of them; not a
         * handle such as MPI_Comm, a pointer passed by value), read before it or again in its loop */
        bool status = (arg->kind == EX_ADDR || (arg->kind == EX_VAR && type->kind == TY_ARRAY)) && !cast &&
                      !type->base->is_const && type->base->kind == TY_STRUCT && !type_has_floating(type->base) &&
                      !mpifn_reads_status(e->text);
        const Need *n = (ints || status) && root && root->needed ? &t->needs[root->index] : NULL;
        if (n && (n->first < t->number + ints || shares_loop(t, n))) {
            error_at(e->loc, "in reverse mode, '%s' may rewrite the integers '%s' points to, which the backward "
                     "sweep reads, and adc cannot undo its writes; give it a copy of them", e->text, expr_text(arg));
            t->errors++;
        }
    }
}

/* The assignment s (numbered t->number) runs before what follows it in its block. */
static void record_kill(Tbr *t, const Stmt *s) {
    if (s->lhs->kind != EX_VAR || s->lhs->var->index < 0)
        return;
    int index = s->lhs->var->index;
    IR_APPEND(t->log, t->nlog, (Forgotten){index, t->kills[index]});
    t->kills[index] = (Kill){t->number, t->nloops};
}

/* Forgets the assignments recorded since the log had mark entries (the walk leaves a branch or
 * a loop body: what ran there may not have run). */
static void forget_kills(Tbr *t, int mark) {
    while (t->nlog > mark) {
        t->nlog--;
        t->kills[t->log[t->nlog].var] = t->log[t->nlog].kill;
    }
}

/* Whether the backward sweep decides the branch of if s (of each link of an else-if chain
 * from s: the first whose condition holds, or the last else) from the conditions. A longer
 * chain keeps its taped number: its test would be a long nest of conditional expressions. */
static bool chain_recomputable(const Tbr *t, const Stmt *s) {
    enum { MAX_LINKS = 16 };
    int links = 0;
    for (const Stmt *link = s; link; link = stmt_else_if(link)) /* counted first: each link of a */
        if (++links > MAX_LINKS)                                   /* long chain asks (long_else_if) */
            return false;
    for (const Stmt *link = s; link; link = stmt_else_if(link))
        if (!branch_cond_recomputable(t->body, link->cond, t->indices, t->nloops, t->recomputed))
            return false;
    return true;
}

/* Numbers the statements in evaluation order, by twos: the odd number after a statement's is
 * where its backward sweep reads the value it leaves (need_result), read before the next
 * statement's (difftest seed 900090: `t[2] = 1.25 / (2 + b * b);` right before `k(0.5, t)`,
 * which overwrites t without reading it, shared the call's number, and decide_kept took that
 * read for the call's own and taped nothing). First pass: records needs, second: decides. */
static void visit(Tbr *t, Stmt *s, bool decide) {
    if (!s)
        return;
    t->number += 2;
    switch (s->kind) {
    case ST_ASSIGN:
        if (decide) {
            check_opaque_int_writes(t, s->rhs);
            s->saves = must_save(t, s);
            decide_kept(t, s);
            record_kill(t, s);
        } else if (s->lhs->kind == EX_VAR)
            t->assignments[s->lhs->var->index] += t->nloops > 0 ? 2 : 1;
        if (!decide) /* a callee given &v may assign v */
            expr_passed_addresses(s->rhs, false, count_passed, t);
        if (!decide) {
            need_assignment(t, s);
            s->reads_target = reads_own_target(t, s);
        }
        if (!decide && integer_step(s))
            record_step(t, s);
        break;
    case ST_CALL:
        if (s->active && !decide)
            need_call(t, s->rhs);
        if (!decide)
            expr_passed_addresses(s->rhs, false, count_passed, t);
        if (decide) {
            check_opaque_int_writes(t, s->rhs);
            decide_kept(t, s);
        }
        break;
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            visit(t, s->body[i], decide);
        break;
    case ST_IF: {
        if (!decide) { /* the backward sweep evaluates it again: it reads what it reads */
            s->cond_recomputed = chain_recomputable(t, s);
            for (const Stmt *link = s; s->cond_recomputed && link; link = stmt_else_if(link))
                need_all(t, link->cond);
        }
        int mark = t->nlog;
        visit(t, s->then, decide);
        forget_kills(t, mark);
        visit(t, s->els, decide);
        forget_kills(t, mark);
        break;
    }
    default: { /* loops */
        const Expr *first, *bound = tbr_loop_bound(s, &first);
        if (bound && !decide) { /* the backward sweep counts the trips from them */
            need_all(t, first);
            need_all(t, bound);
        }
        visit(t, s->init, decide);
        int mark = t->nlog, start = t->number;
        t->indices[t->nloops] = s->kind == ST_FOR && !s->checkpoint ? s->var : NULL;
        if (t->nloops == 0)
            t->outer_loop = s;
        t->loops[t->nloops++] = s->id;
        if (s->checkpoint && !decide)
            need_everything(t, s->then);
        visit(t, s->step, decide);
        forget_kills(t, mark); /* the step runs after the body */
        visit(t, s->then, decide);
        forget_kills(t, mark);
        t->nloops--;
        t->loop_first[s->id] = start;
        t->loop_last[s->id] = t->number;
        break;
    }
    }
}

/* The member pointer value e is read from (s->x in s->x, s->x + k, &s->x[k], (T *)s->x), or
 * NULL. */
static const Expr *member_read(const Expr *e) {
    switch (e->kind) {
    case EX_MEMBER: return e;
    case EX_CAST: return member_read(e->lhs);
    case EX_ADDR: return e->lhs->kind == EX_INDEX ? member_read(e->lhs->lhs) : NULL;
    case EX_COND: return member_read(e->lhs) ? member_read(e->lhs) : member_read(e->rhs);
    case EX_BINARY:
        return member_read(e->lhs->type->kind == TY_PTR || e->lhs->type->kind == TY_ARRAY ? e->lhs : e->rhs);
    default: return NULL;
    }
}

/* A Var standing for member m (s->x of a parameter s the body never assigns) as the array the
 * pointers read from it point into: named by its C text, its adjoint the shadow struct's
 * member, so that p_b = s_b->x + (p - s->x) and p is taped as an offset from s->x. The member
 * holds the same array in both sweeps (members pointing to floating data are never
 * re-pointed: pointer_check.c). It is no variable of fn (index -1): memory reached through a
 * parameter is always saved. NULL for another member (read through a local, or nested). */
static Var *member_root(Tbr *t, const Stmt *body, const Expr *m) {
    const Expr *s = m->lhs;
    if (m->kind != EX_MEMBER || m->type->kind != TY_PTR || s->kind != EX_VAR || s->var->kind != VAR_PARAM ||
        s->var->entry || stmt_assigns_itself(body, s->var))
        return NULL;
    const char *text = expr_text(m);
    for (int i = 0; i < t->nmembers; i++)
        if (strcmp(t->members[i]->name, text) == 0)
            return t->members[i];
    Var *v = ir_alloc(sizeof *v);
    v->name = v->source_name = text;
    v->type = m->type;
    v->kind = VAR_PARAM;
    v->loc = m->loc;
    v->index = -1;
    v->varied = v->useful = v->active = true;
    v->shadow = shadow_text(m, "_b");
    IR_APPEND(t->members, t->nmembers, v);
    return v;
}

/* Refuses e, converted to `void *`, when it is the address of a local that is no heap block:
 * a pointer made back from the void * (GSL's `void *params`) has no array to be taped
 * relative to (find_pointer_roots), and the backward sweep, which runs after the frame is
 * gone, would read through it. */
static void refuse_local_as_void(Tbr *t, const Expr *e) {
    while (e && e->kind == EX_CAST)
        e = e->lhs;
    Var *root = e && !type_is_void_pointer(e->type) ? expr_root_var(e) : NULL;
    bool address = e && (e->kind == EX_ADDR || (e->kind == EX_VAR && (e->type->kind == TY_ARRAY || e->type->kind == TY_PTR)));
    if (!address || !root || root->kind != VAR_LOCAL || root->heap)
        return;
    error_at(e->loc, "in reverse mode, the address of the local variable '%s' as a 'void *' is not supported: "
             "the backward sweep runs after '%s' returns and would read through it; let the caller own "
             "the data and take the 'void *' as a parameter", root->name, t->fn->name);
    t->errors++;
}

static void find_locals_as_void(Tbr *t, const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_CAST && type_is_void_pointer(e->type))
        refuse_local_as_void(t, e->lhs);
    for (int i = 0; i < e->nargs; i++) {
        if (e->kind == EX_CALL && e->callee && i < e->callee->nparams && type_is_void_pointer(e->callee->params[i]->type))
            refuse_local_as_void(t, e->args[i]);
        find_locals_as_void(t, e->args[i]);
    }
    find_locals_as_void(t, e->lhs);
    find_locals_as_void(t, e->rhs);
    find_locals_as_void(t, e->cond);
}

/* The array a local pointer points into, from its assignments: an active pointer's adjoint
 * is found from it, and it is taped as an offset from it. A pointer parameter the body moves
 * points into its entry. */
static void find_pointer_roots(Tbr *t, const Stmt *body, const Stmt *s) {
    if (!s)
        return;
    const Type *target = s->kind == ST_DECL ? s->var->type : s->kind == ST_ASSIGN ? s->lhs->type : NULL;
    if (type_is_void_pointer(target))
        refuse_local_as_void(t, s->rhs);
    find_locals_as_void(t, s->lhs);
    find_locals_as_void(t, s->rhs);
    find_locals_as_void(t, s->cond);
    const Expr *member = s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR &&
                         s->lhs->var->type->kind == TY_PTR ? member_read(s->rhs) : NULL;
    Var *from_member = member && s->rhs->kind != EX_COND ? member_root(t, body, member) : NULL;
    if (member && (!from_member || s->lhs->var->kind != VAR_LOCAL) && s->lhs->var->active) {
        error_at(s->rhs->loc, "in reverse mode, a pointer read from a struct member (assigned to '%s') is "
                 "supported only from a member of a struct parameter the function never assigns, "
                 "without '?:'; index through the member itself (s->x[i])", s->lhs->var->name);
        t->errors++;
    } else if (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var->kind == VAR_LOCAL &&
        s->lhs->var->type->kind == TY_PTR && !s->lhs->var->which && !s->lhs->var->heap &&
        !(s->lhs->var == t->fn->result && func_returns_heap(t->fn))) { /* heap blocks are their own roots */
        Var *p = s->lhs->var, *root = from_member ? from_member
                                    : s->op == OP_NONE ? expr_root_var(s->rhs) : p->pointer_root;
        if (root && !p->active && s->op == OP_NONE && !from_member && root->type->base &&
            root->type->base->kind == TY_PTR)
            root = NULL; /* `long *seg = data[0]` for a long **data: it points where data[0] does, not into data */
        if (root && root->pointer_root && s->op == OP_NONE) /* p's own root is resolved already */
            root = root->pointer_root;
        if (root && type_is_void_pointer(root->type))
            root = NULL; /* a pointer from a void *params: no derivatives (pointer_check.c), no base */
        if (root && root->type->kind != TY_PTR && root->type->kind != TY_ARRAY)
            root = NULL; /* the address of a struct (`MPI_Comm comm = MPI_COMM_WORLD`): no array to start at */
        bool fixed = root && ((root->kind == VAR_PARAM && root->type->kind == TY_PTR) ||
                              root->type->kind == TY_ARRAY || var_is_entry(root) || root->heap);
        if ((!fixed || (p->pointer_root && p->pointer_root != root)) && p->active) {
            error_at(s->loc, "in reverse mode an active pointer must always point into the same "
                     "parameter or local array");
            t->errors++;
        }
        p->pointer_root = root;
    }
    for (int i = 0; i < s->nbody; i++)
        find_pointer_roots(t, body, s->body[i]);
    find_pointer_roots(t, body, s->init);
    find_pointer_roots(t, body, s->step);
    find_pointer_roots(t, body, s->then);
    find_pointer_roots(t, body, s->els);
}

/* A pointer walking a heap block (`p = h; p++`) is taped as an offset from h and its adjoint
 * found from h's (adjoint.c): h must hold that one block wherever p is used, so h gets its block
 * once, outside loops, and is never swapped with another (Var.aliased). Run after the first
 * visit, which counts the assignments (two for one in a loop). */
static void check_heap_walks(Tbr *t) {
    bool *reported = ir_alloc(sizeof(bool) * (size_t)(t->fn->nvars + 1)); /* per heap pointer: once */
    for (int i = 0; i < t->fn->nvars; i++) {
        const Var *p = t->fn->vars[i], *h = p->pointer_root;
        if (!h || !h->heap || !p->active || var_is_entry(p) || (t->assignments[h->index] == 1 && !h->aliased) ||
            reported[h->index])
            continue;
        reported[h->index] = true;
        error_at(p->loc, "in reverse mode, pointer '%s' moving through the heap block of '%s' is supported only "
                 "when '%s' is assigned once, outside loops, and never swapped or copied (here it is %s): the "
                 "backward sweep finds '%s''s derivative from the block '%s' holds; index '%s' (%s[i]) instead",
                 p->name, h->name, h->name, h->aliased ? "swapped or copied" : "assigned again or in a loop",
                 p->name, h->name, h->name, h->name);
        t->errors++;
    }
}

/* A candidate whose value the backward sweep reads (in this instance: the flag is set anew
 * each time) is recomputed rather than saved; then its operands are read too (latest first:
 * an operand may itself be a candidate). One of the function's top level is recomputed where
 * the backward sweep begins, instead of taping its final value. */
static void choose_recomputed(Tbr *t) {
    t->number = INT_MAX; /* what they read never changes: no save depends on when */
    for (int i = t->ncandidates - 1; i >= 0; i--) {
        Stmt *c = t->candidates[i];
        c->recompute = c->lhs->var->needed;
        if (c->recompute)
            need_all(t, c->rhs);
        t->at_top[c->lhs->var->index] = c->recompute && t->candidate_at_top[i];
    }
}

/* Whether some statement (or a recomputed definition) of the backward sweep reads variable i's
 * value, not only its name (need_call's arrays the callee does not read). */
static bool value_read(const Tbr *t, int i) {
    const Need *n = &t->needs[i];
    return n->first != INT_MAX || n->nloops > 0 || n->recomputing;
}

/* Needed local arrays that a loop fills from unchanging values are filled again where the
 * backward sweep begins (refill.c), not taped: the copies of those loops read what they read,
 * before the recomputed definitions are chosen. */
static void choose_refilled(Tbr *t) {
    Func *fn = t->fn;
    const RecomputeScope *scope = NULL;
    const Stmt **loops = ir_alloc(sizeof(Stmt *) * (size_t)(fn->nvars + 1));
    fn->refills = NULL;
    fn->nrefills = 0;
    for (int i = 0; i < fn->nvars; i++) {
        Var *v = fn->vars[i];
        if (!v->needed || !value_read(t, i) || v->kind != VAR_LOCAL || v->type->kind != TY_ARRAY)
            continue;
        scope = scope ? scope : recompute_top_scope(fn, (Stmt *)t->body);
        loops[i] = refill_loop(t->body, scope, v);
        v->refilled = loops[i] != NULL;
    }
    t->number = INT_MAX; /* what they read never changes: no save depends on when */
    Var **arrays = ir_alloc(sizeof(Var *) * (size_t)(fn->nvars + 1)); /* refill_slice keeps none */
    for (int i = 0; i < fn->nvars; i++) {
        const Stmt *loop = loops[i];
        int narrays = 0;
        for (int k = i; loop && k < fn->nvars; k++)
            if (loops[k] == loop) { /* one copy for the arrays of one loop */
                arrays[narrays++] = fn->vars[k];
                loops[k] = NULL;
            }
        if (!narrays)
            continue;
        Stmt *slice = refill_slice(loop, arrays, narrays);
        IR_APPEND(fn->refills, fn->nrefills, slice);
        need_everything(t, slice);
    }
}

/* The candidates for recomputation, before the needs that choose among them. */
static void find_candidates(Tbr *t, Stmt *body) {
    t->candidates = recompute_candidates(t->fn, body, &t->ncandidates, &t->candidate_at_top);
    t->recomputed = ir_alloc(sizeof(Stmt *) * (size_t)(t->fn->nvars + 1));
    for (int i = 0; i < t->ncandidates; i++)
        t->recomputed[t->candidates[i]->lhs->var->index] = t->candidates[i];
}

static int loop_depth(const Stmt *s) {
    if (!s)
        return 0;
    int deepest = 0;
    for (int i = 0; i < s->nbody; i++) {
        int d = loop_depth(s->body[i]);
        deepest = d > deepest ? d : deepest;
    }
    const Stmt *parts[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4; i++) {
        int d = loop_depth(parts[i]);
        deepest = d > deepest ? d : deepest;
    }
    return deepest + (s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO);
}

static bool is_which(const Func *fn, const Var *v) {
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->which == v)
            return true;
    return false;
}

int tbr_analyze(Func *fn, Stmt *body) {
    Tbr t = {.fn = fn, .body = body, .needs = ir_alloc(sizeof(Need) * (size_t)(fn->nvars + 1)),
             .assignments = ir_alloc(sizeof(int) * (size_t)(fn->nvars + 1)),
             .loops = ir_alloc(sizeof(int) * (size_t)(loop_depth(body) + 1)),
             .indices = ir_alloc(sizeof(Var *) * (size_t)(loop_depth(body) + 1)),
             .loop_first = ir_alloc(sizeof(int) * (size_t)(fn->nstmts + 1)),
             .loop_last = ir_alloc(sizeof(int) * (size_t)(fn->nstmts + 1)),
             .kills = ir_alloc(sizeof(Kill) * (size_t)(fn->nvars + 1)),
             .at_top = ir_alloc(sizeof(bool) * (size_t)(fn->nvars + 1))};
    for (int i = 0; i < fn->nvars; i++) {
        fn->vars[i]->needed = fn->vars[i]->saved = fn->vars[i]->refilled = false;
        fn->vars[i]->pointer_root = NULL;
        fn->vars[i]->entry_len = NULL;
        t.needs[i].first = INT_MAX;
    }
    for (int i = 0; i < fn->nparams; i++)
        if (fn->params[i]->entry) { /* they point into each other: see Var.pointer_root */
            fn->params[i]->pointer_root = fn->params[i]->which ? NULL : fn->params[i]->entry;
            fn->params[i]->entry->pointer_root = fn->params[i];
            fn->params[i]->entry->active = fn->params[i]->active;
        }
    choose_entry_tapes(fn, body);
    find_pointer_roots(&t, body, body);
    find_candidates(&t, body);
    visit(&t, body, false);
    check_heap_walks(&t);
    choose_refilled(&t);
    choose_recomputed(&t);
    need_step_results(&t);
    for (int i = 0; i < fn->nvars; i++) {
        Var *v = fn->vars[i];
        if (((v->pointer_root || v->which) && v->active) || v->aliased || v->heap) /* switched; heap: freed there */
            v->needed = true;
        if (v->which && v->needed) /* it travels with its pointer (adjoint.c) */
            v->which->needed = true;
        v->live_out = v->needed && !var_is_entry(v) && !is_which(fn, v) && !t.at_top[i] && !v->refilled &&
                      (value_read(&t, i) || v->pointer_root || v->which || v->aliased || v->heap);
        v->saved = v->needed && v->kind == VAR_PARAM && t.assignments[i] > 0;
    }
    t.number = 0;
    visit(&t, body, true);
    return t.errors;
}

/* Integer types a long holds and compares as C does (a loop over an unsigned type may wrap). */
static bool signed_integer(const Type *t) {
    static const char *const names[] = {"int", "signed", "signed int", "short", "short int", "long",
                                        "long int", "long long", "long long int", "ptrdiff_t",
                                        "int8_t", "int16_t", "int32_t", "int64_t"};
    if (!t || t->kind != TY_INT || !t->name)
        return false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(t->name, names[i]) == 0)
            return true;
    return false;
}

/* An integer type whose rank and signedness the front end knows. */
static bool ranked_integer(const Type *t) {
    return t && t->kind == TY_INT && t->int_rank > 0;
}

/* Integer arithmetic over variables that keep their values while loop runs, each part of a
 * type that integer_type accepts. */
static bool loop_invariant_arith(const Expr *e, const Stmt *loop, bool (*integer_type)(const Type *)) {
    if (!integer_type(e->type))
        return false;
    switch (e->kind) {
    case EX_NUM:
        return true;
    case EX_VAR:
        return e->var->kind != VAR_GLOBAL && e->var != loop->var && !stmt_assigns(loop->then, e->var);
    case EX_UNARY:
        return (e->op == OP_NEG || e->op == OP_PLUS) && loop_invariant_arith(e->lhs, loop, integer_type);
    case EX_CAST:
        return loop_invariant_arith(e->lhs, loop, integer_type);
    case EX_BINARY:
        return (e->op == OP_ADD || e->op == OP_SUB || e->op == OP_MUL || e->op == OP_DIV || e->op == OP_MOD) &&
               loop_invariant_arith(e->lhs, loop, integer_type) &&
               loop_invariant_arith(e->rhs, loop, integer_type);
    default:
        return false;
    }
}

/* Whether the trip count of `for (i = first; i < bound; i += c)` (or `<=`) follows from first
 * and bound computed in i's own type (adjoint.c): a signed i from signed first and bound (held
 * in a long); or an unsigned i, of int's rank or more, stepping by 1 (it meets the bound before
 * it could wrap), whose comparison converts bound to i's type under the usual arithmetic
 * conversions (bound's rank is not above i's: `i < n` with an int n < 0 runs until i reaches
 * (size_t)n, as C's loop does), first converted to i's type as the assignment does. */
static bool counts_in_index_type(const Stmt *loop, const Expr *first, const Expr *bound) {
    const Type *index = loop->var->type;
    if (signed_integer(index))
        return loop_invariant_arith(first, loop, signed_integer) && loop_invariant_arith(bound, loop, signed_integer);
    return type_is_wide_unsigned(index) && counting_stride(loop->step, loop->var) == 1 &&
           ranked_integer(bound->type) &&
           bound->type->int_rank <= index->int_rank &&
           loop_invariant_arith(first, loop, ranked_integer) &&
           loop_invariant_arith(bound, loop, ranked_integer);
}

const Expr *tbr_loop_bound(const Stmt *loop, const Expr **first) {
    if (loop->kind != ST_FOR || !loop->var || loop->checkpoint || !loop->init)
        return NULL;
    const Stmt *init = loop->init;
    if (init->kind == ST_BLOCK && init->nbody == 1)
        init = init->body[0];
    if (init->kind != ST_ASSIGN || init->op != OP_NONE || init->lhs->kind != EX_VAR || init->lhs->var != loop->var)
        return NULL;
    *first = init->rhs;
    const Expr *bound = loop->cond->rhs;
    return counts_in_index_type(loop, *first, bound) ? bound : NULL;
}

bool tbr_inverts(const Stmt *s) {
    return s->saves && integer_step(s);
}

static bool reversible_here(const Stmt *s, const void *ctx) {
    (void)ctx;
    return s->active || (s->kind == ST_ASSIGN && s->saves) || stmt_assigns_heap(s) || stmt_allocates_row(s); /* heap: freed there */
}

bool tbr_reversible(const Stmt *s) {
    return stmt_find(s, reversible_here, NULL) != NULL;
}
