// A switch over a parameter the function never assigns, in a loop: its selector local
// (`int selector = limiter;`, the switch lowering's) is assigned once, so the backward sweep
// computes it again at the top of each trip and decides the chain's branch from it, with no
// branch number on the tape; so is the index `up` chosen by comparing a double parameter as
// it is. A switch over a local the loop assigns again keeps its taped number.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(a), len(a: n), modes(adjoint))
double fluxes(int n, int limiter, double u, const double *a)
{
    double s = 0.0, slope = 0.0;
    int m = limiter;
    for (int i = 1; i < n - 1; i++) {
        int up = u > 0.0 ? i - 1 : i + 1;
        switch (limiter) {
        case 1: slope = a[up] * a[i]; break;
        case 2: slope = sin(a[up]); break;
        default: slope = a[i]; break;
        }
        s += slope * slope;
        switch (m) {
        case 0: s += a[i] * s; break;
        case 1: s = sqrt(s); break;
        default: s = s * a[up]; break;
        }
        m = (m + i) % 3;
    }
    return s;
}

// CHECK-LABEL: {{^}}double fluxes_forward(adc_tape *tape, int n, int limiter, double u, const double *a) {
// CHECK:       while (i < n - 1) {
// CHECK-NEXT:  up = u > 0.0 ? i - 1 : i + 1;
// CHECK-NEXT:  selector = limiter;
// CHECK-NEXT:  if (selector == 1) {
// CHECK-NOT:   adc_push_int
// CHECK:       selector_2 = m;
// CHECK-NEXT:  if (selector_2 == 0) {
// CHECK:       adc_push_int(tape, 0);
// CHECK-LABEL: {{^}}void fluxes_reverse({{.*}}) {
// CHECK:       i -= 1;
// CHECK-NEXT:  up = u > 0.0 ? i - 1 : i + 1; /* recomputed */
// CHECK-NEXT:  selector = limiter; /* recomputed */
// CHECK-NEXT:  {
// CHECK-NEXT:  long branch_{{[0-9]+}} = adc_pop_int(tape);
// CHECK:       long branch_{{[0-9]+}} = (selector == 1) ? 0 : (selector == 2) ? 1 : 2;
// CHECK-NOT:   adc_pop_int
// CHECK:       {{^}}}
