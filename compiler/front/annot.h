/* annot.h: parses the text of an ADC_DIFF annotation (wrt, len, modes) into a Func's request. */
#ifndef ADC_ANNOT_H
#define ADC_ANNOT_H

#include "ir.h"

/* text is what follows "adc:" in the annotate attribute. Returns 0 or reports an error at loc. */
int annot_parse(Func *fn, const char *text, SrcLoc loc);
/* Applies a comma-separated list of lengths, x: n or x=n (--len on the command line). */
int annot_set_len(Func *fn, const char *list, SrcLoc loc);
/* Once the request is complete: lengths of parameters declared as arrays, where len(...) gives
 * none; default modes lose grad (with a warning) when a length it needs is missing. */
void annot_finish_lengths(Func *fn);
/* Applies a comma-separated wrt list (NULL: every floating parameter). */
int annot_set_wrt(Func *fn, const char *names, SrcLoc loc);
/* Parses one mode name; returns 0 if unknown. */
unsigned annot_mode(const char *name, size_t len);
/* The default modes for fn: tangent, adjoint, grad for scalar results; tangent, adjoint else. */
unsigned annot_default_modes(const Func *fn);

#endif
