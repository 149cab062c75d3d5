// ARGS:
// EXIT: 1
// ERROR: omp_noncanonical.c:11:9: error: '#pragma omp parallel for' needs a loop `for (i = a; i < b; i += c)` whose body does not change i and has no break, return or goto
// A parallel loop that leaves early is no OpenMP loop: adc refuses it rather than guess.
#include <adc.h>

ADC_DIFF(wrt(x))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (int i = 0; i < n; i++) {
        if (x[i] > 10.0)
            break;
        s += x[i];
    }
    return s;
}
