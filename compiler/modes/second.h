/* second.h: second-order derivatives by tangent-over-adjoint. adc writes the adjoint of f,
 * reads that C back, differentiates f_adjoint in tangent mode, and wraps the result as
 * f_hvp (Hessian-vector product) and f_hessian (dense Hessian). */
#ifndef ADC_SECOND_H
#define ADC_SECOND_H

#include "buf.h"
#include "frontend.h"
#include "ir.h"

/* Whether a requested function asks for hvp or hessian; if so, makes sure its adjoint is
 * generated (the first stage) and drops the ADC_CHECKPOINT marks it reaches (with a warning):
 * their loops are taped in full. */
bool second_order_prepare(Program *prog);
/* out holds the generated first stage (with f_adjoint): appends the tangents of the adjoints
 * and the wrappers. first: how the source was read. Returns the number of errors. */
int second_order_append(Program *prog, const FrontendOptions *first, Buf *out);
/* Prototypes of the wrappers, for --header. */
void second_order_prototypes(const Program *prog, Buf *out);

#endif
