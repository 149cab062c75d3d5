/* fuzz_adc.c: libFuzzer harness over adc's front end and transforms.
 *
 * Each input is written to a temporary FILE.c and run through the same path as
 * `adc FILE.c -o OUT.c -- -I<include>`: frontend_load (libclang parse, annotation parsing,
 * lowering to IR, activity analysis) then gen_program (tangent, adjoint, TBR, emitter).
 * Any sanitizer report, crash or abort is a bug; inputs adc refuses with a
 * diagnostic are fine. The IR arena and the diagnostics state are released after each input.
 *
 * Like the tool (main.c), the translation runs on a thread with a 1 GiB stack and libclang
 * parses on that thread (LIBCLANG_NOTHREADS), so deeply nested inputs get the same stack.
 *
 * Timeout guard: run with libFuzzer's -timeout=N (fuzz/run.sh passes 10 s); inputs larger than
 * MAX_INPUT bytes are skipped so that a single input cannot dominate the run.
 * Build: fuzz/build.sh; run: fuzz/run.sh (see fuzz/README.md). */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "buf.h"
#include "frontend.h"
#include "gen.h"
#include "ir.h"

#ifndef ADC_INCLUDE_DIR
#error "build.sh defines ADC_INCLUDE_DIR (the repository's include/ directory)"
#endif
#define MAX_INPUT (256 * 1024)

void fuzz_reset_diag(void);
void fuzz_reset_lower_type(void);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static char path[96];
static const char *clang_args[] = {"-I" ADC_INCLUDE_DIR};

static void remove_dir(void) {
    unlink(path);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/adc_fuzz.XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("fuzz_adc: mkdtemp");
        exit(1);
    }
    snprintf(path, sizeof path, "%s/input.c", dir);
    atexit(remove_dir);
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    return 0;
}

static void *translate(void *arg) {
    (void)arg;
    Source source = {.file = path, .clang_args = clang_args, .nclang_args = 1};
    FrontendOptions fo = {.sources = &source, .nsources = 1};
    Program prog = {0};
    if (frontend_load(&prog, &fo) == 0) {
        Buf out = {0};
        gen_program(&prog, &out, "fuzz");
        buf_free(&out);
    }
    ir_free_all();
    fuzz_reset_lower_type();
    fuzz_reset_diag();
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_INPUT)
        return -1; /* not added to the corpus */
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror("fuzz_adc: writing the input");
        abort();
    }
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, (size_t)1 << 30) != 0 ||
        pthread_create(&thread, &attr, translate, NULL) != 0) {
        perror("fuzz_adc: starting the translation thread");
        abort();
    }
    pthread_join(thread, NULL);
    pthread_attr_destroy(&attr);
    return 0;
}
