// ARGS:
// EXIT: 1
// ERROR: pointer_choice_reads_itself.c:12:9: error: a pointer chosen by '?:' on a condition that reads 'p' itself is not supported
// A pointer switched by a ?: whose condition reads through the pointer itself is refused: the
// condition is evaluated again, after the assignment, to follow the choice.
#include <adc.h>

ADC_DIFF(wrt(a, b), len(a: 2, b: 2))
double f(double *a, double *b)
{
    double *p = a;
    p = p[0] > 0.0 ? a + 1 : b;
    p[0] *= 2.0;
    return a[0] * b[0] + a[1] + b[1];
}
