// The backward trips of an in-place sweep touching u[i] and u[i + 1] (analysis/carry.c): trip
// i shares u_b[i + 1] with trip i + 1, so it holds it in a local, stores it once, final, at its
// end, and hands u_b[i] to the next trip; the first trip's shared element is loaded before the
// loop and the last trip's next one stored after it, both only when there are trips. Not when
// the body reaches adjoint memory through another array (v may be u).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n), modes(adjoint))
double heat(int n, double *u, double r)
{
    double left = u[0];
    for (int i = 1; i < n - 1; i++) {
        double centre = u[i];
        u[i] = centre + r * (left - 2.0 * centre + u[i + 1]);
        left = centre;
    }
    return u[1];
}

ADC_DIFF(wrt(u, v), len(u: n, v: n), modes(adjoint))
double two(int n, double *u, double *v)
{
    for (int i = 1; i < n; i++)
        u[i] = u[i] + v[i] * u[i - 1];
    return u[n - 1];
}

// CHECK-LABEL: {{^}}void heat_reverse({{.*}}) {
// CHECK:       i = (int)(first_{{[0-9]+}} + trips_{{[0-9]+}} * 1);
// CHECK-NEXT:  if (trips_[[T:[0-9]+]] > 0) { /* each trip hands u_b[i] to the next in u_b_next */
// CHECK-NEXT:  double u_b_shared = u_b[i];
// CHECK-NEXT:  for (; trips_[[T]] > 0; trips_[[T]]--) {
// CHECK-NEXT:  i -= 1;
// CHECK-NEXT:  double u_b_next = u_b[i];
// CHECK-NOT:   u_b[
// CHECK:       u_b_shared += t{{[0-9]+}}_b;
// CHECK-NOT:   u_b[
// CHECK:       u_b[i + 1] = u_b_shared;
// CHECK-NEXT:  u_b_shared = u_b_next;
// CHECK-NEXT:  }
// CHECK-NEXT:  u_b[i] = u_b_shared;
// CHECK-NEXT:  }
// CHECK-LABEL: {{^}}void two_reverse({{.*}}) {
// CHECK-NOT:   _b_shared
// CHECK:       u_b[i - 1] +=
// CHECK-NOT:   _b_shared
