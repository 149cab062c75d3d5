/* frontend.h: reads C files with libclang and lowers the requested functions, and every
 * function they call (in any of the files), into the IR. */
#ifndef ADC_FRONTEND_H
#define ADC_FRONTEND_H

#include "ir.h"

/* A request made on the command line rather than by an annotation. */
typedef struct Request {
    const char *function;
    const char *wrt;     /* comma-separated parameter names, or NULL for every floating one */
    unsigned modes;      /* 0: the default modes */
    int vector_width;    /* > 0: also the vector tangent with this many directions */
    const char *len;     /* --len x=n,y=2*n, or NULL */
} Request;

/* One input file and the clang arguments it is parsed with. */
typedef struct Source {
    const char *file;
    const char *contents;  /* when not NULL, the text of file (adc reading its own output) */
    const char *const *clang_args;
    int nclang_args;
} Source;

typedef struct FrontendOptions {
    const Source *sources; /* each is its own translation unit (adc a.c b.c) */
    int nsources;
    const Request *requests;
    int nrequests;
    int vector_width;    /* --vector N: adds MODE_TANGENT_VECTOR to every request */
    bool fast_math;      /* --fast-math: Func.fast_math for every function */
    const char *include_source; /* --include-source: see Program */
    /* -MD: every file the translations read is appended here (each source first). */
    const char ***deps;
    int *ndeps;
} FrontendOptions;

/* Fills prog; returns 0 on success, non-zero after reporting errors. */
int frontend_load(Program *prog, const FrontendOptions *opts);

#endif
