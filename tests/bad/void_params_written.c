// ARGS:
// EXIT: 1
// ERROR: void_params_written.c:14:16: error: 's' points to memory reached through a 'void *' that receives values carrying derivatives, which is not supported: adc cannot follow derivatives through a 'void *'; give the pointer the type of the data
// ERROR: void_params_written.c:29:28: error: 'params' points to memory reached through a 'void *' that receives values carrying derivatives
// Memory behind a `void *params` carries no derivatives: a helper (or the function itself)
// storing a value that depends on the input there lost its derivative silently (f_tangent
// returned 2x instead of 8x before this was refused).
#include <adc.h>

struct st { double keep; };

void rhs(const double *y, void *params)
{
    struct st *s = (struct st *)params;
    s->keep = y[0] * 3.0;
}

ADC_DIFF(wrt(x), modes(tangent))
double f(double x, void *params)
{
    double y[1] = {x * x};
    rhs(y, params);
    return ((struct st *)params)->keep + y[0];
}

ADC_DIFF(wrt(x), modes(tangent))
double g(double x, void *params)
{
    ((struct st *)params)->keep = x * x;
    return ((struct st *)params)->keep;
}
