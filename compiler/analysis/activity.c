/* activity.c: the activity analysis (see activity.h). Varied-ness flows forward from the
 * active parameters through assignments; usefulness flows backward from the active outputs
 * (the floating return value and active pointer parameters that are written). Both iterate
 * over the whole function until nothing changes, in evaluation order and in reverse by turns:
 * straight-line code settles in one pass each way, however deeply its blocks nest. */
#include <string.h>
#include "activity.h"
#include "table_step.h"
#include "diag.h"
#include "mathfn.h"
#include "mpi_check.h"
#include "mpifn.h"
#include "pointer_check.h"

typedef struct Flow {
    Func *fn;
    bool changed;
    bool any_active; /* a parameter is active */
    bool primal;     /* the copy without derivatives (no param_active): a returned block carries none */
    bool mpi_varied; /* an MPI call sends a varied buffer: every rank runs this code, so each
                        buffer an MPI call of fn receives into may get it */
    bool mpi_useful; /* an MPI call receives into a useful buffer: each buffer sent may reach it */
    const bool *settled; /* in adc's own adjoint code read back for second order, the mask: a
                            pointer parameter outside it carries no derivatives (the first stage
                            refused the function otherwise), in the function requested and in the
                            callees that get it; else NULL */
} Flow;

/* Whether argument i of call e is a value of a math function that carries no derivative:
 * floor(x)'s x, copysign(m, s)'s s (lower.c made assignments and calls inside it statements). */
static bool math_arg_ignored(const Expr *e, int i) {
    return e->kind == EX_CALL && e->math && !mathfn_arg_carries(e->math, i);
}

/* Descends only through floating (or pointer-to-floating) subexpressions: see activity.h. */
void expr_value_vars(const Expr *e, void (*visit)(Var *, void *), void *arg) {
    if (!e || !type_has_floating(e->type))
        return;
    switch (e->kind) {
    case EX_VAR: visit(e->var, arg); break;
    case EX_CALL: case EX_INITLIST:
        for (int i = 0; i < e->nargs; i++)
            if (!math_arg_ignored(e, i))
                expr_value_vars(e->args[i], visit, arg);
        break;
    default:
        expr_value_vars(e->lhs, visit, arg);
        expr_value_vars(e->rhs, visit, arg);
        break;
    }
}

static void any_varied(Var *v, void *arg) {
    if (v->varied)
        *(bool *)arg = true;
}

static void set_varied(Flow *f, Var *v) {
    if (!v || v->varied || v->is_static_const || !type_has_floating(v->type))
        return;
    v->varied = true;
    f->changed = true;
}

static bool is_pointer(const Type *t) {
    return t && (t->kind == TY_PTR || t->kind == TY_ARRAY);
}

/* Whether v is a pointer parameter outside f->settled: an output of the user's function (`double
 * *out` not in wrt) whose values the first stage found reach no result. The read-back's call
 * summaries (every output of f_forward depends on every input) would make it useful. */
static bool settled_inactive(const Flow *f, const Var *v) {
    for (int i = 0; f->settled && i < f->fn->nparams; i++)
        if (f->fn->params[i] == v)
            return !f->settled[i] && is_pointer(v->type);
    return false;
}

static void set_useful(Flow *f, Var *v) {
    if (!v || v->useful || !type_has_floating(v->type) || settled_inactive(f, v))
        return;
    v->useful = true;
    f->changed = true;
}

/* set_useful for expr_value_vars (arg: the Flow). */
static void mark_useful(Var *v, void *arg) {
    set_useful(arg, v);
}

static bool expr_varied(const Expr *e) {
    bool varied = false;
    expr_value_vars(e, any_varied, &varied);
    return varied;
}

/* A value popped from the tape: in adc's own output, a saved active value. */
static bool pops(const Expr *e) {
    return e && ((e->kind == EX_CALL && e->tape_op == TAPE_POP_DOUBLE) || (e->kind == EX_CAST && pops(e->lhs)));
}

/* The ?: a pointer value is chosen by (c ? a : b, (c ? a : b) + k), or NULL. */
static const Expr *pointer_choice(const Expr *e) {
    while (e && (e->kind == EX_CAST || e->kind == EX_BINARY))
        e = e->kind == EX_BINARY && !is_pointer(e->lhs->type) ? e->rhs : e->lhs;
    return e && e->kind == EX_COND ? e : NULL;
}

