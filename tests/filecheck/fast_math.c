// --fast-math (as options(fast_math) in the annotation of every function): the backward sweep
// starts with a clang pragma allowing reassociation (so the compiler may vectorize its sums),
// in the helpers the backward sweep calls too (row_reverse), whose loop sums then stay whole
// (no two halves, tests/filecheck/split_sums.c: the swap would keep clang from vectorizing);
// the forward sweep, which computes the value returned, and the tangent carry none. The pragma
// opens a block of its own: a callback whose backward sweep reads no adjoint gets its
// `(void)x_b;` marks first (the pragma after them would not compile).
// RUN: %adc --fast-math %s -- -I%I | %FileCheck %s
#include <adc.h>

static double row(int n, const double *x, int i)
{
    double s = 0.0;
    for (int j = 0; j < n; j++)
        s += x[i] * x[j];
    return s;
}

typedef double (*source_fn)(double x);
double no_source(double x) { (void)x; return 0.0; }
double square(double x) { return x * x; }

ADC_DIFF(wrt(x), len(x: n))
double sumsq(int n, const double *x, int k)
{
    source_fn q = k ? square : no_source;
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i] + q(x[i]);
    return s + row(n, x, 0);
}

// CHECK-NOT:   #pragma clang fp
// CHECK-LABEL: {{^}}void sumsq_reverse(adc_tape *tape, int n, const double *x, double *restrict x_b, int k, double sumsq_b) {
// CHECK-NEXT:  {
// CHECK-NEXT:  #if defined(__clang__)
// CHECK-NEXT:  #pragma clang fp reassociate(on)
// CHECK-NEXT:  #endif
// CHECK-NOT:   #pragma clang fp
// CHECK-LABEL: {{^}}static void row_reverse({{.*}}) {
// CHECK-NEXT:  {
// CHECK-NEXT:  #if defined(__clang__)
// CHECK-NEXT:  #pragma clang fp reassociate(on)
// CHECK-NEXT:  #endif
// CHECK-NOT:   _odd
// CHECK:       x_b[i] += x_b_sum;
// CHECK-LABEL: {{^}}static void no_source_reverse({{.*}}) {
// CHECK-NEXT:  (void)x_b;
// CHECK-NEXT:  (void)no_source_b;
// CHECK-NEXT:  {
// CHECK-NEXT:  #if defined(__clang__)
// CHECK-NEXT:  #pragma clang fp reassociate(on)
