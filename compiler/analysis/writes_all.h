/* writes_all.h: whether a function surely writes every element of an array parameter. */
#ifndef ADC_WRITES_ALL_H
#define ADC_WRITES_ALL_H

#include "ir.h"

/* Whether every call of fn that returns has written each of the len elements of its pointer
 * parameter y (len as annotated: len(y: ...)). Then no value y held on entry reaches y on
 * return. Conservative: false unless proved. */
bool writes_all(const Func *fn, const Var *y, const char *len);

#endif
