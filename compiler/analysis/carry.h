/* carry.h: an adjoint element a loop's backward trips can hand from one trip to the next in a
 * local (carry.c). */
#ifndef ADC_CARRY_H
#define ADC_CARRY_H

#include "ir.h"

/* The body of counting loop (index i, stepping by step, +1 or -1) reads or writes one active
 * array A only as A[i] and A[i + d] (d = 1 or -1, both present), straight-line, with no call
 * of a user function, nothing assigning i or A and no other array, pointer or struct that may
 * hold adjoint memory. Backward trip i then touches A_b[i] and A_b[i + d]; one of them is the
 * element the previous backward trip touched too: *shared, and the other *next, which the next
 * trip touches too. Whether so, with *shared and *next the two accesses as the body spells
 * them. */
bool loop_carried_element(const Func *fn, const Stmt *loop, int step, const Expr **shared,
                          const Expr **next);

/* text with every whole occurrence of the lvalue old (not part of a longer name or member
 * access, not subscripted further) replaced by name. */
const char *rename_lvalue(const char *text, const char *old, const char *name);

/* Whether the identifier name occurs in text (as a whole name). */
bool mentions_name(const char *text, const char *name);

#endif
