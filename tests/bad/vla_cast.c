// ARGS:
// EXIT: 1
// ERROR: vla_cast.c:9:28: error: a cast to a variable-length array type (or a pointer to one) is not supported by adc
// A cast's type has no declaration to carry its lengths: adc refuses it.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n * n))
double f(int n, const double *x) {
    const double (*m)[n] = (const double (*)[n])x;
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += m[i][i] * m[i][(i + 1) % n];
    return s;
}
