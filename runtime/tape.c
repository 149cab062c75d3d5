/* tape.c: growth and bookkeeping of the reverse-mode tape (the inline push/pop live in
 * adc_tape.h; a new tape starts with the storage its thread's last one left: tape_spare.c),
 * and the blocks the forward sweep frees for it. */
#include <stdlib.h>
#include "adc_tape.h"
#include "tape_spare.h"

int adc_tape_init(adc_tape *tape) {
    if (!tape)
        return -1;
    memset(tape, 0, sizeof *tape);
    return 0;
}

void adc_tape_free(adc_tape *tape) {
    if (!tape)
        return;
    for (size_t i = 0; i < tape->nfreed; i++)
        free(tape->freed[i]);
    free(tape->freed);
    adc_tape_spare_keep(tape->data, tape->capacity);
    memset(tape, 0, sizeof *tape);
}

/* Growth failed: release the storage so that pops find the tape empty and every later push,
 * finding no room, comes back to adc_tape_reserve and is refused. The peak is kept. */
static int adc_tape_fail(adc_tape *tape) {
    tape->peak = adc_tape_peak_bytes(tape);
    free(tape->data);
    tape->data = NULL;
    tape->size = tape->capacity = 0;
    tape->failed = 1;
    return -1;
}

int adc_tape_reserve(adc_tape *tape, size_t bytes) {
    if (!tape || tape->failed)
        return -1;
    if (tape->capacity - tape->size >= bytes)
        return 0;
    if (!tape->data && (tape->data = adc_tape_spare_take(bytes, &tape->capacity)))
        return 0;
    size_t capacity = tape->capacity ? tape->capacity : 4096;
    while (capacity - tape->size < bytes) {
        if (capacity > (size_t)-1 / 2)
            return adc_tape_fail(tape);
        capacity *= 2;
    }
    unsigned char *data = realloc(tape->data, capacity);
    if (!data)
        return adc_tape_fail(tape);
    tape->data = data;
    tape->capacity = capacity;
    return 0;
}

size_t adc_tape_bytes(const adc_tape *tape) { return tape ? tape->size : 0; }
size_t adc_tape_peak_bytes(const adc_tape *tape) {
    if (!tape)
        return 0;
    return tape->size > tape->peak ? tape->size : tape->peak;
}
int adc_tape_failed(const adc_tape *tape) { return !tape || tape->failed != 0; }

void adc_tape_set_failed(adc_tape *tape) {
    if (tape && !tape->failed)
        adc_tape_fail(tape);
}

void adc_tape_defer_free(adc_tape *tape, void *p) {
    if (!p)
        return;
    if (tape->nfreed == tape->capfreed) {
        size_t cap = tape->capfreed ? 2 * tape->capfreed : 16;
        void **grown = cap < (size_t)-1 / sizeof *grown ? realloc(tape->freed, cap * sizeof *grown) : NULL;
        if (!grown) {
            adc_tape_set_failed(tape);
            free(p);
            return;
        }
        tape->freed = grown;
        tape->capfreed = cap;
    }
    tape->freed[tape->nfreed++] = p;
}
