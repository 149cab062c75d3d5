/* optim_rng.c: the seeded, reentrant random generator (SplitMix64) of the stochastic and
 * zero-order methods. */
#include <math.h>
#include "adc_optim.h"

void adc_rng_seed(adc_rng *rng, uint64_t seed) {
    if (rng)
        rng->state = seed;
}

uint64_t adc_rng_next(adc_rng *rng) {
    if (!rng)
        return 0;
    uint64_t z = (rng->state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

double adc_rng_uniform(adc_rng *rng) {
    if (!rng)
        return NAN;
    return (double)(adc_rng_next(rng) >> 11) * 0x1.0p-53;
}

int adc_rng_below(adc_rng *rng, int bound) {
    if (!rng || bound <= 0)
        return -1;
    int index = (int)(adc_rng_uniform(rng) * bound);
    return index < bound ? index : bound - 1;  /* rounding can reach bound for huge bounds */
}

double adc_rng_normal(adc_rng *rng) {
    if (!rng)
        return NAN;
    double u1 = 1.0 - adc_rng_uniform(rng);  /* in (0, 1], so log is finite */
    double u2 = adc_rng_uniform(rng);
    const double two_pi = 6.283185307179586;
    return sqrt(-2.0 * log(u1)) * cos(two_pi * u2);
}
