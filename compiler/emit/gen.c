/* gen.c: assembles the output file. The requested functions are emitted in the modes they
 * ask for; every call inside them asks for an instance of the callee for the pattern of
 * active arguments at that call, which is queued and emitted once. */
#include <ctype.h>
#include <string.h>
#include "adjoint.h"
#include "diag.h"
#include "emit_c.h"
#include "gen.h"
#include "globals.h"
#include "jacobian.h"
#include "kept.h"
#include "mpi_check.h"
#include "pointer_check.h"
#include "tangent.h"

static const char *const kind_suffix[] = {
    [KIND_TANGENT] = "tangent", [KIND_TANGENT_VECTOR] = "tangent_vector", [KIND_PRIMAL] = "primal", [KIND_FORWARD] = "forward",
    [KIND_REVERSE] = "reverse", [KIND_ADJOINT] = "adjoint", [KIND_GRAD] = "grad",
};

/* The wrappers of second.c and jacobian.c a requested mode adds: f_hvp, f_hessian, ... */
static const struct { unsigned mode; const char *suffix, *what; } wrappers[] = {
    {MODE_HVP | MODE_HESSIAN, "hvp", "Hessian-vector product"}, {MODE_HESSIAN, "hessian", "Hessian"},
    {MODE_JACOBIAN, "jacobian_forward", "Jacobian by tangents"},
    {MODE_JACOBIAN, "jacobian_reverse", "Jacobian by adjoints"}, {MODE_JACOBIAN, "jacobian", "Jacobian"},
};

static bool natural_mask(const Func *fn, int i) {
    return fn->requested ? fn->wrt[i] : type_has_floating(fn->params[i]->type);
}

/* f_tangent for the natural pattern; f_tangent_x_y when only x and y are active. */
static const char *instance_name(const Func *fn, const bool *mask, InstanceKind kind, int width) {
    bool natural = true;
    for (int i = 0; i < fn->nparams; i++)
        natural &= mask[i] == natural_mask(fn, i);
    /* helpers of the vector mode exist for each width: sq_tangent_vector4 */
    const char *suffix = kind == KIND_TANGENT_VECTOR && !(natural && fn->requested && width == fn->vector_width)
                             ? ir_format("%s%d", kind_suffix[kind], width) : kind_suffix[kind];
    if (natural || kind == KIND_PRIMAL)
        return ir_format("%s_%s", fn->name, suffix);
    Buf b = {0};
    buf_printf(&b, "%s_%s", fn->name, suffix);
    bool any = false;
    for (int i = 0; i < fn->nparams; i++)
        if (mask[i]) {
            buf_printf(&b, "_%s", fn->params[i]->name);
            any = true;
        }
    if (!any) /* only active globals carry derivatives through it */
        buf_puts(&b, "_globals");
    const char *name = ir_strdup(buf_str(&b));
    buf_free(&b);
    return name;
}

static Instance *find_instance(Gen *g, const Func *fn, const bool *mask, InstanceKind kind, int width, bool inner) {
    for (int i = 0; i < g->count; i++) {
        Instance *in = g->items[i];
        if (in->fn == fn && in->kind == kind && in->width == width && in->inner == inner &&
            (kind == KIND_PRIMAL || memcmp(in->mask, mask, sizeof(bool) * (size_t)fn->nparams) == 0))
            return in;
    }
    return NULL;
}

/* Whether a function adc generates may be called name: no file-scope name of the program, no
 * variable of one of its functions (it would hide the function) and no other instance. */
static bool file_name_free(const Gen *g, const char *name) {
    if (!prog_name_free(g->prog, name))
        return false;
    for (int i = 0; i < g->count; i++)
        if (strcmp(g->items[i]->name, name) == 0)
            return false;
    return true;
}

static bool file_name_used(const void *g, const char *name) {
    return !file_name_free(g, name);
}

/* The name of a new instance: its natural name (f_tangent, h_reverse_p), else the first free
 * of name_2, name_3, ...; an instance of the user's interface (is_static false) keeps its
 * natural name, which the files may only declare (a header of adc's output), or is refused. */
