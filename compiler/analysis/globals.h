/* globals.h: file-scope variables that reverse mode must restore for its backward sweep. */
#ifndef ADC_GLOBALS_H
#define ADC_GLOBALS_H

#include "ir.h"

/* Adds to prog->restored_globals each global that the code an adjoint runs (the requested
 * function and all it calls) both writes and reads; refuses those with a write that cannot be
 * undone. Returns the number of errors. */
int globals_find_restored(Program *prog);
/* Refuses a call to a function that writes a global (or through a pointer argument), made
 * inside an expression that reads the global (the array, also through a copy of the pointer or
 * any pointer that may point to it) elsewhere or calls a function that reads or writes it:
 * gv + step(), x[0] + step(x), g1() - g2(), c[0] + through_gp(). C leaves the order
 * unspecified, and the derivative code could compute another value than the compiled source
 * (difftest seed 18811). Returns the number of errors. */
int globals_check_call_order(Program *prog);

#endif
