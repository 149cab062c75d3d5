// The output is byte-for-byte deterministic: two runs on the same input, in C, IR and DOT,
// and with --header, give identical files.
// RUN: %adc %s -o %t/a.c --header %t/a.h -- -I%I
// RUN: %adc %s -o %t/b.c --header %t/b.h -- -I%I
// RUN: cmp %t/a.c %t/b.c
// RUN: sed 's/ADC_GENERATED_A_H/ADC_GENERATED_B_H/' %t/a.h | cmp - %t/b.h
// RUN: %adc %s --emit=ir -o %t/a.ir -- -I%I
// RUN: %adc %s --emit=ir -o %t/b.ir -- -I%I
// RUN: cmp %t/a.ir %t/b.ir
// RUN: %adc %s --emit=dot -o %t/a.dot -- -I%I
// RUN: %adc %s --emit=dot -o %t/b.dot -- -I%I
// RUN: cmp %t/a.dot %t/b.dot
// Sanity: the files are not empty.
// RUN: test -s %t/a.c && test -s %t/a.h && test -s %t/a.ir && test -s %t/a.dot
#include <math.h>
#include <adc.h>

static double h(double a, double b) { return a * exp(b); }

ADC_DIFF(wrt(x, w), len(x: n, w: n))
double f(int n, const double *x, const double *w, double c)
{
    double s = 0.0;
    for (int i = 0; i < n; i++) {
        double t = h(x[i], w[i]) + c;
        if (t > 0.0)
            s += sqrt(t);
        else
            s -= t * t;
    }
    return s + h(s, c);
}
