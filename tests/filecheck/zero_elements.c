// The backward sweep of `u[i] = centre + ...` zeroes u_b[i]; `centre = u[i]` before it then
// sets u_b[i] (= adj, not += onto the zero) although u_b[i + 1], another element, is written
// in between; a negated contribution is subtracted (centre_b -= ...). The trips hold u_b[i] and
// u_b[i + 1] in locals (u_b_next, u_b_shared: carried_elements.c).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(u), len(u: n), modes(adjoint))
double sweep(int n, double r, double *u)
{
    double left = u[0];
    for (int i = 1; i < n - 1; i++) {
        double centre = u[i];
        u[i] = centre + r * (left - 2.0 * centre + u[i + 1]);
        left = centre;
    }
    return u[n / 2];
}

// CHECK-LABEL: {{^}}void sweep_reverse(
// CHECK:       double adj = u_b_next;
// CHECK-NEXT:  u_b_next = 0.0;
// CHECK:       centre_b -= 2.0 * t{{[0-9]+}}_b;
// CHECK-NEXT:  u_b_shared += t{{[0-9]+}}_b;
// CHECK:       double adj = centre_b;
// CHECK-NEXT:  centre_b = 0.0;
// CHECK-NEXT:  u_b_next = adj;
