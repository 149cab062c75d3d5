/* globals.h: file-scope variables that reverse mode cannot read back as they were. */
#ifndef ADC_GLOBALS_H
#define ADC_GLOBALS_H

#include "ir.h"

/* Refuses each global that the code an adjoint runs (the requested function and all it
 * calls) both writes and reads. Returns the number of errors. */
int globals_check_reverse(Program *prog);

#endif
