/* second.c: Hessian-vector products by tangent-over-adjoint (see second.h).
 *
 * For double f(x) with adjoint f_adjoint(x, x_b, f_b) (x_b += f_b * grad f), the tangent of
 * f_adjoint along x_d = v with f_b = 1 gives x_b_d = H v: one tangent sweep over the adjoint,
 * a small constant times one gradient. The tape calls in the adjoint carry each value's
 * tangent along (tangent.c). */
#include <string.h>
#include "deriv.h"
#include "diag.h"
#include "emit_c.h"
#include "gen.h"
#include "second.h"

static bool wants_second_order(const Func *fn) {
    return fn->requested && (fn->modes & (MODE_HVP | MODE_HESSIAN));
}

bool second_order_prepare(Program *prog) {
    bool any = false;
    for (int i = 0; i < prog->nfuncs; i++)
        if (wants_second_order(prog->funcs[i])) {
            prog->funcs[i]->modes |= MODE_ADJOINT;
            any = true;
        }
    return any;
}

/* The floating type of active parameter p's data ("double" or "float"): its directions,
 * Hessian products and scratch adjoints have it too. */
static const char *data_type(const Var *p) {
    return temp_type(p->type->kind == TY_PTR ? p->type->base : p->type);
}

static int active_count(const Func *fn, int *which) {
    int count = 0;
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i]) {
            *which = i;
            count++;
        }
    return count;
}

/* The dense Hessian comes from the vector tangent over the adjoint, vector_width columns per
 * sweep, when the annotation asks for vector(N) and the active parameter is an array. */
static bool vector_hessian(const Func *fn) {
    int which = 0;
    return (fn->modes & MODE_HESSIAN) && fn->vector_width > 0 && active_count(fn, &which) == 1 &&
           fn->params[which]->type->kind == TY_PTR;
}

/* The second stage's request: the tangent of f_adjoint with respect to x and x_b. */
static Request adjoint_tangent_request(const Func *fn) {
    Buf wrt = {0};
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i])
            buf_printf(&wrt, "%s%s,%s_b", wrt.len ? "," : "", fn->params[i]->name, fn->params[i]->name);
    Request r = {.function = ir_format("%s_adjoint", fn->name), .wrt = ir_strdup(buf_str(&wrt)),
                 .modes = MODE_TANGENT, .vector_width = vector_hessian(fn) ? fn->vector_width : 0};
    buf_free(&wrt);
    return r;
}

static void hvp_signature(Buf *b, const Func *fn) {
    buf_printf(b, "int %s_hvp(", fn->name);
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        buf_puts(b, i ? ", " : "");
        emit_decl(b, p->type, p->name, false);
        if (!fn->wrt[i])
            continue;
        bool pointer = p->type->kind == TY_PTR;
        buf_printf(b, ", const %s %s%s_v, %s *%s_hv", data_type(p), pointer ? "*" : "", p->name, data_type(p),
                   p->name);
    }
    buf_putc(b, ')');
}

static void hessian_signature(Buf *b, const Func *fn) {
    int which = 0;
    active_count(fn, &which);
    buf_printf(b, "int %s_hessian(", fn->name);
    for (int i = 0; i < fn->nparams; i++) {
        buf_puts(b, i ? ", " : "");
        emit_decl(b, fn->params[i]->type, fn->params[i]->name, false);
    }
    buf_printf(b, "%s%s *hessian)", fn->nparams ? ", " : "", data_type(fn->params[which]));
}

/* Checks that the wrappers can size their buffers; returns the number of errors. */
static int check_lengths(const Func *fn) {
    int errors = 0, which;
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i] && fn->params[i]->type->kind == TY_PTR &&
            (!fn->len[i] || !type_is_floating(fn->params[i]->type->base))) {
            error_at(fn->loc, "modes hvp and hessian need len(%s: ...) and a pointer to double or float",
                     fn->params[i]->name);
            errors++;
        }
    if ((fn->modes & MODE_HESSIAN) && active_count(fn, &which) != 1) {
        error_at(fn->loc, "mode 'hessian' needs exactly one active parameter in wrt(...)");
        errors++;
    }
    return errors;
}

