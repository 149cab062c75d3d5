#include <adc.h>
ADC_DIFF(wrt(a), modes(adjoint))
double f(double a) {
    a = a * a;
    return a;
}
