/* annot.c: the little language inside ADC_DIFF(...):
 *     wrt(x, w)  len(x: n, w: m*k, s.x: s->n)  modes(tangent, adjoint, grad)  vector(4)  options(fast_math)
 * Clauses may be separated by commas or spaces; len expressions may hold parentheses. A len
 * name that is no parameter is a global pointer's (len(u: N); gen.c checks). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "annot.h"
#include "buf.h"
#include "diag.h"

/* The parameter the user wrote as name (its source name; the front end may have renamed it). */
static int param_index(const Func *fn, const char *name, size_t len) {
    for (int i = 0; i < fn->nparams; i++)
        if (strlen(fn->params[i]->source_name) == len && strncmp(fn->params[i]->source_name, name, len) == 0)
            return i;
    return -1;
}

/* The len(...) expression text with each parameter it names under its name in the IR (the
 * front end renames a parameter x_d beside x); members (s.n, s->n) and numbers stay. */
static const char *len_in_ir_names(const Func *fn, const char *text, size_t len) {
    Buf out = {0};
    const char *end = text + len, *prev = "";
    for (const char *p = text; p < end;) {
        size_t n = 0;
        while (p + n < end && (isalnum((unsigned char)p[n]) || p[n] == '_'))
            n++;
        if (n == 0) {
            if (!isspace((unsigned char)*p))
                prev = p;
            buf_putc(&out, *p++);
            continue;
        }
        bool member = *prev == '.' || (*prev == '>' && prev > text && prev[-1] == '-');
        int i = isdigit((unsigned char)*p) || member ? -1 : param_index(fn, p, n);
        if (i >= 0)
            buf_puts(&out, fn->params[i]->name);
        else
            buf_printf(&out, "%.*s", (int)n, p);
        prev = p;
        p += n;
    }
    const char *result = ir_strdup(buf_str(&out));
    buf_free(&out);
    return result;
}

static const char *skip_space(const char *p) {
    while (isspace((unsigned char)*p) || *p == ',')
        p++;
    return p;
}

/* Returns the end of the argument list starting after '(' (the matching ')'), or NULL. */
static const char *closing_paren(const char *p) {
    int depth = 1;
    for (; *p; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && --depth == 0)
            return p;
    }
    return NULL;
}

unsigned annot_mode(const char *name, size_t len) {
    static const struct { const char *name; unsigned mode; } modes[] = {
        {"tangent", MODE_TANGENT}, {"adjoint", MODE_ADJOINT}, {"grad", MODE_GRAD},
        {"tangent_vector", MODE_TANGENT_VECTOR}, {"hvp", MODE_HVP}, {"hessian", MODE_HESSIAN},
        {"jacobian", MODE_JACOBIAN},
    };
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
        if (strlen(modes[i].name) == len && strncmp(modes[i].name, name, len) == 0)
            return modes[i].mode;
    return 0;
}

unsigned annot_default_modes(const Func *fn) {
    if (type_is_floating(fn->ret))
        return MODE_TANGENT | MODE_ADJOINT | MODE_GRAD;
    return MODE_TANGENT | MODE_ADJOINT;
}

static bool param_can_be_active(const Var *v) {
    return type_has_floating(v->type);
}

/* Calls item(fn, start, len) for each comma-separated item of [p, end). */
static int for_each_item(Func *fn, const char *p, const char *end, SrcLoc loc,
                         int (*item)(Func *, const char *, size_t, SrcLoc)) {
    while (p < end) {
        while (p < end && (isspace((unsigned char)*p) || *p == ','))
            p++;
        const char *start = p;
        int depth = 0;
        while (p < end && (depth > 0 || *p != ',')) {
            depth += (*p == '(') - (*p == ')');
            p++;
        }
        const char *stop = p;
        while (stop > start && isspace((unsigned char)stop[-1]))
            stop--;
        if (stop > start && item(fn, start, (size_t)(stop - start), loc) != 0)
            return -1;
    }
    return 0;
}

/* A name that is no parameter may be a global (gen.c checks). */
static int wrt_global(Func *fn, const char *name, size_t len, SrcLoc loc) {
    const char **names = ir_alloc(sizeof(char *) * (size_t)(fn->nwrt_globals + 1));
    SrcLoc *locs = ir_alloc(sizeof(SrcLoc) * (size_t)(fn->nwrt_globals + 1));
    if (fn->nwrt_globals) {
        memcpy(names, fn->wrt_globals, sizeof(char *) * (size_t)fn->nwrt_globals);
        memcpy(locs, fn->wrt_globals_loc, sizeof(SrcLoc) * (size_t)fn->nwrt_globals);
    }
    names[fn->nwrt_globals] = ir_format("%.*s", (int)len, name);
    locs[fn->nwrt_globals++] = loc;
    fn->wrt_globals = names;
    fn->wrt_globals_loc = locs;
    return 0;
}

