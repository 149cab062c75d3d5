// EXIT: 1
// ERROR: table_step_lookup.c:29:12: error: 'lookup[j]' reads a table at a point computed from a value that carries derivatives, and is all the value depends on
// ERROR: table_step_lookup.c:40:20: error: 'lookup[j]' reads a table at a point computed from a value that carries derivatives
// ERROR: table_step_lookup.c:46:20: error: 'lookup[j]' reads a table at a point computed from a value that carries derivatives
// ERROR: table_step_lookup.c:54:18: error: 'lookup[(int)(8.0 * (a + 1.0))]' reads a table at a point computed from a value that carries derivatives
// A sigmoid read from a lookup table, as genann's genann_act_sigmoid_cached does: the value is
// a step function of a (its derivative 0 between the table's points), not the sigmoid's slope.
// adc differentiated it to 0, silently; the index may be computed through integer variables or
// in place, or held in a variable no statement combines with the point (or returned as it is
// through a copy). An interpolation
// between entries (smooth) is accepted: its slope comes through t.
#include <math.h>
#include <stddef.h>
#include <adc.h>

#define LOOKUP_SIZE 64
static const double dom_min = -8.0, dom_max = 8.0;
double lookup[LOOKUP_SIZE];

void init_lookup(void) {
    for (int i = 0; i < LOOKUP_SIZE; i++)
        lookup[i] = 1.0 / (1.0 + exp(-(dom_min + (dom_max - dom_min) * i / LOOKUP_SIZE)));
}

double sigmoid_cached(double a) {
    if (a < dom_min) return lookup[0];
    if (a >= dom_max) return lookup[LOOKUP_SIZE - 1];
    size_t j = (size_t)((a - dom_min) * (LOOKUP_SIZE / (dom_max - dom_min)) + 0.5);
    return lookup[j];
}

double interpolated(double a) {
    int j = (int)(a + 4.0);
    double t = a + 4.0 - j;
    return lookup[j] * (1.0 - t) + lookup[j + 1] * t;
}

double held_entry(double a) {
    int j = (int)(a + 4.0);
    double entry = lookup[j];
    return 2.0 * entry;
}

double held_copy(double a) {
    int j = (int)(a + 4.0);
    double entry = lookup[j];
    double copy = entry;
    double slope = entry * a;
    if (slope > 100.0) return slope;
    return copy;
}

double inline_index(double a) {
    return 0.5 * lookup[(int)(8.0 * (a + 1.0))];
}

ADC_DIFF(wrt(w), len(w: n))
double loss(const double *w, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += sigmoid_cached(w[i]) + interpolated(w[i]) + held_entry(w[i]) + held_copy(w[i]) + inline_index(w[i]);
    return s;
}
