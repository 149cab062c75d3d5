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
/* Diagnostics located in file (adc's own generated code, text, read back for second order)
 * are reported at the user's line its markers name, saying they are adc's internal failure;
 * file NULL: no such file. */
void diag_set_generated(const char *file, const char *text, const char *user);
/* Whether adc is reading back its own code (between the diag_set_generated calls). */
bool diag_reading_generated(void);
/* Releases the memory of the duplicate filter (at exit). */
void diag_free(void);
/* -Werror: warnings count as errors. */
void diag_set_warnings_are_errors(bool on);
/* -Wnonsmooth: warn where an active value goes through fabs, fmin, fmax, floor, ... */
void diag_set_nonsmooth(bool on);
bool diag_nonsmooth(void);
/* -Wno-entry-value: no warning where the code may read an active global's value on entry
 * (analysis/entry_reads.c; on by default). */
void diag_set_entry_value(bool on);
bool diag_entry_value(void);

#endif
