/* write_once.h: element writes of a local array whose old values no backward sweep reads. */
#ifndef ADC_WRITE_ONCE_H
#define ADC_WRITE_ONCE_H

#include "ir.h"

/* Whether the assignment s, `a[i + c] = e` inside the counting loop over i that is the only
 * loop around it in body, writes each element of the local array a at most once per call, and
 * every read of a in the loop reads an element an earlier trip wrote, or this trip after s,
 * or one no trip writes (NR's tridag: `gam[j] = c[j-1] / bet; bet = b[j] - a[j] * gam[j];`).
 * Then no read, forward or backward, sees an element's old value once a later write of it has
 * happened, so the array's final values (the backward sweep starts from them) serve every
 * backward read, and s need not save the value it overwrites. */
bool write_once_element(const Stmt *body, const Stmt *loop, const Stmt *s);

/* Whether the local array a is written in loops by one assignment only, which
 * write_once_element accepts in the one (counting) loop around it: then every read of a, in
 * either sweep, sees the element's final value (the backward sweep never restores one). */
bool write_once_array(const Stmt *body, const Var *a);

#endif
