/* reset_lower_type.c: lower_type.c compiled into the fuzzer with a way to reset its cache.
 *
 * lower_type.c caches the struct types it has converted in a static array allocated from the
 * IR arena. The tool frees the arena once, at exit; the fuzzer frees it after every input, so
 * the cache must be forgotten at the same time or the next input would read freed memory.
 * This file includes the real lower_type.c unchanged and adds fuzz_reset_lower_type();
 * build.sh compiles it instead of lower_type.c. */
#include "../compiler/front/lower_type.c"

void fuzz_reset_lower_type(void);
void fuzz_reset_lower_type(void) {
    structs = NULL;
    nstructs = 0;
}
