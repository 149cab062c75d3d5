// ARGS:
// EXIT: 1
// ERROR: omp_atomic_through_macro.c:17:9: error: the trips of this parallel loop update 's', which they share, outside '#pragma omp atomic' (adc does not see one written through a macro, _Pragma)
// An atomic update written through a macro: adc reads pragmas from the source lines and does
// not see it, so the trips race on s (difftest bug 101: the adjoint lost s's adjoint and the
// tangent added to s_d without an atomic).
#include <adc.h>
#define ATOMIC _Pragma("omp atomic")

ADC_DIFF(wrt(x), len(x: n))
double f(int n, const double *x)
{
    double s = 0.0;
#pragma omp parallel for
    for (int i = 0; i < n; i++) {
        ATOMIC
        s += x[i] * x[i];
    }
    return s * s;
}
