/* normalize.h: rewrites a function body into the form the reverse-mode sweeps walk:
 * declarations become assignments (all locals are declared at the top of each sweep), and
 * the final return becomes an assignment to a result variable. */
#ifndef ADC_NORMALIZE_H
#define ADC_NORMALIZE_H

#include "ir.h"

/* Builds fn->reverse_body, fn->result and the entry of each pointer parameter the body moves
 * (once). Returns 0 or reports errors. */
int normalize_for_reverse(Func *fn);

#endif