/* dst (through an lvalue of type type) receives value: forward and backward flow; a pointer
 * assigned a pointer aliases it both ways (each array a ?: may choose). */
static void flow_assign(Flow *f, Var *dst, const Type *type, const Expr *value, bool compound) {
    if (!dst)
        return;
    const Expr *choice = is_pointer(type) ? pointer_choice(value) : NULL;
    if (choice) {
        flow_assign(f, dst, type, choice->lhs, compound);
        flow_assign(f, dst, type, choice->rhs, compound);
    }
    if (expr_varied(value) || (compound && dst->varied) || pops(value))
        set_varied(f, dst);
    if (dst->useful)
        expr_value_vars(value, mark_useful, f);
    Var *src = is_pointer(type) ? expr_root_var(value) : NULL;
    if (src) { /* a pointer and what it points into are one value */
        if (dst->varied)
            set_varied(f, src);
        if (src->varied)
            set_varied(f, dst);
        if (dst->useful)
            set_useful(f, src);
        if (src->useful)
            set_useful(f, dst);
    }
}

/* A call adc cannot see into (neither a user function nor a math function nor the tape). */
static bool is_opaque(const Expr *call) {
    return !call->callee && !call->math && !call->tape_op && !call->mpi;
}

/* An argument through which a callee reaches memory: a pointer, an array, or a struct (which
 * may hold pointers). */
static bool reaches_memory(const Expr *arg) {
    return is_pointer(arg->type) || arg->type->kind == TY_STRUCT;
}

/* Whether the callee can write through argument i: a pointer to non-const floating data of a
 * user function; anything reaching memory, for a call adc cannot see into (it may cast). */
static bool arg_is_output(const Expr *call, const Expr *arg) {
    if (is_opaque(call))
        return reaches_memory(arg);
    return is_pointer(arg->type) && type_target_writable(arg->type) && type_has_floating(arg->type);
}

/* A global that carries derivatives, or a non-const floating one that fn writes (it may
 * come to carry derivatives). */
typedef bool GlobalTest(const Func *fn, const Var *v);

static bool is_active_global(const Func *fn, const Var *v) {
    return global_is_active(fn, v);
}

static bool writes_floating_global(const Func *fn, const Var *v) {
    return v->kind == VAR_GLOBAL && !v->is_static_const && type_has_floating(v->type) && stmt_assigns(fn->body, v);
}

/* Whether fn, or a function it calls, has a global that passes test (seen: the calls walked). */
static bool reaches_global(const Func *fn, GlobalTest *test, const Func ***seen, int *nseen);

static bool expr_reaches_global(const Expr *e, GlobalTest *test, const Func ***seen, int *nseen) {
    if (!e)
        return false;
    if (e->kind == EX_CALL && e->callee && reaches_global(e->callee, test, seen, nseen))
        return true;
    for (int i = 0; i < e->nargs; i++)
        if (expr_reaches_global(e->args[i], test, seen, nseen))
            return true;
    return expr_reaches_global(e->lhs, test, seen, nseen) || expr_reaches_global(e->rhs, test, seen, nseen) ||
           expr_reaches_global(e->cond, test, seen, nseen);
}

static bool stmt_reaches_global(const Stmt *s, GlobalTest *test, const Func ***seen, int *nseen) {
    if (!s)
        return false;
    if (expr_reaches_global(s->lhs, test, seen, nseen) || expr_reaches_global(s->rhs, test, seen, nseen) ||
        expr_reaches_global(s->cond, test, seen, nseen))
        return true;
    for (int i = 0; i < s->nbody; i++)
        if (stmt_reaches_global(s->body[i], test, seen, nseen))
            return true;
    return stmt_reaches_global(s->init, test, seen, nseen) || stmt_reaches_global(s->step, test, seen, nseen) ||
           stmt_reaches_global(s->then, test, seen, nseen) || stmt_reaches_global(s->els, test, seen, nseen);
}

static bool reaches_global(const Func *fn, GlobalTest *test, const Func ***seen, int *nseen) {
    for (int i = 0; i < *nseen; i++)
        if ((*seen)[i] == fn)
            return false;
    IR_APPEND(*seen, *nseen, fn);
    for (int i = 0; i < fn->nvars; i++)
        if (test(fn, fn->vars[i]))
            return true;
    return stmt_reaches_global(fn->body, test, seen, nseen);
}

static bool call_reaches(const Expr *call, GlobalTest *test) {
    const Func **seen = NULL;
    int nseen = 0;
    return call->callee && reaches_global(call->callee, test, &seen, &nseen);
}

