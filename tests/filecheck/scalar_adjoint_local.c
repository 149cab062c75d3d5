// The adjoint of a scalar parameter that a loop adds to is kept in a local during the backward
// sweep (`kappa_b_local`) and stored back through the pointer once at its end: adding to
// (*kappa_b) on every trip would go through memory, since kappa_b may alias u_b as far as the
// C compiler knows. A parameter no loop mentions keeps (*c_b).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(u, kappa, c), len(u: n), modes(adjoint))
double smooth(const double *u, double kappa, double c, int n)
{
    double s = c * c;
    for (int i = 1; i < n - 1; i++)
        s += kappa * (u[i - 1] - 2.0 * u[i] + u[i + 1]) * u[i];
    return s;
}

// CHECK-LABEL: {{^}}void smooth_reverse(
// CHECK:       double kappa_b_local = (*kappa_b);
// CHECK-NOT:   (*kappa_b)
// CHECK:       for (
// CHECK-NOT:   (*kappa_b)
// CHECK:       kappa_b_local +=
// CHECK-NOT:   (*kappa_b)
// CHECK:       (*c_b) +=
// CHECK:       (*kappa_b) = kappa_b_local;
// CHECK-NEXT:  }
