/* tape_spare.c: one spare tape storage per thread. NAME_grad makes a new tape per call; freeing
 * its storage and growing a new one on the next call cost more than the gradient of a small
 * function: the realloc copies while it grows, and with glibc the free of a block of 64 KiB or
 * more merges every small freed block (a backward sweep frees the heap blocks the forward sweep
 * kept) into larger ones first (malloc_consolidate), which the next forward sweep's mallocs
 * then split again. So adc_tape_free leaves the storage, up to SPARE_MAX bytes, to the next
 * tape its thread makes; the storage goes when the thread ends. Without C11 threads every
 * storage is freed at once, as before. */
#include <stdlib.h>
#include "tape_spare.h"

#if defined(__STDC_NO_THREADS__)

unsigned char *adc_tape_spare_take(size_t bytes, size_t *capacity) {
    (void)bytes, (void)capacity;
    return NULL;
}

void adc_tape_spare_keep(unsigned char *data, size_t capacity) {
    (void)capacity;
    free(data);
}

#else
#include <threads.h>

/* Bytes a thread keeps at most between tapes: what small gradients need (the cost is per call);
 * a larger storage would be memory the rest of the program cannot have, for a tape whose growth
 * costs little beside its sweeps. */
enum { SPARE_MAX = 256 << 10 };

typedef struct Spare {
    unsigned char *data;
    size_t capacity;
} Spare;

static tss_t spare_key;
static int spare_key_made;
static once_flag spare_once = ONCE_FLAG_INIT;

static void spare_release(void *p) {
    Spare *spare = p;
    free(spare->data);
    free(spare);
}

static void spare_make_key(void) {
    spare_key_made = tss_create(&spare_key, spare_release) == thrd_success;
}

/* The thread's Spare (made empty the first time), or NULL without one. */
static Spare *spare_of_thread(void) {
    call_once(&spare_once, spare_make_key);
    if (!spare_key_made)
        return NULL;
    Spare *spare = tss_get(spare_key);
    if (!spare && (spare = calloc(1, sizeof *spare)) && tss_set(spare_key, spare) != thrd_success) {
        free(spare);
        spare = NULL;
    }
    return spare;
}

unsigned char *adc_tape_spare_take(size_t bytes, size_t *capacity) {
    Spare *spare = spare_of_thread();
    if (!spare || !spare->data || spare->capacity < bytes)
        return NULL;
    unsigned char *data = spare->data;
    *capacity = spare->capacity;
    spare->data = NULL;
    spare->capacity = 0;
    return data;
}

void adc_tape_spare_keep(unsigned char *data, size_t capacity) {
    Spare *spare = data && capacity <= SPARE_MAX ? spare_of_thread() : NULL;
    if (!spare || capacity <= spare->capacity) {
        free(data);
        return;
    }
    free(spare->data);
    spare->data = data;
    spare->capacity = capacity;
}

#endif