static const char *fresh_instance_name(Gen *g, const Func *fn, const char *name, bool is_static) {
    if (!is_static && !file_name_free(g, name) && !prog_name_declares(g->prog, name)) {
        error_at(fn->loc, "'%s' is already a name in this program: adc cannot give it to the derivative "
                 "of '%s' it generates; rename it", name, fn->name);
        g->errors++;
    }
    return is_static ? fresh_name(name, file_name_used, g) : name;
}

static Instance *add_instance(Gen *g, Func *fn, const bool *mask, InstanceKind kind, int width, bool is_static,
                              bool inner) {
    Instance *in = ir_alloc(sizeof *in);
    in->fn = fn;
    in->mask = ir_alloc(sizeof(bool) * (size_t)(fn->nparams + 1));
    if (kind != KIND_PRIMAL)
        memcpy(in->mask, mask, sizeof(bool) * (size_t)fn->nparams);
    in->kind = kind;
    in->width = width;
    const char *name = instance_name(fn, in->mask, kind, width);
    in->name = fresh_instance_name(g, fn, inner ? ir_format("%s_inner", name) : name, is_static);
    in->is_static = is_static;
    in->inner = inner;
    IR_APPEND(g->items, g->count, in);
    return in;
}

/* Derivatives of a requested function for its own wrt are part of the user's interface;
 * every other instance is a helper of this file. */
const char *gen_instance(Gen *g, Func *fn, const bool *mask, InstanceKind kind, int width) {
    if (kind == KIND_PRIMAL && fn->primal) /* a dispatch: the call through the pointer itself */
        fn = fn->primal;
    bool own = fn->requested && kind != KIND_PRIMAL &&
               memcmp(mask, fn->wrt, sizeof(bool) * (size_t)fn->nparams) == 0;
    bool inner = own && g->prog->nactive_globals && (kind == KIND_TANGENT || kind == KIND_TANGENT_VECTOR);
    Instance *in = find_instance(g, fn, mask, kind, width, inner);
    if (!in)
        in = add_instance(g, fn, mask, kind, width, fn->is_static || !own || inner, inner);
    return in->name;
}

const char *gen_zero_global(Func *fn, const Type *type, const char *shadow) {
    Buf loops = {0}, element = {0};
    buf_puts(&element, shadow);
    int depth = 0;
    for (const Type *t = type; t->kind == TY_ARRAY; t = t->base) {
        const char *i = func_new_name(fn, ir_format("zero_i%d", ++depth));
        buf_printf(&loops, "for (long %s = 0; %s < %ld; %s++) ", i, i, t->array_len, i);
        buf_printf(&element, "[%s]", i);
    }
    const char *text = ir_format("%s%s = 0.0;", buf_str(&loops), buf_str(&element));
    buf_free(&loops);
    buf_free(&element);
    return text;
}

bool gen_clears_global(const Func *fn, const Var *global) {
    for (int i = 0; i < fn->nwrt_globals; i++)
        if (strcmp(fn->wrt_globals[i], global->name) == 0)
            return false;
    return true;
}

/* ---- signatures ---- */

static void param(Buf *b, const Type *t, const char *name, bool drop_const) {
    buf_puts(b, ", ");
    emit_decl(b, t, name, drop_const);
}

/* The adjoint of a parameter: a pointer to the scalar for scalars, the same buffer shape
 * (writable) for pointers. */
static void adjoint_param(Buf *b, const Var *p, const char *suffix) {
    const char *name = ir_format("%s%s", p->name, suffix);
    if (p->type->kind == TY_PTR)
        param(b, p->type, name, true);
    else
        param(b, type_pointer_to(p->type), name, true);
}

bool gen_copies_directions(const Instance *in, const Var *p) {
    return in->kind == KIND_TANGENT_VECTOR && type_is_floating(p->type) &&
           (!in->fn->requested || stmt_assigns(in->fn->body, p));
}

/* A function returning a heap block (pointer_check.c) gives its shadow block through a last
 * parameter: `double **f_d` (tangent; `double (**f_d)[N]` in vector mode), `double **f_b`
 * (forward sweep). */