static bool is_restored_global(const Func *fn, const Var *v) {
    return global_is_restored(fn, v);
}

bool call_reaches_restored_global(const Expr *call) {
    return call->callee && call->callee->prog && call->callee->prog->restored_globals.count &&
           call_reaches(call, is_restored_global);
}

bool call_reaches_active_global(const Expr *call) {
    return call->callee && call->callee->prog && call->callee->prog->nactive_globals &&
           call_reaches(call, is_active_global);
}

bool call_writes_memory(const Expr *call) {
    if (!call->callee || call->callee->primal) /* a dispatch: its targets' own calls decide */
        return false;
    for (int i = 0; i < call->nargs; i++) {
        const Type *t = i < call->callee->nparams ? call->callee->params[i]->type : call->args[i]->type;
        if (is_pointer(t) && t->base && type_target_writable(t))
            return true;
    }
    return false;
}

/* A user call, or one adc cannot see into: every output depends on every input (a
 * conservative summary); a callee that reaches an active global (an input and an output of
 * every function) makes them all varied and useful, and one that writes a floating global
 * makes its inputs useful (the global may carry their derivatives: its analysis says). */
static void flow_call(Flow *f, const Expr *call, Var *result) {
    bool global = call_reaches_active_global(call);
    /* A callee that communicates may receive what another rank's active data sent, and send
     * what another rank needs: with any active input, all it is given is active. */
    bool mpi = f->any_active && call->callee && mpi_func_communicates(call->callee);
    bool varied = global || mpi, useful = global || mpi || (result && result->useful) ||
                  call_reaches(call, writes_floating_global);
    for (int i = 0; i < call->nargs; i++) {
        varied |= expr_varied(call->args[i]);
        Var *root = arg_is_output(call, call->args[i]) ? expr_root_var(call->args[i]) : NULL;
        if (root) {
            varied |= root->varied;
            useful |= root->useful;
        }
    }
    if (varied) {
        set_varied(f, result);
        for (int i = 0; i < call->nargs; i++)
            if (arg_is_output(call, call->args[i]))
                set_varied(f, expr_root_var(call->args[i]));
    }
    if (useful)
        for (int i = 0; i < call->nargs; i++) {
            expr_value_vars(call->args[i], mark_useful, f);
            if (arg_is_output(call, call->args[i])) /* read, perhaps as a void * */
                set_useful(f, expr_root_var(call->args[i]));
        }
}

/* A returned heap block carries derivatives in every derivative of the function: the caller
 * holds its shadow (a tangent or adjoint of the whole block) whatever the function computed
 * into it, even from no active input (an allocation helper, NR's dvector). */
static void returned_heap(Flow *f, Var *v) {
    set_useful(f, v);
    if (!f->primal)
        set_varied(f, v);
}

/* An MPI call: data flows from the buffers sent on every rank to the buffers received into
 * on every rank (Flow.mpi_varied, mpi_useful); the request and count arguments carry none. A
 * point-to-point message may come from, or go to, other code on the other rank: what it
 * receives may vary with any active input, and what it sends may be useful there. */
static void flow_mpi(Flow *f, const Expr *call) {
    const MpiFn *m = call->mpi;
    Var *sent = m->send >= 0 ? expr_root_var(call->args[m->send]) : NULL;
    Var *received = m->recv >= 0 ? expr_root_var(call->args[m->recv]) : NULL;
    bool p2p = mpifn_point_to_point(m);
    if (p2p && f->any_active)
        set_varied(f, received);
    if (p2p)
        set_useful(f, sent);
    if (sent && sent->varied && type_has_floating(sent->type) && !f->mpi_varied)
        f->mpi_varied = f->changed = true;
    if (received && received->useful && !f->mpi_useful)
        f->mpi_useful = f->changed = true;
    if (f->mpi_varied)
        set_varied(f, received);
    if (f->mpi_useful)
        set_useful(f, sent);
}

static bool is_call(const Expr *e) {
    return e && e->kind == EX_CALL && (e->callee || is_opaque(e));
}

