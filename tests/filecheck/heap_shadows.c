// Heap blocks: the tangent allocates a zeroed shadow block after each allocation and frees it
// with the block; a helper returning a new block gives its shadow through a last parameter.
// In reverse mode the forward sweep allocates block and shadow and defers the frees; a block
// reallocated in a loop has its pointers taped; the backward sweep frees each block and its
// shadow where it reverses the allocation, and the helper's backward sweep frees its own.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <stdlib.h>
#include <adc.h>

static double *squares(int n, const double *x)
{
    double *y = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        y[i] = x[i] * x[i];
    return y;
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint))
double total(int n, const double *x)
{
    double s = 0.0;
    for (int k = 0; k < 2; k++) {
        double *w = squares(n, x);
        s += w[k] * s + w[0];
        free(w);
    }
    return s;
}

// CHECK-LABEL: {{^}}double total_tangent(int n, const double *x, const double *x_d, double *total_d) {
// CHECK:       double *w_d = 0;
// CHECK-NEXT:  double *w = squares_tangent(n, x, x_d, &w_d);
// CHECK:       free(w_d);
// CHECK-NEXT:  free(w);
// CHECK-LABEL: {{^}}static double * squares_tangent(int n, const double *x, const double *x_d, double **squares_d) {
// CHECK:       double *y = malloc(n * 8);
// CHECK-NEXT:  y_d = calloc(1, n * 8);
// CHECK-NEXT:  if (!y || !y_d) {
// CHECK:       *squares_d = y_d;
// CHECK-NEXT:  return y;
// CHECK-LABEL: {{^}}double total_forward(adc_tape *tape, int n, const double *x) {
// CHECK:       adc_push_ptr(tape, w);
// CHECK-NEXT:  adc_push_ptr(tape, w_b);
// CHECK-NEXT:  w = squares_forward(tape, n, x, &w_b);
// CHECK:       /* free(w): in the backward sweep */
// CHECK-LABEL: {{^}}void total_reverse(adc_tape *tape, int n, const double *x, double *restrict x_b, double total_b) {
// CHECK:       w_b = (double *)adc_pop_ptr(tape);
// CHECK-NEXT:  w = (double *)adc_pop_ptr(tape);
// CHECK:       squares_reverse(tape, n, x, x_b);
// CHECK-NEXT:  w_b = (double *)adc_pop_ptr(tape);
// CHECK-NEXT:  w = (double *)adc_pop_ptr(tape);
// CHECK-LABEL: {{^}}static double * squares_forward(adc_tape *tape, int n, const double *x, double **squares_b) {
// CHECK:       y = malloc(n * 8);
// CHECK-NEXT:  y_b = calloc(1, n * 8);
// CHECK-NEXT:  if (y && !y_b)
// CHECK-NEXT:      adc_tape_set_failed(tape);
// CHECK:       *squares_b = y_b;
// CHECK-LABEL: {{^}}static void squares_reverse(adc_tape *tape, int n, const double *x, double *x_b) {
// CHECK:       free(y_b);
// CHECK-NEXT:  free(y);
