// Lengths without ceremony: a parameter declared as an array has its length from its type
// (len counts scalars: 9 for A[3][3]); --len gives the others on the command line; when grad
// is only a default mode and a length is missing, the other modes are generated and a
// warning names the len(...) to add.
// RUN: %adc %s -- -I%I 2>%t/warn | %FileCheck %s
// RUN: %FileCheck %s --check-prefix=WARN < %t/warn
// RUN: %adc --function plain --len x=n %s -- -I%I | %FileCheck %s --check-prefix=CLI
#include <adc.h>

ADC_DIFF(wrt(x, A))
double typed(const double x[static 4], const double A[3][3])
{
    return x[3] * A[2][2];
}

ADC_DIFF(wrt(x))
double plain(int n, const double *x)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += x[i] * x[i];
    return s;
}

// CHECK:       {{^}}double typed_grad(const double *x, const double (*A)[3], double *x_grad, double (*A_grad)[3]) {
// CHECK-NEXT:  memset(x_grad, 0, sizeof(double) * (size_t)(4));
// CHECK-NEXT:  memset(A_grad, 0, sizeof(double) * (size_t)(9));
// CHECK:       {{^}}double plain_adjoint(
// CHECK-NOT:   plain_grad
// WARN:        lengths.c:17:8: warning: 'plain_grad' is not generated: it needs the length of 'x' (add len(x: ...) to ADC_DIFF, or --len x=... on the command line)
// CLI:         {{^}}double plain_grad(int n, const double *x, double *x_grad) {
// CLI-NEXT:    memset(x_grad, 0, sizeof(double) * (size_t)(n));
