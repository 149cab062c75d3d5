/* globals.h: file-scope variables that reverse mode must restore for its backward sweep. */
#ifndef ADC_GLOBALS_H
#define ADC_GLOBALS_H

#include "ir.h"

/* Adds to prog->restored_globals each global that the code an adjoint runs (the requested
 * function and all it calls) both writes and reads; refuses those with a write that cannot be
 * undone. Returns the number of errors. */
int globals_find_restored(Program *prog);

#endif
