/* factor_calls.c: costly calls computed into locals of their own (see factor_calls.h).
 *
 * In `dydt[1] = -k * y[1] - s * sin(y[0]) + f * cos(0.5 * t) + exp(y[2]);` the backward sweep
 * needs the value of sin(y[0]) for the adjoint of s, that of cos(0.5 * t) for the adjoint of
 * f, and that of exp(y[2]) for its own derivative: it would call sin, cos and exp again (deriv.c
 * computes again the operands a partial reads). So a statement that runs at most once per call
 * of its function gets each costly call (mathfn_costly) that is an operand of `*` or `/` (or the
 * right side of `*=` or `/=`), or whose derivative reads its result (mathfn_reads_result),
 * computed first:
 *     sin_value = sin(y[0]); cos_value = cos(0.5 * t); exp_value = exp(y[2]);
 *     dydt[1] = ... s * sin_value + f * cos_value + exp_value;
 * Each local is assigned once, outside loops: its value reaches the backward sweep as a final
 * value (one push at the end of the forward sweep, one pop) instead of a second call, and
 * where the backward sweep does not read it nothing is taped. `y = exp(x)` stays: the backward
 * sweep reads y. Every call is still evaluated exactly once and unconditionally: calls under
 * ?:, && and || stay where they are, and so do calls whose arguments call anything but math
 * functions, and calls inside the arguments of a user function (C leaves the order of an
 * expression's operands unspecified). In loops nothing moves: each trip would tape a value
 * where the backward sweep computes it today (a loop's locals are recomputed or taped per
 * trip: recompute.c, tbr.c; a fused sum, fusion.c, tapes nothing), except a call of sin, cos,
 * sinh or cosh of a variable: made `cos_value = cos(t);`, it can be the companion (companion.c)
 * of the other one of t computed in a later statement of the trip,
 *     cos_value = cos(phi); px += l * cos_value; sin_value = sin(phi); py += l * sin_value;
 * whose backward sweep then reads cos_value, taped with the trip, instead of calling cos. */
#include "factor_calls.h"
#include "mathfn.h"

typedef struct Hoist {
    Func *fn;
    Stmt *block;    /* the assignments of the locals, in evaluation order (NULL before the first) */
    bool in_loop;   /* the statement is in a loop: only calls with a companion move */
} Hoist;

static bool costly_call(const Hoist *h, const Expr *e) {
    if (e->kind != EX_CALL || !e->math || !mathfn_costly(e->math) || !type_is_floating(e->type) || expr_calls_function(e))
        return false;
    return !h->in_loop || (e->math->companion && e->args[0]->kind == EX_VAR);
}

static Expr *hoisted(Hoist *h, Expr *e);

/* A copy of e whose operands and arguments have their costly factors hoisted (e where none). */
static Expr *with_hoisted_parts(Hoist *h, Expr *e) {
    Expr *lhs = hoisted(h, e->lhs), *rhs = hoisted(h, e->rhs);
    Expr **args = e->args;
    for (int i = 0; i < e->nargs; i++) {
        Expr *arg = hoisted(h, e->args[i]);
        if (arg != e->args[i] && args == e->args) {
            args = ir_alloc(sizeof(Expr *) * (size_t)e->nargs);
            for (int k = 0; k < e->nargs; k++)
                args[k] = e->args[k];
        }
        args[i] = arg;
    }
    if (lhs == e->lhs && rhs == e->rhs && args == e->args)
        return e;
    Expr *copy = ir_alloc(sizeof *copy);
    *copy = *e;
    copy->lhs = lhs;
    copy->rhs = rhs;
    copy->args = args;
    return copy;
}

/* A new local holding call's value, assigned in h->block: the expression reading it. */
static Expr *local_for(Hoist *h, Expr *call) {
    /* outside loops once per call of fn: no old value to save */
    return func_local_holding(h->fn, ir_format("%s_value", call->math->name), with_hoisted_parts(h, call), !h->in_loop,
                              &h->block);
}

/* e as an operand of `*` or `/`. */
static Expr *factor(Hoist *h, Expr *e) {
    return e && costly_call(h, e) ? local_for(h, e) : hoisted(h, e);
}

/* e with its costly factors read from locals (copied where it changes: expressions are shared
 * with the function's body). */
static Expr *hoisted(Hoist *h, Expr *e) {
    if (!e || e->kind == EX_COND || (e->kind == EX_CALL && !e->math) ||
        (e->kind == EX_BINARY && (e->op == OP_LAND || e->op == OP_LOR)))
        return e;
    if (costly_call(h, e) && mathfn_reads_result(e->math))
        return local_for(h, e);
    if (e->kind != EX_BINARY || (e->op != OP_MUL && e->op != OP_DIV))
        return with_hoisted_parts(h, e);
    Expr *lhs = factor(h, e->lhs), *rhs = factor(h, e->rhs); /* in this order: the locals' */
    return expr_with_operands(e, lhs, rhs);
}

Stmt *factor_calls_hoist(Func *fn, Stmt *s, bool in_loop) {
    if (s->kind != ST_ASSIGN || !s->rhs || !type_is_floating(s->lhs->type))
        return s;
    Hoist h = {fn, NULL, in_loop};
    Expr *rhs = s->rhs;
    if (s->op == OP_MUL || s->op == OP_DIV)
        rhs = factor(&h, rhs);
    else if (s->op != OP_NONE || rhs->kind != EX_CALL)
        rhs = hoisted(&h, rhs);
    else if (rhs->math) /* `y = exp(x)`: the backward sweep reads y (deriv.c); its arguments may hoist */
        rhs = with_hoisted_parts(&h, rhs);
    if (!h.block)
        return s;
    Stmt *copy = stmt_renewed(fn, s);
    copy->rhs = rhs;
    block_append(h.block, copy);
    return h.block;
}
