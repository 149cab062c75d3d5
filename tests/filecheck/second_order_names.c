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

// CHECK-LABEL: {{^}}static double f_adjoint_tangent(int n, const double *x, const double *x_d, double *x_b, double *x_b_d, double f_b, double *f_adjoint_d) {
// CHECK:       f_reverse_tangent_x_x_b(&tape, n, x, x_d, x_b, x_b_d, f_b);
// CHECK-LABEL: {{^}}static void f_reverse_tangent_x_x_b(
// CHECK:       x_b_d[i] += t5_d;
// CHECK-NOT:   _b_2
