// ARGS:
// EXIT: 1
// ERROR: vla_length_effects.c:11:14: error: the length of a variable-length array must be an integer expression of variables without calls or side effects; compute it into a variable first
// A length adc would evaluate again (where it declares the shadow) must have no effects.
#include <adc.h>

int count(int n);

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x) {
    double t[count(n)];
    for (int i = 0; i < n; i++)
        t[i] = x[i] * x[i];
    return t[0];
}
