/* recompute.h: which definitions in loop bodies the backward sweep of reverse mode computes
 * again at the top of each trip instead of taping the values they overwrite, and which at the
 * function's top level it computes where it begins instead of taping their final values
 * (recompute.c).
 * Used by the to-be-recorded analysis, after normalization for reverse mode. */
#ifndef ADC_RECOMPUTE_H
#define ADC_RECOMPUTE_H

#include "ir.h"

/* The assignments of body that could be recomputed, in evaluation order (*count of them);
 * an assignment's operands are invariant or defined by an earlier candidate. (*at_top)[i]:
 * candidate i is one of the function's top level, outside every loop. */
Stmt **recompute_candidates(Func *fn, Stmt *body, int *count, bool **at_top);

/* What keeps one value while fn runs, so that the backward sweep may compute it where it
 * begins: the rules of the function's top level (recompute.c), its top-level candidates counted
 * as recomputed (when chosen: tbr.c). */
typedef struct Finder RecomputeScope;
const RecomputeScope *recompute_top_scope(Func *fn, Stmt *body);
/* Whether e keeps one value while fn runs, reading besides the loop index `index` (or NULL). */
bool recompute_unchanging(const RecomputeScope *scope, const Expr *e, const Var *index);

#endif
