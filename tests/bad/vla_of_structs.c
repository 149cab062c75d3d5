// ARGS:
// EXIT: 1
// ERROR: vla_of_structs.c:11:15: error: a variable-length array of structs is not supported; use an array of known size or a heap block
// The sweeps zero a variable-length array element by element: adc takes arrays of scalars.
#include <adc.h>

struct pt { double x, y; };

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x) {
    struct pt ps[n];
    for (int i = 0; i < n; i++) {
        ps[i].x = x[i];
        ps[i].y = x[i] * x[i];
    }
    return ps[0].x * ps[n - 1].y;
}
