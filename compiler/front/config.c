/* config.c: the preprocessor configuration adc read each input under. adc differentiates the
 * text the preprocessor gave it; compiled with other -D/-U flags, the source may hold other code
 * (`#ifdef EXTRA`) or other constants (`#ifndef N` / `#define N 100`), and the derivatives
 * would belong to another function. So the generated file checks, before anything else, each
 * macro the inputs test in #if, #ifdef, #ifndef or #elif around a function adc lowered or a
 * #define: defined or not as adc saw it on entry to the input, and with the same value where
 * that is an integer (emit/gen.c writes the checks); and NDEBUG in a file that calls assert. The state on entry (command line and compiler predefines) comes from a probe:
 * a small file parsed with the input's arguments. Reserved names (__GNUC__, _OPENMP) are left
 * out: they describe the compiler, which adc reads as clang does and on purpose without
 * OpenMP. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "buf.h"
#include "clang_util.h"
#include "config.h"

/* Skips a comment, string or character literal starting at text[i]; returns the index after
 * it, or i when none starts there. */
static size_t skip_literal(const char *text, size_t n, size_t i) {
    if (text[i] == '/' && i + 1 < n && text[i + 1] == '*') {
        for (i += 2; i + 1 < n && !(text[i] == '*' && text[i + 1] == '/'); i++)
            ;
        return i + 1 < n ? i + 2 : n;
    }
    if (text[i] == '/' && i + 1 < n && text[i + 1] == '/') {
        while (i < n && text[i] != '\n')
            i++;
        return i;
    }
    if (text[i] == '"' || text[i] == '\'') {
        char quote = text[i++];
        while (i < n && text[i] != quote && text[i] != '\n')
            i += text[i] == '\\' ? 2 : 1;
        return i < n ? i + 1 : n;
    }
    return i;
}

static bool is_reserved(const char *name, size_t len) {
    return len >= 2 && name[0] == '_' && (name[1] == '_' || isupper((unsigned char)name[1]));
}

static void add_name(const char ***names, int *nnames, const char *name, size_t len) {
    if (len == 7 && strncmp(name, "defined", 7) == 0)
        return;
    for (int i = 0; i < *nnames; i++)
        if (strlen((*names)[i]) == len && strncmp((*names)[i], name, len) == 0)
            return;
    IR_APPEND(*names, *nnames, ir_format("%.*s", (int)len, name));
}

/* The macros one conditional directive tests: its identifiers from text[i] to the end of the
 * line (backslash-newlines joined), but not `defined`, reserved names and what a reserved
 * function-like name (__has_include(<x.h>)) is given. */
static size_t directive_names(const char *text, size_t n, size_t i, const char ***names, int *nnames) {
    while (i < n && text[i] != '\n') {
        size_t after = skip_literal(text, n, i);
        if (after != i) {
            i = after;
        } else if (text[i] == '\\' && i + 1 < n && text[i + 1] == '\n') {
            i += 2;
        } else if (isalpha((unsigned char)text[i]) || text[i] == '_') {
            size_t start = i;
            while (i < n && (isalnum((unsigned char)text[i]) || text[i] == '_'))
                i++;
            if (!is_reserved(text + start, i - start)) {
                add_name(names, nnames, text + start, i - start);
                continue;
            }
            while (i < n && text[i] == ' ')
                i++;
            for (int depth = 0; i < n && text[i] != '\n' && (depth > 0 || text[i] == '('); i++)
                depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
        } else if (isdigit((unsigned char)text[i])) {
            while (i < n && (isalnum((unsigned char)text[i]) || text[i] == '_' || text[i] == '.'))
                i++;
        } else {
            i++;
        }
    }
    return i;
}

/* The directive on the line at text[i] (if, ifdef, endif, define, ...) or NULL; *i moves past
 * its name. */
static const char *directive(const char *text, size_t n, size_t *i) {
    static const char *const kinds[] = {"ifdef", "ifndef", "if", "elifdef", "elifndef", "elif", "endif", "define",
                                        "undef"};
    size_t k = *i;
    while (k < n && (text[k] == ' ' || text[k] == '\t'))
        k++;
    if (k >= n || text[k] != '#')
        return NULL;
    for (k++; k < n && (text[k] == ' ' || text[k] == '\t'); k++)
        ;
    for (size_t j = 0; j < sizeof kinds / sizeof kinds[0]; j++) {
        size_t len = strlen(kinds[j]);
        if (k + len <= n && strncmp(text + k, kinds[j], len) == 0 &&
            (k + len == n || (!isalnum((unsigned char)text[k + len]) && text[k + len] != '_'))) {
            *i = k + len;
            return kinds[j];
        }
    }
    return NULL;
}