static void emit_hvp(Buf *b, const Func *fn) {
    buf_printf(b, "/* %s_hvp: Hessian-vector product of %s (%s:%u): for each active x, x_hv = (H v)\n"
               " * restricted to x, with the direction v in x_v; the tangent of %s_adjoint seeded\n"
               " * with 1. Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, fn->loc.file, fn->loc.line, fn->name);
    hvp_signature(b, fn);
    buf_puts(b, " {\n");
    Buf call = {0};
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        const char *type = data_type(p);
        buf_printf(&call, "%s%s", i ? ", " : "", p->name);
        if (!fn->wrt[i])
            continue;
        if (p->type->kind == TY_PTR && !p->type->base->is_const) {
            /* an array f updates in place: so is its direction, so the tangent gets a copy */
            buf_printf(b, "    %s *%s_b = calloc((size_t)(%s), sizeof *%s_b);\n", type, p->name, fn->len[i], p->name);
            buf_printf(b, "    %s *%s_d = malloc(sizeof *%s_d * (size_t)(%s));\n", type, p->name, p->name, fn->len[i]);
            buf_printf(b, "    if (!%s_b || !%s_d) {\n        free(%s_b);\n        free(%s_d);\n        return -1;\n    }\n",
                       p->name, p->name, p->name, p->name);
            buf_printf(b, "    memcpy(%s_d, %s_v, sizeof *%s_d * (size_t)(%s));\n", p->name, p->name, p->name, fn->len[i]);
            buf_printf(b, "    memset(%s_hv, 0, sizeof *%s_hv * (size_t)(%s));\n", p->name, p->name, fn->len[i]);
            buf_printf(&call, ", %s_d, %s_b, %s_hv", p->name, p->name, p->name);
        } else if (p->type->kind == TY_PTR) {
            buf_printf(b, "    %s *%s_b = calloc((size_t)(%s), sizeof *%s_b);\n", type, p->name, fn->len[i], p->name);
            buf_printf(b, "    if (!%s_b)\n        return -1;\n", p->name);
            buf_printf(b, "    memset(%s_hv, 0, sizeof *%s_hv * (size_t)(%s));\n", p->name, p->name, fn->len[i]);
            buf_printf(&call, ", %s_v, %s_b, %s_hv", p->name, p->name, p->name);
        } else {
            buf_printf(b, "    %s %s_b = 0.0;\n    *%s_hv = 0.0;\n", type, p->name, p->name);
            buf_printf(&call, ", %s_v, &%s_b, %s_hv", p->name, p->name, p->name);
        }
    }
    buf_printf(b, "    %s value_d;\n    %s_adjoint_tangent(%s, 1.0, &value_d);\n", temp_type(fn->ret), fn->name,
               buf_str(&call));
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i] && fn->params[i]->type->kind == TY_PTR) {
            buf_printf(b, "    free(%s_b);\n", fn->params[i]->name);
            if (!fn->params[i]->type->base->is_const)
                buf_printf(b, "    free(%s_d);\n", fn->params[i]->name);
        }
    buf_puts(b, "    return 0;\n}\n\n");
    buf_free(&call);
}

