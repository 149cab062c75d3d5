/* struct_result.h: helpers returning a struct of floating members fill it through a pointer. */
#ifndef ADC_STRUCT_RESULT_H
#define ADC_STRUCT_RESULT_H

#include "ir.h"

/* Gives each helper of prog returning a struct of floating members (no pointers) a last
 * parameter `T *result` that its returns fill, and turns each call of one into a call filling a
 * local. Returns the number of errors (a requested function returning such a struct, a call
 * lowering left inside an expression). */
int struct_results_by_pointer(Program *prog);

#endif
