// ARGS:
// EXIT: 1
// ERROR: pointer_to_pointer.c:8:19: error: 'pp', a pointer to pointers (or array of pointers) to floating data is not supported
// A double ** parameter is refused (each pointer it holds would need a derivative pointer).
#include <adc.h>

ADC_DIFF(wrt(pp))
double f(double **pp)
{
    return pp[0][0] * pp[1][0];
}
