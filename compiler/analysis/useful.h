/* useful.h: usefulness of statements, for reverse mode. The activity analysis is per variable:
 * a variable that reaches an output anywhere makes each of its assignments active. The value
 * one assignment leaves may still reach no output (`d = sq(d); d *= x;` after the last read of
 * d that matters): its backward sweep would pass on an adjoint that is zero, and 0 times an
 * overflowed partial is NaN (difftest seed 311204). Such statements are found here. */
#ifndef ADC_USEFUL_H
#define ADC_USEFUL_H

#include "ir.h"

/* Clears Stmt.active of the assignments and calls of body (the reverse normal form, after
 * activity_analyze) whose effect reaches no output: an assignment to a floating scalar local
 * or by-value parameter (whose address is not taken) that no later statement reads on the
 * way to an output before it is assigned again, and a call whose result is so assigned or
 * dropped, given no memory it may write, reaching no active or restored global. Their
 * backward sweep is only the restoring of what they overwrote; a call runs as the primal
 * function in the forward sweep (it tapes nothing). Loops and ifs are active as their parts. */
void useful_statements(Func *fn, Stmt *body);

#endif
