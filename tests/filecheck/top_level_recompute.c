// Locals defined once at the function's top level from parameters it never assigns and the
// const storage they reach: the backward sweep computes them again where it begins, the forward
// sweep tapes nothing for them. A copy of a parameter the function assigns is still taped.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(y, par), len(y: 2, par: 3), modes(adjoint))
double relax(double t, double y0, const double *y, const double *par)
{
    double damping = par[0];
    double rate = 0.5 * par[1] - damping * t;
    double first = y0;
    y0 = y0 * rate;
    return damping * y[0] * y[1] + rate * y[1] * y0 + first * y[0];
}

// CHECK-LABEL: {{^}}double relax_forward(adc_tape *tape, double t, double y0, const double *y, const double *par) {
// CHECK-NOT:   &damping
// CHECK-NOT:   &rate
// CHECK:       adc_room_put(&exit_values, &first, sizeof first);
// CHECK-NOT:   &damping
// CHECK-NOT:   &rate
// CHECK:       {{^}}}
// CHECK-LABEL: {{^}}void relax_reverse(
// CHECK:       adc_room_get(&exit_values, &y0, sizeof y0);
// CHECK-NEXT:  adc_room_get(&exit_values, &first, sizeof first);
// CHECK-NEXT:  }
// CHECK-NEXT:  damping = par[0]; /* recomputed */
// CHECK-NEXT:  rate = 0.5 * par[1] - damping * t; /* recomputed */
