/* pointer_check.h: the pointers adc can follow. Run on a function before it is transformed:
 * every pointer to floating data must point into one parameter or local array, at an offset
 * adc can reproduce for its derivative; anything else is refused with a diagnostic. */
#ifndef ADC_POINTER_CHECK_H
#define ADC_POINTER_CHECK_H

#include "ir.h"

/* Reports each pointer of fn adc cannot follow; returns the number of errors. */
int pointer_check(Func *fn);

#endif
