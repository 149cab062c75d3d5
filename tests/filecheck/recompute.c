// Recomputation: dx, dy and r are declared in the loop body and computed from const input
// memory (W, D) and the counting loop indices, so the forward sweep tapes none of them and
// the backward sweep recomputes them at the top of each trip, before the trip's statements
// are reversed. `s`, reassigned in the body, is still taped.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(W), len(W: 2 * n), modes(adjoint))
double stress(int n, const double *W, const double *D)
{
    double L = 0.0;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            double dx = W[2 * i] - W[2 * j];
            double dy = W[2 * i + 1] - W[2 * j + 1];
            double r = dx * dx + dy * dy - D[i * n + j];
            double s = r * dx;
            s = s * dy;
            L += r * r + s;
        }
    }
    return L;
}

// CHECK-LABEL: {{^}}double stress_forward({{.*}}) {
// CHECK:       while (j < n) {
// CHECK-NEXT:  dx = W[2 * i] - W[2 * j];
// CHECK-NEXT:  dy = W[2 * i + 1] - W[2 * j + 1];
// CHECK-NEXT:  r = dx * dx + dy * dy - D[i * n + j];
// CHECK-NEXT:  adc_room_push_double(&[[ROOM:room_[0-9]+]], s);
// CHECK-NEXT:  s = r * dx;
// CHECK-NEXT:  adc_room_push_double(&[[ROOM]], s);
// CHECK-NEXT:  s = s * dy;
// CHECK-LABEL: {{^}}void stress_reverse({{.*}}) {
// CHECK:       j -= 1;
// CHECK-NEXT:  dx = W[2 * i] - W[2 * j]; /* recomputed */
// CHECK-NEXT:  dy = W[2 * i + 1] - W[2 * j + 1]; /* recomputed */
// CHECK-NEXT:  r = dx * dx + dy * dy - D[i * n + j]; /* recomputed */
// CHECK-NOT:   {{dx|dy|r}} = (double)adc_pop_double(tape);
// CHECK:       s = (double)adc_pop_double(tape);
// CHECK-NOT:   {{dx|dy|r}} = (double)adc_pop_double(tape);
// CHECK:       {{^}}}
