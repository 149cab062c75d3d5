// sin and cos of one variable called as factors of two statements of a loop trip, the forward
// kinematics of an arm: each call gets a local of its own (factor_calls.c, in loops too for
// the functions with a companion), and the sin's backward sweep reads the cos of its trip,
// restored with the trip, instead of calling cos; the cos's reads the sin of its trip, which
// the forward sweep tapes after computing it and the sin's backward sweep pops back (nothing
// else reads it). Neither reads phi, which is then never taped. Outside loops each reads the
// other's local.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(q), len(q: n), modes(adjoint))
double reach(int n, const double *q, const double *len)
{
    double phi = 0.0, px = 0.0, py = 0.0;
    for (int i = 0; i < n; i++) {
        phi += q[i];
        px += len[i] * cos(phi);
        py += len[i] * sin(phi);
    }
    double th = q[0] * q[1];
    px += len[0] * sinh(th);
    py += len[1] * cosh(th);
    return px * py;
}

// CHECK-LABEL: {{^}}double reach_forward(adc_tape *tape, int n, const double *q, const double *len) {
// CHECK-NOT:   adc_push_double(tape, phi);
// CHECK:       adc_room_push_double(&[[ROOM:room_[0-9]+]], cos_value);
// CHECK-NEXT:  cos_value = cos(phi);
// CHECK-NEXT:  px += len[i] * cos_value;
// CHECK-NEXT:  sin_value = sin(phi);
// CHECK-NEXT:  adc_room_push_double(&[[ROOM]], sin_value);
// CHECK-NEXT:  py += len[i] * sin_value;
// CHECK-NOT:   adc_push_double(tape, phi);
// CHECK:       sinh_value = sinh(th);
// CHECK-NEXT:  px += len[0] * sinh_value;
// CHECK-NEXT:  cosh_value = cosh(th);
// CHECK-NEXT:  py += len[1] * cosh_value;
// CHECK-LABEL: {{^}}void reach_reverse(adc_tape *tape, int n, const double *q, double *restrict q_b, const double *len, double reach_b) {
// CHECK-NOT:   sinh(
// CHECK-NOT:   cosh(
// CHECK:       th_b = sinh_value * adj;
// CHECK-NOT:   sinh(
// CHECK-NOT:   cosh(
// CHECK:       th_b += cosh_value * adj;
// CHECK-NOT:   cos(
// CHECK:       sin_value = (double)adc_pop_double(tape);
// CHECK-NOT:   cos(
// CHECK:       phi_b += cos_value * adj;
// CHECK-NOT:   cos(
// CHECK:       cos_value = (double)adc_pop_double(tape);
// CHECK-NOT:   sin(
// CHECK:       phi_b += -sin_value * adj;
// CHECK-NOT:   sin(
// CHECK-NOT:   phi = (double)adc_pop_double
// CHECK:       {{^}}}