static int wrt_item(Func *fn, const char *name, size_t len, SrcLoc loc) {
    int i = param_index(fn, name, len);
    if (i < 0)
        return wrt_global(fn, name, len, loc);
    if (!param_can_be_active(fn->params[i])) {
        error_at(loc, "'wrt' names '%.*s', which is not floating and cannot be differentiated",
                 (int)len, name);
        return -1;
    }
    fn->wrt[i] = true;
    return 0;
}

/* `s.x: s->n`: the length of what member x of struct parameter s points to. */
static int member_len_item(Func *fn, const char *name, const char *dot, const char *name_end, const char *count,
                           SrcLoc loc) {
    int i = param_index(fn, name, (size_t)(dot - name));
    const Type *t = i < 0 ? NULL : type_scalar(fn->params[i]->type);
    const char *member = ir_format("%.*s", (int)(name_end - dot - 1), dot + 1);
    const Field *f = t && t->kind == TY_STRUCT ? type_field(t, member) : NULL;
    if (!f || f->type->kind != TY_PTR || !type_has_floating(f->type)) {
        error_at(loc, "'len' names '%.*s', which is not a member pointing to floating data of a struct "
                 "parameter of '%s'", (int)(name_end - name), name, fn->name);
        return -1;
    }
    IR_APPEND(fn->member_lens, fn->nmember_lens, (MemberLen){i, member, count});
    return 0;
}

/* `x: n` in an annotation, `x=n` on the command line. */
static int len_item(Func *fn, const char *text, size_t len, SrcLoc loc) {
    size_t name_len = strcspn(text, ":=");
    const char *colon = name_len < len ? text + name_len : NULL;
    if (!colon) {
        error_at(loc, "'len' expects 'param: expression', got '%.*s'", (int)len, text);
        return -1;
    }
    const char *name_end = colon;
    while (name_end > text && isspace((unsigned char)name_end[-1]))
        name_end--;
    const char *expr = skip_space(colon + 1), *count = len_in_ir_names(fn, expr, (size_t)(text + len - expr));
    if (name_end - text == 6 && strncmp(text, "return", 6) == 0) { /* the block f_adjoint's seed covers */
        if (!func_returns_heap(fn) || fn->ret->base->kind == TY_STRUCT) {
            error_at(loc, "'len' names 'return', but '%s' returns no block of double or float", fn->name);
            return -1;
        }
        fn->result_len = count;
        return 0;
    }
    const char *dot = memchr(text, '.', (size_t)(name_end - text));
    if (dot)
        return member_len_item(fn, text, dot, name_end, count, loc);
    bool rows = name_end - text > 2 && strncmp(name_end - 2, "[]", 2) == 0; /* a[]: each row's length */
    int i = param_index(fn, text, (size_t)(name_end - text) - (rows ? 2 : 0));
    if (i < 0 && !rows) { /* a name that is no parameter may be a global pointer (gen.c checks) */
        IR_APPEND(fn->global_lens, fn->nglobal_lens,
                  (GlobalLen){ir_format("%.*s", (int)(name_end - text), text), count, loc});
        return 0;
    }
    if (i < 0 || fn->params[i]->type->kind != TY_PTR || (rows && !type_is_rows(fn->params[i]->type))) {
        error_at(loc, "'len' names '%.*s', which is not a %s parameter of '%s'", (int)(name_end - text), text,
                 rows ? "row-pointer (T **)" : "pointer", fn->name);
        return -1;
    }
    if (rows)
        fn->row_len[i] = count;
    else
        fn->len[i] = count;
    return 0;
}

static int mode_item(Func *fn, const char *name, size_t len, SrcLoc loc) {
    unsigned mode = annot_mode(name, len);
    if (!mode) {
        error_at(loc, "unknown mode '%.*s' (expected tangent, tangent_vector, adjoint, grad, hvp, hessian or jacobian)",
                 (int)len, name);
        return -1;
    }
    if ((mode == MODE_GRAD || mode == MODE_HVP || mode == MODE_HESSIAN) && !type_is_floating(fn->ret)) {
        error_at(loc, "mode '%.*s' needs a function returning double or float; '%s' does not", (int)len,
                 name, fn->name);
        return -1;
    }
    fn->modes |= mode;
    return 0;
}

