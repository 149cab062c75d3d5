// A `void *params` given pointers of one type (&mu, a double) and cast back to it takes that
// type in the derivatives: the helper and the dispatch take `double *params` with its shadow
// beside it, the caller passes &mu and &mu_d (&mu_b), and the cast back is gone (void_context.c).
// The dispatch still compares the pointer with the target, declared as the source declares it.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

typedef int (*rhs_fn)(double t, const double y[], double dydt[], void *params);

int decay(double t, const double y[], double dydt[], void *params)
{
    double mu = *(double *)params;
    (void)t;
    dydt[0] = -mu * y[0];
    return 0;
}

static void euler(rhs_fn f, void *params, double *y)
{
    double dydt[1];
    f(0.0, y, dydt, params);
    y[0] += 0.1 * dydt[0];
}

ADC_DIFF(wrt(k), modes(tangent, adjoint))
double g(double k, double y0)
{
    double mu = 2.0 * k, y[1] = {y0};
    euler(decay, &mu, y);
    return y[0];
}

// CHECK:      {{^}}int decay(double, const double[], double[], void *);
// CHECK-LABEL: {{^}}double g_tangent(double k, double k_d, double y0, double *g_d) {
// CHECK:       euler_tangent(decay, &mu, &mu_d, y, y_d);
// CHECK-LABEL: {{^}}static void euler_tangent(rhs_fn f, double *params, double *params_d, double *y, double *y_d) {
// CHECK:       call_f_tangent_y_dydt_params(f, 0.0, y, y_d, dydt, dydt_d, params, params_d);
// CHECK:       euler_reverse(tape, decay, &mu, &mu_b, y, y_b);
// CHECK-LABEL: {{^}}static int call_f_tangent_y_dydt_params(rhs_fn f, {{.*}}, double *params, double *params_d) {
// CHECK-NEXT:  int result;
// CHECK-NEXT:  if (f == decay) {
// CHECK-LABEL: {{^}}static int decay_tangent_y_dydt_params(double t, const double *y, const double *y_d, double *dydt, double *dydt_d, double *params, double *params_d) {
// CHECK:       double mu_d = *params_d;
// CHECK-NEXT:  double mu = *params;
