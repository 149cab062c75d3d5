// sin and cos of one variable side by side: the backward sweep of each reads the other's
// result (c, -s) instead of calling cos or sin again, and the forward sweep keeps both.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(adjoint))
double turn(double x, double y)
{
    double th = x * y;
    double c = cos(th);
    double s = sin(th);
    return c * x + s * y;
}

// CHECK-LABEL: {{^}}double turn_forward(adc_tape *tape, double x, double y) {
// CHECK:       c = cos(th);
// CHECK-NEXT:  s = sin(th);
// CHECK-LABEL: {{^}}void turn_reverse(adc_tape *tape, double x, double *x_b, double y, double turn_b) {
// CHECK-NOT:   cos(
// CHECK-NOT:   sin(
// CHECK:       th_b = c * adj;
// CHECK-NOT:   cos(
// CHECK-NOT:   sin(
// CHECK:       th_b += -s * adj;
// CHECK-NOT:   cos(
// CHECK-NOT:   sin(
// CHECK:       {{^}}}
