// ARGS:
// EXIT: 1
// ERROR: len_return_not_block.c:9:8: error: 'len' names 'return', but 'f' returns no block of double or float
// len(return: n) is the length of a returned heap block (the seed of f_adjoint); a function
// returning a double has no such block: refused.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n, return: n))
double f(int n, const double *x)
{
    return x[0] * x[n - 1];
}
