// Two tables of pointers in one function number their arrays 0, 1 (a, b) and 2, 3 (c, e): a
// pointer into the second table starts at c, so its which starts at 2 (it was 0, which names
// neither c nor e: the taped offset before the first trip was the difference of pointers into
// two arrays, undefined behaviour that UBSan reported in the backward sweep, difftest seed 119).
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 2), modes(adjoint))
double two_tables(const double *x)
{
    double a[2] = {x[0], x[1]}, b[2] = {0.0};
    double *t1[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        const double *cur = t1[k % 2];
        double *next = t1[(k + 1) % 2];
        next[0] = cur[0] * cur[1];
        next[1] = cur[1] + x[0];
    }
    double c[2] = {a[0], b[1]}, e[2] = {0.0};
    double *t2[2] = {c, e};
    for (int k = 0; k < 2; k++) {
        const double *from = t2[k % 2];
        double *to = t2[(k + 1) % 2];
        to[0] = from[0] * from[1];
        to[1] = from[1] + x[1];
    }
    return c[0] + e[1];
}
// CHECK-LABEL: double two_tables_forward(
// CHECK: int from_which = 2;
// CHECK: int to_which = 2;
// CHECK: const double *from = c;
// CHECK: double *to = c;
