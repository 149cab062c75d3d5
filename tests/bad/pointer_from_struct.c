// ARGS:
// EXIT: 1
// ERROR: pointer_from_struct.c:12:18: error: a pointer made from 'sys', an array of other elements (assigned to 'fx') is not supported
// A pointer to doubles made by casting a struct pointer is refused (its derivative would be computed between unrelated types).
#include <adc.h>

typedef struct { double x, y; } pt;

ADC_DIFF(wrt(sys), len(sys: 2))
double f(pt *sys)
{
    double *fx = (double *)sys;
    return fx[0] * fx[1] + sys->y;
}
