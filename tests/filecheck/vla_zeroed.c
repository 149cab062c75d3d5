// A local variable-length array and its tangent are cleared with memset where tangent code
// declares them: the source's memset of it becomes a loop (lower_memory.c), and gcc -O2 may
// copy a later read onto the path where that loop runs no trip and reject the file with
// -Wmaybe-uninitialized under -Werror (difftest seed 10613, README entry 75). Fixed-size
// arrays are not cleared.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <string.h>
#include <adc.h>

ADC_DIFF(wrt(x), len(x: n), modes(tangent))
double f(int n, const double *x, int m)
{
    double w[n], c[2];
    memset(w, 0, (size_t)n * sizeof(double));
    for (int i = 0; i < n; i++)
        w[i] = x[i] * x[i];
    c[0] = w[0];
    c[1] = w[m % n];
    return c[0] * c[1];
}

// CHECK-LABEL: {{^}}double f_tangent(int n, const double *x, const double *x_d, int m, double *f_d) {
// CHECK: double w_d[n];
// CHECK-NEXT: double w[n];
// CHECK-NEXT: memset(w_d, 0, sizeof w_d); memset(w, 0, sizeof w);
// CHECK-NEXT: double c_d[2];
// CHECK-NEXT: double c[2];
// CHECK-NEXT: for (long k = 0; k < (long)(size_t)n; k++) {
