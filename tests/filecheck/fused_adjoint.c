// A sum over a loop nest of terms local to each trip (fusion.c): NAME_adjoint runs each trip's
// forward and backward sweeps together, with no tape and no second pass over the nest (MDS:
// 2.7 -> 2.0 primals, below Enzyme's 2.4); NAME_forward and NAME_reverse are still written.
// A sum whose terms read the sum itself keeps the two sweeps.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(W), len(W: 2 * n))
double pairs(int n, const double *W)
{
    double L = 0.0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            double dx = W[2 * i] - W[2 * j];
            L += dx * dx;
        }
    return L;
}

ADC_DIFF(wrt(x), len(x: n))
double compound(int n, const double *x)
{
    double s = 1.0;
    for (int i = 0; i < n; i++)
        s += s * x[i];
    return s;
}

// CHECK-LABEL: {{^}}double pairs_adjoint(int n, const double *W, double *restrict W_b, double pairs_b) {
// CHECK-NOT:   tape
// CHECK:       L_b = adj;
// CHECK:       while (i < n) {
// CHECK:       double W_b_sum = 0.0; /* W_b[2 * i], added after the loop */
// CHECK:       while (j < n) {
// CHECK-NEXT:  dx = W[2 * i] - W[2 * j];
// CHECK-NEXT:  L += dx * dx;
// CHECK:       W_b_sum += adj;
// CHECK-NEXT:  W_b[2 * j] -= adj;
// CHECK:       j += 1;
// CHECK:       W_b[2 * i] += W_b_sum + W_b_sum_odd;
// CHECK:       i += 1;
// CHECK:       pairs_result = L;
// CHECK:       return pairs_result;
// CHECK-NEXT:  {{^}}}
// CHECK-LABEL: {{^}}double compound_adjoint(
// CHECK:       compound_forward(&tape, n, x);
// CHECK:       compound_reverse(&tape, n, x, x_b, compound_b);
// CHECK-DAG:   {{^}}double pairs_forward(adc_tape *tape, int n, const double *W) {
// CHECK-DAG:   {{^}}void pairs_reverse(adc_tape *tape, int n, const double *W, double *restrict W_b, double pairs_b) {
