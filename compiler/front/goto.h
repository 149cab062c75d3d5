/* goto.h: removal of goto and labels from a lowered function body. */
#ifndef ADC_GOTO_H
#define ADC_GOTO_H

#include "ir.h"

/* Rewrites every forward goto of fn to a label of a block around it into structured code;
 * refuses the others. Returns the number of errors. */
int goto_eliminate(Func *fn);

#endif