static void flow_stmt(Flow *f, Stmt *s, bool backward) {
    if (!s)
        return;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            flow_stmt(f, s->body[backward ? s->nbody - 1 - i : i], backward);
        break;
    case ST_DECL: case ST_ASSIGN: {
        Var *dst = s->kind == ST_DECL ? s->var : expr_root_var(s->lhs);
        if (dst && dst->heap && f->fn->prog && f->fn->prog->tangent_only) { /* adc's reverse code read back: */
            set_varied(f, dst); /* every block carries tangents, so that both sweeps tape them alike */
            set_useful(f, dst);
        }
        if (is_call(s->rhs))
            flow_call(f, s->rhs, dst);
        else if (s->rhs)
            flow_assign(f, dst, s->kind == ST_DECL ? s->var->type : s->lhs->type, s->rhs,
                        s->kind == ST_ASSIGN && s->op != OP_NONE);
        break;
    }
    case ST_CALL:
        if (s->rhs->kind == EX_CALL && s->rhs->mpi)
            flow_mpi(f, s->rhs);
        if (is_call(s->rhs))
            flow_call(f, s->rhs, NULL);
        if (s->rhs->tape_op == TAPE_PUSH_DOUBLE || s->rhs->tape_op == TAPE_PUSH_BYTES) /* popped and used later */
            expr_value_vars(s->rhs->args[1], mark_useful, f);
        if (s->rhs->tape_op == TAPE_POP_BYTES) /* a saved value, active where it was pushed */
            set_varied(f, expr_root_var(s->rhs->args[1]));
        break;
    case ST_RETURN:
        if (s->rhs && type_is_floating(f->fn->ret) && !f->primal)
            expr_value_vars(s->rhs, mark_useful, f);
        if (s->rhs && func_returns_heap(f->fn))
            returned_heap(f, expr_root_var(s->rhs));
        break;
    case ST_IF: case ST_FOR: case ST_WHILE: case ST_DO: {
        Stmt *parts[4] = {s->init, s->then, s->step, s->els}; /* a loop runs them in this order */
        for (int i = 0; i < 4; i++)
            flow_stmt(f, parts[backward ? 3 - i : i], backward);
        break;
    }
    default:
        break;
    }
}

/* ---- marking expressions and statements ---- */

/* Derivatives that silently vanish or jump deserve a word: an active value converted to an
 * integer (always), and non-smooth math functions (with -Wnonsmooth). */
static void warn_nonsmooth(const Expr *e) {
    if (e->kind == EX_CAST && e->type->kind == TY_INT && e->lhs->active)
        warning_at(e->loc, "converting an active value to an integer: the derivative through it is zero");
    if (e->kind == EX_CALL && e->math && e->math->kink && diag_nonsmooth())
        for (int i = 0; i < e->nargs; i++)
            if (e->args[i]->active) {
                warning_at(e->loc, "'%s' is not differentiable everywhere: adc uses one side's derivative "
                           "at a kink (and zero for floor/ceil/round)", e->text);
                break;
            }
}

static bool mark_expr(Expr *e) {
    if (!e)
        return false;
    bool kids = false;
    switch (e->kind) {
    case EX_VAR: kids = e->var->active; break;
    case EX_CALL: case EX_INITLIST:
        for (int i = 0; i < e->nargs; i++)
            if (!math_arg_ignored(e, i))
                kids |= mark_expr(e->args[i]);
        break;
    case EX_COND:
        mark_expr(e->cond);
        kids = mark_expr(e->lhs) | mark_expr(e->rhs);
        break;
    case EX_INDEX:
        mark_expr(e->rhs);
        kids = mark_expr(e->lhs);
        break;
    default:
        kids = mark_expr(e->lhs) | mark_expr(e->rhs);
        break;
    }
    e->active = (kids && type_has_floating(e->type) && !(e->kind == EX_CALL && !e->callee && !e->math)) ||
                (e->kind == EX_CALL && e->tape_op == TAPE_POP_DOUBLE);
    warn_nonsmooth(e);
    return e->active;
}

bool arg_is_active(const Expr *arg) {
    if (is_pointer(arg->type)) {
        Var *root = expr_root_var(arg);
        return root && root->active;
    }
    return arg->active;
}

bool call_returns_active_heap(const Expr *call) {
    return call->callee && func_returns_heap(call->callee) && call->active;
}

bool call_reversed_regardless(const Expr *call) {
    return call_reaches_active_global(call) || call_reaches_restored_global(call) || call_writes_memory(call) ||
           call_returns_active_heap(call) || call_frees_block(call);
}

static bool call_is_active(const Expr *call) {
    if (call_reversed_regardless(call))
        return true;
    for (int i = 0; i < call->nargs; i++)
        if (arg_is_active(call->args[i]))
            return true;
    return false;
}

