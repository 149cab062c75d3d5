// ARGS:
// EXIT: 1
// ERROR: void_params_cast_other_type.c:21:28: error: 'rate' receives memory that carries derivatives through 'params', whose type holds no floating data: adc cannot follow derivatives through it (adc follows a 'void *' given pointers of one type only, and cast back only to that type, by functions of the program)
// A `void *params` given a double * but cast back to a struct pointer (type punning through
// void *): the pointer has no one type, so the active rate through it is refused.
#include <adc.h>

struct rates { double k, c; };

static double rate(double y, void *params)
{
    const struct rates *r = (const struct rates *)params;
    return r->k * y + r->c;
}

ADC_DIFF(wrt(k))
double f(double k, double y0)
{
    double y = y0;
    for (int i = 0; i < 10; i++)
        y += 0.1 * rate(y, &k);
    return y;
}
