// Statements that do not depend on an active input, or do not influence the result, carry no
// derivative code: no `_d`/`_b` companions for `k`, `c`, `cnt` or `scale`, in either mode.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double f(double x, double c, int n)
{
    double scale = c * c + 1.0;
    int cnt = 0;
    double y = 0.0;
    for (int k = 0; k < n; k++) {
        y = y + scale * x;
        cnt = cnt + k;
        scale = scale * 0.5;
    }
    return y;
}

// CHECK-LABEL: {{^}}double f_tangent(double x, double x_d, double c, int n, double *f_d) {
// CHECK-NOT:   {{scale_d|cnt_d|c_d|k_d|n_d}}
// CHECK:       double scale = c * c + 1.0;
// CHECK-NOT:   {{scale_d|cnt_d|c_d|k_d|n_d}}
// CHECK:       y_d =
// CHECK-NOT:   {{scale_d|cnt_d|c_d|k_d|n_d}}
// CHECK:       cnt = cnt + k;
// CHECK-NOT:   {{scale_d|cnt_d|c_d|k_d|n_d}}
// CHECK:       scale = scale * 0.5;
// CHECK-NOT:   {{scale_d|cnt_d|c_d|k_d|n_d}}
// CHECK-LABEL: {{^}}void f_reverse({{.*}}) {
// CHECK-NOT:   {{scale_b|cnt_b|c_b|k_b|n_b}}
// CHECK:       x_b_local +=
// CHECK-NOT:   {{scale_b|cnt_b|c_b|k_b|n_b}}
