/* checkpoint.c: the binomial checkpointing schedule (revolve) and a simple snapshot store.
 *
 * Let beta(s, r) = C(s + r, s): the most steps that s snapshots (one of them holding the first
 * state) can reverse when no step is advanced more than r times. It obeys
 * beta(s, r) = beta(s, r - 1) + beta(s - 1, r), which is the schedule: to reverse l steps from
 * a snapshot at capo with s slots, advance m steps, store a snapshot there, reverse the last
 * l - m steps with s - 1 slots, then restore capo and reverse the first m steps with s slots.
 * With r the smallest repetition number such that beta(s, r) >= l, the fewest forward steps
 * are r*l - beta(s + 1, r - 1), reached by m = max(l - beta(s - 1, r), beta(s, r - 2), 1): there
 * moving the split point either way adds one step to one part for each it removes from the
 * other, at a cost no lower than the saving. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "adc_checkpoint.h"

/* C(s + r, s) from b = C(s + r - 1, s), saturated at LONG_MAX. C(s + r, s) = b * (s + r) / r is
 * an integer; after dividing out g = gcd(b, r), r / g divides s + r, so nothing overflows
 * before the final product. */
static long beta_next(long b, long s, long r) {
    long g = b, h = r;
    while (h) {
        long t = g % h;
        g = h;
        h = t;
    }
    long factor = (s + r) / (r / g);
    if (b / g > LONG_MAX / factor)
        return LONG_MAX;
    return b / g * factor;
}

/* beta(s, r) = C(s + r, s), saturated at LONG_MAX; 0 for r < 0. */
static long beta(long s, long r) {
    if (r < 0)
        return 0;
    long b = 1;
    for (long i = 1; i <= r; i++)
        b = beta_next(b, s, i);
    return b;
}

/* The smallest r with beta(s, r) >= l. */
static long repetitions(long l, long s) {
    long r = 0;
    for (long b = 1; b < l; b = beta_next(b, s, r))
        r++;
    return r;
}

/* How far to advance from a snapshot to reverse l >= 2 steps with s slots at the fewest forward
 * steps. For s == 1 this is l - 1: straight to the last step. */
static long choose_advance(long l, long s) {
    if (s == 1)
        return l - 1;
    long r = repetitions(l, s);
    long m = l - beta(s - 1, r);
    long low = beta(s, r - 2);
    if (m < low)
        m = low;
    return m < 1 ? 1 : m;
}

int adc_revolve_init(adc_revolve *r, long steps, int snapshots) {
    if (!r)
        return ADC_REVOLVE_EINVAL;
    memset(r, 0, sizeof *r);
    r->check = -1;
    if (steps < 0 || snapshots < 1)
        return ADC_REVOLVE_EINVAL;
    /* The stored positions are distinct and below steps: never more than steps slots. */
    long slots = snapshots < steps ? snapshots : steps > 0 ? steps : 1;
    r->shots = malloc((size_t)slots * sizeof *r->shots);
    if (!r->shots)
        return ADC_REVOLVE_ENOMEM;
    r->steps = steps;
    r->snapshots = snapshots;
    r->fine = steps;
    r->have_state = 1;
    return ADC_REVOLVE_OK;
}

void adc_revolve_free(adc_revolve *r) {
    if (!r)
        return;
    free(r->shots);
    r->shots = NULL;
}

static int turn(adc_revolve *r) {
    int action = r->fine == r->steps ? ADC_RV_FIRSTURN : ADC_RV_YOUTURN;
    r->fine = r->capo;
    r->have_state = 0;
    return action;
}

int adc_revolve_next(adc_revolve *r) {
    if (!r || !r->shots)
        return ADC_RV_ERROR;
    r->old_capo = r->capo;
    if (r->fine == 0)
        return ADC_RV_TERMINATE;
    while (r->check >= 0 && r->shots[r->check] >= r->fine)
        r->check--;  /* that state is past every step still to reverse */
    if (!r->have_state) {
        r->capo = r->shots[r->check];
        r->have_state = 1;
        return ADC_RV_RESTORE;
    }
    if (r->capo == r->fine - 1)
        return turn(r);
    if (r->check < 0 || r->shots[r->check] != r->capo) {
        /* Unstored state after an advance: a slot is free, since an advance made with the
         * last slot goes straight to the final step (capo == fine - 1 above). */
        r->shots[++r->check] = r->capo;
        return ADC_RV_TAKESHOT;
    }
    r->capo += choose_advance(r->fine - r->capo, r->snapshots - r->check);
    return ADC_RV_ADVANCE;
}

long adc_revolve_forward_steps(long steps, int snapshots) {
    if (steps < 0 || snapshots < 1)
        return -1;
    if (steps <= 1)
        return 0;
    if (snapshots == 1) {  /* (steps - 1) + (steps - 2) + ... + 1 = steps * (steps - 1) / 2 */
        long a = steps % 2 ? (steps - 1) / 2 : steps / 2;
        long b = steps % 2 ? steps : steps - 1;
        return a > LONG_MAX / b ? LONG_MAX : a * b;
    }
    long r = repetitions(steps, snapshots);
    if (steps > LONG_MAX / r)
        return LONG_MAX;
    return r * steps - beta((long)snapshots + 1, r - 1);
}

int adc_snapshots_init(adc_snapshots *s, int count, size_t size) {
    if (!s)
        return ADC_REVOLVE_EINVAL;
    memset(s, 0, sizeof *s);
    if (count < 1 || size == 0)
        return ADC_REVOLVE_EINVAL;
    if (size > (size_t)-1 / (size_t)count)
        return ADC_REVOLVE_ENOMEM;
    s->data = malloc((size_t)count * size);
    if (!s->data)
        return ADC_REVOLVE_ENOMEM;
    s->size = size;
    s->count = count;
    return ADC_REVOLVE_OK;
}

/* Slot `slot` of s, or NULL if s is NULL or empty or the index is out of range. */
static unsigned char *adc_snapshots_at(const adc_snapshots *s, int slot) {
    if (!s || !s->data || slot < 0 || slot >= s->count)
        return NULL;
    return s->data + (size_t)slot * s->size;
}

void *adc_snapshots_slot(adc_snapshots *s, int slot) {
    return adc_snapshots_at(s, slot);
}

/* save and load copy with memmove: the caller's state may be a slot itself. */
int adc_snapshots_save(adc_snapshots *s, int slot, const void *state) {
    unsigned char *dst = adc_snapshots_at(s, slot);
    if (!dst || !state)
        return ADC_REVOLVE_EINVAL;
    memmove(dst, state, s->size);
    return ADC_REVOLVE_OK;
}

int adc_snapshots_load(const adc_snapshots *s, int slot, void *state) {
    const unsigned char *src = adc_snapshots_at(s, slot);
    if (!src || !state)
        return ADC_REVOLVE_EINVAL;
    memmove(state, src, s->size);
    return ADC_REVOLVE_OK;
}

void adc_snapshots_free(adc_snapshots *s) {
    if (!s)
        return;
    free(s->data);
    memset(s, 0, sizeof *s);
}
