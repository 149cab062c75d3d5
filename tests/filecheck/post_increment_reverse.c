// `v[k++] = e;` is lowered as `int k_old = k; k++; v[k_old] = e;`. In reverse mode the
// statement runs with k itself and the step after it (`v[k] = e; k += 1;`): the backward
// sweep undoes the step (`k -= 1`) and reads k, instead of taping the copy k_old on every trip.
// The tangent keeps the lowering as it is.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n), modes(tangent, adjoint))
double fill(const double *u, int n)
{
    double v[64], s = 0.0;
    int i = 0, k = 0;
    while (i < n) {
        v[k++] = u[i] * u[i];
        i++;
    }
    for (i = 0; i < n; i++)
        s += v[i] * u[i];
    return s;
}

// CHECK-LABEL: {{^}}double fill_tangent({{.*}}) {
// CHECK:       int k_old = k;
// CHECK-LABEL: {{^}}double fill_forward({{.*}}) {
// CHECK-NOT:   {{^ +}}k_old = k;
// CHECK:       while (i < n) {
// CHECK-NEXT:  v[k] = u[i] * u[i];
// CHECK-NEXT:  k += 1;
// CHECK-NOT:   {{^ +}}k_old = k;
// CHECK-LABEL: {{^}}void fill_reverse({{.*}}) {
// CHECK-NOT:   k_old
// CHECK:       k -= 1; /* undone */
// CHECK:       double adj = v_b[k];
// CHECK-NOT:   k_old
// CHECK:       {{^}}}