static void heap_result_param(Buf *params, const Instance *in) {
    const Func *fn = in->fn;
    if (in->kind == KIND_TANGENT || in->kind == KIND_TANGENT_VECTOR) {
        Type *shadow = in->kind == KIND_TANGENT_VECTOR ? vector_type(fn->ret, in->width) : fn->ret;
        param(params, type_pointer_to(shadow), ir_format("%s_d", fn->name), false);
    } else if (in->kind == KIND_FORWARD) {
        param(params, type_pointer_to(fn->ret), ir_format("%s_b", fn->name), false);
    } else if (in->kind == KIND_ADJOINT) { /* the seed: len(return) elements */
        Type *element = type_new(fn->ret->base->kind);
        *element = *fn->ret->base;
        element->is_const = true;
        param(params, type_pointer_to(element), ir_format("%s_b", fn->name), false);
    }
}

void gen_signature(Buf *b, const Instance *in) {
    const Func *fn = in->fn;
    Buf params = {0};
    if (in->kind == KIND_FORWARD || in->kind == KIND_REVERSE)
        buf_printf(&params, ", adc_tape *%s", func_new_name(in->fn, "tape"));
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        param(&params, p->type, p->name, false);
        if (!in->mask[i])
            continue;
        switch (in->kind) {
        case KIND_TANGENT: param(&params, p->type, ir_format("%s_d", p->name), false); break;
        case KIND_TANGENT_VECTOR: { /* the directions of a scalar input are read only */
            Type *shadow = vector_type(p->type, in->width);
            if (type_is_floating(p->type))
                shadow->base->is_const = true;
            param(&params, shadow, ir_format("%s_d%s", p->name, gen_copies_directions(in, p) ? "_in" : ""), false);
            break;
        }
        case KIND_ADJOINT: case KIND_REVERSE: adjoint_param(&params, p, "_b"); break;
        default: break;
        }
    }
    if (in->kind == KIND_GRAD)
        for (int i = 0; i < fn->nparams; i++)
            if (in->mask[i])
                adjoint_param(&params, fn->params[i], "_grad");
    bool floating = type_is_floating(fn->ret);
    if (floating && (in->kind == KIND_TANGENT || in->kind == KIND_TANGENT_VECTOR))
        param(&params, type_pointer_to(fn->ret), ir_format("%s_d", fn->name), false);
    if (fn->ret->kind == TY_PTR && type_has_floating(fn->ret) && in->kind != KIND_PRIMAL) /* a heap block's shadow */
        heap_result_param(&params, in);
    if (floating && (in->kind == KIND_ADJOINT || in->kind == KIND_REVERSE))
        param(&params, fn->ret, ir_format("%s_b", fn->name), false);
    emit_type(b, in->kind == KIND_REVERSE ? type_new(TY_VOID) : fn->ret);
    buf_printf(b, " %s(%s)", in->name, params.len ? buf_str(&params) + 2 : "void");
    buf_free(&params);
}

/* ---- vector shadow structs ----
 * The vector mode's shadow of a struct is a struct of its own, defined in the generated file
 * before the prototypes: each floating member holds the directions (double x[4]) and each
 * pointer to floating data points to them (double (*x)[4]), so that p_d->x[k] and
 * s_d->x[i][k] name direction k. One per struct and width, named struct TAG_dWIDTH. */

typedef struct VectorStruct {
    const char *source;  /* the struct's own name */
    int width;
    Type *type;
} VectorStruct;

static const Program *vector_prog;      /* the program being generated: its struct names */
static VectorStruct *vector_structs;    /* in the order their definitions are complete */
static int nvector_structs, nvector_started;

static bool struct_name_taken(const void *unused, const char *name) {
    (void)unused;
    for (int i = 0; i < vector_prog->ntype_decls; i++)
        for (const char *p = vector_prog->type_names[i]; p && *p; p += strcspn(p, "\n"), p += *p == '\n') {
            size_t n = strcspn(p, "\n");
            if (strlen(name) == n && strncmp(p, name, n) == 0)
                return true;
        }
    for (int i = 0; i < nvector_started; i++)
        if (strcmp(vector_structs[i].type->name, name) == 0)
            return true;
    return false;
}

