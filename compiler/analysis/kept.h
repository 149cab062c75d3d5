/* kept.h: pointer parameters of helpers whose callers keep the arrays they pass. Reverse mode
 * must give a caller back, after reversing a call, the values the callee overwrote in the
 * caller's memory; by default the callee tapes each overwritten element, once per write. When
 * every caller passes a whole local array of known length (`double tmp[64]; g(d, x, tmp);`, or
 * a VLA `double u[nx][ny]` given to `double (*u)[ny]`) or the address of a local scalar
 * (`forward_kinematics(q, &px, &py)`), the caller tapes the array once before the call instead,
 * and only if its own backward sweep reads the value from before the call: a helper that
 * rewrites the same elements many times (a triangular matrix-vector product, a sum `*px +=`
 * in a loop) then tapes nothing for them. */
#ifndef ADC_KEPT_H
#define ADC_KEPT_H

#include "ir.h"

/* Sets Var.caller_keeps on the parameters of prog's helpers (functions not requested) that
 * qualify: a pointer to writable floating data (or rows of it) that every call site in prog
 * fills with a whole local array of known length (fixed or variable) or the address of a
 * local floating scalar, passed to no other parameter of the same call. */
void kept_params_find(Program *prog);

/* Whether call passes arg as a kept parameter: the array to tape around the call. */
bool kept_arg(const Expr *call, int arg);

#endif
