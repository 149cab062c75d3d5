// Reverse mode counts the trips of a loop with a data-dependent trip count in the forward
// sweep, tapes the count after the loop, and runs the backward sweep that many times.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), modes(adjoint))
double f(double x)
{
    double y = x;
    while (y < 100.0)
        y = y * x + 1.0;
    return y;
}

// CHECK-LABEL: {{^}}double f_forward(adc_tape *tape, double x) {
// CHECK:       long [[TRIPS:trips_[0-9]+]] = 0;
// CHECK-NEXT:  while (y < 100.0) {
// CHECK:       adc_push_double(tape, y);
// CHECK-NEXT:  y = y * x + 1.0;
// CHECK-NEXT:  [[TRIPS]]++;
// CHECK-NEXT:  }
// CHECK-NEXT:  adc_push_int(tape, [[TRIPS]]);
// CHECK-LABEL: {{^}}void f_reverse(adc_tape *tape, double x, double *x_b, double f_b) {
// CHECK-NOT:   while (y < 100.0)
// CHECK:       for (long [[TRIPS]] = adc_pop_int(tape); [[TRIPS]] > 0; [[TRIPS]]--) {
// CHECK:       y = (double)adc_pop_double(tape);
// CHECK-NOT:   while (y < 100.0)