static Type *vector_struct(const Type *t, int width) {
    for (int i = 0; i < nvector_started; i++)
        if (vector_structs[i].width == width && strcmp(vector_structs[i].source, t->name) == 0)
            return vector_structs[i].type;
    const char *tag = strncmp(t->name, "struct ", 7) == 0 ? t->name + 7 : t->name;
    Type *v = type_new(TY_STRUCT);
    v->name = fresh_name(ir_format("struct %s_d%d", tag, width), struct_name_taken, NULL);
    /* found from here on: a member may point to the struct itself */
    IR_APPEND(vector_structs, nvector_started, (VectorStruct){t->name, width, v});
    v->nfields = t->nfields;
    v->fields = ir_alloc(sizeof(Field) * (size_t)(t->nfields + 1));
    for (int i = 0; i < t->nfields; i++)
        v->fields[i] = (Field){t->fields[i].name, vector_type(t->fields[i].type, width)};
    int at = nvector_structs; /* a member struct completed meanwhile moved this one along */
    while (vector_structs[at].type != v)
        at++;
    VectorStruct done = vector_structs[at]; /* definitions in the order they are complete */
    memmove(&vector_structs[nvector_structs + 1], &vector_structs[nvector_structs],
            sizeof(VectorStruct) * (size_t)(at - nvector_structs));
    vector_structs[nvector_structs++] = done;
    return v;
}

Type *vector_type(const Type *t, int width) {
    Type *v = ir_alloc(sizeof *v);
    *v = *t;
    if (type_is_floating(t)) {
        v->kind = TY_ARRAY;
        v->array_len = width;
        v->base = ir_alloc(sizeof *v->base);
        *v->base = *t;
        v->is_const = false;
    } else if (t->kind == TY_PTR || t->kind == TY_ARRAY) {
        v->base = vector_type(t->base, width);
    } else if (t->kind == TY_STRUCT && type_has_floating(t)) {
        *v = *vector_struct(t, width);
        v->is_const = t->is_const;
    }
    return v;
}

static void vector_struct_decls(Buf *out) {
    for (int i = 0; i < nvector_structs; i++) {
        buf_printf(out, "/* %s, vector mode: %d directions of each floating member */\n%s {\n",
                   vector_structs[i].source, vector_structs[i].width, vector_structs[i].type->name);
        for (int k = 0; k < vector_structs[i].type->nfields; k++) {
            buf_puts(out, "    ");
            emit_decl(out, vector_structs[i].type->fields[k].type, vector_structs[i].type->fields[k].name, false);
            buf_puts(out, ";\n");
        }
        buf_puts(out, "};\n\n");
    }
}

/* ---- the file ---- */

/* Whether word occurs in text as a whole identifier. */
static bool mentions_word(const char *text, const char *word) {
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
        bool starts = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
        bool ends = !(isalnum((unsigned char)p[n]) || p[n] == '_');
        if (starts && ends)
            return true;
    }
    return false;
}

/* Marks used, at the top of the definition that starts at defs[start], each derivative
 * parameter its body never names (a helper whose active array only decides an integer
 * result), so that the file compiles with -Wunused-parameter. */
static void mark_unused_shadows(Gen *g, const Instance *in, size_t start) {
    Buf sig = {0}, unused = {0};
    gen_signature(&sig, in);
    const char *text = buf_str(&g->defs) + start;
    const char *body = strstr(text, ") {\n");
    const char *params = strchr(buf_str(&sig), '(');
    for (const char *p = params; body && p && *p; p++) {
        size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
        const char *word = ir_format("%.*s", (int)n, p);
        bool derivative = n > 2 && (p[n] == ',' || p[n] == ')' || p[n] == '[') &&
                          (strstr(word, "_d") || strstr(word, "_b") || strstr(word, "_grad"));
        if (derivative && !mentions_word(body + 4, word))
            buf_printf(&unused, "    (void)%s;\n", word);
        p += n ? n - 1 : 0;
    }
    if (unused.len) {
        size_t at = (size_t)(body + 4 - buf_str(&g->defs));
        char *rest = ir_strdup(buf_str(&g->defs) + at);
        g->defs.len = at;
        buf_printf(&g->defs, "%s%s", buf_str(&unused), rest);
    }
    buf_free(&sig);
    buf_free(&unused);
}

