/* void_context.h: `void *` context pointers (GSL's `void *params`) typed by what they carry. */
#ifndef ADC_VOID_CONTEXT_H
#define ADC_VOID_CONTEXT_H

#include "ir.h"

/* Gives each class of `void *` variables of prog that only ever hold pointers of one type `T *`
 * (copied, passed, cast back to it) the type `T *`, before any analysis; a local so typed that
 * always holds one scalar's address is replaced by it (alias.c). Returns the number of errors. */
int void_contexts(Program *prog);

#endif
