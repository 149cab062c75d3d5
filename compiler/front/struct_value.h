/* struct_value.h: structs passed and returned by value, made plain for every mode. */
#ifndef ADC_STRUCT_VALUE_H
#define ADC_STRUCT_VALUE_H

#include "ir.h"

/* Copies each struct parameter passed by value that its function assigns into a local on
 * entry. Gives each helper of prog returning a struct of floating members (no pointers) a last
 * parameter `T *result` that its returns fill, and turns each call of one into a call filling a
 * local. Returns the number of errors (a requested function returning such a struct, a call
 * lowering left inside an expression). */
int structs_by_value(Program *prog);

#endif
