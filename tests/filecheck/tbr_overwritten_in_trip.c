// A value overwritten in the same trip before anything reads it is not taped: `r2 = 0.0`
// saves the r2 of the previous pair (its backward sweep reads it: 1 / (r2 + 0.5)), but the
// sums `r2 += dx[d] * dx[d]` after it overwrite values the backward sweep never reads.
// A reset under an if (`if (c) s = 0.0;`) does not run on every trip, so the
// product after it (`s *= x[i]`, whose backward sweep reads the old s) still saves.
// RUN: %adc %s -- -I%I | %FileCheck %s
#include <adc.h>

ADC_DIFF(wrt(x), len(x: 2 * n), modes(adjoint))
double pairs(const double *x, int n)
{
    double e = 0.0, r2, dx[2], s = 1.0;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            r2 = 0.0;
            for (int d = 0; d < 2; d++) {
                dx[d] = x[2 * i + d] - x[2 * j + d];
                r2 += dx[d] * dx[d];
            }
            e += 1.0 / (r2 + 0.5);
        }
        if (x[i] > 0.0)
            s = 0.5;
        s *= x[i];
    }
    return e + s;
}

// CHECK-LABEL: {{^}}double pairs_forward({{.*}}) {
// CHECK:       adc_push_double(tape, r2);
// CHECK-NEXT:  r2 = 0.0;
// CHECK-NOT:   adc_push_double(tape, r2);
// CHECK:       r2 += dx[d] * dx[d];
// CHECK:       adc_push_double(tape, s);
// CHECK-NEXT:  s = 0.5;
// CHECK:       adc_push_double(tape, s);
// CHECK-NEXT:  s *= x[i];
