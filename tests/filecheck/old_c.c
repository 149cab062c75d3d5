// Old C that gcc accepts with warnings and clang >= 16 rejects by default (implicit int, a call
// to an undeclared function, K&R definitions) is read as gcc reads it: adc differentiates it.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static twice(n)
    int n;
{
    return 2 * n;
}

ADC_DIFF(wrt(x))
double f(x, n)
    double x;
    int n;
{
    int m = twice(n) + undeclared_count(n);
    return x * x * m;
}

// CHECK:       {{^}}double f_tangent(double x, double x_d, int n, double *f_d) {
// CHECK:       int m = {{.*}} + undeclared_count(n);
// CHECK:       {{^}}double f_adjoint(double x, double *x_b, int n, double f_b) {
