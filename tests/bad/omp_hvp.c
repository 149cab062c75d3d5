// ARGS:
// EXIT: 1
// ERROR: omp_hvp.c:12:5: error: modes hvp and hessian do not support an OpenMP loop; ask for first order only
// Second order reads adc's own adjoint back; its parallel backward loop is not read back.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(hvp))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for reduction(+ : s)
    for (int i = 0; i < n; i++)
        s += x[i] * x[i] * x[i];
    return s;
}
