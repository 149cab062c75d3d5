/* factor_calls.h: costly math calls whose values the backward sweep of reverse mode reads,
 * computed into locals of their own so that the values travel on the tape instead of being
 * computed again (factor_calls.c). Used by the reverse-mode normalization (normalize.c). */
#ifndef ADC_FACTOR_CALLS_H
#define ADC_FACTOR_CALLS_H

#include "ir.h"

/* s, an assignment of fn, with each costly call that is a factor (an operand of `*` or `/`) or
 * whose derivative reads its result first assigned to a new local: a block of those assignments
 * and a copy of s reading the locals; s itself when it has none. In a loop (in_loop) only the
 * calls of sin, cos, sinh and cosh of a variable move. */
Stmt *factor_calls_hoist(Func *fn, Stmt *s, bool in_loop);

#endif
