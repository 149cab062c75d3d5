/* branch_cond.h: ifs whose branch the backward sweep decides again from the condition instead
 * of reading a taped bit: conditions over values that are the same where the if is reversed
 * (`if (i == 0)` on the index of a counting loop around it, `if (b == 1)` on a parameter the
 * function never changes, `if (sel == 1)` on a switch's selector `int sel = b;` that the
 * backward sweep computes again, recompute.c). A bit per trip of a stencil's boundary test
 * costs a push and a pop; the comparison costs one instruction. */
#ifndef ADC_BRANCH_COND_H
#define ADC_BRANCH_COND_H

#include "ir.h"

/* Whether cond reads only literals, the indices in indices[0..nindices) (counting loops around
 * the if, recomputed at the top of each backward trip), scalar parameters that body never
 * assigns nor gives the address of, and integer locals whose one assignment is recomputed[v->
 * index] (a definition recompute.c computes again, whose right side reads only such values),
 * with integer arithmetic, comparisons and logical operators (floating values only compared,
 * as they are: the same comparison of the same values). recomputed may be NULL. */
bool branch_cond_recomputable(const Stmt *body, const Expr *cond, const Var *const *indices, int nindices,
                              const Stmt *const *recomputed);

#endif
