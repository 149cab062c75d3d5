// A local struct whose members point to heap blocks (ljmd-c's driver): each heap member gets a
// heap pointer of its own from the fresh-name mechanism (sys_rx_2 here: the source has a
// sys_rx), allocated and freed with its shadow block; the shadow struct points to the shadow
// blocks (tangent: at the member's store; reverse: where the backward sweep begins, after the
// blocks come off the tape). A member from a parameter points to its shadow.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <stdlib.h>
#include <adc.h>

typedef struct { int n; double *rx, *x; double epot; } sys_t;

static void force(sys_t *s)
{
    s->epot = 0.0;
    for (int i = 0; i < s->n; i++)
        s->epot += s->rx[i] * s->rx[i] * s->x[i];
}

ADC_DIFF(wrt(x), len(x: n), modes(tangent, adjoint))
double energy(int n, double *x)
{
    int sys_rx = n;
    sys_t sys = {sys_rx, NULL, x, 0.0};
    sys.rx = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++)
        sys.rx[i] = 2.0 * x[i];
    force(&sys);
    double e = sys.epot;
    free(sys.rx);
    return e;
}

// CHECK-LABEL: {{^}}double energy_tangent({{.*}}) {
// CHECK: sys_d.x = x_d;
// CHECK: sys_rx_2 = malloc(n * 8);
// CHECK-NEXT: sys_rx_2_d = calloc(1, n * 8);
// CHECK: sys_d.rx = sys_rx_2_d;
// CHECK-NEXT: sys.rx = sys_rx_2;
// CHECK: force_tangent(&sys, &sys_d);
// CHECK: free(sys_rx_2_d);
// CHECK-NEXT: free(sys_rx_2);
// CHECK-LABEL: {{^}}void energy_reverse({{.*}}) {
// CHECK: sys_rx_2 = (double *)adc_pop_ptr(
// CHECK: sys_b.x = x_b;
// CHECK-NEXT: sys_b.rx = sys_rx_2_b;
// CHECK: force_reverse({{.*}}&sys, &sys_b);
// CHECK: free(sys_rx_2_b);
// CHECK-NEXT: free(sys_rx_2);
// CHECK-NEXT: }
// CHECK-NEXT: /* {{.*}}struct_local_members.c:23 */
// CHECK-NEXT: {
// CHECK-NEXT: sys_b.epot = 0.0;
