/* loop_adjoint.h: what the backward sweep of a loop can keep in locals (loop_adjoint.c): sums
 * of the adjoint increments it makes at the same place on every trip, and which adjoints it
 * knows to be zero at the top of each trip. */
#ifndef ADC_LOOP_ADJOINT_H
#define ADC_LOOP_ADJOINT_H

#include "ir.h"

/* The distinct active array elements the body of loop reads at the same place on every trip
 * (W[2 * i] inside a loop over j) from arrays the loop only reads: the backward sweep only
 * ever adds to their adjoints there, so the sum can wait until after the loop. *count of
 * them. */
const Expr **loop_invariant_reads(const Stmt *loop, int *count);
/* Whether the body of loop reads an active element at the same place on every trip that
 * loop_invariant_reads leaves out (its array written, passed to a call or pointed into in the
 * loop): the backward sweep adds to its adjoint in memory, at one place on every trip. */
bool loop_reads_unsummed(const Stmt *loop);

/* Adds to counts[v->index] the mentions of each variable v in s. */
void count_mentions(const Stmt *s, int *counts);

/* Sets fresh[v->index] for each floating local v that the body of loop assigns before anything
 * else there mentions it, unconditionally and from a value that does not read it, and that
 * nothing outside the loop mentions (total: count_mentions of the whole function): no
 * adjoint flows into v from another trip, so v's adjoint is zero at the top of each backward
 * trip. */
void loop_fresh_locals(const Func *fn, const Stmt *loop, const int *total, bool *fresh);

#endif
