// Reverse mode over a system struct with a neighbour list on the heap: a pointer read from a
// member starts at the member in each sweep and its adjoint is the shadow struct's member at
// the same offset; realloc of the int list runs as adc_realloc_kept and its pointer is not
// taped (the backward sweep leaves it on its last block); a heap block of doubles grown by
// realloc grows its shadow alongside (zeroed) and tapes whether it allocated; the free of an
// int block waits for the tape (adc_tape_defer_free).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <stdlib.h>
#include <adc.h>

typedef struct {
    int n, cap, *list;
    double *x;
} sys_t;

ADC_DIFF(wrt(s), len(s.x: s->n), modes(adjoint))
double energy(sys_t *s)
{
    double *x = s->x;
    double *w = NULL, e = 0.0;
    int *order = malloc(2 * sizeof(int));
    s->cap *= 2;
    s->list = realloc(s->list, s->cap * sizeof(int));
    w = realloc(w, s->n * sizeof(double));
    for (int i = 0; i < s->n; i++) {
        w[i] = x[i] * x[i];
        s->list[i % s->cap] = i;
    }
    order[0] = s->list[0];
    order[1] = s->n - 1;
    e = w[order[0]] * x[order[1]];
    free(order);
    free(w);
    return e;
}

// CHECK-LABEL: {{^}}double energy_forward(adc_tape *tape, sys_t *s) {
// CHECK:       double *x = s->x;
// CHECK:       s->list = adc_realloc_kept(s->list, s->cap * 4);
// CHECK-NEXT:  adc_push_bit(tape, w == 0);
// CHECK-NEXT:  w = adc_realloc_kept(w, s->n * 8);
// CHECK-NEXT:  w_b = adc_realloc_kept(w_b, s->n * 8);
// CHECK-NEXT:  if (w_b)
// CHECK-NEXT:      memset(w_b, 0, sizeof *w_b * ((s->n * 8) / sizeof *w_b));
// CHECK:       adc_tape_defer_free(tape, order); /* the backward sweep may read it */
// CHECK-NEXT:  /* free(w): in the backward sweep */
// CHECK-LABEL: {{^}}void energy_reverse(adc_tape *tape, sys_t *s, sys_t *s_b, double energy_b) {
// CHECK:       double *x = s->x;
// CHECK:       x_b = s_b->x + (x - s->x);
// CHECK:       if (adc_pop_bit(tape)) {
// CHECK-NEXT:      free(w_b);
// CHECK-NEXT:      free(w);
// CHECK-NEXT:  }
// CHECK-NOT:   s->list = {{.*}}adc_pop_ptr
