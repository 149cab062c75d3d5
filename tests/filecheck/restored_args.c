// A helper whose last writes save what they overwrite because they read it (BA's project):
// its backward sweep pops each element back before reading it, so the caller keeps nothing of
// the array for the call, and its own overwrite of the array after the call tapes nothing.
// When a last write reads another element the helper leaves as it is, the caller keeps the
// array (param_reads.c).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static void finish(const double *a, double *out)
{
    out[0] = a[0] * a[1];
    out[1] = a[2] / a[1];
    out[0] = out[0] * a[3] + a[4];
    out[1] = out[1] * a[3] - a[4];
}

static void chain(const double *a, double *out)
{
    out[0] = a[0] * a[1];
    out[1] = a[2] * a[1];
    out[0] = out[0] * a[3];
    out[1] = out[1] * out[0];
}

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double loss(int n, const double *x)
{
    double p[2], q[2], s = 0.0;
    for (int t = 0; t + 5 <= n; t++) {
        finish(&x[t], p);
        s += p[0] - p[1];
        p[1] = x[t];
        chain(&x[t], q);
        s += q[0] - q[1];
        q[1] = x[t];
    }
    return s;
}

// CHECK-LABEL: {{^}}double loss_forward({{.*}}) {
// CHECK-NOT:   given to finish
// CHECK:       finish_forward(tape, &x[t], p);
// CHECK-NEXT:  s += p[0] - p[1];
// CHECK-NEXT:  p[1] = x[t];
// CHECK:       /* q given to chain */
// CHECK:       chain_forward(tape, &x[t], q);
// CHECK-NEXT:  s += q[0] - q[1];
// CHECK-NEXT:  adc_push_double(tape, q[1]);
// CHECK-NEXT:  q[1] = x[t];
// CHECK-LABEL: {{^}}void loss_reverse({{.*}}) {
// CHECK-NOT:   as before finish
// CHECK:       /* q as before chain */
// CHECK-NOT:   as before finish
// CHECK:       {{^}}}
