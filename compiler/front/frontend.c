/* frontend.c: parses the input with libclang, finds the functions to differentiate (ADC_DIFF
 * annotations and command-line requests) and drives their lowering to IR (lower.c), together
 * with every function they call. It also collects what the generated file must repeat from
 * the source: #include lines, type definitions and file-scope tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "annot.h"
#include "config.h"
#include "clang_util.h"
#include "diag.h"
#include "frontend.h"
#include "lower.h"
#include "interior_return.h"
#include "struct_value.h"
#include "void_context.h"
#include "static_locals.h"

static bool has_body(CXCursor fn) {
    return clang_isCursorDefinition(fn) != 0;
}

typedef struct Found {
    FrontEnd *fe;
    const FrontendOptions *opts;
    int matched_requests;
    bool *request_found;
} Found;

static enum CXChildVisitResult annotation_visitor(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    const char **text = data;
    if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
        const char *s = cx_string(clang_getCursorSpelling(c));
        if (strncmp(s, "adc:", 4) == 0)
            *text = s + 4;
    }
    return CXChildVisit_Continue;
}

static const char *annotation_of(CXCursor fn) {
    const char *text = NULL;
    clang_visitChildren(fn, annotation_visitor, &text);
    return text;
}

static const Request *request_for(Found *found, const char *name) {
    for (int i = 0; i < found->opts->nrequests; i++)
        if (strcmp(found->opts->requests[i].function, name) == 0) {
            found->request_found[i] = true;
            return &found->opts->requests[i];
        }
    return NULL;
}

static int apply_request(Func *fn, const Request *req, const char *annotation, int vector_width, bool fast_math) {
    if (annotation && annot_parse(fn, annotation, fn->loc) != 0)
        return -1;
    if (req) {
        for (int i = 0; req->wrt && i < fn->nparams; i++)
            fn->wrt[i] = false;
        if ((req->wrt || !annotation) && annot_set_wrt(fn, req->wrt, fn->loc) != 0)
            return -1;
        if (req->modes) {
            fn->modes = req->modes;
            fn->default_modes = false;
        } else if (!annotation) {
            fn->modes = annot_default_modes(fn);
            fn->default_modes = true;
        }
        if (req->len && annot_set_len(fn, req->len, fn->loc) != 0)
            return -1;
    }
    annot_finish_lengths(fn);
    if (req && req->vector_width > 0)
        vector_width = req->vector_width;
    fn->fast_math |= fast_math;
    if (vector_width > 0) {
        fn->vector_width = vector_width;
        fn->modes |= MODE_TANGENT_VECTOR;
    }
    if ((fn->modes & MODE_TANGENT_VECTOR) && fn->vector_width == 0)
        fn->vector_width = 4;
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i])
            return 0;
    if (fn->nwrt_globals)
        return 0;
    error_at(fn->loc, "function '%s' has no floating parameter to differentiate with respect to",
             fn->name);
    return -1;
}

static enum CXChildVisitResult enumerator_name(CXCursor c, CXCursor parent, CXClientData prog) {
    (void)parent;
    prog_add_file_name(prog, cx_string(clang_getCursorSpelling(c)));
    return CXChildVisit_Continue;
}

/* Records the name a file-scope declaration or macro puts in scope (func_new_name avoids it). */
static void file_scope_name(Program *prog, CXCursor c) {
    switch (clang_getCursorKind(c)) {
    case CXCursor_FunctionDecl:
        if (!clang_isCursorDefinition(c)) /* perhaps of a function adc generates (its --header) */
            prog_add_prototype(prog, cx_string(clang_getCursorSpelling(c)));
        prog_add_file_name(prog, cx_string(clang_getCursorSpelling(c)));
        break;
    case CXCursor_VarDecl: case CXCursor_TypedefDecl: case CXCursor_MacroDefinition:
        prog_add_file_name(prog, cx_string(clang_getCursorSpelling(c)));
        break;
    case CXCursor_EnumDecl:
        clang_visitChildren(c, enumerator_name, prog);
        break;
    default:
        break;
    }
}

/* Whether c is in a .c file the main file includes (allowed with --include-source: the
 * generated file compiles it through the source, so it reaches its functions). */
