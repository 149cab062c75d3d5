// Heap buffers swapped through a third pointer: the third pointer is a heap pointer too, so each
// shadow pointer is swapped with its pointer (tangent); the forward sweep tapes each pointer
// with its shadow before it is overwritten, and the backward sweep restores both, in reverse
// order, before it reverses the step that wrote through them.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <stdlib.h>
#include <adc.h>

ADC_DIFF(wrt(x), modes(tangent, adjoint))
double relax(double x, int steps)
{
    double *u = malloc(4 * sizeof(double)), *v = malloc(4 * sizeof(double));
    for (int i = 0; i < 4; i++)
        u[i] = x * i;
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < 4; i++)
            v[i] = u[i] * u[(i + 1) % 4];
        double *t = u;
        u = v;
        v = t;
    }
    double r = u[1];
    free(u);
    free(v);
    return r;
}

// CHECK-LABEL: {{^}}double relax_tangent(double x, double x_d, int steps, double *relax_d) {
// CHECK: double *t_d = u_d;
// CHECK-NEXT: double *t = u;
// CHECK-NEXT: u_d = v_d;
// CHECK-NEXT: u = v;
// CHECK-NEXT: v_d = t_d;
// CHECK-NEXT: v = t;
// CHECK: free(u_d);
// CHECK-NEXT: free(u);
// CHECK-NEXT: free(v_d);
// CHECK-NEXT: free(v);

// CHECK-LABEL: {{^}}double relax_forward(adc_tape *tape, double x, int steps) {
// CHECK: adc_push_ptr(tape, u);
// CHECK-NEXT: adc_push_ptr(tape, u_b);
// CHECK-NEXT: u = v;
// CHECK-NEXT: u_b = v_b;
// CHECK-NEXT: adc_push_ptr(tape, v);
// CHECK-NEXT: adc_push_ptr(tape, v_b);
// CHECK-NEXT: v = t;
// CHECK-NEXT: v_b = t_b;
// CHECK: /* free(u): in the backward sweep */

// CHECK-LABEL: {{^}}void relax_reverse(adc_tape *tape, double x, double *x_b, int steps, double relax_b) {
// CHECK: v_b = (double *)adc_pop_ptr(tape);
// CHECK-NEXT: v = (double *)adc_pop_ptr(tape);
// CHECK: u_b = (double *)adc_pop_ptr(tape);
// CHECK-NEXT: u = (double *)adc_pop_ptr(tape);
// CHECK: v_b[{{i[_0-9]*}}] = 0.0;
