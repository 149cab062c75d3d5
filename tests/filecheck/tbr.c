// To-be-recorded analysis: reverse mode tapes a value only when the backward sweep needs it
// and it is overwritten. The parameters x and c are never overwritten and are never taped;
// `a` is assigned once and not taped before or inside the loop; `t`, read by the partials of
// t * t and overwritten on every iteration, is pushed before each overwrite and popped back,
// into room the loop takes on the tape for all its trips at once.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double f(int n, const double *x, double c)
{
    double a = sin(c * x[0]);
    double s = 0.0;
    double t = 0.0;
    for (int i = 0; i < n; i++) {
        t = a * x[i];
        s = s + t * t;
    }
    return s;
}

// CHECK-LABEL: {{^}}double f_forward(adc_tape *tape, int n, const double *x, double c) {
// CHECK-NOT:   adc_push_double(tape, {{x|c|a|\(double\)x|\(double\)c}}
// CHECK:       a = sin(c * x[0]);
// CHECK-NOT:   adc_push_double(tape, {{x|c|a|\(double\)x|\(double\)c}}
// CHECK:       unsigned char *[[ROOM:room_[0-9]+]] = adc_tape_room(tape, (size_t)(first_{{[0-9]+}} < bound_{{[0-9]+}} ? bound_{{[0-9]+}} - first_{{[0-9]+}} : 0) * 8);
// CHECK-NEXT:  while (i < n) {
// CHECK-NEXT:  adc_room_push_double(&[[ROOM]], t);
// CHECK-NEXT:  t = a * x[i];
// CHECK-NOT:   adc_{{(room_)?}}push_double({{.*}}{{x|c|a|\(double\)x|\(double\)c}})
// CHECK:       {{^    }}}
// CHECK-NOT:   adc_push_double(tape, {{x|c|\(double\)x|\(double\)c}}
// CHECK:       return
// CHECK-LABEL: {{^}}void f_reverse({{.*}}) {
// CHECK-NOT:   {{x|c}} = (double)adc_pop_double(tape);
// CHECK:       long {{trips_[0-9]+}} = first_{{[0-9]+}} < bound_{{[0-9]+}} ?
// CHECK:       t = (double)adc_pop_double(tape);
// CHECK-NOT:   {{x|c}} = (double)adc_pop_double(tape);
