// What adc introduces never takes a user's name (func_new_name): with a parameter k, the
// vector mode's direction index becomes k_2; with locals adj and tape, the adjoint's own
// become adj_2 and tape_2; a local named x_d beside x is renamed x_d_2 (x_d is x's tangent);
// a write through a pointer into a local array reads (*p_d)[k_2], not *p_d[k_2].
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x, k), modes(tangent_vector, adjoint), vector(2))
double f(double x, double k)
{
    double adj = k * x, tape = adj, x_d = x;
    double a[2] = {x, tape};
    double *p = a;
    *p = *p * x_d;
    return a[0] + a[1];
}

// CHECK-LABEL: {{^}}double f_tangent_vector({{.*}}double k, const double k_d[2]{{.*}}) {
// CHECK:       for (int k_2 = 0; k_2 < 2; k_2++) t1_d[k_2] = x * k_d[k_2] + k * x_d[k_2];
// CHECK:       double x_d_2_d[2];
// CHECK:       double x_d_2 = x;
// CHECK:       t2_d[k_2] = x_d_2 * (*p_d)[k_2] + *p * x_d_2_d[k_2];
// CHECK:       for (int k_2 = 0; k_2 < 2; k_2++) (*p_d)[k_2] = t2_d[k_2];
// CHECK-LABEL: {{^}}double f_forward(adc_tape *tape_2, double x, double k) {
// CHECK-LABEL: {{^}}void f_reverse(adc_tape *tape_2,
// CHECK:       double adj_2 = 
