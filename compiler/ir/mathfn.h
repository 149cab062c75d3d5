/* mathfn.h: the math.h functions adc differentiates, with their local partial derivatives,
 * and the string.h functions it knows (lower_memory.c). */
#ifndef ADC_MATHFN_H
#define ADC_MATHFN_H

#include "ir.h"

/* Partial derivatives are C expression templates: $0, $1, $2 stand for the arguments, $r
 * for the result and @ for the name prefix of a math function of the right precision
 * ("@cos($0)" becomes cos(x) or cosf(x)). A partial that selects (fmin) writes the whole
 * term, with $d for the derivative it multiplies. NULL partial: the derivative is zero. */
#define MATH_MAX_ARGS 3     /* fma(x, y, z) */

struct MathFn {
    const char *name;       /* "sin" */
    int nargs;
    const char *partial[MATH_MAX_ARGS];
    bool kink;              /* not differentiable somewhere (fabs, fmin, ...): a warning */
    const char *companion;  /* the partial is companion(x), negated when spelled "-sin": a
                               result of it computed nearby can stand in (companion.c) */
    bool unbounded;         /* a partial may be infinite or NaN where the function is finite
                               (sqrt at 0): a zero derivative times it counts as zero */
    bool stores;            /* also stores a value through its last argument, a pointer (frexp's
                               exponent, modf's integral part): lower.c makes that a statement */
};

/* Looks up a math.h function by its spelled name ("sin", "sinf", "__builtin_sin"); sets
 * *suffix 'f' or 'l' for the float and long double forms (sinf, sinl), else '\0'. NULL when
 * name is not a supported math function. */
const MathFn *mathfn_lookup(const char *name, char *suffix);
/* Whether every partial of m is zero (floor, round, ...): its value carries no derivative. */
bool mathfn_flat(const MathFn *m);
/* Whether argument i of m carries a derivative into m's value: it has a partial, or it is the
 * pointer m stores through (frexp's &e). Not the sign copysign takes, the direction nextafter
 * moves to, or floor's argument. */
bool mathfn_arg_carries(const MathFn *m, int i);
/* Whether a call of m costs more than taping its result and reading it back (a libm routine
 * such as sin or exp, not an instruction such as sqrt or fabs). */
bool mathfn_costly(const MathFn *m);
/* Whether a partial of m reads the result ($r: exp, tanh, sqrt, ...). */
bool mathfn_reads_result(const MathFn *m);
/* "memcpy", "memmove" or "memset" when name is one of them (or its __builtin_ form), else NULL. */
const char *mathfn_memory(const char *name);
/* Whether name only prints its arguments (printf, fprintf, puts, ...): the values it is given
 * flow nowhere the differentiated code reads back. */
bool mathfn_prints(const char *name);

#endif
