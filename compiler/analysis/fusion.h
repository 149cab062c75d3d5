/* fusion.h: functions whose adjoint can run each loop trip's forward and backward sweeps
 * together (fusion.c): f = a sum over a loop nest of terms that depend on nothing another
 * trip computes, so one pass over the nest computes f and its adjoint. */
#ifndef ADC_FUSION_H
#define ADC_FUSION_H

#include "ir.h"

/* fn's normalized body, when it is: assignments to scalar locals (before), one counting loop
 * nest (loop), then `result = acc` (result), where the assignments before read nothing the nest
 * assigns (and give acc a passive value), every loop but the innermost holds only the
 * next loop, the innermost body assigns each scalar local once, before anything mentions it,
 * from a value not reading it, or adds to acc (`acc += e`, nothing in the nest reading acc),
 * and nothing in the nest calls a function or writes memory. Then the adjoint of acc is the
 * seed all through the nest and each trip's backward sweep reads only its own trip's values.
 * (Whether the forward sweep tapes anything is for the caller to check.) */
typedef struct Fusion {
    const Stmt *loop;
    const Stmt **before;
    int nbefore;
    const Stmt *result;
} Fusion;

bool fusion_find(const Func *fn, Fusion *found);

#endif
