// An if whose condition reads only the index of a counting loop around it, or parameters the
// function never assigns (a double one only compared as it is), tapes no bit: the backward
// sweep evaluates the condition again where it reverses the if (analysis/branch_cond.c).
// A condition over a computed value, or an else-if chain, keeps the taped decision.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double edges(int n, int mode, double c, const double *x)
{
    double t = 0.0, s = 0.0;
    for (int i = 0; i < n; i++) {
        if (i == 0)
            t = sin(x[i]);
        else
            t = t * x[i];
        if (mode == 1 && c > 0.5)
            s += t * t;
        if (t > c)
            s += exp(t);
    }
    return s;
}

// CHECK-LABEL: {{^}}double edges_forward(adc_tape *tape, int n, int mode, double c, const double *x) {
// CHECK:       if (i == 0) {
// CHECK-NEXT:  adc_push_double(tape, t);
// CHECK-NEXT:  t = sin(x[i]);
// CHECK-NEXT:  } else {
// CHECK-NEXT:  adc_push_double(tape, t);
// CHECK-NEXT:  t = t * x[i];
// CHECK-NEXT:  }
// CHECK-NEXT:  if (mode == 1 && c > 0.5) {
// CHECK-NEXT:  s += t * t;
// CHECK-NEXT:  }
// CHECK-NEXT:  if (t > c) {
// CHECK-NEXT:  s += exp(t);
// CHECK-NEXT:  adc_push_bit(tape, 1);
// CHECK-NEXT:  } else {
// CHECK-NEXT:  adc_push_bit(tape, 0);
// CHECK-NEXT:  }
// CHECK-LABEL: {{^}}void edges_reverse(
// CHECK:       i -= 1;
// CHECK:       if (adc_pop_bit(tape)) {
// CHECK:       if (mode == 1 && c > 0.5) {
// CHECK:       if (i == 0) {
// CHECK:       t = (double)adc_pop_double(tape);
// CHECK:       } else {
// CHECK:       t = (double)adc_pop_double(tape);
// CHECK-NOT:   adc_pop_bit
// CHECK:       {{^}}}
