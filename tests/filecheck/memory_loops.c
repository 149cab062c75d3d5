// memcpy and memset over active arrays become the element loops they stand for, in tangent
// mode (b_d copied from a_d, p_d cleared) and in the backward sweep (b_b added into a_b and
// cleared); also when _FORTIFY_SOURCE makes memcpy a C library inline function, whose body
// (a __builtin___memcpy_chk) adc must not take for the copy.
// RUN: %adc %s -- -I%I | %FileCheck %s
// RUN: %adc %s -- -I%I -O2 -D_FORTIFY_SOURCE=2 | %FileCheck %s
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x)
{
    double a[4], b[4];
    for (int i = 0; i < 4; i++)
        a[i] = x * i;
    memcpy(b, a, 2 * sizeof(double));
    memset(&b[2], 0, sizeof(double) * 2);
    return b[1] * b[1] + b[3];
}

// CHECK-LABEL: {{^}}double f_tangent(double x, double x_d, double *f_d) {
// CHECK: for (long k = 0; k < 2; k++) {
// CHECK-NEXT: b_d[k] = a_d[k];
// CHECK-NEXT: b[k] = a[k];
// CHECK: for (long k_2 = 0; k_2 < 2; k_2++) {
// CHECK-NEXT: b_d[2 + k_2] = 0.0;
// CHECK-NEXT: b[2 + k_2] = 0.0;
// CHECK-LABEL: {{^}}void f_reverse(adc_tape *tape, double x, double *x_b, double f_b) {
// CHECK: double adj = b_b[k];
// CHECK-NEXT: b_b[k] = 0.0;
// CHECK-NEXT: a_b[k] += adj;
// CHECK-NOT: memcpy