static int vector_item(Func *fn, const char *text, size_t len, SrcLoc loc) {
    char *end;
    long width = strtol(text, &end, 10);
    if (end != text + len || width < 1 || width > 4096) {
        error_at(loc, "'vector' expects a direction count from 1 to 4096, got '%.*s'", (int)len, text);
        return -1;
    }
    fn->vector_width = (int)width;
    fn->modes |= MODE_TANGENT_VECTOR;
    return 0;
}

static int option_item(Func *fn, const char *text, size_t len, SrcLoc loc) {
    if (len != strlen("fast_math") || strncmp(text, "fast_math", len) != 0) {
        error_at(loc, "unknown option '%.*s' in options(...) (known: fast_math)", (int)len, text);
        return -1;
    }
    fn->fast_math = true;
    return 0;
}

int annot_set_len(Func *fn, const char *list, SrcLoc loc) {
    return for_each_item(fn, list, list + strlen(list), loc, len_item);
}

void annot_finish_lengths(Func *fn) {
    for (int i = 0; i < fn->nparams; i++)
        if (!fn->len[i] && fn->params[i]->declared_count > 0)
            fn->len[i] = ir_format("%ld", fn->params[i]->declared_count);
        else if (!fn->len[i])
            fn->len[i] = fn->params[i]->declared_len;
    if (!fn->default_modes || !(fn->modes & MODE_GRAD))
        return;
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        bool by_member = func_param_zeroed_by_member(fn, i); /* one struct */
        if (fn->wrt[i] && p->type->kind == TY_PTR && !fn->len[i] && !by_member) {
            warning_at(fn->loc, "'%s_grad' is not generated: it needs the length of '%s' (add "
                       "len(%s: ...) to ADC_DIFF, or --len %s=... on the command line)",
                       fn->name, p->source_name, p->source_name, p->source_name);
            fn->modes &= ~(unsigned)MODE_GRAD;
            return;
        }
        if (fn->wrt[i] && type_is_rows(p->type) && !fn->row_len[i]) {
            warning_at(fn->loc, "'%s_grad' is not generated: it needs the length of the rows of '%s' (add "
                       "len(%s[]: ...) to ADC_DIFF, or --len %s[]=... on the command line)",
                       fn->name, p->source_name, p->source_name, p->source_name);
            fn->modes &= ~(unsigned)MODE_GRAD;
            return;
        }
        const char *blocker = fn->wrt[i] && by_member ? func_member_zero_blocker(fn, i) : NULL;
        if (blocker) {
            warning_at(fn->loc, "'%s_grad' is not generated: it %s", fn->name, blocker);
            fn->modes &= ~(unsigned)MODE_GRAD;
            return;
        }
    }
}

int annot_set_wrt(Func *fn, const char *names, SrcLoc loc) {
    if (names)
        return for_each_item(fn, names, names + strlen(names), loc, wrt_item);
    for (int i = 0; i < fn->nparams; i++)
        fn->wrt[i] = param_can_be_active(fn->params[i]);
    return 0;
}

int annot_parse(Func *fn, const char *text, SrcLoc loc) {
    static const struct {
        const char *name;
        int (*item)(Func *, const char *, size_t, SrcLoc);
    } clauses[] = {{"wrt", wrt_item}, {"len", len_item}, {"modes", mode_item}, {"vector", vector_item}, {"options", option_item}};
    bool saw_wrt = false;
    const char *p = skip_space(text);
    while (*p) {
        size_t n = 0;
        while (isalnum((unsigned char)p[n]) || p[n] == '_')
            n++;
        size_t c = 0;
        while (c < sizeof clauses / sizeof clauses[0] &&
               !(strlen(clauses[c].name) == n && strncmp(clauses[c].name, p, n) == 0))
            c++;
        const char *open = skip_space(p + n);
        const char *close = *open == '(' ? closing_paren(open + 1) : NULL;
        if (c == sizeof clauses / sizeof clauses[0] || !close) {
            error_at(loc, "malformed ADC_DIFF annotation near '%s' (expected wrt(...), len(...), "
                     "modes(...), vector(N) or options(...))", p);
            return -1;
        }
        saw_wrt |= c == 0;
        if (for_each_item(fn, open + 1, close, loc, clauses[c].item) != 0)
            return -1;
        p = skip_space(close + 1);
    }
    if (!saw_wrt)
        annot_set_wrt(fn, NULL, loc);
    if (!fn->modes) {
        fn->modes = annot_default_modes(fn);
        fn->default_modes = true;
    }
    return 0;
}
