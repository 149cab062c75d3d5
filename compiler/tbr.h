/* tbr.h: the to-be-recorded analysis of reverse mode: which variables the backward sweep
 * reads (needed), and which of those are overwritten (saved on the tape before each
 * overwrite, restored when the backward sweep passes the same point). Run after activity. */
#ifndef ADC_TBR_H
#define ADC_TBR_H

#include "ir.h"

/* Sets Var.needed, Var.saved and Var.pointer_root for body. Returns 0 or reports errors. */
int tbr_analyze(Func *fn, Stmt *body);
/* Whether the backward sweep has anything to do for s (it must then replay s's control). */
bool tbr_reversible(const Stmt *s);
/* Whether an assignment to lhs (an lvalue) saves the old value. */
bool tbr_saves(const Expr *lhs);

#endif
