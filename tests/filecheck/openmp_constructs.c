// collapse(2), a parallel region of `omp for` loops and an atomic update. The tangent keeps
// collapse(2) and writes each region loop as `parallel for` with the region's clauses (nowait
// and default dropped); the atomic update's tangent is atomic too. The backward loop of the
// collapsed nest shares out the outer trips (collapse dropped, the inner index and the
// recomputed trip locals private); the backward trips of the atomic update read s_b, shared.
// In a parallel backward trip, the adjoint sum of an inner loop (x_b[i], read on its every
// trip) is added atomically after it, and so are the statements reversed after it.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n * n), modes(tangent, adjoint))
double constructs(int n, const double *x)
{
    double e = 0.0, s = 0.0;
#pragma omp parallel for collapse(2) reduction(+ : e) schedule(static)
    for (int i = 1; i < n - 1; i++)
        for (int j = 1; j < n - 1; j++) {
            double d = sin(x[i * n + j]) - x[(i - 1) * n + j];
            e += d * d;
        }
#pragma omp parallel for reduction(+ : s)
    for (int i = 1; i < n - 1; i++) {
        s += x[i - 1] * x[i + 1];
        for (int j = 0; j < n; j++)
            s += x[i] * x[j];
    }
#pragma omp parallel default(shared) num_threads(2)
    {
#pragma omp for nowait
        for (int i = 0; i < n; i++) {
#pragma omp atomic
            s += x[i] * x[i];
        }
    }
    return e + s;
}
// CHECK-LABEL: double constructs_tangent({{.*}}) {
// CHECK: #pragma omp parallel for collapse(2) reduction(+ : e, e_d) schedule(static)
// CHECK-NEXT: for (int i = 1; i < n - 1; i++) {
// CHECK-NEXT: for (int j = 1; j < n - 1; j++) {
// CHECK: #pragma omp parallel for num_threads(2)
// CHECK-NEXT: for (int i_3 = 0; i_3 < n; i_3++) {
// CHECK: #pragma omp atomic
// CHECK-NEXT: s_d +=
// CHECK: #pragma omp atomic
// CHECK-NEXT: s +=
// CHECK-LABEL: void constructs_reverse({{.*}}) {
// CHECK: #pragma omp parallel for num_threads(2) private(i_3)
// CHECK: double adj = s_b;
// CHECK: #pragma omp parallel for private(i_2, j_2)
// CHECK: x_b_sum{{[_0-9]*}} += x[j_2] * adj;
// CHECK: x_b[j_2] += x[i_2] * adj;
// CHECK: #pragma omp atomic
// CHECK-NEXT: x_b[i_2] += x_b_sum{{[_0-9]*}} + x_b_sum{{[_0-9]*}}_odd;
// CHECK: #pragma omp atomic
// CHECK-NEXT: x_b[i_2 - 1] +=
// CHECK: #pragma omp atomic
// CHECK-NEXT: x_b[i_2 + 1] +=
// CHECK: #pragma omp parallel for schedule(static) private(i, j, d, d_b)
// CHECK: d = sin(x[i * n + j]) - x[(i - 1) * n + j]; /* recomputed */
