/* jacobian.h: the f_jacobian, f_jacobian_forward and f_jacobian_reverse wrappers. */
#ifndef ADC_JACOBIAN_H
#define ADC_JACOBIAN_H

#include "buf.h"
#include "ir.h"

/* Reports what the wrappers need and fn lacks (len, an output); returns the error count. */
int jacobian_check(const Func *fn);
void jacobian_prototypes(Buf *b, Func *fn);
void jacobian_emit(Buf *b, Func *fn);

#endif
