/* second.h: second-order derivatives by tangent-over-adjoint. adc writes the adjoint of f,
 * reads that C back, differentiates f_adjoint in tangent mode, and wraps the result as
 * f_hvp (Hessian-vector product) and f_hessian (dense Hessian). */
#ifndef ADC_SECOND_H
#define ADC_SECOND_H

#include "buf.h"
/* For Request alone, a type: the second stage's requests are input of the front end, which
 * reads adc's own output back (main.c runs it); this phase calls nothing of front/. */
#include "frontend.h"
#include "ir.h"

/* Whether a requested function asks for hvp or hessian; if so, makes sure its adjoint is
 * generated (the first stage) and drops the ADC_CHECKPOINT marks it reaches (with a warning):
 * their loops are taped in full. */
bool second_order_prepare(Program *prog);
/* The second stage is adc run again on its own output (main.c drives it): these make its parts.
 * The requests of the second stage, one per function asking for hvp or hessian (the tangent of
 * its f_adjoint with respect to x and x_b), into requests (room for prog->nfuncs); returns the
 * number of errors, after checking each of those functions. */
int second_order_requests(Program *prog, Request *requests, int *nrequests);
/* In the program read back, only what those requests ask is requested, as static functions. */
void second_order_mark_stage(Program *stage);
/* Appends the wrappers f_hvp and f_hessian, built on the tangents of the adjoints in stage;
 * returns the number of errors. */
int second_order_wrappers(Buf *out, const Program *prog, const Program *stage);
/* Prototypes of the wrappers, for --header. */
void second_order_prototypes(const Program *prog, Buf *out);

#endif
