// ARGS:
// EXIT: 1
// ERROR: void_params_arithmetic.c:20:19: error: 'second' receives memory that carries derivatives through 'params', whose type holds no floating data: adc cannot follow derivatives through it (adc follows a 'void *' given pointers of one type only, and cast back only to that type, by functions of the program)
// Arithmetic on a `void *params` (a byte offset to the second member): adc does not follow
// what the offset reaches, so the active struct behind it is refused.
#include <adc.h>

struct rates { double k, c; };

static double second(void *params)
{
    void *c = (char *)params + sizeof(double);
    return *(double *)c;
}

ADC_DIFF(wrt(k))
double f(double k)
{
    struct rates r = {k, 2.0 * k};
    return second(&r) * k;
}
