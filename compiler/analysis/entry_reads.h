/* entry_reads.h: active globals whose value on entry a requested function may read. */
#ifndef ADC_ENTRY_READS_H
#define ADC_ENTRY_READS_H

#include "ir.h"

/* Warns, for each requested function of prog and each active global that is no pointer and
 * that its wrt(...) does not name, where the function (or a function it calls) may read the
 * value the global holds on entry: its derivatives take that value's derivative as 0, which
 * turns a value an earlier call left there (a cache) into a constant. */
void entry_reads_warn(const Program *prog);

#endif
