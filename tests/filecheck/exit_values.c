// The final values a function's backward sweep starts from: two or more plain values (a
// double, an int, a local array, a struct) travel as one block, put into one room of the tape
// on exit and taken off at once on entry, in the same order; a pointer into a local array still
// travels as an offset of its own, and a function with a single final value pushes it alone.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

struct pair { double a, b; };

static double single(double x)
{
    double s = sin(x);
    return s * s;
}

ADC_DIFF(wrt(x), len(x: 3), modes(adjoint))
double block(const double *x)
{
    double w[3];
    for (int i = 0; i < 3; i++)
        w[i] = x[i] * x[i];
    double *p = &w[1];
    struct pair q = {sin(x[0]), cos(x[1])};
    double s = p[0] * q.a + w[2] * q.b;
    return s * s + single(x[2]);
}

// CHECK-LABEL: {{^}}double block_forward(adc_tape *tape, const double *x) {
// CHECK:       adc_push_int(tape, (long)(p - w));
// CHECK-NEXT:  unsigned char *exit_values = adc_tape_room(tape, sizeof w + sizeof q + sizeof s);
// CHECK-NEXT:  if (exit_values) {
// CHECK-NEXT:      adc_room_put(&exit_values, &w, sizeof w);
// CHECK-NEXT:      adc_room_put(&exit_values, &q, sizeof q);
// CHECK-NEXT:      adc_room_put(&exit_values, &s, sizeof s);
// CHECK-NEXT:  }
// CHECK-LABEL: {{^}}void block_reverse(adc_tape *tape, const double *x, double *restrict x_b, double block_b) {
// CHECK:       const unsigned char *exit_values = adc_tape_take(tape, sizeof w + sizeof q + sizeof s);
// CHECK-NEXT:  if (exit_values) {
// CHECK-NEXT:      adc_room_get(&exit_values, &w, sizeof w);
// CHECK-NEXT:      adc_room_get(&exit_values, &q, sizeof q);
// CHECK-NEXT:      adc_room_get(&exit_values, &s, sizeof s);
// CHECK-NEXT:  }
// CHECK-NEXT:  p = w + adc_pop_int(tape);
// CHECK-LABEL: {{^}}static double single_forward(adc_tape *tape, double x) {
// CHECK:       adc_push_double(tape, s);
// CHECK-NOT:   exit_values
// CHECK:       {{^}}}
// CHECK-LABEL: {{^}}static void single_reverse(adc_tape *tape, double x, double *x_b, double single_b) {
// CHECK-NOT:   exit_values
// CHECK:       s = (double)adc_pop_double(tape);
