// A costly math call that is a factor of a product, in a statement outside loops: the forward
// sweep computes it into a local of its own and tapes the value once (with the function's other
// final values); the backward sweep reads it back instead of calling sin or cos again, and
// calls cos only for the derivative of sin; exp, whose derivative is its value, is read back
// too. The log under ?: becomes the value of a branch of its own (lower.c): read back there.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(y, par), len(y: 2, par: 2), modes(adjoint))
double pendulum(double t, const double *y, const double *par)
{
    double acc = -par[1] * sin(y[0]) + par[0] * cos(0.5 * t) + exp(y[1]) + (t > 1.0 ? log(y[1]) : y[0]);
    return acc * y[1];
}

// CHECK-LABEL: {{^}}double pendulum_forward(adc_tape *tape, double t, const double *y, const double *par) {
// CHECK:       cond_value = log(y[1]);
// CHECK:       sin_value = sin(y[0]);
// CHECK-NEXT:  cos_value = cos(0.5 * t);
// CHECK-NEXT:  exp_value = exp(y[1]);
// CHECK-NEXT:  acc = -par[1] * sin_value + par[0] * cos_value + exp_value + cond_value;
// CHECK:       adc_room_put(&exit_values, &sin_value, sizeof sin_value);
// CHECK-NEXT:  adc_room_put(&exit_values, &cos_value, sizeof cos_value);
// CHECK-NEXT:  adc_room_put(&exit_values, &exp_value, sizeof exp_value);
// CHECK-LABEL: {{^}}void pendulum_reverse(adc_tape *tape, double t, const double *y, double *restrict y_b, const double *par, double *restrict par_b, double pendulum_b) {
// CHECK:       adc_room_get(&exit_values, &sin_value, sizeof sin_value);
// CHECK-NEXT:  adc_room_get(&exit_values, &cos_value, sizeof cos_value);
// CHECK-NEXT:  adc_room_get(&exit_values, &exp_value, sizeof exp_value);
// CHECK-NOT:   sin(
// CHECK-NOT:   cos(0.5 * t)
// CHECK-NOT:   exp(
// CHECK:       y_b[0] += cos(y[0]) * adj;
// CHECK-NOT:   sin(
// CHECK-NOT:   exp(
// CHECK:       {{^}}}
