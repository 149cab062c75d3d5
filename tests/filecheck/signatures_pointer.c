// Signatures for pointer parameters: a `const double *` input gets `const double *x_d` and
// `double *x_b`; a `double *` output or in-out gets `double *y_d` and `double *y_b`; f_grad
// zeroes whole gradients using len(...) and returns f's value; a void function gets no
// result tangent or seed and no f_grad.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x, w), len(x: n, w: m))
double loss(int n, const double *x, int m, const double *w)
{
    double s = 0.0;
    for (int i = 0; i < n && i < m; i++)
        s += w[i] * x[i] * x[i];
    return s;
}

ADC_DIFF(wrt(x, y), modes(tangent, adjoint))
void scale(int n, const double *x, double *y, double c)
{
    for (int i = 0; i < n; i++)
        y[i] = c * x[i] * y[i];
}

// CHECK:      {{^}}double loss_tangent(int n, const double *x, const double *x_d, int m, const double *w, const double *w_d, double *loss_d);
// CHECK-NEXT: {{^}}double loss_adjoint(int n, const double *x, double *x_b, int m, const double *w, double *w_b, double loss_b);
// CHECK-NEXT: {{^}}double loss_grad(int n, const double *x, int m, const double *w, double *x_grad, double *w_grad);
// CHECK-NEXT: {{^}}void scale_tangent(int n, const double *x, const double *x_d, double *y, double *y_d, double c);
// CHECK-NEXT: {{^}}void scale_adjoint(int n, const double *x, double *x_b, double *y, double *y_b, double c);
// CHECK-NOT:  scale_grad
// CHECK:      {{^}}double loss_grad(int n, const double *x, int m, const double *w, double *x_grad, double *w_grad) {
// CHECK-DAG:  memset(x_grad, 0, sizeof(double) * (size_t)(n));
// CHECK-DAG:  memset(w_grad, 0, sizeof(double) * (size_t)(m));
// CHECK:      return loss_adjoint(n, x, x_grad, m, w, w_grad, 1.0);
// CHECK:      {{^}}void scale_tangent(int n, const double *x, const double *x_d, double *y, double *y_d, double c) {
// The output's tangent is written into its _d array.
// CHECK:      y_d[i] =
// CHECK-NOT:  scale_grad
