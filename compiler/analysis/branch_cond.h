/* branch_cond.h: ifs whose branch the backward sweep decides again from the condition instead
 * of reading a taped bit: conditions over values that are the same where the if is reversed
 * (`if (i == 0)` on the index of a counting loop around it, `if (b == 1)` on a parameter the
 * function never changes). A bit per trip of a stencil's boundary test costs a push and a pop;
 * the comparison costs one instruction. */
#ifndef ADC_BRANCH_COND_H
#define ADC_BRANCH_COND_H

#include "ir.h"

/* Whether cond reads only literals, the indices in indices[0..nindices) (counting loops around
 * the if, recomputed at the top of each backward trip) and scalar parameters that body never
 * assigns nor gives the address of, with integer arithmetic, comparisons and logical operators
 * (floating values only compared, as they are: the same comparison of the same values). */
bool branch_cond_recomputable(const Stmt *body, const Expr *cond, const Var *const *indices, int nindices);

#endif
