// The forward sweep of a counting loop whose trip count follows from its first index and bound
// takes the room for all its trips' pushes at once (adc_tape_room) when its body is assignments
// pushing floating values only (math.h calls allowed): two values per trip here, 16 bytes. A body
// that calls a function of the program (whose forward sweep pushes too), that pushes a branch bit
// or an integer, or a loop whose bound the body changes, pushes value by value.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

static double damp(double v) {
    double w = v;
    w = w * w;
    return w;
}

ADC_DIFF(wrt(x), len(x: n), modes(adjoint))
double loops(int n, const double *x) {
    double s = 0.0, t = 0.0, u = 0.0;
    for (int i = 0; i < n; i++) {
        t = sin(x[i]) * x[i];
        u = t * t;
        s += u * t;
    }
    for (int i = 0; i < n; i++) {
        t = damp(x[i]) * t;
        s += t * t;
    }
    for (int i = 0; i < n; i++) {
        if (x[i] > s)
            t = x[i] * t;
        s += t * t;
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        k = (k + i) % 3;
        t = x[k] * t;
        s += t * t;
    }
    int m = n;
    for (int i = 0; i < m; i++) {
        t = x[i] * t;
        s += t * t;
        if (t > 10.0)
            m = i;
    }
    return s;
}

// CHECK-LABEL: {{^}}double loops_forward(adc_tape *tape, int n, const double *x) {
// CHECK:       unsigned char *[[ROOM:room_[0-9]+]] = adc_tape_room(tape, (size_t)(first_{{[0-9]+}} < bound_{{[0-9]+}} ? bound_{{[0-9]+}} - first_{{[0-9]+}} : 0) * 16);
// CHECK-NEXT:  while (i < n) {
// CHECK-NEXT:  adc_room_push_double(&[[ROOM]], t);
// CHECK-NEXT:  t = sin(x[i]) * x[i];
// CHECK-NEXT:  adc_room_push_double(&[[ROOM]], u);
// CHECK-NEXT:  u = t * t;
// CHECK-NOT:   adc_room_push_double
// CHECK:       while (i_2 < n) {
// CHECK:       adc_push_double(tape, t);
// CHECK:       while (i_3 < n) {
// CHECK-NOT:   adc_room_push_double
// CHECK:       adc_push_bit(tape,
// CHECK:       while (i_4 < n) {
// CHECK-NOT:   adc_room_push_double
// CHECK:       adc_push_int(tape, (long)k);
// CHECK:       while (i_5 < m) {
// CHECK-NOT:   adc_room_push_double
// CHECK:       adc_push_double(tape, t);
// CHECK-NOT:   adc_room_push_double
// CHECK:       return
