/* overlap.h: pointer parameters that may reach the same memory as another parameter or a
 * global. The caller of a requested function keeps its arrays apart (CONVENTIONS.md,
 * Pointers), but adc sees every call of a helper: `axpy(y, y, a)` or `step(p, u)` with p
 * pointing into u make out[i] and in[i] one element, and an assignment's backward sweep must
 * then not read the value it left for the value it read (deriv.c reuses_result). */
#ifndef ADC_OVERLAP_H
#define ADC_OVERLAP_H

#include "ir.h"

/* Sets Var.may_overlap on the pointer parameters of prog's functions some call fills with
 * memory that another argument of the call may also reach, a global, a local pointer, or a
 * parameter of the caller that is itself so marked. */
void overlap_params_find(Program *prog);

/* Whether roots a and b may be one memory: one variable, or a parameter that some call fills
 * with memory shared (overlap_params_find) and other memory from outside (a parameter's or a
 * global's). */
bool overlap_roots_meet(const Var *a, const Var *b);

#endif
