// The second stage of hvp differentiates adc's own adjoint code in tangent mode only: the
// adjoint's x_b keeps its name there, and its tangent is x_b_d (it was renamed x_b_2 as if
// the adjoint's own x_b could clash, though tangent mode derives no _b name).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(hvp))
double f(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i] * x[(i + 1) % n];
    return s;
}

// (f_adjoint is fused, fusion.c: its tangent holds the adjoint's statements itself.)
// CHECK-LABEL: {{^}}static double f_adjoint_tangent(int n, const double *x, const double *x_d, double *x_b, double *x_b_d, double f_b, double *f_adjoint_d) {
// CHECK:       x_b_d[i] += t7_d;
// CHECK-NOT:   _b_2
