/* adjoint.h: the reverse-mode transform: forward sweep, backward sweep, and the adjoint and
 * gradient entry points built from them. */
#ifndef ADC_ADJOINT_H
#define ADC_ADJOINT_H

#include "instance.h"

/* Appends the definition of an instance of kind FORWARD, REVERSE, ADJOINT or GRAD to
 * g->defs. Returns the number of errors. */
int adjoint_emit(Instances *g, const Instance *in);

#endif
