// A helper that rewrites elements of a scratch array its callers own (a triangular product)
// tapes none of them: the caller tapes the d elements it may write, once, before each call in
// its loop (it reads their old values in earlier trips), and restores them after reversing it.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static void tri(int d, const double *L, const double *v, double *out)
{
    for (int i = 0; i < d; i++)
        out[i] = L[i] * v[i];
    int k = d;
    for (int i = 0; i < d; i++)
        for (int j = i + 1; j < d; j++) {
            out[j] = out[j] + L[k] * v[i];
            k++;
        }
}

ADC_DIFF(wrt(L), len(L: 10, x: 16), modes(adjoint))
double loss(const double *L, const double *x)
{
    double y[4];
    double s = 0.0;
    for (int t = 0; t < 4; t++) {
        tri(4, L, &x[4 * t], y);
        s += y[0] * y[3];
    }
    return s;
}

// CHECK-LABEL: {{^}}double loss_forward(adc_tape *tape, const double *L, const double *x) {
// CHECK:       long count = (long)(4) < 0 ? 0 : (long)(4) < 4 ? (long)(4) : 4; /* y given to tri */
// CHECK-NEXT:  adc_tape_push_bytes(tape, y, sizeof *y * (size_t)count);
// CHECK-NEXT:  adc_push_int(tape, count);
// CHECK:       tri_forward_L_out(tape, 4, L, &x[4 * t], y);
// CHECK-LABEL: {{^}}void loss_reverse(
// CHECK:       tri_reverse_L_out(tape, 4, L, L_b, &x[4 * t], y, y_b);
// CHECK-NEXT:  {
// CHECK-NEXT:  long count = adc_pop_int(tape); /* y as before tri */
// CHECK-NEXT:  adc_tape_pop_bytes(tape, y, sizeof *y * (size_t)count);

// A bound computed by a call: the call runs once (into four_value), the count reads its value.
static int four(void) { return 4; }

ADC_DIFF(wrt(L), len(L: 10, x: 16), modes(adjoint))
double loss_called(const double *L, const double *x)
{
    double y[4];
    double s = 0.0;
    for (int t = 0; t < 4; t++) {
        tri(four(), L, &x[4 * t], y);
        s += y[0] * y[3];
    }
    return s;
}

// CHECK-LABEL: {{^}}double loss_called_forward(adc_tape *tape, const double *L, const double *x) {
// CHECK:       four_value = four_primal();
// CHECK-NOT:   four_primal()
// CHECK:       long count = (long)(four_value) < 0 ? 0 : (long)(four_value) < 4 ? (long)(four_value) : 4; /* y given to tri */
// CHECK-NOT:   four_primal()
// CHECK:       tri_forward_L_out(tape, four_value, L, &x[4 * t], y);
// CHECK-LABEL: {{^}}static void tri_forward_L_out(adc_tape *tape, int d, const double *L, const double *v, double *out) {
// CHECK-NOT:   adc_push_double
// CHECK:       {{^}}}
