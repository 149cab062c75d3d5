/* pointer_check.h: the pointers adc can follow. Run on a function before it is transformed:
 * every pointer to floating data must point into parameters or local arrays, at offsets adc
 * can reproduce for its derivative; anything else is refused with a diagnostic. */
#ifndef ADC_POINTER_CHECK_H
#define ADC_POINTER_CHECK_H

#include "ir.h"

/* Reports each pointer of fn adc cannot follow; returns the number of errors. Without errors,
 * records on each pointer variable the arrays it may point into (Var.roots), and gives each
 * that may point into several its which (Var.which, Var.aliased, Func.switched). */
int pointer_check(Func *fn);
/* Whether a call's callee frees a heap block it is given (NR's free_dvector): in reverse mode
 * it runs as g_forward, whose frees wait for the backward sweep of the block's allocation. */
bool call_frees_block(const Expr *call);

#endif
