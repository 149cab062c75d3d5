// ARGS:
// EXIT: 1
// ERROR: memmove_pointers.c:12:5: error: cannot differentiate this 'memmove': adc differentiates memcpy, memmove and memset as statements over double or float arrays of one type
// memmove between two pointers is refused: they may reach one memory by other names, as
// here (shift(6, a + 1, a)), where adc's element loop copied upward and smeared a[0] over
// the array, a wrong value and tangent with no diagnostic. Within one array (`memmove(a,
// a + 1, ...)`) or between two arrays declared here, memmove works.
#include <string.h>
#include <adc.h>

static void shift(int n, double *dst, const double *src) {
    memmove(dst, src, (size_t)n * sizeof(double));
}

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x) {
    double a[8];
    for (int i = 0; i < 8; i++)
        a[i] = x[i % n] * x[i % n];
    shift(6, a + 1, a);
    double s = 0.0;
    for (int i = 0; i < 8; i++)
        s += a[i] * (i + 1);
    return s;
}