/* An allocation assigned to a heap pointer (its size is an integer) or free of one: the
 * transforms give the block its shadow (Var.heap). An allocation anywhere else is refused by
 * pointer_check.c, or below when its memory would carry derivatives. */
static bool heap_managed(const Expr *e) {
    Var *freed = expr_freed_var(e);
    if (freed)
        return var_holds_blocks(freed);
    if (expr_freed_member(e))
        return true; /* free(p->u): pointer_check refuses it */
    return expr_freed_row(e) != NULL; /* free(a[i]), a row of a heap matrix */
}

/* Whether t points to integers only (a neighbour list): realloc and free of such a block touch
 * no derivatives (reading floating data through it is type punning, refused on its own). */
static bool points_to_integers(const Type *t) {
    return t->kind == TY_PTR && t->base->kind == TY_INT;
}

/* Whether t points to integers wider than char (an index table, a struct's `const int *ja`): memory
 * read through it holds no derivatives (char may view any memory; floating data seen through an
 * int pointer is type punning, refused by check_reinterpreting). */
static bool points_to_index_data(const Type *t) {
    return points_to_integers(t) && t->base->int_rank >= 2;
}

/* A call adc cannot see into is refused when it may touch derivatives: given a pointer (or a
 * struct) reaching active memory, which it may read or write, or an active value whose
 * result feeds an active one, or when its result is a pointer to memory that becomes active.
 * feeds_active: e's value flows into an active variable. */
static int check_opaque_calls(const Expr *e, bool feeds_active) {
    if (!e)
        return 0;
    if (heap_managed(e))
        return 0;
    if (e->kind == EX_CALL && is_opaque(e) && !mathfn_prints(e->text)) { /* printing reads values only */
        bool touches = feeds_active && is_pointer(e->type); /* perhaps a void * */
        if (touches && expr_is_allocation(e)) {
            error_at(e->loc, "memory from '%s' would carry derivatives: adc does not differentiate heap "
                     "memory yet (use a local array or a parameter)", e->text);
            return 1;
        }
        bool moves_blocks = expr_is_allocation(e) || strcmp(e->text, "free") == 0; /* not their contents */
        for (int i = 0; i < e->nargs; i++)
            touches |= arg_is_active(e->args[i]) && (feeds_active || reaches_memory(e->args[i])) &&
                       !(moves_blocks && points_to_integers(e->args[i]->type));
        if (touches && mathfn_memory(e->text)) { /* one lower_memory.c left a call */
            error_at(e->loc, "cannot differentiate this '%s': adc differentiates memcpy, memmove and memset as "
                     "statements over double or float arrays of one type, with a byte count of sizeof array, "
                     "k * sizeof(T) or sizeof(T) * k in whole elements (memmove within one array or between two "
                     "arrays declared here, not between pointers that may meet; memset with 0)", e->text);
            return 1;
        }
        if (touches && strncmp(e->text, "MPI_", 4) == 0) {
            error_at(e->loc, "adc does not differentiate '%s': of MPI it differentiates MPI_Send, MPI_Recv, "
                     "MPI_Sendrecv, MPI_Isend, MPI_Irecv, MPI_Wait, MPI_Waitall, MPI_Bcast, MPI_Reduce and "
                     "MPI_Allreduce (README, MPI)", e->text);
            return 1;
        }
        if (touches) {
            error_at(e->loc, "cannot differentiate through '%s': it is not a supported math function and "
                     "its definition is not in this file", e->text);
            return 1;
        }
    }
    int errors = check_opaque_calls(e->lhs, feeds_active) + check_opaque_calls(e->rhs, feeds_active) +
                 check_opaque_calls(e->cond, false);
    for (int i = 0; i < e->nargs; i++)
        errors += check_opaque_calls(e->args[i], feeds_active);
    return errors;
}

/* check_opaque_calls of an assigned value: an allocation assigned to a heap pointer has only
 * its sizes checked (realloc's pointer is the heap pointer itself). */
static int check_assigned_call(const Var *dst, const Expr *value, bool feeds_active) {
    const Expr *alloc = dst && dst->heap ? expr_allocation(value) : NULL;
    if (!alloc)
        return check_opaque_calls(value, feeds_active);
    int errors = 0;
    for (int i = 0; i < alloc->nargs; i++)
        if (!is_pointer(alloc->args[i]->type))
            errors += check_opaque_calls(alloc->args[i], false);
    return errors;
}

