/* pragma.h: the pragmas written right before a for loop, read from the source text, and the
 * OpenMP directives adc refuses (pragma.c). An `omp for` loop of a `#pragma omp parallel`
 * region is read as a `parallel for` with the region's clauses. */
#ifndef ADC_PRAGMA_H
#define ADC_PRAGMA_H

#include <stddef.h>
#include "ir.h"

/* The variable a clause's name means in loop (*v = NULL: the loop uses none of that name);
 * returns -1 if it may mean two. */
typedef int (*PragmaResolve)(void *ctx, const char *name, const Stmt *loop, Var **v);

/* Reads into loop->pragmas the pragma lines right above the for that starts at byte begin of
 * text (the file's contents; loop_at: the for's place), blank lines between allowed. Returns
 * the number of errors reported (OpenMP directives and clauses adc refuses). */
int pragma_read_loop(const char *text, size_t begin, SrcLoc loop_at, Stmt *loop, PragmaResolve resolve, void *ctx);
/* Reports each `#pragma omp` line of text[begin, end) (a function; at: the place of begin;
 * fn_body: its IR) that is neither right above a for loop nor a `#pragma omp parallel` region
 * whose block holds only `omp for` loops, nor an `omp atomic` update (whose statement it
 * marks); returns their number. */
int pragma_check_openmp(const char *text, size_t begin, size_t end, SrcLoc at, Stmt *fn_body);

#endif
