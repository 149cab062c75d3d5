/* reset_diag.c: diag.c compiled into the fuzzer with a way to reset its counters.
 *
 * The adc tool runs once per process, so diag.c keeps its error count in a static that is
 * never reset. The fuzzer runs many inputs in one process: without a reset, the first input
 * with an error would make every later input fail in frontend_load (which returns
 * errors + error_count()) and the transforms would never run again. This file includes the
 * real diag.c unchanged and adds fuzz_reset_diag(); build.sh compiles it instead of diag.c. */
#include "../compiler/ir/diag.c"

void fuzz_reset_diag(void);
void fuzz_reset_diag(void) {
    diag_free();
    errors = 0;
    werror = false;
}
