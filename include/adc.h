/* adc.h: annotations that mark C functions for differentiation by adc.
 *
 *   ADC_DIFF(wrt(x, w), len(x: n, w: m), modes(tangent, adjoint))
 *   double loss(int n, const double *x, int m, const double *w) { ... }
 *
 * Under clang (which adc uses to read the source) the annotation becomes an `annotate`
 * attribute that adc reads; under any other compiler it expands to nothing, so annotated
 * sources build unchanged with gcc -Wall -Werror. See CONVENTIONS.md for the meaning of
 * wrt, len and modes. */
#ifndef ADC_H
#define ADC_H

#if defined(__clang__)
#define ADC_DIFF(...) __attribute__((annotate("adc:" #__VA_ARGS__)))
#else
#define ADC_DIFF(...)
#endif

#endif
