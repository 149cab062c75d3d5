/* tbr.h: the to-be-recorded analysis of reverse mode: which variables the backward sweep
 * reads (needed), and which assignments destroy a value it will read (they save the old value
 * on the tape, restored when the backward sweep passes the same point). Run after activity.
 * `p = realloc(p, n)` saves nothing: the old block is gone and the new one holds its elements,
 * so the backward sweep leaves p on its last block and restores older elements into it (the
 * forward sweep never shrinks a block: adc_realloc_kept). An active local pointer read from a
 * member of a struct parameter (`double *x = s->x;`) points into it as into an array (its
 * adjoint: s_b->x + (x - s->x)). */
#ifndef ADC_TBR_H
#define ADC_TBR_H

#include "ir.h"

/* Sets Var.needed, Var.saved (parameters that travel to the backward sweep), Var.entry_len,
 * Var.pointer_root
 * and Stmt.saves for body. Returns 0 or reports errors. */
int tbr_analyze(Func *fn, Stmt *body);
/* For a counting loop `for (i = a; i < b; i += c)` (or `<=`) whose trip count the backward
 * sweep computes again from a and b, b (and a in *first); else NULL and the forward sweep
 * tapes the count. a and b are then signed integer arithmetic over variables the body does
 * not assign, and the analysis makes their values at the loop available to the backward sweep. */
const Expr *tbr_loop_bound(const Stmt *loop, const Expr **first);
/* Whether s is an integer step `k += c` or `k -= c` (c a literal) that saves k: the backward
 * sweep then undoes it (`k -= c`) instead of taping k. */
bool tbr_inverts(const Stmt *s);
/* Whether the backward sweep has anything to do for s (it must then replay s's control). */
bool tbr_reversible(const Stmt *s);

#endif
