/* tangent.h: the forward-mode transform: writes one tangent (or primal-copy) instance. */
#ifndef ADC_TANGENT_H
#define ADC_TANGENT_H

#include "instance.h"

/* Appends the definition of instance in to g->defs. Returns the number of errors. */
int tangent_emit(Instances *g, const Instance *in);

#endif
