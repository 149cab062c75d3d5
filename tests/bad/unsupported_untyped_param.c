// ARGS:
// EXIT: 1
// ERROR: unsupported_untyped_param.c:22:17: error: 'clear_bytes' receives memory that carries derivatives through 'p', whose type holds no floating data
// A helper handed active memory as void * (or char *) would copy or clear it without
// derivatives; it is refused rather than differentiated as if the memory were inactive.
#include <adc.h>

static void clear_bytes(void *p, int n)
{
    char *c = p;
    for (int i = 0; i < n; i++)
        c[i] = 0;
}

ADC_DIFF(wrt(x))
double f(double x)
{
    double a[2];
    a[0] = x * x;
    a[1] = 3.0 * x;
    double s = a[0] * a[1];
    clear_bytes(a, 8);
    return s + a[0] + a[1];
}