static int emit_instance(Gen *g, Instance *in) {
    buf_puts(&g->protos, in->is_static ? "static " : "");
    gen_signature(&g->protos, in);
    buf_puts(&g->protos, ";\n");
    if (in->kind != KIND_PRIMAL && pointer_check(in->fn) != 0)
        return 1;
    size_t start = g->defs.len;
    bool tangent = in->kind == KIND_TANGENT || in->kind == KIND_TANGENT_VECTOR || in->kind == KIND_PRIMAL;
    int errors = tangent ? tangent_emit(g, in) : adjoint_emit(g, in);
    if (!errors)
        mark_unused_shadows(g, in, start);
    return errors;
}

/* The instances and wrappers requested of fn, each under its interface name (refused if taken). */
static void request_modes(Gen *g, Func *fn) {
    for (size_t k = 0; k < sizeof wrappers / sizeof wrappers[0]; k++)
        if (fn->modes & wrappers[k].mode)
            fresh_instance_name(g, fn, ir_format("%s_%s", fn->name, wrappers[k].suffix), false);
    static const struct { unsigned mode; InstanceKind kind; } modes[] = {
        {MODE_TANGENT, KIND_TANGENT}, {MODE_TANGENT_VECTOR, KIND_TANGENT_VECTOR},
        {MODE_ADJOINT, KIND_ADJOINT}, {MODE_GRAD, KIND_GRAD},
    };
    for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        int width = modes[m].kind == KIND_TANGENT_VECTOR ? fn->vector_width : 0;
        if ((fn->modes & modes[m].mode) && !find_instance(g, fn, fn->wrt, modes[m].kind, width, false))
            add_instance(g, fn, fn->wrt, modes[m].kind, width, fn->is_static, false);
    }
}

static void file_comment(Buf *out, const Gen *g, const char *version) {
    buf_printf(out, "/* Generated by adc %s from %s", version, g->prog->file);
    for (int i = 1; i < g->prog->nfiles; i++)
        buf_printf(out, "%s%s", i + 1 == g->prog->nfiles ? " and " : ", ", g->prog->files[i]);
    buf_puts(out, ". Do not edit: regenerate instead.\n");
    for (int i = 0; i < g->count; i++)
        if (!g->items[i]->is_static || g->items[i]->fn->requested)
            buf_printf(out, " *   %s: %s of %s\n", g->items[i]->name, kind_suffix[g->items[i]->kind],
                       g->items[i]->fn->name);
    for (int i = 0; i < g->prog->nfuncs; i++) {
        const Func *fn = g->prog->funcs[i];
        for (size_t k = 0; k < sizeof wrappers / sizeof wrappers[0] && fn->requested; k++)
            if (fn->modes & wrappers[k].mode)
                buf_printf(out, " *   %s_%s: %s of %s\n", fn->name, wrappers[k].suffix, wrappers[k].what, fn->name);
    }
    buf_puts(out, " */\n");
}

/* Whether macro line `#define NAME ...` defines a feature-test macro (_POSIX_C_SOURCE,
 * _GNU_SOURCE, _FILE_OFFSET_BITS): it acts only before the first #include. */
static bool feature_test_macro(const char *line) {
    const char *name = line + strlen("#define ");
    size_t n = strcspn(name, " \t(");
    return strncmp(line, "#define _", 9) == 0 &&
           ((n > 7 && strncmp(name + n - 7, "_SOURCE", 7) == 0) || strncmp(name, "_FILE_OFFSET_BITS", n) == 0);
}

/* The feature-test macros and #include lines of the sources, then the includes the generated
 * code needs. With --include-source, the generated file includes the source itself instead
 * (not the header). */
