// State in global pointers that an init() the caller runs first mallocs: the shadows are
// pointers the caller points at blocks (defined null here), they swap in lockstep with the
// pointers, the backward sweep pops both; f_grad clears each shadow block over len(u: N), and
// when grad is only a default mode and that length is missing, the other modes are generated
// and a warning names the len(...) to add (--len u=N on the command line gives it).
// RUN: %adc %s -- -I%I 2>%t/warn | %FileCheck %s
// RUN: %FileCheck %s --check-prefix=WARN < %t/warn
// RUN: %adc --function heat --wrt k --len u=N,unew=N %s -- -I%I | %FileCheck %s --check-prefix=CLI
#include <adc.h>

double *u, *unew;
int N;

static void step(double k)
{
    for (int i = 1; i < N - 1; i++)
        unew[i] = u[i] + k * (u[i - 1] - 2.0 * u[i] + u[i + 1]);
    double *t = u; u = unew; unew = t;
}

ADC_DIFF(wrt(k))
double heat(double k)
{
    step(k);
    return u[1] * u[1];
}

// CHECK:       {{^}}double *u_d;
// CHECK-NEXT:  {{^}}double *u_b;
// CHECK-NEXT:  {{^}}double *unew_d;
// CHECK-NEXT:  {{^}}double *unew_b;
// CHECK-NOT:   heat_grad
// CHECK:       {{^}}static void step_tangent(
// CHECK:       double *t_d = u_d;
// CHECK:       u_d = unew_d;
// CHECK:       unew_d = t_d;
// CHECK:       {{^}}static void step_forward(
// CHECK:       adc_push_ptr(tape, u);
// CHECK-NEXT:  adc_push_ptr(tape, u_b);
// CHECK-NEXT:  u = unew;
// CHECK-NEXT:  u_b = unew_b;
// CHECK:       {{^}}static void step_reverse(
// CHECK:       u_b = (double *)adc_pop_ptr(tape);
// CHECK-NEXT:  u = (double *)adc_pop_ptr(tape);
// WARN:        global_pointer_shadows.c:22:8: warning: 'heat_grad' is not generated: it needs the length of the block of the global pointer 'u' (add len(u: ...) to ADC_DIFF, or --len u=... on the command line)
// CLI:         {{^}}double heat_grad(double k, double *k_grad) {
// CLI-NEXT:    *k_grad = 0.0;
// CLI-NEXT:    for (long zero_i1 = 0; zero_i1 < N; zero_i1++) u_b[zero_i1] = 0.0;
// CLI-NEXT:    for (long zero_i1 = 0; zero_i1 < N; zero_i1++) unew_b[zero_i1] = 0.0;
