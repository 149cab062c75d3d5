/* param_reads.h: which pointer parameters of a function's reverse-mode instance its backward
 * sweep reads the values of (tbr.c's Var.needed), remembered per activity mask from one writing
 * of the instances to the next. A caller that gives a whole local array to a parameter whose
 * values the callee's backward sweep does not read (`heat_step(u, unew)` that tapes what it
 * needs itself) need not keep the array's values for that call: its own writes to the array
 * then tape nothing for it. Until a function's instance has been analyzed once, every
 * parameter counts as read, and the program is marked so that gen.c writes the instances once
 * more with the answers. A record holds for the active globals it was made with. Each writing
 * reads at most what the one before it read, so an answer, once given, stays true.
 * A record also says which parameters' values the backward sweep reads only after popping
 * them back (a helper whose last writes save what they overwrite): a caller's whole array of
 * that length need not be kept for the call either. That answer rests only on what each of
 * those writes reads itself, so it too stays true from one writing to the next. */
#ifndef ADC_PARAM_READS_H
#define ADC_PARAM_READS_H

#include "ir.h"

/* After tbr_analyze of fn's backward sweep for mask (the instance its callers call):
 * records which parameters it reads through. */
void param_reads_record(Func *fn, const bool *mask);
/* Whether the backward sweep of the callee's instance for the activity of call's arguments
 * may read the values argument arg points to as the call leaves them: true unless a record
 * says no (then it also sets Program.param_reads_missed). */
bool param_reads_values(const Expr *call, int arg);

#endif