static bool in_included_source(const FrontEnd *fe, CXCursor c) {
    if (!fe->prog->include_source)
        return false;
    CXFile file;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
    const char *name = file ? cx_string(clang_getFileName(file)) : "";
    size_t n = strlen(name);
    return n > 2 && strcmp(name + n - 2, ".c") == 0;
}

static enum CXChildVisitResult collect_visitor(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    FrontEnd *fe = data;
    file_scope_name(fe->prog, c);
    if (clang_Location_isFromMainFile(clang_getCursorLocation(c)))
        collect_file_scope(fe, c);
    else if (in_included_source(fe, c)) /* the functions whose address it takes: pointer targets */
        collect_included_source(fe, c);
    return CXChildVisit_Continue;
}

static enum CXChildVisitResult find_requests(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    Found *found = data;
    if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)) ||
        clang_getCursorKind(c) != CXCursor_FunctionDecl || !has_body(c))
        return CXChildVisit_Continue;
    const char *name = cx_string(clang_getCursorSpelling(c));
    const char *annotation = annotation_of(c);
    const Request *req = request_for(found, name);
    if (!annotation && !req)
        return CXChildVisit_Continue;
    Func *fn = lower_function(found->fe, c);
    if (!fn)
        return CXChildVisit_Continue;
    fn->requested = true;
    if (apply_request(fn, req, annotation, found->opts->vector_width, found->opts->fast_math) != 0)
        fn->requested = false;
    return CXChildVisit_Continue;
}

static void report_clang_diagnostics(CXTranslationUnit tu, int *errors) {
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev >= CXDiagnostic_Error) { /* through diag.c: adc's own code read back is located */
            CXFile file;
            SrcLoc loc = {NULL, 0, 0};
            clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, &loc.line, &loc.col, NULL);
            loc.file = file ? cx_string(clang_getFileName(file)) : NULL;
            error_at(loc, "%s", cx_string(clang_getDiagnosticSpelling(d)));
            (*errors)++;
        }
        clang_disposeDiagnostic(d);
    }
}

static void inclusion_visitor(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData data) {
    (void)stack;
    (void)depth;
    const FrontendOptions *opts = data;
    const char *name = cx_string(clang_getFileName(file));
    const char **deps = *opts->deps;
    int n = *opts->ndeps;
    for (int i = 0; i < n; i++)
        if (strcmp(deps[i], name) == 0)
            return;
    IR_APPEND(*opts->deps, *opts->ndeps, name);
}

static int check_requests_found(const Found *found) {
    int errors = 0;
    for (int i = 0; i < found->opts->nrequests; i++)
        if (!found->request_found[i]) {
            SrcLoc loc = {found->opts->sources[0].file, 0, 0};
            error_at(loc, "no function named '%s' is defined in %s", found->opts->requests[i].function,
                     found->opts->nsources > 1 ? "the input files" : "this file");
            errors++;
        }
    return errors;
}

/* Whether the input can be read, after saying why not. */
static bool readable(const char *file) {
    struct stat st;
    FILE *probe = fopen(file, "rb");
    if (!probe) {
        error_at((SrcLoc){NULL, 0, 0}, "cannot open '%s'", file);
        return false;
    }
    bool directory = fstat(fileno(probe), &st) == 0 && S_ISDIR(st.st_mode);
    fclose(probe);
    if (directory)
        error_at((SrcLoc){NULL, 0, 0}, "%s: is a directory", file);
    return !directory;
}

/* Clang errors on old C that gcc accepts with a warning (K&R-era homework, codes written
 * before C99); adc reads such code as gcc does. The user's own arguments come after these and
 * can turn the errors back on. */
static const char *const default_args[] = {
    "-Wno-error=implicit-int", "-Wno-error=implicit-function-declaration",
    "-Wno-error=int-conversion", "-Wno-error=incompatible-pointer-types",
    "-Wno-error=return-type",
};
enum { NDEFAULT_ARGS = sizeof default_args / sizeof default_args[0] };

/* The user's clang arguments after adc's defaults, less -fopenmp: adc reads OpenMP code as
 * its serial elision (_OPENMP undefined) and the loop pragmas from the source text (pragma.c). */
