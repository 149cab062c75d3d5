/* companion.h: sin and cos (sinh and cosh) of one variable computed side by side, as in
 * `double c = cos(t), s = sin(t);`. The partial derivative of each is the other's result, so
 * the backward sweep of reverse mode reads it instead of calling the other function again. */
#ifndef ADC_COMPANION_H
#define ADC_COMPANION_H

#include "ir.h"

/* Sets Stmt.companion, Stmt.companion_later and Stmt.result_read in body (after activity
 * analysis, before the to-be-recorded analysis, which makes the companions' values available
 * to the backward sweep). */
void companions_find(Stmt *body);

/* Pairs in loops too, where the later result is needed by no statement (Var.needed, set by
 * the to-be-recorded analysis, which must then run again): whether it paired any. */
bool companions_in_loops(Stmt *body);

/* The partial derivative of s's right side, when s has a companion: "c" or "-s". */
const char *companion_partial(const Stmt *s);

#endif
