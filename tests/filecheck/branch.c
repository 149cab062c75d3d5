// Reverse mode records each branch decision on the tape in the forward sweep (one bit per
// if/else executed) and replays it in the backward sweep; exp' = exp is read from y. (A
// condition over values that cannot change, `x > 0.0` with x never assigned, would be
// evaluated again instead: branch_recomputed.c; here x is assigned.)
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(adjoint))
double f(double x)
{
    double y;
    x = x - 1.0;
    if (x > 0.0)
        y = exp(x);
    else
        y = x * x;
    return y;
}

// CHECK-LABEL: {{^}}double f_forward(adc_tape *tape, double x) {
// CHECK:       if (x > 0.0) {
// CHECK:       y = exp(x);
// CHECK-NEXT:  adc_push_bit(tape, 1);
// CHECK-NEXT:  } else {
// CHECK:       y = x * x;
// CHECK-NEXT:  adc_push_bit(tape, 0);
// CHECK-NEXT:  }
// CHECK-LABEL: {{^}}void f_reverse(adc_tape *tape, double x, double *x_b, double f_b) {
// The condition is not re-evaluated: the taped bit decides.
// CHECK-NOT:   if (x > 0.0)
// CHECK:       if (adc_pop_bit(tape)) {
// CHECK-NOT:   exp(x)
// CHECK:       double [[E:t[0-9]+]] = y;
// CHECK:       (*x_b) += [[E]] * adj;
// CHECK:       } else {
// CHECK:       (*x_b) += x * (2.0 * adj);
// CHECK-NOT:   if (x > 0.0)