static void emit_hessian(Buf *b, const Func *fn) {
    int which = 0;
    active_count(fn, &which);
    const Var *x = fn->params[which];
    const char *len = x->type->kind == TY_PTR ? fn->len[which] : "1";
    buf_printf(b, "/* %s_hessian: the dense Hessian of %s with respect to %s, row-major, n = %s: one\n"
               " * Hessian-vector product per unit vector. Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, x->name, len);
    hessian_signature(b, fn);
    buf_printf(b, " {\n    long n_h = (long)(%s);\n    %s *unit = calloc((size_t)n_h, sizeof *unit);\n"
               "    if (!unit)\n        return -1;\n    for (long j = 0; j < n_h; j++) {\n"
               "        unit[j] = 1.0;\n", len, data_type(x));
    Buf call = {0};
    for (int i = 0; i < fn->nparams; i++) {
        buf_printf(&call, "%s%s", i ? ", " : "", fn->params[i]->name);
        if (i == which)
            buf_printf(&call, x->type->kind == TY_PTR ? ", unit, hessian + j * n_h" : ", unit[0], hessian + j");
    }
    buf_printf(b, "        if (%s_hvp(%s) != 0) {\n            free(unit);\n            return -1;\n        }\n"
               "        unit[j] = 0.0;\n    }\n    free(unit);\n    return 0;\n}\n\n", fn->name, buf_str(&call));
    buf_free(&call);
}

/* The dense Hessian by the vector tangent of f_adjoint: W unit directions per sweep. */
static void emit_vector_hessian(Buf *b, const Func *fn) {
    int which = 0, w = fn->vector_width;
    active_count(fn, &which);
    const Var *x = fn->params[which];
    buf_printf(b, "/* %s_hessian: the dense Hessian of %s with respect to %s, row-major, n = %s: the\n"
               " * vector tangent of %s_adjoint seeded with %d unit directions per sweep (columns j0 ..\n"
               " * j0 + %d). Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, x->name, fn->len[which], fn->name, w, w - 1);
    hessian_signature(b, fn);
    const char *type = data_type(x);
    buf_printf(b, " {\n    long n_h = (long)(%s);\n"
               "    %s (*seed)[%d] = calloc((size_t)n_h, sizeof *seed);\n"
               "    %s (*columns)[%d] = malloc((size_t)n_h * sizeof *columns);\n"
               "    %s *%s_b = malloc((size_t)n_h * sizeof *%s_b);\n"
               "    if (!seed || !columns || !%s_b) {\n"
               "        free(seed);\n        free(columns);\n        free(%s_b);\n        return -1;\n    }\n"
               "    for (long j0 = 0; j0 < n_h; j0 += %d) {\n"
               "        int width = n_h - j0 < %d ? (int)(n_h - j0) : %d;\n"
               "        for (int k = 0; k < width; k++)\n            seed[j0 + k][k] = 1.0;\n"
               "        memset(columns, 0, (size_t)n_h * sizeof *columns);\n"
               "        memset(%s_b, 0, (size_t)n_h * sizeof *%s_b);\n"
               "        %s value_d[%d];\n",
               fn->len[which], type, w, type, w, type, x->name, x->name, x->name, x->name, w, w, w, x->name, x->name,
               temp_type(fn->ret), w);
    Buf call = {0};
    for (int i = 0; i < fn->nparams; i++) {
        buf_printf(&call, "%s%s", i ? ", " : "", fn->params[i]->name);
        if (i == which)
            buf_printf(&call, ", (const %s (*)[%d])seed, %s_b, columns", type, w, x->name);
    }
    buf_printf(b, "        %s_adjoint_tangent_vector(%s, 1.0, value_d);\n"
               "        for (long i = 0; i < n_h; i++)\n"
               "            for (int k = 0; k < width; k++)\n"
               "                hessian[i * n_h + j0 + k] = columns[i][k];\n"
               "        for (int k = 0; k < width; k++)\n            seed[j0 + k][k] = 0.0;\n    }\n"
               "    free(seed);\n    free(columns);\n    free(%s_b);\n    return 0;\n}\n\n",
               fn->name, buf_str(&call), x->name);
    buf_free(&call);
}

void second_order_prototypes(const Program *prog, Buf *out) {
    for (int i = 0; i < prog->nfuncs; i++) {
        const Func *fn = prog->funcs[i];
        if (!wants_second_order(fn))
            continue;
        hvp_signature(out, fn);
        buf_puts(out, ";\n");
        if (fn->modes & MODE_HESSIAN) {
            hessian_signature(out, fn);
            buf_puts(out, ";\n");
        }
    }
}

/* The generated file as a source beside the first input (its quoted #include lines resolve
 * alike; another name, as --include-source makes it include that input), parsed with the
 * clang arguments of every input in turn (it holds all their #include lines). */
static Source readback_source(const FrontendOptions *first, const char *text) {
    int total = 0;
    for (int i = 0; i < first->nsources; i++)
        total += first->sources[i].nclang_args;
    const char **args = ir_alloc(sizeof(char *) * (size_t)(total + 1));
    int nargs = 0;
    for (int i = 0; i < first->nsources; i++)
        for (int k = 0; k < first->sources[i].nclang_args; k++)
            args[nargs++] = first->sources[i].clang_args[k];
    return (Source){.file = ir_format("%s.adc-readback.c", first->sources[0].file), .contents = ir_strdup(text), .clang_args = args,
                    .nclang_args = nargs};
}

int second_order_append(Program *prog, const FrontendOptions *first, Buf *out) {
    int errors = 0, nrequests = 0;
    Request *requests = ir_alloc(sizeof(Request) * (size_t)(prog->nfuncs + 1));
    for (int i = 0; i < prog->nfuncs; i++)
        if (wants_second_order(prog->funcs[i])) {
            errors += check_lengths(prog->funcs[i]);
            requests[nrequests++] = adjoint_tangent_request(prog->funcs[i]);
        }
    if (errors)
        return errors;
    FrontendOptions second = *first;
    Source generated = readback_source(first, buf_str(out));
    second.sources = &generated;
    second.nsources = 1;
    second.requests = requests;
    second.nrequests = nrequests;
    second.vector_width = 0;
    second.deps = NULL;
    Program stage = {0};
    if (frontend_load(&stage, &second) != 0) {
        error_at(prog->funcs[0]->loc, "adc could not read back its own adjoint code for hvp/hessian");
        return 1;
    }
    /* Only what the requests ask: callees were annotated for the first stage, not this one.
     * The tangents of the adjoints serve f_hvp and f_hessian only: static. */
    for (int i = 0; i < stage.nfuncs; i++) {
        if (stage.funcs[i]->requested && (stage.funcs[i]->modes & ~(unsigned)MODE_TANGENT_VECTOR) != MODE_TANGENT)
            stage.funcs[i]->requested = false;
        stage.funcs[i]->is_static |= stage.funcs[i]->requested;
    }
    buf_puts(out, "/* Second order: tangents of the adjoints above (tangent-over-adjoint). */\n#include <stdlib.h>\n\n");
    if ((errors = gen_functions(&stage, out)) != 0)
        return errors;
    for (int i = 0; i < prog->nfuncs; i++) {
        const Func *fn = prog->funcs[i];
        if (!wants_second_order(fn))
            continue;
        emit_hvp(out, fn);
        if (vector_hessian(fn))
            emit_vector_hessian(out, fn);
        else if (fn->modes & MODE_HESSIAN)
            emit_hessian(out, fn);
    }
    return 0;
}
