// Derivatives of a `static` helper are emitted `static`; the entry points of an annotated
// non-static function are not. The generated file never redefines the user's own functions.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static double square(double v) { return v * v; }

ADC_DIFF(wrt(x))
double f(double x)
{
    return square(x) + x;
}

// CHECK-NOT:   {{^(static )?double (square|f)\(}}
// CHECK:       {{^}}double f_tangent(double x, double x_d, double *f_d);
// CHECK:       {{^}}static inline double square_tangent(double v, double v_d, double *square_d);
// CHECK:       {{^}}double f_forward(adc_tape *tape, double x);
// CHECK:       {{^}}static inline double square_forward(adc_tape *tape, double v);
// CHECK:       {{^}}static inline void square_reverse(adc_tape *tape, double v, double *v_b, double square_b);
// CHECK-NOT:   {{^(static )?double (square|f)\(}}
// CHECK:       {{^}}double f_tangent(double x, double x_d, double *f_d) {
// CHECK:       = square_tangent(x, x_d, &
// CHECK-NOT:   {{^(static )?double (square|f)\(}}
// CHECK:       {{^}}static double square_tangent(double v, double v_d, double *square_d) {
// CHECK-NOT:   {{^(static )?double (square|f)\(}}
// CHECK:       {{^}}static void square_reverse(adc_tape *tape, double v, double *v_b, double square_b) {
// CHECK-NOT:   {{^(static )?double (square|f)\(}}
// CHECK-NOT:   {{^(double|void) square_}}
