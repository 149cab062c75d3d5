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

/* adc's own code read back for second order (diag_set_generated): its name and text, and the
 * user's file its line markers point into. */
static const char *generated_file, *generated_text, *user_file;

void diag_set_generated(const char *file, const char *text, const char *user) {
    generated_file = file;
    generated_text = text;
    user_file = user;
}

bool diag_reading_generated(void) {
    return generated_file != NULL;
}

/* The user's line whose derivative generated line `line` belongs to: the last marker
 * (a comment " file:N " or "(file:N)") at or before it; 0 if none. */
static unsigned user_line_of(unsigned line) {
    size_t n = strlen(user_file);
    unsigned found = 0, at = 1;
    for (const char *p = generated_text; *p && at <= line; p++) {
        if (*p == '\n')
            at++;
        else if ((p[0] == ' ' || p[0] == '(') && strncmp(p + 1, user_file, n) == 0 && p[n + 1] == ':')
            found = (unsigned)strtoul(p + n + 2, NULL, 10);
    }
    return found;
}

/* A message about adc's own generated code says so, at the user's line it came from. */
static void locate_generated(SrcLoc *loc, char *message, size_t size) {
    char original[1024];
    snprintf(original, sizeof original, "%s", message);
    unsigned line = user_line_of(loc->line);
    snprintf(message, size, "in adc's own adjoint code for this %s (line %u of it), read back for second "
             "order: %.800s [an internal failure of adc]", line ? "statement" : "file", loc->line, original);
    *loc = (SrcLoc){user_file, line, line ? 1 : 0};
}

/* Whether a warning in adc's own code (at generated line `line`) repeats one the user's code
 * got at or after the user's line that code came from (a conversion the user wrote, carried
 * into the adjoint read back for second order): the user's, not adc's failure. */
static bool repeats_user_warning(unsigned line, const char *message) {
    unsigned from = user_line_of(line);
    size_t n = strlen(user_file), m = strlen(message);
    const char *kind = ": warning: ";
    for (int i = 0; i < nprinted; i++) {
        const char *p = printed[i];
        size_t len = strlen(p);
        if (strncmp(p, user_file, n) != 0 || p[n] != ':' || strtoul(p + n + 1, NULL, 10) < from ||
            len < m + strlen(kind) || strcmp(p + len - m, message) != 0)
            continue;
        if (strncmp(p + len - m - strlen(kind), kind, strlen(kind)) == 0)
            return true;
    }
    return false;
}

/* Returns false (and prints nothing) for a message printed before. */
static bool report(SrcLoc loc, const char *kind, const char *fmt, va_list ap) {
    char message[1024], where[512];
    vsnprintf(message, sizeof message, fmt, ap);
    bool generated = generated_file && loc.file && strcmp(loc.file, generated_file) == 0;
    if (generated && strcmp(kind, "warning") == 0 && repeats_user_warning(loc.line, message))
        return false;
    if (generated)
        locate_generated(&loc, message, sizeof message);
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

static bool entry_value = true;
void diag_set_entry_value(bool on) { entry_value = on; }
bool diag_entry_value(void) { return entry_value; }
