// Pointers adc replaces by what they point to (issue 15): `double *p = &t` is t (no p in the
// generated code, and reverse mode tapes what `*p = ...` overwrites in t); a row read into
// `double *ai = a[i]` is a[i], whose shadow is the caller's row a_d[i] / a_b[i]. Writes through
// a double ** parameter are taped one by one, never as the parameter's bytes (row pointers),
// and f_grad zeroes the rows len(a: n, a[]: m) names.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(a, x), len(a: n, a[]: m), modes(tangent, tangent_vector, adjoint, grad), vector(2))
double f(int n, int m, double **a, double x)
{
    double t = x;
    double *p = &t;
    *p = sin(*p) * x;
    for (int i = 0; i < n; i++) {
        double *ai = a[i];
        for (int j = 0; j < m; j++)
            ai[j] = ai[j] * t;
    }
    return a[0][0] * t;
}

// CHECK-LABEL: {{^}}double f_tangent(int n, int m, double **a, double **a_d, double x, double x_d, double *f_d) {
// CHECK-NOT:   {{[^a-z_]p[^a-z_0-9]}}
// CHECK:       t_d =
// CHECK:       double t3_d = t * a_d[i][j] + a[i][j] * t_d;
// CHECK-NEXT:  a_d[i][j] = t3_d;
// CHECK-NEXT:  a[i][j] = t3;
// CHECK-LABEL: {{^}}double f_tangent_vector(int n, int m, double **a, double (**a_d)[2], double x, const double x_d[2], double *f_d) {
// CHECK-LABEL: {{^}}double f_grad(int n, int m, double **a, double x, double **a_grad, double *x_grad) {
// CHECK-NEXT:  for (long row = 0; row < (long)(n); row++)
// CHECK-NEXT:      memset(a_grad[row], 0, sizeof **a_grad * (size_t)(m));
// CHECK-LABEL: {{^}}double f_forward(adc_tape *tape, int n, int m, double **a, double x) {
// CHECK-NOT:   adc_tape_push_bytes(tape, a,
// CHECK:       sin_value = sin(t);
// CHECK-NEXT:  adc_push_double(tape, t);
// CHECK-NEXT:  t = sin_value * x;
// CHECK:       adc_room_push_double(&{{room_[0-9]+}}, a[i][j]);
// CHECK-NEXT:  a[i][j] = a[i][j] * t;
// CHECK-LABEL: {{^}}void f_reverse(
// CHECK:       a_b[i][j]
