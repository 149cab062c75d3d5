// A helper summing into scalars its caller passes by address (`*px += ...` in a loop: forward
// kinematics) tapes none of them, and the caller, whose backward sweep never reads px or py
// as they were before the call, tapes nothing for them either. A helper that only hands its
// parameter on (relay to bump) keeps nothing: bump tapes its own write.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

static void reach(int n, const double *q, double *px, double *py)
{
    double phi = 0.0;
    *px = 0.0;
    *py = 0.0;
    for (int i = 0; i < n; i++) {
        phi += q[i];
        *px += cos(phi);
        *py += sin(phi);
    }
}

static void bump(double *s, double c)
{
    *s = *s * c;
}

static void relay(double *s, double c)
{
    bump(s, c);
}

ADC_DIFF(wrt(q), len(q: n), modes(adjoint))
double cost(int n, const double *q)
{
    double px, py;
    reach(n, q, &px, &py);
    double e = px * px + py * py;
    relay(&e, q[0]);
    return e;
}

// CHECK-LABEL: {{^}}double cost_forward(adc_tape *tape, int n, const double *q) {
// CHECK-NOT:   adc_push_double(tape, px);
// CHECK:       reach_forward(tape, n, q, &px, &py);
// CHECK-NEXT:  e = px * px + py * py;
// CHECK-NEXT:  c_arg = q[0];
// CHECK-NEXT:  relay_forward(tape, &e, c_arg);
// CHECK-LABEL: {{^}}static void reach_forward(
// CHECK-NOT:   adc_push_double(tape, *p
// CHECK:       {{^}}}
// CHECK-LABEL: {{^}}static void bump_forward(
// CHECK:       adc_push_double(tape, *s);
