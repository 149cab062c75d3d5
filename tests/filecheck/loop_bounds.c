// Reverse mode counts the trips of a counting loop again from its bounds when they do not
// change in the loop (here i + 1 and n), steps the index back in each backward trip (from the
// value the forward loop ended with, by the user's step, in the user's type: no narrowing of a
// 64-bit expression per trip) without taping its value before the loop, and undoes an integer
// step `k++` instead of taping k: the forward sweep pushes nothing inside the loops.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x, c), len(x: n, c: n * n), modes(adjoint))
double tri(int n, const double *x, const double *c)
{
    double s = 0.0;
    int k = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            s += c[k] * x[i] * x[j];
            k++;
        }
    return s;
}

// CHECK-LABEL: {{^}}double tri_forward(adc_tape *tape, int n, const double *x, const double *c) {
// CHECK:       while (i < n) {
// CHECK-NEXT:  j = i + 1;
// CHECK-NEXT:  while (j < n) {
// CHECK-NEXT:  s += c[k] * x[i] * x[j];
// CHECK-NEXT:  k += 1;
// CHECK-NEXT:  j += 1;
// CHECK-NEXT:  }
// CHECK-NEXT:  i += 1;
// CHECK-NEXT:  }
// CHECK-LABEL: {{^}}void tri_reverse(
// CHECK:       long first_[[OUTER:[0-9]+]] = 0;
// CHECK-NEXT:  long bound_[[OUTER]] = n;
// CHECK-NEXT:  long trips_[[OUTER]] = first_[[OUTER]] < bound_[[OUTER]] ? bound_[[OUTER]] - first_[[OUTER]] : 0;
// CHECK-NEXT:  i = (int)(first_[[OUTER]] + trips_[[OUTER]] * 1);
// CHECK-NEXT:  for (; trips_[[OUTER]] > 0; trips_[[OUTER]]--) {
// CHECK-NEXT:  i -= 1;
// CHECK:       long first_[[INNER:[0-9]+]] = i + 1;
// CHECK-NEXT:  long bound_[[INNER]] = n;
// CHECK-NEXT:  long trips_[[INNER]] = first_[[INNER]] < bound_[[INNER]] ? bound_[[INNER]] - first_[[INNER]] : 0;
// CHECK-NEXT:  j = (int)(first_[[INNER]] + trips_[[INNER]] * 1);
// CHECK-NEXT:  for (; trips_[[INNER]] > 0; trips_[[INNER]]--) {
// CHECK-NEXT:  j -= 1;
// CHECK-NOT:   trips_[[INNER]] - 1
// CHECK:       k -= 1; /* undone */
// CHECK-NOT:   adc_pop_int
// CHECK:       c_b[k] +=
// CHECK-NOT:   adc_pop
// CHECK:       {{^}}}
