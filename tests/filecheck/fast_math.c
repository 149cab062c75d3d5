// --fast-math (as options(fast_math) in the annotation of every function): the backward sweep
// starts with a clang pragma allowing reassociation (so the compiler may vectorize its sums),
// in the helpers the backward sweep calls too (row_reverse), whose loop sums then stay whole
// (no two halves, tests/filecheck/split_sums.c: the swap would keep clang from vectorizing);
// the forward sweep, which computes the value returned, and the tangent carry none.
// RUN: %adc --fast-math %s -- -I%I | %FileCheck %s
#include <adc.h>

static double row(int n, const double *x, int i)
{
    double s = 0.0;
    for (int j = 0; j < n; j++)
        s += x[i] * x[j];
    return s;
}

ADC_DIFF(wrt(x), len(x: n))
double sumsq(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s + row(n, x, 0);
}

// CHECK-NOT:   #pragma clang fp
// CHECK-LABEL: {{^}}void sumsq_reverse(adc_tape *tape, int n, const double *x, double *x_b, double sumsq_b) {
// CHECK-NEXT:  #if defined(__clang__)
// CHECK-NEXT:  #pragma clang fp reassociate(on)
// CHECK-NEXT:  #endif
// CHECK-NOT:   #pragma clang fp
// CHECK-LABEL: {{^}}static void row_reverse({{.*}}) {
// CHECK-NEXT:  #if defined(__clang__)
// CHECK-NEXT:  #pragma clang fp reassociate(on)
// CHECK-NEXT:  #endif
// CHECK-NOT:   _odd
// CHECK:       x_b[i] += x_b_sum1;
// CHECK-NOT:   #pragma clang fp
