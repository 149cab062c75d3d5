// ARGS:
// EXIT: 1
// ERROR: fnptr_order_writes_through.c:23:31: error: the call through 'g' writes through its argument 'p', which the same expression also reads, in an order C leaves unspecified; call it in a statement of its own
// The integrand counts its calls in the struct behind `void *params`, and two calls through
// the pointer share one expression: refused, naming the call as written (it named adc's
// dispatch function 'call_g'). An integrand that only reads its context is accepted
// (tests/e2e/cases/void_params_quadrature.c).
#include <adc.h>

typedef double (*integrand_fn)(double x, void *params);

struct counted { double rate; int calls; };

double decay(double x, void *params)
{
    struct counted *q = (struct counted *)params;
    q->calls++;
    return q->rate * x;
}

static double trapezoid(integrand_fn g, void *p, double lo, double hi)
{
    return 0.5 * (hi - lo) * (g(lo, p) + g(hi, p));
}

ADC_DIFF(wrt(x))
double f(double x)
{
    struct counted c = {x, 0};
    return trapezoid(decay, &c, 0.0, 1.0);
}
