/* interior_return.h: helpers returning a pointer into what a member of their struct
 * parameter points to (genann's genann_run), made plain for every mode. */
#ifndef ADC_INTERIOR_RETURN_H
#define ADC_INTERIOR_RETURN_H

#include "ir.h"

/* Makes each helper of prog whose every return points into what one member P->m of its
 * struct-pointer parameter P points to (and that never re-points it) return the offset from
 * P->m instead, and each call whose value is used `T *v = a->m + v_offset;` after `long
 * v_offset = h(args);`. Returns the number of errors (such a call inside an expression, or
 * given an expression rather than a variable for P). */
int interior_returns(Program *prog);

#endif
