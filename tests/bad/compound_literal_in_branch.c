// ARGS:
// EXIT: 1
// ERROR: compound_literal_in_branch.c:13:23: error: a side effect, a call to a user function or a compound literal inside a branch of a ?: of integer or pointer type or in a condition is not supported by adc
// A compound literal is a fresh local set before its statement; in a branch of a ?: that
// stays an expression (here one choosing a pointer) it would be set whether its branch is
// chosen or not, so it is refused there. Elsewhere (a ?: of floating type, the right operand
// of &&, a loop condition) it is set only when C evaluates it: e2e compound_literals.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 2))
double pick(const double *x, int k)
{
    const double *p = k > 0 ? (double[]){x[0] * 2.0} : (double[]){x[1]};
    return p[0];
}
