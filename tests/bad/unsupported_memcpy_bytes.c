// ARGS:
// EXIT: 1
// ERROR: unsupported_memcpy_bytes.c:17:5: error: cannot differentiate this 'memcpy': adc differentiates memcpy, memmove and memset as statements over double or float arrays of one type
// ERROR: unsupported_memcpy_bytes.c:18:5: error: cannot differentiate this 'memcpy'
// A memcpy over active memory whose byte count adc cannot turn into whole elements (a bare
// 12: one and a half doubles) is refused; so is one between double and float arrays.
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(x))
double f(double x)
{
    double a[2], b[2];
    float c[2];
    a[0] = x * x;
    a[1] = 3.0 * x;
    memcpy(b, a, 12);
    memcpy(c, a, sizeof c);
    return b[0] + b[1] + c[0];
}