/* A group as read: its lines and the names it tests, until they are probed. */
typedef struct Group {
    ConfigGroup group;
    const char **names;
    int nnames;
} Group;

/* Reads the conditional groups of text (an input's file): each group's lines, whether it holds
 * a #define, and the names its #if and #elif lines test. */
static int read_groups(const char *file, const char *text, size_t n, Group **groups) {
    Group *open = NULL;
    int nopen = 0, ngroups = 0;
    unsigned line = 1;
    for (size_t i = 0; i < n;) {
        size_t at = i, start = i;
        const char *kind = directive(text, n, &at);
        if (kind && kind[0] == 'i')
            IR_APPEND(open, nopen, (Group){.group = {.file = file, .first_line = line}});
        if (kind && strcmp(kind, "define") == 0)
            for (int k = 0; k < nopen; k++)
                open[k].group.defines = true;
        if (kind && strcmp(kind, "endif") == 0 && nopen > 0) {
            open[nopen - 1].group.last_line = line;
            IR_APPEND(*groups, ngroups, open[--nopen]);
        }
        if (kind && (kind[0] == 'i' || strncmp(kind, "elif", 4) == 0) && nopen > 0) {
            i = directive_names(text, n, at, &open[nopen - 1].names, &open[nopen - 1].nnames);
        } else {
            while (i < n && text[i] != '\n') {
                size_t after = skip_literal(text, n, i);
                i = after != i ? after : i + 1;
            }
        }
        for (size_t k = start; k < i; k++)
            line += text[k] == '\n';
        if (i < n) {
            i++;
            line++;
        }
    }
    return ngroups;
}

/* Whether text calls assert (outside comments and literals): assert.h's expansion depends on
 * NDEBUG, which the file then tests as if in an #ifndef around the whole of it. */
static bool calls_assert(const char *text, size_t n) {
    for (size_t i = 0; i < n;) {
        size_t after = skip_literal(text, n, i);
        if (after != i) {
            i = after;
        } else if (isalpha((unsigned char)text[i]) || text[i] == '_') {
            size_t start = i;
            while (i < n && (isalnum((unsigned char)text[i]) || text[i] == '_'))
                i++;
            size_t k = i;
            while (k < n && (text[k] == ' ' || text[k] == '\t'))
                k++;
            if (i - start == 6 && strncmp(text + start, "assert", 6) == 0 && k < n && text[k] == '(')
                return true;
        } else {
            i++;
        }
    }
    return false;
}

/* Whether text has the line `#undef NDEBUG`. */
static bool undefines_ndebug(const char *text, size_t n) {
    for (size_t i = 0; i < n; i++) {
        size_t at = i;
        const char *kind = directive(text, n, &at);
        while (kind && at < n && (text[at] == ' ' || text[at] == '\t'))
            at++;
        if (kind && strcmp(kind, "undef") == 0 && at + 6 <= n && strncmp(text + at, "NDEBUG", 6) == 0 &&
            (at + 6 == n || !(isalnum((unsigned char)text[at + 6]) || text[at + 6] == '_')))
            return true;
        while (i < n && text[i] != '\n')
            i++;
    }
    return false;
}

