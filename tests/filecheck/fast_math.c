// --fast-math (as options(fast_math) in the annotation): the backward sweep starts with a
// clang pragma allowing reassociation (so the compiler may vectorize its sums); the forward
// sweep, which computes the value returned, and the tangent carry none.
// RUN: %adc --fast-math %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n))
double sumsq(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}

// CHECK-NOT:   #pragma clang fp
// CHECK-LABEL: {{^}}void sumsq_reverse(adc_tape *tape, int n, const double *x, double *x_b, double sumsq_b) {
// CHECK-NEXT:  #if defined(__clang__)
// CHECK-NEXT:  #pragma clang fp reassociate(on)
// CHECK-NEXT:  #endif
// CHECK-NOT:   #pragma clang fp
