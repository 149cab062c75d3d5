/* diag.c: prints diagnostics like a compiler does, with the offending source line and a
 * caret under the column, and counts errors so the driver can refuse to write output. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "diag.h"

static int errors;
static bool werror;

static void print_source_line(SrcLoc loc) {
    FILE *f = fopen(loc.file, "rb");
    if (!f)
        return;
    char line[512];
    unsigned n = 0;
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        bool whole = len > 0 && line[len - 1] == '\n';
        if (++n == loc.line) {
            line[strcspn(line, "\r\n")] = '\0';
            fprintf(stderr, "%s\n", line);
            for (unsigned i = 1; i < loc.col && i < sizeof line && line[i - 1]; i++)
                fputc(line[i - 1] == '\t' ? '\t' : ' ', stderr);
            fputs("^\n", stderr);
            break;
        }
        while (!whole && fgets(line, sizeof line, f)) { /* skip the rest of a long line */
            len = strlen(line);
            whole = len > 0 && line[len - 1] == '\n';
        }
    }
    fclose(f);
}

static void report(SrcLoc loc, const char *kind, const char *fmt, va_list ap) {
    if (loc.file)
        fprintf(stderr, "%s:%u:%u: %s: ", loc.file, loc.line, loc.col, kind);
    else
        fprintf(stderr, "adc: %s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    if (loc.file && loc.line)
        print_source_line(loc);
}

void error_at(SrcLoc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    report(loc, "error", fmt, ap);
    va_end(ap);
    errors++;
}

void warning_at(SrcLoc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    report(loc, werror ? "error" : "warning", fmt, ap);
    va_end(ap);
    if (werror)
        errors++;
}

void note_at(SrcLoc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    report(loc, "note", fmt, ap);
    va_end(ap);
}

int error_count(void) { return errors; }
void diag_set_warnings_are_errors(bool on) { werror = on; }
