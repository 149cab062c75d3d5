// ARGS:
// EXIT: 1
// ERROR: omp_atomic_product.c:14:9: error: '#pragma omp atomic' is supported by adc only as 'omp atomic' (or 'omp atomic update') right above a statement `x += e;` or `x -= e;`
// An atomic product: its adjoint needs the other trips' factors, in the order they came.
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double p = 1.0;
#pragma omp parallel for
    for (int i = 0; i < n; i++) {
        double v = x[i];
#pragma omp atomic
        p *= v;
    }
    return p;
}
