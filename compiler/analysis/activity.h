/* activity.h: activity analysis. A variable is active when it both depends on an active
 * input (varied) and influences an active output (useful); only active values get tangent
 * or adjoint code. The analysis is flow-insensitive per variable (a whole array or struct is
 * one value), and a pointer shares the activity of what it points into. */
#ifndef ADC_ACTIVITY_H
#define ADC_ACTIVITY_H

#include "ir.h"

/* Analyses body (fn's own, or its reverse normal form) for the given active parameters (one flag per parameter;
 * NULL for the copy without derivatives, KIND_PRIMAL), setting the
 * varied/useful/active flags of its variables, expressions and statements. top_level: the
 * function was requested (its non-active pointer parameters may not become active).
 * Returns 0, or non-zero after reporting errors. */
int activity_analyze(Func *fn, Stmt *body, const bool *param_active, bool top_level);

/* Calls visit(v, arg) for each variable whose value flows into e's value (through floating
 * subexpressions: not indices, conditions or integer casts). */
void expr_value_vars(const Expr *e, void (*visit)(Var *, void *), void *arg);

/* Whether a call's argument is active: an active value, or a pointer into active memory. */
bool arg_is_active(const Expr *arg);

/* Whether a call's callee, or a function it calls, mentions an active global (then the call
 * has derivatives even when none of its arguments is active). */
bool call_reaches_active_global(const Expr *call);
/* Whether it mentions a global that reverse mode restores (globals.c): its forward sweep tapes
 * the writes, its backward sweep undoes them, even when nothing is active. */
bool call_reaches_restored_global(const Expr *call);
/* Whether a user function may write, or free, memory through a pointer argument (an int list,
 * a struct, a floating array or scalar that carries no derivatives there; not through a
 * parameter to const): in reverse mode the caller's backward sweep may read that memory as it
 * was (an index, a partial's operand), so the call runs as g_forward (which tapes the writes
 * and defers the frees) and g_reverse (which undoes them) even when nothing is active. */
bool call_writes_memory(const Expr *call);
/* Whether a call returns a heap block to an active heap pointer (NR's `w = dvector(1, n);`,
 * given no active value): it runs as its derivative, which gives the block's shadow. */
bool call_returns_active_heap(const Expr *call);
/* Whether a call runs as g_forward/g_reverse whatever its arguments: one of the above, or it
 * frees a block (call_frees_block). */
bool call_reversed_regardless(const Expr *call);

#endif
