/* refill.h: local arrays that the backward sweep of reverse mode fills again where it begins,
 * from a copy of the loop that filled them, instead of taping their final values (refill.c).
 * Used by the to-be-recorded analysis, after normalization for reverse mode. */
#ifndef ADC_REFILL_H
#define ADC_REFILL_H

#include "recompute.h"

/* The counting loop of body's top level that fills the local array v from values that keep
 * one value while the function runs (scope), when nothing else writes v; NULL if there is none. */
const Stmt *refill_loop(const Stmt *body, const RecomputeScope *scope, const Var *v);

/* A copy of loop that keeps only the writes of the arrays given (loop's index replaced by a
 * variable of its own, index -1, named by the emitter) and the ifs around them. */
Stmt *refill_slice(const Stmt *loop, Var *const *arrays, int narrays);

#endif
