/* instance.c: the derivative functions of an output file (see instance.h): their names, the
 * queue of instances the modes ask for as they meet calls, their C signatures, and the vector
 * mode's shadow types. */
#include <string.h>
#include "c_text.h"
#include "diag.h"
#include "instance.h"

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
    /* helpers of the vector mode exist for each width: sq_tangent_vector4; so do copies of adc's
     * forward sweeps that push a zero tangent per direction: h_forward_primal4 */
    bool per_width = (kind == KIND_TANGENT_VECTOR && !(natural && fn->requested && width == fn->vector_width)) ||
                     (kind == KIND_PRIMAL && width);
    const char *suffix = per_width ? ir_format("%s%d", kind_suffix[kind], width) : kind_suffix[kind];
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

static Instance *find_instance(Instances *g, const Func *fn, const bool *mask, InstanceKind kind, int width, bool inner) {
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
static bool file_name_free(const Instances *g, const char *name) {
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
static const char *fresh_instance_name(Instances *g, const Func *fn, const char *name, bool is_static) {
    if (!is_static && !file_name_free(g, name) && !prog_name_declares(g->prog, name)) {
        error_at(fn->loc, "'%s' is already a name in this program: adc cannot give it to the derivative "
                 "of '%s' it generates; rename it", name, fn->name);
        g->errors++;
    }
    return is_static ? fresh_name(name, file_name_used, g, NULL) : name;
}

static Instance *add_instance(Instances *g, Func *fn, const bool *mask, InstanceKind kind, int width, bool is_static,
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
const char *instance_request(Instances *g, Func *fn, const bool *mask, InstanceKind kind, int width) {
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

const char *zero_shadow_stmt(Func *fn, const Type *type, const char *shadow) {
    Buf loops = {0}, element = {0};
    buf_puts(&element, shadow);
    int depth = 0;
    for (const Type *t = type; t->kind == TY_ARRAY; t = t->base) {
        const char *i = func_new_name(fn, ir_format("zero_i%d", ++depth));
        buf_printf(&loops, "for (long %s = 0; %s < %s; %s++) ", i, i, paren_if_needed(array_len_text(t)), i);
        buf_printf(&element, "[%s]", i);
    }
    const char *zero = type_is_floating(type_scalar(type)) ? "0.0" : "0";
    const char *text = ir_format("%s%s = %s;", buf_str(&loops), buf_str(&element), zero);
    buf_free(&loops);
    buf_free(&element);
    return text;
}

const char *zero_vla_stmt(const char *array) {
    return ir_format("memset(%s, 0, sizeof %s);", array, array);
}

const char *zero_global_shadow(Func *fn, const Var *global, const char *shadow, const char *mode) {
    if (!global_is_pointer(global))
        return zero_shadow_stmt(fn, global->type, shadow);
    const char *len = global_len(fn, global);
    if (!len) {
        error_at(fn->loc, "mode '%s' of '%s' clears '%s', the shadow of the global pointer '%s', and needs the "
                 "length of its block: add len(%s: ...) to ADC_DIFF", mode, fn->name, shadow, global->name,
                 global->name);
        return NULL;
    }
    const char *i = func_new_name(fn, "zero_i1");
    return ir_format("for (long %s = 0; %s < %s; %s++) %s[%s] = 0.0;", i, i, paren_if_needed(len), i, shadow, i);
}

bool interface_clears_global(const Func *fn, const Var *global) {
    if (global_is_pointer(global))
        return false;
    for (int i = 0; i < fn->nwrt_globals; i++)
        if (strcmp(fn->wrt_globals[i], global->name) == 0)
            return false;
    return true;
}

/* The instances and wrappers requested of fn, each under its interface name (refused if taken). */
void instances_request_modes(Instances *g, Func *fn) {
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

void instances_list(Buf *out, const Instances *g) {
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
}

/* ---- signatures ---- */

static void param(Buf *b, const Type *t, const char *name, bool drop_const) {
    buf_puts(b, ", ");
    emit_decl(b, t, name, drop_const);
}

/* The adjoint of a parameter: a pointer to the scalar for scalars, the same buffer shape
 * (writable) for pointers; `restrict` (kept_apart) for a pointer to floating scalars. */
static void adjoint_param(Buf *b, const Var *p, const char *suffix, bool kept_apart) {
    const char *name = ir_format("%s%s", p->name, suffix);
    if (p->type->kind != TY_PTR)
        param(b, type_pointer_to(p->type), name, true);
    else if (kept_apart && type_is_floating(p->type->base))
        param(b, p->type, ir_format("restrict %s", name), true);
    else
        param(b, p->type, name, true);
}

static FindVerdict calls(const Expr *e, const void *fn) {
    return e->kind == EX_CALL && e->callee == fn ? FIND_FOUND : FIND_INSIDE;
}

/* Whether the shadow arrays of instance in overlap neither each other nor the primal arrays:
 * the user's adjoint or backward sweep of a function that no function of the file calls (a
 * call through a pointer is a direct call of a dispatch function, lower_fnptr.c), whose
 * caller keeps them apart (CONVENTIONS.md, Pointers), in a program without active globals
 * (whose shadow globals the body names directly). adc's own calls may pass one array twice
 * (f(a, a)). */
static bool shadows_kept_apart(const Instance *in) {
    if (in->is_static || (in->kind != KIND_ADJOINT && in->kind != KIND_REVERSE) || in->fn->prog->nactive_globals)
        return false;
    for (int i = 0; i < in->fn->prog->nfuncs; i++)
        if (stmt_find_expr(in->fn->prog->funcs[i]->body, calls, in->fn))
            return false;
    return true;
}

bool instance_copies_directions(const Instance *in, const Var *p) {
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

void instance_signature(Buf *b, const Instance *in, bool definition) {
    const Func *fn = in->fn;
    Buf params = {0};
    bool kept_apart = definition && shadows_kept_apart(in);
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
            param(&params, shadow, ir_format("%s_d%s", p->name, instance_copies_directions(in, p) ? "_in" : ""), false);
            break;
        }
        case KIND_ADJOINT: case KIND_REVERSE: adjoint_param(&params, p, "_b", kept_apart); break;
        default: break;
        }
    }
    if (in->kind == KIND_GRAD)
        for (int i = 0; i < fn->nparams; i++)
            if (in->mask[i])
                adjoint_param(&params, fn->params[i], "_grad", false);
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
    v->name = fresh_name(ir_format("struct %s_d%d", tag, width), struct_name_taken, NULL, NULL);
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

void vector_struct_decls(Buf *out) {
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

/* ---- the registry ---- */

void instances_reset(Instances *g) {
    buf_free(&g->protos);
    buf_free(&g->defs);
    *g = (Instances){.prog = g->prog};
    vector_prog = g->prog;
    nvector_structs = nvector_started = 0;
}
