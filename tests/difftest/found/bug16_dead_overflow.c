/* difftest bug 16 (seed 311204, reduced by hand): the call's result is dead and sq's values
 * overflow; the backward sweep ran sq_reverse with the seed 0.0, and r * (2.0 * 0.0) with
 * r = inf gave NaN. At x = 1: f_tangent 2, f_adjoint was NaN (now 2: the dead call gets no
 * backward sweep, useful.c). */
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
