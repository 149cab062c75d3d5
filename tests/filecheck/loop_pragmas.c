// Loop pragmas go to the loops that run the primal's trips in the same way: the tangent keeps
// hints and independence (ivdep, unroll, clang loop); the backward sweep, which runs the trips
// in reverse and adds to shared adjoints, carries none of them.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x, y), len(x: n, y: n), modes(tangent, adjoint))
void scale(int n, const double *x, double *y)
{
#pragma GCC ivdep
#pragma GCC unroll 4
    for (int i = 0; i < n; i++)
        y[i] = 2.0 * x[i] * x[i];
#pragma clang loop vectorize(enable)
    for (int i = 0; i < n; i++)
        y[i] += x[i];
}
// clang may not vectorize a tangent loop it is asked to: no error under -Werror.
// CHECK: #if defined(__clang__)
// CHECK-NEXT: #pragma clang diagnostic ignored "-Wpass-failed"
// CHECK-LABEL: void scale_tangent({{.*}}) {
// CHECK: #pragma GCC ivdep
// CHECK-NEXT: #pragma GCC unroll 4
// CHECK-NEXT: for (int i = 0; i < n; i++) {
// CHECK: #pragma clang loop vectorize(enable)
// CHECK-NEXT: for (int i_2 = 0; i_2 < n; i_2++) {
// CHECK-LABEL: void scale_reverse({{.*}}) {
// CHECK-NOT: #pragma
// CHECK: }
