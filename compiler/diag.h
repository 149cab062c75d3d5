/* diag.h: compiler-style diagnostics (`file:line:col: error: message`) with a caret line. */
#ifndef ADC_DIAG_H
#define ADC_DIAG_H

#include <stdbool.h>
#include "ir.h"

/* Reports an error at loc (loc.file may be NULL for errors with no place). */
void error_at(SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warning_at(SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void note_at(SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int error_count(void);
/* Releases the memory of the duplicate filter (at exit). */
void diag_free(void);
/* -Werror: warnings count as errors. */
void diag_set_warnings_are_errors(bool on);
/* -Wnonsmooth: warn where an active value goes through fabs, fmin, fmax, floor, ... */
void diag_set_nonsmooth(bool on);
bool diag_nonsmooth(void);

#endif