/* Whether converting a pointer of type from to type to reads floating data as something else
 * (`*(int *)&y`, `(char *)x`, `(double *)&f`): its derivative would be lost. */
static bool reinterprets(const Type *to, const Type *from) {
    if (!is_pointer(to) || !is_pointer(from) || !type_has_floating(from))
        return false;
    const Type *a = type_scalar(to), *b = type_scalar(from);
    return a->kind != b->kind || (a->kind == TY_STRUCT && strcmp(a->name, b->name) != 0);
}

/* Whether pointer e points into data that depends on an active input. */
static bool points_to_varied(const Expr *e) {
    Var *root = expr_root_var(e);
    return root && root->varied;
}

/* Whether e converts an integer other than 0 to a pointer to floating data (an address
 * computed as a number, `(double *)((uintptr_t)v + k * 8)`): its derivative would be lost. */
static bool pointer_from_integer(const Expr *e) {
    if (e->kind != EX_CAST || !is_pointer(e->type) || !type_has_floating(e->type))
        return false;
    const Expr *from = e->lhs;
    while (from->kind == EX_CAST && is_pointer(from->type)) /* (double *)(void *)addr */
        from = from->lhs;
    return from->type->kind == TY_INT && !(from->kind == EX_NUM && strcmp(from->text, "0") == 0);
}

/* Refuses each conversion of a pointer to varied data to a pointer to another type: of e to
 * dst (an assignment's target; NULL for none), and the casts inside e (a user function's
 * untyped parameters: check_untyped_params); and each pointer to floating data made from an
 * integer. */
static int check_reinterpreting(const Type *dst, const Expr *e) {
    if (!e || expr_freed_var(e)) /* free((char *)v): Numerical Recipes' FREE_ARG only hands a block back */
        return 0;
    if (pointer_from_integer(e)) {
        error_at(e->loc, "a pointer to floating data made from an integer (an address computed as a number) "
                 "is not supported: adc cannot tell which array its derivative points into; index the array "
                 "instead");
        return 1;
    }
    bool cast = e->kind == EX_CAST && reinterprets(e->type, e->lhs->type) && points_to_varied(e->lhs);
    const Type *to = cast ? e->type : dst;
    if (cast || (dst && reinterprets(dst, e->type) && points_to_varied(e))) {
        if (type_scalar(to)->kind == TY_VOID)
            error_at(e->loc, "active floating data passed as 'void *' (a 'void *params' of an ODE or solver "
                     "interface) is not supported: adc cannot follow it back to its type; give the pointer "
                     "the type of the data, or pass the active values another way");
        else
            error_at(e->loc, "active floating data seen through a pointer to another type (type punning) "
                     "is not supported: its derivative would be lost");
        return 1;
    }
    int errors = check_reinterpreting(NULL, e->lhs) + check_reinterpreting(NULL, e->rhs) +
                 check_reinterpreting(NULL, e->cond);
    for (int i = 0; i < e->nargs; i++)
        errors += check_reinterpreting(NULL, e->args[i]);
    return errors;
}

/* A user function given active memory (or memory that depends on an active input) through a
 * parameter whose type holds no floating data (void *, char *): it would handle that memory
 * without derivatives. */
static int check_untyped_params(const Expr *call) {
    if (!call || call->kind != EX_CALL || !call->callee)
        return 0;
    for (int i = 0; i < call->nargs && i < call->callee->nparams; i++) {
        const Var *p = call->callee->params[i];
        const Expr *arg = call->args[i];
        bool carries = is_pointer(arg->type) ? points_to_varied(arg) && !points_to_index_data(arg->type)
                                             : arg_is_active(arg);
        if (carries && !type_has_floating(p->type)) {
            error_at(call->args[i]->loc, "%s receives memory that carries derivatives through '%s', whose "
                     "type holds no floating data: adc cannot follow derivatives through it%s", call_spelling(call),
                     p->source_name, type_is_void_pointer(p->type) ? " (adc follows a 'void *' given pointers "
                     "of one type only, and cast back only to that type, by functions of the program)" : "");
            return 1;
        }
    }
    return 0;
}

/* The derivative of a call's result travels as a floating scalar only: a returned struct would
 * arrive without its tangent or adjoint (pointer results: mark_stmt). */
static int check_struct_result(const Expr *call) {
    if (call->type->kind != TY_STRUCT || !type_has_floating(call->type))
        return 0;
    error_at(call->loc, "'%s' returns a struct that carries derivatives, which is not supported; "
             "fill the struct through a pointer parameter instead", call->callee->name);
    return 1;
}

