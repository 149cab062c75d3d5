// Heap blocks passed between functions: a pointer taking another's block takes its shadow in
// the forward sweep and is taped with it; an allocation helper given no active value runs as
// its forward sweep (giving the shadow); a helper freeing the block it is given frees nothing
// in the forward sweep; f_adjoint of a function returning a block adds the seed array into the
// block's shadow and returns a copy of the block.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <stdlib.h>
#include <adc.h>

static double *dvector(int n)
{
    double *v = malloc(n * sizeof(double));
    return v;
}

static void free_dvector(double *v)
{
    free(v);
}

ADC_DIFF(wrt(x), len(x: n, return: n), modes(adjoint))
double *smooth(int n, const double *x)
{
    double *u0 = dvector(n);
    for (int i = 0; i < n; i++)
        u0[i] = x[i];
    for (int k = 0; k < 3; k++) {
        double *u1 = dvector(n);
        for (int i = 0; i < n; i++)
            u1[i] = 0.5 * (u0[i] + u0[(i + 1) % n] * u0[i]);
        free_dvector(u0);
        u0 = u1;
    }
    return u0;
}

// CHECK-LABEL: {{^}}double * smooth_adjoint(int n, const double *x, double *restrict x_b, const double *smooth_b) {
// CHECK: double *[[R:result[a-z_0-9]*]] = smooth_forward(&tape, n, x, &[[RB:result_b[a-z_0-9]*]]);
// CHECK: [[RB]][[[K:k[a-z_0-9]*]]] += smooth_b[[[K]]];
// CHECK: copy[[[K]]] = [[R]][[[K]]];
// CHECK: smooth_reverse(&tape, n, x, x_b);
// CHECK: return copy;

// CHECK-LABEL: {{^}}double * smooth_forward(adc_tape *tape, int n, const double *x, double **smooth_b) {
// CHECK: u0 = dvector_forward(tape, n, &u0_b);
// CHECK: u1 = dvector_forward(tape, n, &u1_b);
// CHECK: free_dvector_forward(tape, u0);
// CHECK-NEXT: adc_push_ptr(tape, u0);
// CHECK-NEXT: adc_push_ptr(tape, u0_b);
// CHECK-NEXT: u0 = u1;
// CHECK-NEXT: u0_b = u1_b;

// CHECK-LABEL: {{^}}static void free_dvector_forward(adc_tape *tape, double *v) {
// CHECK-NOT: {{^ *}}free(
// CHECK: {{^}}}
