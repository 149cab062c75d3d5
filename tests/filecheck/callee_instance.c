// A callee gets derivative instances specialised to the pattern of active arguments at each
// call: only x active gives g_tangent_x / g_forward_x / g_reverse_x (no y_d, no y_b); both
// active gives the plain g_tangent / g_reverse.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <math.h>
#include <adc.h>

double g(double x, double y) { return x * y + sin(y); }

ADC_DIFF(wrt(u))
double f(double u, double c)
{
    double p = g(u, c);
    double q = g(p, u);
    return p + q;
}

// CHECK-DAG:   {{^}}static inline double g_tangent_x(double x, double x_d, double y, double *g_d);
// CHECK-DAG:   {{^}}static inline double g_tangent(double x, double x_d, double y, double y_d, double *g_d);
// CHECK-DAG:   {{^}}static inline double g_forward_x(adc_tape *tape, double x, double y);
// CHECK-DAG:   {{^}}static inline void g_reverse_x(adc_tape *tape, double x, double *x_b, double y, double g_b);
// CHECK-DAG:   {{^}}static inline void g_reverse(adc_tape *tape, double x, double *x_b, double y, double *y_b, double g_b);
// CHECK-LABEL: {{^}}double f_tangent({{.*}}) {
// CHECK:       = g_tangent_x(u, u_d, c, &{{[a-z_0-9]+}});
// CHECK:       = g_tangent(p, p_d, u, u_d, &{{[a-z_0-9]+}});
// CHECK-LABEL: {{^}}static double g_tangent_x(double x, double x_d, double y, double *g_d) {
// In the x-only instance sin(y) has no derivative.
// CHECK-NOT:   {{y_d|cos}}
// CHECK:       *g_d =
// CHECK-LABEL: {{^}}static double g_tangent(double x, double x_d, double y, double y_d, double *g_d) {
// CHECK:       cos(y) * y_d
// CHECK-LABEL: {{^}}void f_reverse({{.*}}) {
// CHECK-DAG:   g_reverse(tape, p, &{{[a-z_0-9]+}}, u, &{{[a-z_0-9]+}}, {{.*}});
// CHECK-DAG:   g_reverse_x(tape, u, &{{[a-z_0-9]+}}, c, {{.*}});
