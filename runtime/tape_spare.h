/* tape_spare.h: the storage a thread's last freed tape leaves for its next one (tape_spare.c);
 * internal to libadc. */
#ifndef ADC_TAPE_SPARE_H
#define ADC_TAPE_SPARE_H

#include <stddef.h>

/* The thread's spare storage if it holds at least `bytes` (*capacity its size; the thread no
 * longer has it), else NULL. */
unsigned char *adc_tape_spare_take(size_t bytes, size_t *capacity);
/* Keeps data (capacity bytes, NULL allowed) as the thread's spare if it is larger than the one
 * kept and not above the limit; frees whichever of the two is not kept. */
void adc_tape_spare_keep(unsigned char *data, size_t capacity);

#endif
