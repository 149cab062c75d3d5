/* entry_value.h: where code may read the value a variable holds on entry to a function. */
#ifndef ADC_ENTRY_VALUE_H
#define ADC_ENTRY_VALUE_H

#include "ir.h"

/* The variable asked about, named by a predicate (a static local is one Var; a global may be
 * one Var per input file, matched by name). */
typedef struct EntryValueOf {
    bool (*is)(const Var *v, const void *ctx);
    const void *ctx;
    bool into_calls;   /* follow the calls with bodies into their callees */
} EntryValueOf;

/* The first read in fn's body, in the order the code runs, that may see the value the
 * variable held on entry to fn (on some path not yet assigning it); NULL if none. A plain
 * assignment `v = e` or `v[i] = e` assigns it (an element counts for the whole array: exact
 * for scalars only), and a return ends its path. Conservative otherwise: a loop may run no
 * trip, an if assigns it only when both branches do, a read of its address reads it, and with
 * into_calls a call reads what its callee may read (a recursive call what its first walk may). */
const Expr *entry_value_read(const Func *fn, const EntryValueOf *of);

#endif
