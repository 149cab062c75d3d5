/* void_context.h: `void *` context pointers (GSL's `void *params`) typed by what they carry. */
#ifndef ADC_VOID_CONTEXT_H
#define ADC_VOID_CONTEXT_H

#include "ir.h"

/* Gives each class of `void *` variables of prog that only ever hold pointers of one type `T *`
 * (copied, passed, cast back to it) the type `T *`, before any analysis. */
void void_contexts(Program *prog);

#endif
