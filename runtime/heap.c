/* heap.c: the allocations of adc_heap.h. */
#define _POSIX_C_SOURCE 200112L /* posix_memalign */
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include "adc_heap.h"

void *adc_realloc_kept(void *p, size_t n) {
#if defined(__GLIBC__)
    if (p && n <= malloc_usable_size(p))
        return p;
#endif
    return realloc(p, n);
}

void *adc_memalign(size_t alignment, size_t size) {
    void *p = NULL;
    return posix_memalign(&p, alignment, size) == 0 ? p : NULL;
}
