// User variables keep their names in the generated code: the tangent of `acc` is `acc_d`,
// its adjoint `acc_b`; parameters likewise (`x_d`, `x_b`).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x)
{
    double acc = x;
    double scaled = 3.0 * acc;
    acc = acc * scaled;
    return acc;
}

// CHECK-LABEL: {{^}}double f_tangent({{.*}}) {
// CHECK-DAG:   double acc_d = x_d;
// CHECK-DAG:   double acc = x;
// CHECK-DAG:   scaled_d =
// CHECK:       acc_d =
// CHECK:       *f_d = acc_d;
// CHECK-NEXT:  return acc;
// CHECK-LABEL: {{^}}void f_reverse({{.*}}) {
// CHECK-DAG:   double acc_b = 0;
// CHECK-DAG:   double scaled_b = 0;
// an adjoint known to be zero is assigned rather than incremented
// CHECK:       acc_b = adj;
// acc = acc * scaled
// CHECK-DAG:   acc_b = scaled * adj;
// CHECK-DAG:   scaled_b = acc * adj;
// scaled = 3.0 * acc
// CHECK:       double adj = scaled_b;
// CHECK:       acc_b += 3.0 * adj;
// acc = x
// CHECK:       double adj = acc_b;
// CHECK:       (*x_b) += adj;
