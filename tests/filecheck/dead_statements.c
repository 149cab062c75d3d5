// Statements whose value reaches no output (useful.c) get no backward sweep: the dead call runs
// as the helper itself in the forward sweep (nothing on the tape, no sq_reverse), the dead
// squaring in the loop leaves only the loop's trips; the live statements keep theirs.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static double sq(double p) { return p * p; }

ADC_DIFF(wrt(x), modes(adjoint))
double dead(double x)
{
    double d = x * x;
    double r = d;
    d = sq(d);
    d *= x;
    for (int k = 0; k < 3; k++)
        r = r * r * 0.5;
    for (int k = 0; k < 3; k++)
        d = d * d;
    return r;
}

// CHECK-LABEL: {{^}}double dead_forward(adc_tape *tape, double x) {
// CHECK:       d = sq_primal(d);
// CHECK-NEXT:  d *= x;
// CHECK:       adc_room_push_double(&{{room_[0-9]+}}, r);
// CHECK-NEXT:  r = r * r * 0.5;
// CHECK:       while (k_2 < 3) {
// CHECK-NEXT:  d = d * d;
// CHECK-LABEL: {{^}}void dead_reverse(adc_tape *tape, double x, double *x_b, double dead_b) {
// CHECK-NOT:   sq_reverse
// CHECK-NOT:   d * (2.0
// CHECK:       r_b = r * (2.0 * t1_b);
// CHECK-NOT:   d * (2.0
// CHECK:       d_b += adj;
// CHECK-NOT:   sq_reverse
// CHECK-LABEL: {{^}}static double sq_primal(double p) {
