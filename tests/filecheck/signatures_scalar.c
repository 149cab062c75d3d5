// Signatures of every generated function for scalar parameters, as CONVENTIONS.md gives them:
// `a_d` after each active `a`, a last `R *f_d` (tangent); `double *a_b` after each active `a`,
// a last `R f_b` seed (adjoint); one `double *a_grad` per active parameter after the original
// parameters (grad); the two sweeps on a caller-owned tape. Inactive `k` and `c` get nothing.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x, y))
double f(int k, double x, double c, double y)
{
    return k * x * y + c;
}

// Prototypes first, then the definitions.
// CHECK:      {{^}}double f_tangent(int k, double x, double x_d, double c, double y, double y_d, double *f_d);
// CHECK-NEXT: {{^}}double f_adjoint(int k, double x, double *x_b, double c, double y, double *y_b, double f_b);
// CHECK-NEXT: {{^}}double f_grad(int k, double x, double c, double y, double *x_grad, double *y_grad);
// CHECK-NEXT: {{^}}double f_forward(adc_tape *tape, int k, double x, double c, double y);
// CHECK-NEXT: {{^}}void f_reverse(adc_tape *tape, int k, double x, double *x_b, double c, double y, double *y_b, double f_b);
// CHECK:      {{^}}double f_tangent(int k, double x, double x_d, double c, double y, double y_d, double *f_d) {
// CHECK:      *f_d =
// CHECK:      {{^}}double f_adjoint(int k, double x, double *x_b, double c, double y, double *y_b, double f_b) {
// f_grad zeroes the gradients, seeds 1 and returns f's value.
// CHECK:      {{^}}double f_grad(int k, double x, double c, double y, double *x_grad, double *y_grad) {
// CHECK-DAG:  *x_grad = 0.0;
// CHECK-DAG:  *y_grad = 0.0;
// CHECK:      return f_adjoint(k, x, x_grad, c, y, y_grad, 1.0);
// CHECK-NEXT: }
// CHECK:      {{^}}double f_forward(adc_tape *tape, int k, double x, double c, double y) {
// CHECK:      {{^}}void f_reverse(adc_tape *tape, int k, double x, double *x_b, double c, double y, double *y_b, double f_b) {
// Inactive parameters never get derivative companions.
// CHECK-NOT:  {{k_d|k_b|c_d|c_b|k_grad|c_grad}}
