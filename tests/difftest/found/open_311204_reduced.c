/* Hand-reduced from difftest seed 311204 (README bug 16, open): the call's result is dead and
 * sq's values overflow; the backward sweep still runs sq_reverse with the seed 0.0, and
 * r * (2.0 * 0.0) with r = inf gives NaN. At x = 1: f_tangent 2, f_adjoint NaN (expected 2). */
#include <adc.h>
static double sq(double p) { double r = p * 1e300; r = r * 1e300; return r * r; }
ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x) {
    double d = x * x;
    double r = d;
    d = sq(d);
    d *= x;
    return r;
}
