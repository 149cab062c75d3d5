// A call through a function pointer calls a dispatch function of its own, given the pointer:
// it compares the pointer with each function of the pointer's type whose address the program
// takes and calls that function's derivative (tangent; forward and reverse sweeps, the branch
// taken carried on the tape); any other target stops with a message naming the call. The
// candidates are declared for the comparison; the typedef names the pointer's type.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

typedef void (*rhs_fn)(double t, const double *y, double *dy);

void decay(double t, const double *y, double *dy) { dy[0] = -t * y[0]; }
void grow(double t, const double *y, double *dy) { dy[0] = t * y[0] * y[0]; }
double unrelated(double t) { return t; }

ADC_DIFF(wrt(y), len(y: 1), modes(tangent, adjoint))
void step(rhs_fn rhs, double *y)
{
    double dy[1];
    rhs(0.5, y, dy);
    y[0] += 0.1 * dy[0];
}

void run(double *y, double (**other)(double)) { step(decay, y); step(grow, y); *other = unrelated; }

// CHECK:      {{^}}void decay(double, const double *, double *);
// CHECK-NEXT: {{^}}void grow(double, const double *, double *);
// CHECK-LABEL: {{^}}void step_tangent(rhs_fn rhs, double *y, double *y_d) {
// CHECK:       call_rhs_tangent_y_dy(rhs, 0.5, y, y_d, dy, dy_d);
// CHECK-LABEL: {{^}}static void call_rhs_tangent_y_dy(rhs_fn rhs, double t, const double *y, const double *y_d, double *dy, double *dy_d) {
// CHECK-NEXT:  if (rhs == decay) {
// CHECK-NEXT:      decay_tangent_y_dy(t, y, y_d, dy, dy_d);
// CHECK-NEXT:  } else if (rhs == grow) {
// CHECK-NEXT:      grow_tangent_y_dy(t, y, y_d, dy, dy_d);
// CHECK-NEXT:  } else {
// CHECK-NEXT:      adc_no_derivative("{{.*}}function_pointer_dispatch.c:19:5", "rhs");
// CHECK-NEXT:  }
// CHECK-NEXT:  {{^}}}
// CHECK-LABEL: {{^}}static void call_rhs_forward_y_dy(adc_tape *tape, rhs_fn rhs, double t, const double *y, double *dy) {
// CHECK:       if (rhs == decay) {
// CHECK-NEXT:      decay_forward_y_dy(tape, t, y, dy);
// CHECK-NEXT:      adc_push_int(tape, 0);
// CHECK-LABEL: {{^}}static void call_rhs_reverse_y_dy(adc_tape *tape, rhs_fn rhs, double t, const double *y, double *y_b, double *dy, double *dy_b) {
// CHECK:       decay_reverse_y_dy(tape, t, y, y_b, dy, dy_b);
// CHECK:       grow_reverse_y_dy(tape, t, y, y_b, dy, dy_b);
// CHECK-NOT:   unrelated_