static void includes(Buf *out, const Program *prog, bool header) {
    bool source = prog->include_source && !header;
    static const char *const needed[] = {"#include <math.h>", "#include <stdlib.h>", "#include <string.h>",
                                         "#include <adc_runtime.h>"};
    for (int i = 0; i < prog->nmacros && !source && !header; i++)
        if (feature_test_macro(prog->macros[i]))
            buf_printf(out, "%s\n", prog->macros[i]);
    if (source)
        buf_printf(out, "#include \"%s\" /* compile this file instead of it (adc --include-source) */\n",
                   prog->include_source);
    for (int i = 0; i < prog->nincludes && !source; i++)
        buf_printf(out, "%s\n", prog->includes[i]);
    for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++) {
        bool present = false;
        for (int i = 0; i < prog->nincludes && !present && !source; i++)
            present = strcmp(prog->includes[i], needed[k]) == 0;
        if (!present)
            buf_printf(out, "%s\n", needed[k]);
    }
    bool mpi = false; /* libadc_mpi, only for code that communicates derivatives */
    for (int i = 0; i < prog->nfuncs && !mpi; i++)
        mpi = mpi_func_communicates(prog->funcs[i]);
    if (mpi)
        buf_puts(out, "#include <adc_mpi.h>\n");
    buf_putc(out, '\n');
}

static void type_decls(Buf *out, const Program *prog) {
    for (int i = 0; i < prog->nmacros; i++)
        if (!feature_test_macro(prog->macros[i]))
            buf_printf(out, "%s\n%s", prog->macros[i], i + 1 == prog->nmacros ? "\n" : "");
    for (int i = 0; i < prog->ntype_decls; i++)
        buf_printf(out, "%s\n\n", prog->type_decls[i]);
}

/* File-scope variables the functions use: static const tables are copied, others declared.
 * Two units' static tables of one name (or a table and a global) cannot share the name in
 * the generated file: refused. */
static int globals(Buf *out, const Program *prog) {
    const Var **seen = ir_alloc(sizeof(Var *) * 1024);
    int nseen = 0, errors = 0;
    for (int f = 0; f < prog->nfuncs; f++)
        for (int i = 0; i < prog->funcs[f]->nvars; i++) {
            const Var *v = prog->funcs[f]->vars[i];
            if (v->kind != VAR_GLOBAL || (!v->global_text && !v->needs_extern))
                continue;
            const Var *same = NULL;
            for (int k = 0; k < nseen && !same; k++)
                same = strcmp(seen[k]->name, v->name) == 0 ? seen[k] : NULL;
            if (same && (same->global_text || v->global_text) &&
                !(same->global_text && v->global_text && strcmp(same->global_text, v->global_text) == 0)) {
                error_at(v->loc, "'%s' names another file-scope variable at %s:%u; the generated file "
                         "holds one of each name: rename one of them", v->name, same->loc.file, same->loc.line);
                errors++;
            }
            if (same || nseen == 1024)
                continue;
            seen[nseen++] = v;
            if (v->global_text) {
                buf_printf(out, "%s\n", v->global_text);
            } else {
                buf_puts(out, "extern ");
                emit_decl(out, v->type, v->name, false);
                buf_puts(out, ";\n");
            }
        }
    for (int i = 0; i < prog->nfunc_decls; i++) /* named as values: compared with pointers */
        buf_printf(out, "%s\n", prog->func_decls[i]);
    if (nseen || prog->nfunc_decls)
        buf_putc(out, '\n');
    return errors;
}

/* ---- shadow globals ---- */

/* The shapes of shadow globals the instances use: scalar tangents (also those of f_hvp's
 * second stage), vector tangents of one width, adjoints. */
typedef struct Shadows {
    bool tangent, adjoint;
    int width;
} Shadows;

static Shadows shadows_needed(const Gen *g) {
    Shadows sh = {0};
    for (int i = 0; i < g->count; i++) {
        const Instance *in = g->items[i];
        sh.tangent |= in->kind == KIND_TANGENT;
        sh.adjoint |= in->kind != KIND_TANGENT && in->kind != KIND_TANGENT_VECTOR && in->kind != KIND_PRIMAL;
        if (in->kind == KIND_TANGENT_VECTOR)
            sh.width = sh.width && sh.width != in->width ? -1 : in->width;
    }
    for (int i = 0; i < g->prog->nfuncs; i++)
        sh.tangent |= g->prog->funcs[i]->requested && (g->prog->funcs[i]->modes & (MODE_HVP | MODE_HESSIAN));
    return sh;
}

/* What the generator cannot give an active global: a shadow whose name the program uses, two
 * widths of vector shadow, Jacobian wrappers (they would have to clear the shadows). */