static const char **clang_args_with_defaults(const Source *opts, int *nargs) {
    const char **args = ir_alloc(sizeof(char *) * (size_t)(NDEFAULT_ARGS + opts->nclang_args));
    memcpy(args, default_args, sizeof default_args);
    *nargs = NDEFAULT_ARGS;
    for (int i = 0; i < opts->nclang_args; i++)
        if (strncmp(opts->clang_args[i], "-fopenmp", 8) != 0)
            args[(*nargs)++] = opts->clang_args[i];
    return args;
}

/* Parses one source into *tu after reporting its errors, and probes the configuration it is
 * read under; returns the error count. */
static int parse_source(Program *prog, CXIndex index, const Source *src, CXTranslationUnit *tu) {
    if (!src->contents && !readable(src->file))
        return 1;
    struct CXUnsavedFile unsaved = {src->file, src->contents, src->contents ? strlen(src->contents) : 0};
    int nargs, errors = 0;
    const char **args = clang_args_with_defaults(src, &nargs);
    enum CXErrorCode rc = clang_parseTranslationUnit2(
        index, src->file, args, nargs, src->contents ? &unsaved : NULL,
        src->contents ? 1 : 0, CXTranslationUnit_DetailedPreprocessingRecord, tu);
    if (rc != CXError_Success || !*tu) {
        error_at((SrcLoc){src->file, 0, 0}, "libclang could not parse this file (code %d)", (int)rc);
        return 1;
    }
    report_clang_diagnostics(*tu, &errors);
    if (!src->contents)
        config_collect(prog, index, *tu, src->file, args, nargs);
    return errors;
}

/* Reads every unit's file scope first (so that a call can reach a definition in any unit),
 * then lowers the requested functions of each and what they call. */
static int load_units(Program *prog, const FrontendOptions *opts, FrontEnd *units) {
    prog->file = opts->sources[0].file;
    prog->include_source = opts->include_source;
    prog->fast_math = opts->fast_math;
    prog->files = ir_alloc(sizeof(char *) * (size_t)opts->nsources);
    for (int i = 0; i < opts->nsources; i++)
        prog->files[prog->nfiles++] = opts->sources[i].file;
    for (int i = 0; i < opts->nsources; i++) {
        FrontEnd *fe = &units[i];
        collect_macro_ranges(fe);
        clang_visitChildren(clang_getTranslationUnitCursor(fe->tu), collect_visitor, fe);
        if (opts->deps)
            clang_getInclusions(fe->tu, inclusion_visitor, (CXClientData)opts);
    }
    Found found = {.opts = opts};
    found.request_found = ir_alloc(sizeof(bool) * (size_t)(opts->nrequests + 1));
    for (int i = 0; i < opts->nsources; i++) {
        found.fe = &units[i];
        clang_visitChildren(clang_getTranslationUnitCursor(units[i].tu), find_requests, &found);
    }
    return check_requests_found(&found);
}

int frontend_load(Program *prog, const FrontendOptions *opts) {
    CXIndex index = clang_createIndex(0, 0);
    FrontEnd *units = ir_alloc(sizeof(FrontEnd) * (size_t)opts->nsources);
    int errors = 0, parsed = 0;
    for (; parsed < opts->nsources && errors == 0; parsed++) {
        units[parsed] = (FrontEnd){.prog = prog, .units = units, .nunits = opts->nsources, .last_type = -1};
        errors += parse_source(prog, index, &opts->sources[parsed], &units[parsed].tu);
    }
    if (errors == 0)
        errors += load_units(prog, opts, units);
    if (errors == 0)
        config_select(prog);
    if (errors == 0 && error_count() == 0)
        errors += structs_by_value(prog);
    if (errors == 0 && error_count() == 0)
        errors += interior_returns(prog);
    if (errors == 0 && error_count() == 0)
        errors += void_contexts(prog);
    if (errors == 0 && error_count() == 0)
        errors += static_locals(units, parsed);
    for (int i = 0; i < parsed; i++)
        if (units[i].tu)
            clang_disposeTranslationUnit(units[i].tu);
    clang_disposeIndex(index);
    return errors + error_count();
}
