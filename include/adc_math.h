/* adc_math.h: special functions that derivatives of math.h functions need and libm lacks
 * (the digamma function psi = Gamma'/Gamma, for lgamma and tgamma; its derivative, the trigamma
 * function, for their second derivatives). Header-only. */
#ifndef ADC_MATH_H
#define ADC_MATH_H

#include <math.h>

/* psi(x): reflection below 1/2, the recurrence psi(x) = psi(x + 1) - 1/x up to 10, then the
 * asymptotic series (error below 1e-15 relative there). +-inf at the poles 0, -1, -2, ... */
static inline double adc_digamma(double x) {
    const double pi = 3.14159265358979323846;
    if (x == floor(x) && x <= 0.0)
        return x == 0.0 ? -copysign(INFINITY, x) : NAN;
    if (x < 0.5)
        return adc_digamma(1.0 - x) - pi / tan(pi * x);
    double sum = 0.0;
    for (; x < 10.0; x += 1.0)
        sum -= 1.0 / x;
    double r = 1.0 / (x * x);
    double series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132 -
                    r * (691.0 / 32760 - r / 12))))));
    return sum + log(x) - 0.5 / x - series;
}

/* psi'(x): reflection below 1/2 (psi'(1 - x) + psi'(x) = pi^2 / sin^2(pi x)), the recurrence
 * psi'(x) = psi'(x + 1) + 1/x^2 up to 10, then the asymptotic series (error below 1e-15
 * relative there). +inf at the poles 0, -1, -2, ... */
static inline double adc_trigamma(double x) {
    const double pi = 3.14159265358979323846;
    if (x == floor(x) && x <= 0.0)
        return INFINITY;
    if (x < 0.5) {
        double s = sin(pi * x);
        return pi * pi / (s * s) - adc_trigamma(1.0 - x);
    }
    double sum = 0.0;
    for (; x < 10.0; x += 1.0)
        sum += 1.0 / (x * x);
    double r = 1.0 / (x * x);
    double series = r * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30 - r * (5.0 / 66 -
                    r * (691.0 / 2730 - r * 7.0 / 6))))));
    return sum + 1.0 / x + 0.5 * r + series / x;
}

#endif