/* ret_floating: a returned value is differentiated. */
static bool mark_stmt(Stmt *s, bool ret_floating, int *errors) {
    if (!s)
        return false;
    bool active = false;
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            active |= mark_stmt(s->body[i], ret_floating, errors);
        break;
    case ST_DECL: case ST_ASSIGN: {
        mark_expr(s->lhs);
        mark_expr(s->rhs);
        Var *dst = s->kind == ST_DECL ? s->var : expr_root_var(s->lhs);
        active = dst && dst->active;
        if (dst && dst->active && dst->heap && s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee)
            s->rhs->active = true; /* its derivative gives the block's shadow (call_returns_active_heap) */
        if (s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee && call_is_active(s->rhs)) {
            active = true;
            *errors += check_struct_result(s->rhs);
        }
        if (dst && dst->active && !dst->heap && s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee &&
            is_pointer(s->rhs->type)) {
            error_at(s->rhs->loc, "'%s' returns a pointer to memory that carries derivatives: adc does not "
                     "differentiate pointer results (pass the array as a parameter)", s->rhs->text);
            (*errors)++;
        }
        const Type *target = s->kind == ST_DECL ? s->var->type : s->lhs->type;
        /* an int member of an active struct (a neighbour list) holds no derivatives */
        *errors += check_assigned_call(dst, s->rhs, active && type_has_floating(target)) +
                   check_untyped_params(s->rhs) + mpi_check_calls(s->rhs, false);
        *errors += check_reinterpreting(target, s->rhs) +
                   check_reinterpreting(NULL, s->lhs);
        break;
    }
    case ST_CALL:
        mark_expr(s->rhs);
        active = (s->rhs->callee && call_is_active(s->rhs)) || s->rhs->tape_op == TAPE_PUSH_DOUBLE ||
                 (s->rhs->mpi && mpi_call_routed(s->rhs));
        *errors += check_opaque_calls(s->rhs, true) + check_untyped_params(s->rhs) + mpi_check_calls(s->rhs, true) +
                   check_reinterpreting(NULL, s->rhs);
        break;
    case ST_RETURN:
        active = mark_expr(s->rhs);
        *errors += check_opaque_calls(s->rhs, ret_floating) + check_reinterpreting(NULL, s->rhs) +
                   mpi_check_calls(s->rhs, false);
        break;
    case ST_IF: case ST_FOR: case ST_WHILE: case ST_DO:
        mark_expr(s->cond);
        *errors += check_opaque_calls(s->cond, false) + mpi_check_calls(s->cond, false);
        active |= mark_stmt(s->init, ret_floating, errors);
        active |= mark_stmt(s->step, ret_floating, errors);
        active |= mark_stmt(s->then, ret_floating, errors);
        active |= mark_stmt(s->els, ret_floating, errors);
        break;
    default:
        break;
    }
    s->active = active;
    return active;
}

/* Whether s (or a statement inside it) gives pointer v a value made from a `void *`. */
static bool assigned_from_void(const Stmt *s, const void *v) {
    if (!((s->kind == ST_ASSIGN || s->kind == ST_DECL) && s->rhs &&
          (s->kind == ST_DECL ? s->var : expr_root_var(s->lhs)) == v))
        return false;
    const Expr *e = s->rhs;
    while (e->kind == EX_CAST)
        e = e->lhs;
    return expr_reads_void_pointer(e);
}

static void refuse_void_target(SrcLoc loc, const char *name) {
    error_at(loc, "'%s' points to memory reached through a 'void *' that receives values carrying "
             "derivatives, which is not supported: adc cannot follow derivatives through a 'void *'; "
             "give the pointer the type of the data", name);
}

/* A value depending on an active input stored as floating data into memory whose declared type
 * holds none, through a cast: `((struct rates *)params)->k = x` behind a `void *`, or
 * `*(double *)(buf + off) = x` into a byte buffer. That memory has no shadow. */
static bool stores_through_untyped(const Stmt *s, const void *ctx) {
    (void)ctx;
    Var *root = s->kind == ST_ASSIGN && s->lhs->kind != EX_VAR ? expr_root_var(s->lhs) : NULL;
    return root && !type_has_floating(root->type) && type_has_floating(s->lhs->type) && s->rhs &&
           expr_varied(s->rhs);
}

