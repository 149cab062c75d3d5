// ARGS:
// EXIT: 1
// ERROR: unsupported_void_params.c:28:18: error: active floating data passed as 'void *' (a 'void *params' of an ODE or solver interface) is not supported: adc cannot follow it back to its type; give the pointer the type of the data, or pass the active values another way
// GSL's odeiv2 interface passes the model's parameters as `void *params`, which the rhs casts
// back; with active parameters in it the derivative through the void pointer would be lost.
// (Inactive parameters through void * are fine: tests/realworld/ode_driver.c.)
#include <adc.h>

typedef struct {
    int (*function)(double t, const double y[], double dydt[], void *params);
    void *params;
} ode_system;

int decay(double t, const double y[], double dydt[], void *params)
{
    double k = *(double *)params;
    (void)t;
    dydt[0] = -k * y[0];
    return 0;
}

ADC_DIFF(wrt(k))
double euler(double k, double y0)
{
    ode_system sys;
    double y[1] = {y0}, dydt[1];
    sys.function = decay;
    sys.params = &k;
    for (int i = 0; i < 10; i++) {
        sys.function(0.1 * i, y, dydt, sys.params);
        y[0] += 0.1 * dydt[0];
    }
    return y[0];
}
