/* loop_pragma.h: the pragmas a derivative loop carries (loop_pragma.c). */
#ifndef ADC_LOOP_PRAGMA_H
#define ADC_LOOP_PRAGMA_H

#include "buf.h"
#include "ir.h"

/* The pragma lines loop s carries into its tangent or primal copy, which runs the same trips:
 * hints and independence as written; an OpenMP directive with each active private,
 * firstprivate, shared or reduction variable's tangent (x_d) listed beside it. In vector mode
 * (tangents are arrays) OpenMP directives are left out: the loop runs serially. */
void loop_pragmas_tangent(Buf *out, int depth, const Stmt *s, bool vector);
/* Reports each reduction(max: ...) or reduction(min: ...) of loop s on an active variable,
 * each update of an active variable its parallel trips share outside `omp atomic`, and each
 * read of one of its private variables after it in body, the function's; returns their number. */
int loop_pragmas_check(const Stmt *body, const Stmt *s);
/* Loop s's `#pragma omp parallel for` (with its schedule, num_threads and if), or NULL. */
const Pragma *loop_parallel_pragma(const Stmt *s);
/* Its directive and those clauses, as text after "#pragma omp ". */
const char *loop_parallel_kept(const Pragma *p);

#endif
