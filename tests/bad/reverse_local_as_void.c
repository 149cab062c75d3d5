// ARGS:
// EXIT: 1
// ERROR: reverse_local_as_void.c:30:18: error: in reverse mode, the address of the local variable 'par' as a 'void *' is not supported: the backward sweep runs after 'euler' returns and would read through it; let the caller own the data and take the 'void *' as a parameter
// GSL-style parameters in a local struct behind `void *params`: the adjoint's backward sweep
// runs after the function has returned, and would read the rates through the dead frame (it
// did: a wrong gradient). The tangent alone would be fine; the caller owning the struct too.
#include <adc.h>

typedef struct {
    int (*function)(double t, const double y[], double dydt[], void *params);
    void *params;
} ode_system;

struct rates { double k; };

int decay(double t, const double y[], double dydt[], void *params)
{
    const struct rates *r = (const struct rates *)params;
    (void)t;
    dydt[0] = -r->k * y[0] * y[0];
    return 0;
}

ADC_DIFF(wrt(y0))
double euler(double y0, double k)
{
    struct rates par = {k};
    ode_system sys;
    double y[1] = {y0}, dydt[1];
    sys.params = &par;
    sys.function = decay;
    for (int i = 0; i < 10; i++) {
        sys.function(0.1 * i, y, dydt, sys.params);
        y[0] += 0.1 * dydt[0];
    }
    return y[0];
}
