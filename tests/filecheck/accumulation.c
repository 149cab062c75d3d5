// An accumulation written `x = x + e` (or `x = e + x`, `x = x - e`) is reversed as `x += e`:
// the backward sweep passes x's adjoint on instead of zeroing it and adding it back. Not when
// e reads x's variable too.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 4), modes(adjoint))
double acc(const double *x)
{
    double out[4] = {0};
    double s = 0.0;
    for (int i = 0; i < 4; i++) {
        out[i] = out[i] + x[i] * x[i];
        s = x[i] + s;
        s = s - 2.0 * x[i];
        out[i] = out[i] + out[0];
    }
    return out[3] * s;
}

// CHECK-LABEL: {{^}}double acc_forward(adc_tape *tape, const double *x) {
// CHECK:       out[i] += x[i] * x[i];
// CHECK-NEXT:  s += x[i];
// CHECK-NEXT:  s -= 2.0 * x[i];
// CHECK-NEXT:  out[i] = out[i] + out[0];
// CHECK-LABEL: {{^}}void acc_reverse(adc_tape *tape, const double *x, double *restrict x_b, double acc_b) {
// CHECK:       double adj = out_b[i];
// CHECK-NEXT:  out_b[i] = 0.0;
// CHECK-NEXT:  out_b[i] = adj;
// CHECK-NEXT:  out_b[0] += adj;
// CHECK:       double adj = -s_b;
// CHECK-NEXT:  x_b[i] += 2.0 * adj;
// CHECK:       double adj = s_b;
// CHECK-NEXT:  x_b[i] += adj;
// CHECK:       double adj = out_b[i];
// CHECK-NEXT:  x_b[i] += x[i] * (2.0 * adj);
