// Derivatives of math.h functions: sin' = cos, exp' = exp (reusing the primal value),
// sqrt' = 0.5 / sqrt (reusing the primal value; infinite at 0, so a zero derivative times it
// is zero rather than NaN), in tangent and adjoint mode. The backward
// sweep takes exp(x) and sqrt(x) from the variable they were assigned to, without calling
// them again.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f_sin(double x) { return sin(x); }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f_exp(double x) { return exp(x); }

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f_sqrt(double x) { return sqrt(x); }

// CHECK-LABEL: {{^}}double f_sin_tangent({{.*}}) {
// CHECK:       double [[V:t[0-9]+]] = sin(x);
// CHECK-NEXT:  double [[V]]_d = cos(x) * x_d;
// CHECK-LABEL: {{^}}double f_exp_tangent({{.*}}) {
// CHECK:       double [[V:t[0-9]+]] = exp(x);
// CHECK-NEXT:  double [[V]]_d = [[V]] * x_d;
// CHECK-LABEL: {{^}}double f_sqrt_tangent({{.*}}) {
// CHECK:       double [[V:t[0-9]+]] = sqrt(x);
// CHECK-NEXT:  double [[V]]_d = (x_d == 0.0 ? 0.0 : (0.5 / [[V]]) * x_d);
// CHECK-LABEL: {{^}}void f_sin_reverse({{.*}}) {
// CHECK:       (*x_b) += cos(x) * adj;
// CHECK-LABEL: {{^}}void f_exp_reverse({{.*}}) {
// CHECK-NOT:   exp(x)
// CHECK:       double [[V:t[0-9]+]] = f_exp_result;
// CHECK:       (*x_b) += [[V]] * adj;
// CHECK-LABEL: {{^}}void f_sqrt_reverse({{.*}}) {
// CHECK-NOT:   sqrt(x)
// CHECK:       double [[V:t[0-9]+]] = f_sqrt_result;
// CHECK:       (*x_b) += (adj == 0.0 ? 0.0 : (0.5 / [[V]]) * adj);