static int check_shadows(const Gen *g) {
    const Program *prog = g->prog;
    Shadows sh = shadows_needed(g);
    const char *const suffixes[] = {sh.tangent ? "_d" : NULL, sh.width ? "_dv" : NULL, sh.adjoint ? "_b" : NULL};
    int errors = 0;
    for (int i = 0; i < prog->nactive_globals; i++) {
        const Var *v = prog->active_globals[i];
        const char *clash = NULL;
        for (int k = 0; k < 3 && !clash; k++)
            clash = suffixes[k] && names_have(&prog->file_names, ir_format("%s%s", v->name, suffixes[k])) ? suffixes[k]
                                                                                                           : NULL;
        const char *why = clash ? ir_format("its shadow global '%s%s' would take a name the program uses: rename one "
                                            "of them", v->name, clash)
                        : sh.width < 0 ? "its shadow NAME_dv would need two vector widths: generate them in two files"
                                       : NULL;
        for (int f = 0; f < prog->nfuncs && !why; f++)
            if (prog->funcs[f]->requested && (prog->funcs[f]->modes & MODE_JACOBIAN))
                why = ir_format("the Jacobian wrappers of '%s' do not seed its shadows yet: use modes tangent and "
                                "adjoint", prog->funcs[f]->name);
        if (why) {
            error_at(v->loc, "global variable '%s' carries derivatives, but %s", v->name, why);
            errors++;
        }
    }
    return errors;
}

/* The shadow globals (README "Globals"): NAME_d, NAME_dv[...][W] (vector mode) and NAME_b,
 * defined, or declared extern for the header. skip_taken: a name the program has already is
 * the shadow itself (the second stage reads back the first stage's file). */
static void shadow_globals(Buf *out, const Gen *g, bool declare, bool skip_taken) {
    Shadows sh = shadows_needed(g);
    for (int i = 0; i < g->prog->nactive_globals; i++) {
        const Var *v = g->prog->active_globals[i];
        const char *names[3] = {sh.tangent ? ir_format("%s_d", v->name) : NULL,
                                sh.width > 0 ? ir_format("%s_dv", v->name) : NULL,
                                sh.adjoint ? ir_format("%s_b", v->name) : NULL};
        for (int k = 0; k < 3; k++) {
            if (!names[k] || (skip_taken && names_have(&g->prog->file_names, names[k])))
                continue;
            buf_puts(out, declare ? "extern " : "");
            Type *type = k == 1 ? vector_type(v->type, sh.width) : v->type;
            emit_decl(out, type, names[k], true);
            buf_puts(out, ";\n");
        }
    }
    if (g->prog->nactive_globals)
        buf_putc(out, '\n');
}

/* The globals named in wrt(...): active from the start (their shadows seed and return them). */
static int wrt_globals(Program *prog) {
    int errors = 0;
    for (int f = 0; f < prog->nfuncs; f++)
        for (int w = 0; w < prog->funcs[f]->nwrt_globals; w++) {
            const Func *fn = prog->funcs[f];
            const Var *found = NULL;
            for (int g = 0; g < prog->nfuncs && !found; g++)
                for (int i = 0; i < prog->funcs[g]->nvars && !found; i++) {
                    const Var *v = prog->funcs[g]->vars[i];
                    found = v->kind == VAR_GLOBAL && strcmp(v->name, fn->wrt_globals[w]) == 0 ? v : NULL;
                }
            if (!found || found->is_static_const || !global_can_be_active(found->type)) {
                error_at(fn->wrt_globals_loc[w], "'wrt' names '%s', which is neither a parameter of '%s' nor a "
                         "floating global variable (a scalar or an array of known size) that the program uses",
                         fn->wrt_globals[w], fn->name);
                errors++;
            } else if (!global_is_active(fn, found)) {
                prog_add_active_global(prog, (Var *)found);
            }
        }
    return errors;
}

