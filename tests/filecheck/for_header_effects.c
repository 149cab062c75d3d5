// A for header that updates floating data: the update leaves the header (the derivative modes
// write the header as it is) for the end of the body, after the loop's own statements, and the
// integer step stays, so the loop keeps its counting form (its trips counted from its bounds,
// not taped, in the backward sweep). An active init runs before the loop.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint))
double halving(int n, const double *x)
{
    double s, w;
    int i;
    for (i = 0, w = x[0], s = 0.0; i < n; i++, w *= 0.5)
        s += w * x[i];
    return s;
}

// CHECK-LABEL: {{^}}double halving_tangent({{.*}}) {
// CHECK:       w_d = x_d[0];
// CHECK-NEXT:  w = x[0];
// CHECK-NEXT:  s_d = 0.0;
// CHECK-NEXT:  s = 0.0;
// CHECK-NEXT:  for (i = 0; i < n; i++) {
// CHECK:       s += t1;
// CHECK-NEXT:  w_d *= 0.5;
// CHECK-NEXT:  w *= 0.5;
// CHECK-NEXT:  }
// CHECK-LABEL: {{^}}double halving_forward({{.*}}) {
// CHECK:       w *= 0.5;
// CHECK-NEXT:  i += 1;
// CHECK-LABEL: {{^}}void halving_reverse({{.*}}) {
// CHECK-NOT:   adc_pop_int
// CHECK:       long trips_{{[0-9]+}} = first_{{[0-9]+}} < bound_{{[0-9]+}} ? bound_{{[0-9]+}} - first_{{[0-9]+}} : 0;
