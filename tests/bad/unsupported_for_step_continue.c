// ARGS:
// EXIT: 1
// ERROR: unsupported_for_step_continue.c:14:5: error: a call or a side effect inside an expression in the step of a for loop whose body uses continue is not supported by adc
// A step that cannot stay in the for header runs at the end of the body, which a continue
// would skip. Refused; move the step into the body.
#include <adc.h>

static double half(double v) { return 0.5 * v; }

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double s = 0.0, w = 1.0;
    for (int i = 0; i < n; i++, w = half(w)) {
        if (x[i] < 0.0)
            continue;
        s += w * x[i];
    }
    return s;
}