/* The probe: for each name, `const char *adc_probe_K = "its expansion";` when defined. */
static const char *probe_text(const char **names, int nnames) {
    Buf b = {0};
    buf_puts(&b, "#define ADC_PROBE_TEXT(x) #x\n#define ADC_PROBE_EXPAND(x) ADC_PROBE_TEXT(x)\n");
    for (int k = 0; k < nnames; k++)
        buf_printf(&b, "#ifdef %s\nconst char *adc_probe_%d = ADC_PROBE_EXPAND(%s);\n#endif\n", names[k], k,
                   names[k]);
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

static enum CXChildVisitResult probe_visitor(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    ConfigMacro *macros = data;
    int k;
    if (clang_getCursorKind(c) != CXCursor_VarDecl || sscanf(cx_string(clang_getCursorSpelling(c)), "adc_probe_%d", &k) != 1)
        return CXChildVisit_Continue;
    macros[k].defined = true;
    CXCursor *kids;
    int nkids = cursor_children(c, &kids);
    CXEvalResult r = nkids ? clang_Cursor_Evaluate(kids[nkids - 1]) : NULL;
    if (r && clang_EvalResult_getKind(r) == CXEval_StrLiteral)
        macros[k].value = ir_strdup(clang_EvalResult_getAsStr(r));
    if (r)
        clang_EvalResult_dispose(r);
    return CXChildVisit_Continue;
}

/* Each macro as file's probe found it, parsed with args; 0 when file tests none. */
static int probe(CXIndex index, const char *file, const char **names, int nnames, const char *const *args,
                 int nargs, ConfigMacro **macros) {
    const char *probe_file = ir_format("%s.adc-probe.c", file);
    const char *text = probe_text(names, nnames);
    struct CXUnsavedFile unsaved = {probe_file, text, strlen(text)};
    CXTranslationUnit tu;
    if (clang_parseTranslationUnit2(index, probe_file, args, nargs, &unsaved, 1, CXTranslationUnit_None, &tu) !=
        CXError_Success)
        return 0;
    *macros = ir_alloc(sizeof(ConfigMacro) * (size_t)nnames);
    for (int k = 0; k < nnames; k++)
        (*macros)[k] = (ConfigMacro){.name = names[k], .file = file};
    clang_visitChildren(clang_getTranslationUnitCursor(tu), probe_visitor, *macros);
    clang_disposeTranslationUnit(tu);
    return nnames;
}

static bool same_state(const ConfigMacro *a, const ConfigMacro *b) {
    return a->defined == b->defined && (a->value ? b->value && strcmp(a->value, b->value) == 0 : !b->value);
}

/* The index in prog->config of the macro m saw, added if new; a macro another input saw
 * otherwise becomes conflicting. */
static int merge(Program *prog, const ConfigMacro *m) {
    for (int i = 0; i < prog->nconfig; i++)
        if (strcmp(prog->config[i].name, m->name) == 0) {
            prog->config[i].conflicting |= !same_state(&prog->config[i], m);
            return i;
        }
    IR_APPEND(prog->config, prog->nconfig, *m);
    return prog->nconfig - 1;
}

void config_collect(Program *prog, CXIndex index, CXTranslationUnit tu, const char *file, const char *const *args,
                    int nargs) {
    size_t size = 0;
    CXFile f = clang_getFile(tu, file);
    const char *text = f ? clang_getFileContents(tu, f, &size) : NULL;
    Group *groups = NULL;
    int ngroups = text ? read_groups(file, text, size, &groups) : 0;
    prog->undefines_ndebug |= text && undefines_ndebug(text, size);
    if (text && calls_assert(text, size)) {
        Group whole = {.group = {.file = file, .first_line = 1, .last_line = UINT_MAX}};
        add_name(&whole.names, &whole.nnames, "NDEBUG", 6);
        IR_APPEND(groups, ngroups, whole);
    }
    const char **names = NULL;
    int nnames = 0;
    for (int g = 0; g < ngroups; g++)
        for (int k = 0; k < groups[g].nnames; k++)
            add_name(&names, &nnames, groups[g].names[k], strlen(groups[g].names[k]));
    ConfigMacro *found = NULL;
    if (nnames == 0 || probe(index, file, names, nnames, args, nargs, &found) == 0)
        return;
    for (int g = 0; g < ngroups; g++) {
        ConfigGroup *group = &groups[g].group;
        for (int k = 0; k < groups[g].nnames; k++)
            for (int m = 0; m < nnames; m++)
                if (strcmp(names[m], groups[g].names[k]) == 0)
                    IR_APPEND(group->macros, group->nmacros, merge(prog, &found[m]));
        IR_APPEND(prog->config_groups, prog->nconfig_groups, *group);
    }
}

void config_select(Program *prog) {
    for (int g = 0; g < prog->nconfig_groups; g++) {
        const ConfigGroup *group = &prog->config_groups[g];
        bool matters = group->defines;
        for (int i = 0; i < prog->nfuncs && !matters; i++) {
            const Func *fn = prog->funcs[i];
            matters = fn->loc.file && strcmp(fn->loc.file, group->file) == 0 &&
                      fn->loc.line <= group->last_line && fn->end.line >= group->first_line;
        }
        for (int k = 0; k < group->nmacros && matters; k++)
            prog->config[group->macros[k]].matters = true;
    }
}
