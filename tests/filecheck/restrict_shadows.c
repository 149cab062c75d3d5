// The shadow arrays of the user's NAME_adjoint and NAME_reverse are `restrict` in their
// definitions: CONVENTIONS.md has the caller keep shadow arrays apart from each other and from
// primal arrays, and telling the compiler lets it keep and reorder the updates of a backward
// loop (the paired trips of split_sums.c become two-lane vector code). Prototypes and the
// header stay without it (C++ reads the header). A function that another function of the file
// calls gets none: adc's own calls may give it one array twice (pair_sum(n, a, a)), nor do
// helpers (static), tangents, or pointers to pointers.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

static double sq(double t) { return t * t; }

ADC_DIFF(wrt(x, y), len(x: n, y: n), modes(tangent, adjoint))
double pair_sum(int n, const double *x, const double *y)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += sq(x[i]) * y[i];
    return s;
}

ADC_DIFF(wrt(a, c), len(a: n), modes(adjoint))
double self_pair(int n, const double *a, double c)
{
    return c * pair_sum(n, a, a);
}

// CHECK:       {{^}}double pair_sum_adjoint(int n, const double *x, double *x_b, const double *y, double *y_b, double pair_sum_b);
// CHECK:       {{^}}double self_pair_adjoint(int n, const double *a, double *a_b, double c, double *c_b, double self_pair_b);
// CHECK-LABEL: {{^}}double pair_sum_tangent(int n, const double *x, const double *x_d, const double *y, const double *y_d, double *pair_sum_d) {
// CHECK-LABEL: {{^}}double pair_sum_adjoint(int n, const double *x, double *x_b, const double *y, double *y_b, double pair_sum_b) {
// CHECK-LABEL: {{^}}double self_pair_adjoint(int n, const double *a, double *restrict a_b, double c, double *c_b, double self_pair_b) {
// CHECK-LABEL: {{^}}void pair_sum_reverse(adc_tape *tape, int n, const double *x, double *x_b, const double *y, double *y_b, double pair_sum_b) {
// CHECK-LABEL: {{^}}void self_pair_reverse(adc_tape *tape, int n, const double *a, double *restrict a_b, double c, double *c_b, double self_pair_b) {
// CHECK:       pair_sum_reverse(tape, n, a, a_b, a, a_b, {{.*}});
// CHECK-LABEL: {{^}}static void sq_reverse({{.*}}) {
// CHECK-NOT:   *restrict
