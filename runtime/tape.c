/* tape.c: growth and bookkeeping of the reverse-mode tape (the inline push/pop live in
 * adc_tape.h). */
#include <stdlib.h>
#include "adc_tape.h"

void adc_tape_init(adc_tape *tape) {
    memset(tape, 0, sizeof *tape);
}

void adc_tape_free(adc_tape *tape) {
    free(tape->data);
    memset(tape, 0, sizeof *tape);
}

int adc_tape_reserve(adc_tape *tape, size_t bytes) {
    if (tape->failed)
        return -1;
    if (tape->capacity - tape->size >= bytes)
        return 0;
    size_t capacity = tape->capacity ? tape->capacity : 4096;
    while (capacity - tape->size < bytes) {
        if (capacity > (size_t)-1 / 2) {
            tape->failed = 1;
            return -1;
        }
        capacity *= 2;
    }
    unsigned char *data = realloc(tape->data, capacity);
    if (!data) {
        tape->failed = 1;
        return -1;
    }
    tape->data = data;
    tape->capacity = capacity;
    return 0;
}

size_t adc_tape_bytes(const adc_tape *tape) { return tape->size; }
size_t adc_tape_peak_bytes(const adc_tape *tape) { return tape->peak; }
int adc_tape_failed(const adc_tape *tape) { return tape->failed; }
