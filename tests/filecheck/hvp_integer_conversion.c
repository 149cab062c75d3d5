// RUN: %adc %s -o %t/out.c -- -I%I 2>&1 | %FileCheck %s
// The user's conversion of an active value to an integer (a step count from a step size,
// as image integrators write it) is warned about once, at the user's line. The hvp reads
// adc's adjoint back for second order and meets the same conversion there: that is no
// internal failure of adc (it was reported as one before).
// CHECK: hvp_integer_conversion.c:[[@LINE+9]]:18: warning: converting an active value to an integer
// CHECK-NOT: internal failure
#include <adc.h>

ADC_DIFF(wrt(dr), modes(tangent, adjoint, grad, hvp))
double integrate(double dr)
{
    double estimate = 0.0;
    for (int k = 0; k < 4; k++) {
        int nr = (int)dr;
        estimate += nr * dr * dr;
        dr /= 0.8;
    }
    return estimate;
}
