/* scalar_alias.h: pointers to scalars (`double *p = &x;`) replaced by the scalar they point to. */
#ifndef ADC_SCALAR_ALIAS_H
#define ADC_SCALAR_ALIAS_H

#include "ir.h"

/* Replaces each local pointer of fn that always points to the same scalar lvalue by that
 * lvalue (*p by x, p by &x) and removes it; refuses the pointers to scalars it cannot follow.
 * Returns the number of errors. */
int scalar_alias_substitute(Func *fn);

#endif
