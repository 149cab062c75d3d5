/* static_locals.h: static local scalars that every call assigns before it reads them. */
#ifndef ADC_STATIC_LOCALS_H
#define ADC_STATIC_LOCALS_H

#include "lower.h"

/* Checks each static local marked Var.static_per_call in the program of units (every unit,
 * for the functions whose address they take): it must be assigned before it is read on every
 * path through its function, its address never taken, and the function never run inside a
 * call of itself; then it is an automatic local. Returns the number of errors. */
int static_locals(const FrontEnd *units, int nunits);

#endif
