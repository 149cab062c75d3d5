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

/* Placed right before a time-stepping `for` loop, asks reverse mode to checkpoint it:
 *
 *   ADC_CHECKPOINT(20)
 *   for (int t = 0; t < steps; t++) { ... }
 *
 * Instead of taping every step, the forward sweep saves the state once and the backward sweep
 * recomputes steps from at most `snapshots` saved states (binomial checkpointing, revolve), so
 * tape memory no longer grows with the number of steps. The loop must count up by one with an
 * index the body does not change, and have no break or return. The state is every variable
 * the body writes; memory written through a pointer parameter needs its len(...). It expands to
 * nothing: only adc reads it. */
#define ADC_CHECKPOINT(snapshots)

#endif
