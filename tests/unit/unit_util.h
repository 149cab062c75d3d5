/* unit_util.h: helpers shared by the unit tests that go through the front end: loading a C
 * source from a string (a temporary file under /tmp, removed afterwards) and finding
 * functions, variables and statements in the IR. Include after <cmocka.h>. */
#ifndef ADC_UNIT_UTIL_H
#define ADC_UNIT_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "c_text.h"
#include "diag.h"
#include "frontend.h"
#include "ir.h"

#ifndef ADC_INCLUDE_DIR
#error "ADC_INCLUDE_DIR must name the repository's include directory"
#endif

/* Lowers src with the given command-line requests (in addition to its annotations) into
 * prog. Returns frontend_load's result. */
static inline int load_source_requests(Program *prog, const char *src, const Request *reqs, int nreqs) {
    char path[] = "/tmp/adc_unit_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(src);
    assert_int_equal(write(fd, src, len), (ssize_t)len);
    assert_int_equal(close(fd), 0);
    /* The name has no .c suffix: tell clang the language. */
    static const char *const args[] = {"-x", "c", "-std=c11", "-I" ADC_INCLUDE_DIR};
    Source source = {.file = ir_strdup(path), .clang_args = args, .nclang_args = (int)(sizeof args / sizeof args[0])};
    FrontendOptions opts = {0};
    opts.sources = &source;
    opts.nsources = 1;
    opts.requests = reqs;
    opts.nrequests = nreqs;
    *prog = (Program){0};
    int rc = frontend_load(prog, &opts);
    assert_int_equal(unlink(path), 0);
    return rc;
}

/* Lowers src, which must load without errors. */
static inline Program *load_source(const char *src) {
    Program *prog = ir_alloc(sizeof *prog);
    int before = error_count();
    assert_int_equal(load_source_requests(prog, src, NULL, 0), 0);
    assert_int_equal(error_count(), before);
    return prog;
}

static inline Func *find_func(const Program *prog, const char *name) {
    for (int i = 0; i < prog->nfuncs; i++)
        if (strcmp(prog->funcs[i]->name, name) == 0)
            return prog->funcs[i];
    fail_msg("no function '%s'", name);
    return NULL;
}

static inline Var *find_var_or_null(const Func *fn, const char *name) {
    for (int i = 0; i < fn->nvars; i++)
        if (strcmp(fn->vars[i]->name, name) == 0)
            return fn->vars[i];
    return NULL;
}

static inline Var *find_var(const Func *fn, const char *name) {
    Var *v = find_var_or_null(fn, name);
    if (!v)
        fail_msg("no variable '%s' in '%s'", name, fn->name);
    return v;
}

static inline int param_index_of(const Func *fn, const char *name) {
    for (int i = 0; i < fn->nparams; i++)
        if (strcmp(fn->params[i]->name, name) == 0)
            return i;
    fail_msg("no parameter '%s' in '%s'", name, fn->name);
    return -1;
}

/* Statements of kind `kind` in the tree under s (s included). */
static inline int count_stmts(const Stmt *s, StmtKind kind) {
    if (!s)
        return 0;
    int n = s->kind == kind;
    for (int i = 0; i < s->nbody; i++)
        n += count_stmts(s->body[i], kind);
    return n + count_stmts(s->init, kind) + count_stmts(s->step, kind) + count_stmts(s->then, kind) +
           count_stmts(s->els, kind);
}

/* The k-th statement (0-based, pre-order) of kind `kind` under s, or NULL. */
static inline Stmt *nth_stmt(Stmt *s, StmtKind kind, int *k) {
    if (!s)
        return NULL;
    if (s->kind == kind && (*k)-- == 0)
        return s;
    Stmt *found = NULL;
    for (int i = 0; i < s->nbody && !found; i++)
        found = nth_stmt(s->body[i], kind, k);
    Stmt *kids[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4 && !found; i++)
        found = nth_stmt(kids[i], kind, k);
    return found;
}

static inline Stmt *find_stmt(Stmt *s, StmtKind kind, int k) {
    Stmt *found = nth_stmt(s, kind, &k);
    if (!found)
        fail_msg("statement kind %d number %d not found", (int)kind, k);
    return found;
}

/* The declaration of variable `name` under s, or NULL. */
static inline Stmt *find_decl(Stmt *s, const char *name) {
    if (!s)
        return NULL;
    if (s->kind == ST_DECL && strcmp(s->var->name, name) == 0)
        return s;
    Stmt *found = NULL;
    for (int i = 0; i < s->nbody && !found; i++)
        found = find_decl(s->body[i], name);
    Stmt *kids[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4 && !found; i++)
        found = find_decl(kids[i], name);
    return found;
}

/* The first assignment under s whose left side prints as lhs, or NULL. */
static inline Stmt *find_assign(Stmt *s, const char *lhs) {
    if (!s)
        return NULL;
    if (s->kind == ST_ASSIGN && strcmp(expr_text(s->lhs), lhs) == 0)
        return s;
    Stmt *found = NULL;
    for (int i = 0; i < s->nbody && !found; i++)
        found = find_assign(s->body[i], lhs);
    Stmt *kids[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4 && !found; i++)
        found = find_assign(kids[i], lhs);
    return found;
}

/* The expression of the last return under s (NULL if none with a value). */
static inline Expr *find_return_value(Stmt *s) {
    int n = count_stmts(s, ST_RETURN);
    return n ? find_stmt(s, ST_RETURN, n - 1)->rhs : NULL;
}

static inline int ir_teardown(void **state) {
    (void)state;
    ir_free_all();
    return 0;
}

#endif
