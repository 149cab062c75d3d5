// ARGS:
// EXIT: 1
// ERROR: omp_firstprivate_assigned.c:15:26: error: 'in' is firstprivate and assigned in this parallel loop: a thread's copy carries from one of its trips to the next, which depends on how OpenMP shares the trips out; adc does not differentiate that: assign a variable of each trip's own
// Enzyme's ReverseMode/omp_firstprivate.c: a firstprivate value zeroed after its first use, so
// that each thread's first trip gets it and its others 0. The values depend on how OpenMP
// shares the trips out, which the vector tangent (run serially) and the backward sweep did not
// repeat: wrong outputs and a wrong gradient (the dot-product test failed, Enzyme probes).
#include <adc.h>

ADC_DIFF(wrt(in, a), len(a: N))
double f(double *a, double in, int N) {
    double s = 0.0;
    for (int i = 0; i < N; i++)
        s += a[i];
#pragma omp parallel for firstprivate(in)
    for (int i = 0; i < N; i++) {
        a[i] = in;
        in = 0;
    }
    return s + a[0];
}