/* Emits every instance, then the Jacobian wrappers (built on the tangent and adjoint). */
static int generate_instances(Gen *g) {
    vector_prog = g->prog;
    nvector_structs = nvector_started = 0;
    int errors = 0;
    for (int i = 0; i < g->prog->nfuncs; i++) {
        Func *fn = g->prog->funcs[i];
        if (fn->requested && (fn->modes & MODE_JACOBIAN)) {
            fn->modes |= MODE_TANGENT | MODE_ADJOINT | (fn->vector_width ? MODE_TANGENT_VECTOR : 0);
            errors += jacobian_check(fn);
        }
        if (fn->requested)
            request_modes(g, fn);
    }
    for (int i = 0; i < g->count; i++) /* emitting may queue more instances */
        errors += emit_instance(g, g->items[i]);
    for (int i = 0; i < g->prog->nfuncs && errors == 0; i++) {
        Func *fn = g->prog->funcs[i];
        if (fn->requested && (fn->modes & MODE_JACOBIAN)) {
            jacobian_prototypes(&g->protos, fn);
            jacobian_emit(&g->defs, fn);
        }
    }
    return errors + g->errors;
}

/* generate_instances until the active globals are known: a
 * global found to carry derivatives joins the program's active globals as the instances are
 * written; then every instance is written again, with it active throughout. */
static int generate(Gen *g) {
    int errors = globals_check_call_order(g->prog) + globals_find_restored(g->prog) + wrt_globals(g->prog);
    kept_params_find(g->prog);
    for (int known = -1; errors == 0 && known != g->prog->nactive_globals;) {
        known = g->prog->nactive_globals;
        buf_free(&g->protos);
        buf_free(&g->defs);
        *g = (Gen){.prog = g->prog};
        errors = generate_instances(g);
    }
    return errors;
}

static bool has_loop_pragmas(const Stmt *s) {
    return s->npragmas > 0;
}

/* Loop pragmas carried to derivative loops ask clang to vectorize or unroll loops that hold
 * more than the user's (tangents, atomic additions): where it cannot, that is no error of the
 * user's code (-Wpass-failed is on by default, and -Werror makes it one). */
static void pragma_diagnostics(Buf *out, const Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++)
        if (stmt_find(prog->funcs[i]->body, has_loop_pragmas)) {
            buf_puts(out, "#if defined(__clang__) /* loop pragmas carried to derivative loops */\n"
                          "#pragma clang diagnostic ignored \"-Wpass-failed\"\n#endif\n\n");
            return;
        }
}

int gen_program(Program *prog, Buf *out, const char *version) {
    Gen g = {.prog = prog};
    int errors = generate(&g);
    errors = errors ? errors : check_shadows(&g);
    if (errors == 0) {
        file_comment(out, &g, version);
        includes(out, prog, false);
        pragma_diagnostics(out, prog);
        if (!prog->include_source) {
            type_decls(out, prog);
            errors = globals(out, prog);
        }
        shadow_globals(out, &g, false, false);
        vector_struct_decls(out);
    }
    if (errors == 0)
        buf_printf(out, "%s\n%s", buf_str(&g.protos), buf_str(&g.defs));
    buf_free(&g.protos);
    buf_free(&g.defs);
    return errors;
}

int gen_functions(Program *prog, Buf *out) {
    Gen g = {.prog = prog};
    int errors = generate(&g);
    if (errors == 0) {
        shadow_globals(out, &g, false, true);
        buf_printf(out, "%s\n%s", buf_str(&g.protos), buf_str(&g.defs));
    }
    buf_free(&g.protos);
    buf_free(&g.defs);
    return errors;
}

int gen_header(Program *prog, Buf *out, const char *version, const char *guard, const char *extra) {
    Gen g = {.prog = prog};
    int errors = generate(&g);
    errors = errors ? errors : check_shadows(&g);
    if (errors == 0) {
        file_comment(out, &g, version);
        buf_printf(out, "#ifndef %s\n#define %s\n\n", guard, guard);
        includes(out, prog, true);
        shadow_globals(out, &g, true, false);
        vector_struct_decls(out);
        for (int i = 0; i < g.count; i++)
            if (!g.items[i]->is_static) {
                gen_signature(out, g.items[i]);
                buf_puts(out, ";\n");
            }
        for (int i = 0; i < prog->nfuncs; i++)
            if (prog->funcs[i]->requested && (prog->funcs[i]->modes & MODE_JACOBIAN))
                jacobian_prototypes(out, prog->funcs[i]);
        buf_printf(out, "%s\n#endif\n", extra);
    }
    buf_free(&g.protos);
    buf_free(&g.defs);
    return errors;
}
