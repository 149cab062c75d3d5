/* alias.h: pointers replaced by what they point to (pointers to scalars, rows, tables of pointers). */
#ifndef ADC_ALIAS_H
#define ADC_ALIAS_H

#include "ir.h"

/* Replaces each local pointer of fn that always points to the same scalar lvalue by that
 * lvalue (*p by x, p by &x), each row pointer `T *ai = a[i]` by a[i] and each table of pointers
 * by its arrays, and removes them; refuses those it cannot follow. Returns the number of errors. */
int alias_substitute(Func *fn);

#endif
