/* diag.c: prints diagnostics like a compiler does, with the offending source line and a
 * caret under the column, and counts errors so the driver can refuse to write output. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Messages already printed: an analysis run once per generated mode reports a problem once. */
static char **printed;
static int nprinted;

static bool already_printed(const char *text) {
    for (int i = 0; i < nprinted; i++)
        if (strcmp(printed[i], text) == 0)
            return true;
    char **grown = realloc(printed, sizeof(char *) * (size_t)(nprinted + 1));
    char *copy = strdup(text);
    if (!grown || !copy) {
        free(copy);
        if (grown)
            printed = grown;
        return false;
    }
    printed = grown;
    printed[nprinted++] = copy;
    return false;
}

/* Returns false (and prints nothing) for a message printed before. */
static bool report(SrcLoc loc, const char *kind, const char *fmt, va_list ap) {
    char message[1024], where[512];
    vsnprintf(message, sizeof message, fmt, ap);
    if (loc.file && loc.line)
        snprintf(where, sizeof where, "%s:%u:%u: ", loc.file, loc.line, loc.col);
    else
        snprintf(where, sizeof where, "%s: ", loc.file ? loc.file : "adc");
    char *text = malloc(strlen(where) + strlen(kind) + strlen(message) + 3);
    if (!text)
        return false;
    sprintf(text, "%s%s: %s", where, kind, message);
    bool fresh = !already_printed(text);
    if (fresh) {
        fprintf(stderr, "%s\n", text);
        if (loc.file && loc.line)
            print_source_line(loc);
    }
    free(text);
    return fresh;
}

void diag_free(void) {
    for (int i = 0; i < nprinted; i++)
        free(printed[i]);
    free(printed);
    printed = NULL;
    nprinted = 0;
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

static bool nonsmooth;
void diag_set_nonsmooth(bool on) { nonsmooth = on; }
bool diag_nonsmooth(void) { return nonsmooth; }
