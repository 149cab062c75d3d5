// An `omp parallel for`: the tangent loop lists each active clause variable's tangent beside
// it; the backward loop runs in parallel (its trips read nothing from the tape) with its index
// private and atomic additions to the adjoints trips may share (x_b[i - 1], x_b[i + 1], a_b).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x, a, y), len(x: n, y: n), modes(tangent, adjoint))
void stencil(int n, const double *x, double a, double *y)
{
    double c = 2.0 * a;
#pragma omp parallel for firstprivate(c) schedule(static)
    for (int i = 1; i < n - 1; i++)
        y[i] = c * x[i - 1] * x[i + 1];
}
// CHECK-LABEL: void stencil_tangent({{.*}}) {
// CHECK: #pragma omp parallel for firstprivate(c, c_d) schedule(static)
// CHECK-NEXT: for (int i = 1; i < n - 1; i++) {
// CHECK-LABEL: void stencil_forward({{.*}}) {
// CHECK-NOT: #pragma
// CHECK-LABEL: void stencil_reverse({{.*}}) {
// CHECK: #pragma omp parallel for schedule(static) private(i)
// CHECK-NEXT: for (long [[TRIPS:trips_[0-9]+]] = {{.*}}; [[TRIPS]] > 0; [[TRIPS]]--) {
// CHECK: y_b[i] = 0.0;
// CHECK: #pragma omp atomic
// CHECK-NEXT: c_b +=
// CHECK: #pragma omp atomic
// CHECK-NEXT: x_b[i - 1] +=
// CHECK: #pragma omp atomic
// CHECK-NEXT: x_b[i + 1] +=
