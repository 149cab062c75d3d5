/* tbr.h: the to-be-recorded analysis of reverse mode: which variables the backward sweep
 * reads (needed), and which assignments destroy a value it will read (they save the old value
 * on the tape, restored when the backward sweep passes the same point). Run after activity. */
#ifndef ADC_TBR_H
#define ADC_TBR_H

#include "ir.h"

/* Sets Var.needed, Var.saved (parameters that travel to the backward sweep), Var.entry_len,
 * Var.pointer_root
 * and Stmt.saves for body. Returns 0 or reports errors. */
int tbr_analyze(Func *fn, Stmt *body);
/* Whether the backward sweep has anything to do for s (it must then replay s's control). */
bool tbr_reversible(const Stmt *s);

#endif
