// A pointer walking a heap block in reverse mode (issue 15): the forward sweep tapes it as an
// offset from the heap pointer (p - h) and a bit that says it is set on each move, and last
// before the block (h, h_b) so that the backward sweep pops it after; the backward sweep
// restores it from that offset and moves its adjoint pointer to the same element of the
// block's shadow, h_b + (p - h). A p still null comes back null, with no arithmetic on h,
// which may be null too (difftest entry 88: `h + 0` with h null, undefined in C, was what the
// backward sweep computed). The tangent moves p_d with p.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <stdlib.h>
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint))
double sumsq(int n, const double *x)
{
    double *h = malloc(n * sizeof *h);
    memcpy(h, x, n * sizeof *h);
    double s = 0.0;
    const double *p = h;
    while (p < h + n) {
        s += *p * *p;
        p++;
    }
    free(h);
    return s;
}

// CHECK-LABEL: {{^}}double sumsq_tangent({{.*}}) {
// CHECK:       while (p < h + n) {
// CHECK:           p_d += 1;
// CHECK-NEXT:      p++;
// CHECK-LABEL: {{^}}double sumsq_forward({{.*}}) {
// CHECK:       while (p < h + n) {
// CHECK-NEXT:      s += *p * *p;
// CHECK-NEXT:      if (p)
// CHECK-NEXT:          adc_push_int(tape, (long)(p - h));
// CHECK-NEXT:      adc_push_bit(tape, p != 0);
// CHECK-NEXT:      p += 1;
// CHECK:       if (p)
// CHECK-NEXT:      adc_push_int(tape, (long)(p - h));
// CHECK-NEXT:  adc_push_bit(tape, p != 0);
// CHECK-NEXT:  adc_push_ptr(tape, h);
// CHECK-NEXT:  adc_push_ptr(tape, h_b);
// CHECK-NEXT:  return sumsq_result;
// CHECK-LABEL: {{^}}void sumsq_reverse({{.*}}) {
// CHECK:       h_b = (double *)adc_pop_ptr(tape);
// CHECK-NEXT:  h = (double *)adc_pop_ptr(tape);
// CHECK-NEXT:  if (adc_pop_bit(tape))
// CHECK-NEXT:      p = h + adc_pop_int(tape);
// CHECK-NEXT:  else
// CHECK-NEXT:      p = 0;
// CHECK-NEXT:  if (p)
// CHECK-NEXT:      p_b = h_b + (p - h);
// CHECK:       if (adc_pop_bit(tape))
// CHECK-NEXT:      p = h + adc_pop_int(tape);
// CHECK-NEXT:  else
// CHECK-NEXT:      p = 0;
// CHECK-NEXT:  if (p)
// CHECK-NEXT:      p_b = h_b + (p - h);
// CHECK:       *p_b += *p * (2.0 * adj);
// CHECK:       free(h_b);
// CHECK-NEXT:  free(h);
