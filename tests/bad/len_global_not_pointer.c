// ARGS: --include-source
// EXIT: 1
// ERROR: len_global_not_pointer.c:12:8: error: 'len' names 'N', which is neither a pointer parameter of 'f' nor a global pointer to floating data that the program uses
// len(...) gives the length of a pointer parameter, or of the block of a global pointer to
// floating data (`len(u: N)`); a global integer has none.
#include <adc.h>

static double *u;
static int N;

ADC_DIFF(wrt(k), len(N: 4))
double f(double k)
{
    double s = 0.0;
    for (int i = 0; i < N; i++)
        s += k * u[i];
    return s;
}
