// Active globals get shadow globals after the sources' declarations (NAME_d, NAME_dv[...][W] for
// vector mode, NAME_b), which the derivatives use like any variable's shadow; the user's
// f_tangent and f_adjoint clear those of globals wrt(...) does not name, f_grad all NAME_b,
// with plain assignments (second order reads them back); the adjoint tapes each write to a
// global the code writes and reads and restores it in the backward sweep, also inside a helper
// called with no active argument, which its callers reach through f_tangent's inner copy.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

double state[3];
double gain;
double clock;

static void step(void)
{
    for (int i = 0; i < 3; i++)
        state[i] = state[i] * gain;
    clock = clock + 0.5 * state[0];
}

ADC_DIFF(wrt(x), len(x: 3), modes(tangent, adjoint, grad), vector(2))
double stepper(const double *x)
{
    gain = x[0];
    step();
    return state[1] * clock;
}

// CHECK:       extern double state[3];
// CHECK:       {{^}}double gain_d;
// CHECK-NEXT:  {{^}}double gain_dv[2];
// CHECK-NEXT:  {{^}}double gain_b;
// CHECK-NEXT:  {{^}}double state_d[3];
// CHECK-NEXT:  {{^}}double state_dv[3][2];
// CHECK-NEXT:  {{^}}double state_b[3];
// CHECK-LABEL: {{^}}double stepper_tangent(const double *x, const double *x_d, double *stepper_d) {
// CHECK-NEXT:  gain_d = 0.0;
// CHECK-NEXT:  for (long zero_i1 = 0; zero_i1 < 3; zero_i1++) state_d[zero_i1] = 0.0;
// CHECK-NEXT:  clock_d = 0.0;
// CHECK-NEXT:  gain_d = x_d[0];
// CHECK:       step_tangent();
// CHECK:       double t1_d = clock * state_d[1] + state[1] * clock_d;
// CHECK-LABEL: {{^}}double stepper_tangent_vector(
// CHECK:       for (long zero_i1 = 0; zero_i1 < 3; zero_i1++) for (long zero_i2 = 0; zero_i2 < 2; zero_i2++) state_dv[zero_i1][zero_i2] = 0.0;
// CHECK:       gain_dv[k] = x_d[0][k];
// CHECK-LABEL: {{^}}double stepper_adjoint(const double *x, double *x_b, double stepper_b) {
// CHECK-NEXT:  gain_b = 0.0;
// CHECK-NEXT:  for (long zero_i1 = 0; zero_i1 < 3; zero_i1++) state_b[zero_i1] = 0.0;
// CHECK-NEXT:  clock_b = 0.0;
// CHECK-LABEL: {{^}}double stepper_grad(const double *x, double *x_grad) {
// CHECK:       gain_b = 0.0;
// CHECK-NEXT:  for (long zero_i1 = 0; zero_i1 < 3; zero_i1++) state_b[zero_i1] = 0.0;
// CHECK-NEXT:  clock_b = 0.0;
// CHECK-NEXT:  return stepper_adjoint(x, x_grad, 1.0);
// CHECK-LABEL: {{^}}static void step_tangent(void) {
// CHECK:       state_d[i] = t1_d;
// CHECK-LABEL: {{^}}double stepper_forward(adc_tape *tape, const double *x) {
// CHECK:       adc_push_double(tape, gain);
// CHECK-NEXT:  gain = x[0];
// CHECK-NEXT:  step_forward(tape);
// CHECK-LABEL: {{^}}void stepper_reverse(
// CHECK:       step_reverse(tape);
// CHECK:       gain = (double)adc_pop_double(tape);
// CHECK-LABEL: {{^}}static void step_forward(adc_tape *tape) {
// CHECK:       adc_room_push_double(&{{room_[0-9]+}}, state[i]);
// CHECK-NEXT:  state[i] = state[i] * gain;
// CHECK:       adc_push_double(tape, clock);
// CHECK-LABEL: {{^}}static void step_reverse(adc_tape *tape) {
// CHECK:       clock = (double)adc_pop_double(tape);
// CHECK-NEXT:  double adj = clock_b;