/* Memory reached through a `void *` carries no derivatives (pointer_check.c gives a pointer
 * made from one no array), nor does a byte or integer buffer: storing there values that
 * depend on an active input is refused. */
static int check_void_targets(const Func *fn, const Stmt *body) {
    for (int i = 0; i < fn->nvars; i++) {
        Var *v = fn->vars[i];
        if (v->varied && is_pointer(v->type) && stmt_find(body, assigned_from_void, v)) {
            refuse_void_target(v->loc, v->name);
            return 1;
        }
    }
    const Stmt *store = stmt_find(body, stores_through_untyped, NULL);
    if (!store)
        return 0;
    const Var *root = expr_root_var(store->lhs);
    if (type_is_void_pointer(root->type))
        refuse_void_target(store->lhs->loc, root->name);
    else
        error_at(store->lhs->loc, "a value carrying derivatives stored as floating data into '%s', whose type "
                 "holds no floating data (a byte or integer buffer), is not supported: that memory has no "
                 "derivative; store it into an array of the value's type", root->name);
    return 1;
}

static int check_vars(Func *fn, const bool *param_active, bool top_level) {
    int errors = 0;
    for (int i = 0; i < fn->nvars; i++) {
        Var *v = fn->vars[i];
        /* A global that receives an active value carries derivatives out of fn even where fn
         * itself never reads it again (a caller, or a later call, may): a floating scalar or
         * array joins the program's active globals (the generator runs again), others are refused. */
        if (v->kind == VAR_GLOBAL && v->varied && v->initialized_address) {
            error_at(v->loc, "global pointer '%s' would carry derivatives in '%s', but its declaration points it at "
                     "memory that may have another name (an array's), whose derivatives its shadow block would not "
                     "hold; allocate its block (malloc, in code run before) or pass the array as a parameter",
                     v->name, fn->name);
            errors++;
        } else if (v->kind == VAR_GLOBAL && v->varied && !global_is_active(fn, v) && global_can_be_active(v->type) && fn->prog) {
            prog_add_active_global(fn->prog, v);
        } else if (v->kind == VAR_GLOBAL && v->varied && !global_is_active(fn, v)) {
            error_at(v->loc, "global variable '%s' would carry derivatives in '%s', and adc gives shadow globals "
                     "only to floating scalars and arrays of known size (and pointers to floating scalars); pass it "
                     "as a parameter", v->name, fn->name);
            errors++;
        }
    }
    for (int i = 0; top_level && i < fn->nparams; i++) {
        Var *p = fn->params[i];
        if (p->active && !param_active[i] && is_pointer(p->type)) {
            error_at(p->loc, "parameter '%s' of '%s' carries derivatives but is not in wrt(...)",
                     p->name, fn->name);
            errors++;
        }
    }
    return errors;
}

int activity_analyze(Func *fn, Stmt *body, const bool *param_active, bool top_level) {
    for (int i = 0; i < fn->nvars; i++)
        fn->vars[i]->varied = fn->vars[i]->useful = fn->vars[i]->active = false;
    Flow f = {.fn = fn, .primal = !param_active,
              .settled = fn->prog && fn->prog->tangent_only ? param_active : NULL};
    for (int i = 0; i < fn->nparams; i++) {
        Var *p = fn->params[i];
        if (!param_active || !param_active[i])
            continue;
        f.any_active = true;
        set_varied(&f, p);
        if (is_pointer(p->type) && type_target_writable(p->type))
            set_useful(&f, p);
    }
    if (fn->result && type_is_floating(fn->ret) && param_active) /* a copy without derivatives returns no tangent */
        set_useful(&f, fn->result);
    for (int i = 0; i < fn->nvars; i++) /* an input and an output of every function */
        if (global_is_active(fn, fn->vars[i])) {
            f.any_active = true;
            set_varied(&f, fn->vars[i]);
            set_useful(&f, fn->vars[i]);
        }
    if (fn->result && func_returns_heap(fn))
        returned_heap(&f, fn->result);
    bool backward = false;
    do {
        f.changed = false;
        flow_stmt(&f, body, backward);
        backward = !backward;
    } while (f.changed);
    for (int i = 0; i < fn->nvars; i++) {
        Var *v = fn->vars[i];
        v->active = v->varied && v->useful;
    }
    int errors = 0;
    mark_stmt(body, type_is_floating(fn->ret), &errors);
    if (param_active)
        errors += table_step_check(fn, body);
    return errors + check_vars(fn, param_active, top_level) + check_void_targets(fn, body);
}
