/* omp_reverse.h: whether a `#pragma omp parallel for` loop's backward sweep may run in
 * parallel too (omp_reverse.c). */
#ifndef ADC_OMP_REVERSE_H
#define ADC_OMP_REVERSE_H

#include "ir.h"

/* Whether the trips of loop (under parallel pragma p, in fn's reverse body) write only: its
 * index, scalar locals declared in its body or named private or firstprivate (each trip's own:
 * marked in private_var, per fn variable), p's
 * reduction variables by `s += e` / `s -= e`, and elements of parameter arrays (disjoint, as
 * the primal loop is parallel); name no lastprivate variable; and call no function of the
 * user's. Then the backward trips write the adjoints of the same, and add to the adjoints of
 * what they read. */
bool omp_reverse_safe(const Func *fn, const Stmt *loop, const Pragma *p, bool *private_var);
/* Whether p names a lastprivate variable: its adjoint after the loop belongs to the last trip
 * alone, where private adjoints start at zero on every trip. */
bool omp_last_private(const Pragma *p);
/* Whether v is one of p's reduction(+: ...) variables. */
bool omp_reduces(const Pragma *p, const Var *v);
/* Whether p's clause named clause ("private", "firstprivate", ...) lists v. */
bool omp_names(const Pragma *p, const char *clause, const Var *v);
/* Whether each trip of p's loop has its own v: declared in the loop's body, or named private
 * or firstprivate. */
bool omp_trip_own(const Pragma *p, const Var *v);

#endif
