// An annotated `static` function: its derivatives are the user's interface, reached from the
// source's other files, so they are not static; a static helper called in a loop condition
// is called through the file's own static copy (the source's static function is out of reach).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static int count(int n) { return n - 1; }

ADC_DIFF(wrt(x), len(x: n))
static double f(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < count(n); i++)
        s += x[i] * x[i + 1];
    return s;
}

// CHECK:       {{^}}double f_tangent(int n, const double *x, const double *x_d, double *f_d);
// CHECK:       {{^}}double f_adjoint(
// CHECK:       {{^}}double f_grad(
// CHECK:       {{^}}static inline int count_primal(int n);
// CHECK-NOT:   {{^(static )?int count\(}}
// CHECK:       {{^}}double f_tangent(int n, const double *x, const double *x_d, double *f_d) {
// CHECK:       = count_primal(n);
// CHECK:       {{^}}static int count_primal(int n) {
// CHECK-NOT:   {{[^_]}}count(n)
