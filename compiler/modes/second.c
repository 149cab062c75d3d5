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
#include "mpi_check.h"
#include "second.h"

static bool wants_second_order(const Func *fn) {
    return fn->requested && (fn->modes & (MODE_HVP | MODE_HESSIAN));
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
           fn->params[which]->type->kind == TY_PTR && !(fn->prog && fn->prog->nactive_globals); /* one shape of NAME_d */
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

static void hessian_signature(Buf *b, Func *fn) {
    int which = 0;
    active_count(fn, &which);
    buf_printf(b, "int %s_hessian(", fn->name);
    for (int i = 0; i < fn->nparams; i++) {
        buf_puts(b, i ? ", " : "");
        emit_decl(b, fn->params[i]->type, fn->params[i]->name, false);
    }
    buf_printf(b, "%s%s *%s)", fn->nparams ? ", " : "", data_type(fn->params[which]), func_new_name(fn, "hessian"));
}

/* The functions a search has entered (each once: recursion ends). */
typedef struct Seen {
    const Func **funcs;
    int count;
} Seen;

static const Stmt *stmt_found(const Stmt *s, Seen *seen, bool (*match)(const Stmt *));

static const Stmt *found_in_call(const Expr *e, Seen *seen, bool (*match)(const Stmt *)) {
    if (!e)
        return NULL;
    const Stmt *found = NULL;
    if (e->kind == EX_CALL && e->callee) {
        bool entered = false;
        for (int i = 0; i < seen->count && !entered; i++)
            entered = seen->funcs[i] == e->callee;
        if (!entered) {
            seen->funcs[seen->count++] = e->callee;
            found = stmt_found(e->callee->body, seen, match);
        }
    }
    const Expr *parts[3] = {e->lhs, e->rhs, e->cond};
    for (int i = 0; i < e->nargs && !found; i++)
        found = found_in_call(e->args[i], seen, match);
    for (int i = 0; i < 3 && !found; i++)
        found = found_in_call(parts[i], seen, match);
    return found;
}

/* The first statement that matches in s or in a function it calls. */
static const Stmt *stmt_found(const Stmt *s, Seen *seen, bool (*match)(const Stmt *)) {
    if (!s || match(s))
        return s;
    const Stmt *found = NULL;
    const Expr *exprs[3] = {s->lhs, s->rhs, s->cond};
    for (int i = 0; i < 3 && !found; i++)
        found = found_in_call(exprs[i], seen, match);
    for (int i = 0; i < s->nbody && !found; i++)
        found = stmt_found(s->body[i], seen, match);
    const Stmt *parts[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4 && !found; i++)
        found = stmt_found(parts[i], seen, match);
    return found;
}

static bool is_checkpointed(const Stmt *s) {
    return s->checkpoint != 0;
}

/* Checkpointing is a memory optimization of first-order reverse mode, whose revolve schedule
 * the tangent over the adjoint does not follow: the ADC_CHECKPOINT marks of fn and of what it
 * calls are dropped, so that their loops are taped in full, in f_adjoint too (the tape that
 * the second order differentiates is the one f_adjoint writes). */
static void drop_checkpoints(const Program *prog, const Func *fn) {
    Seen seen = {ir_alloc(sizeof(Func *) * (size_t)(prog->nfuncs + 1)), 0};
    const Stmt *loop;
    while ((loop = stmt_found(fn->body, &seen, is_checkpointed))) {
        warning_at(loop->loc, "ADC_CHECKPOINT is ignored: '%s' asks for hvp or hessian, so this loop is taped "
                   "in full (also by the first-order adjoints)", fn->name);
        ((Stmt *)loop)->checkpoint = 0; /* found through const, owned by the program */
        seen.count = 0;
    }
}

bool second_order_prepare(Program *prog) {
    bool any = false;
    for (int i = 0; i < prog->nfuncs; i++)
        if (wants_second_order(prog->funcs[i])) {
            prog->funcs[i]->modes |= MODE_ADJOINT;
            drop_checkpoints(prog, prog->funcs[i]);
            any = true;
        }
    return any;
}

/* A heap allocation: the adjoint code's deferred frees and taped block pointers are not read
 * back for second order yet. */
static bool allocates(const Stmt *s) {
    return (s->kind == ST_DECL || s->kind == ST_ASSIGN) && s->rhs && expr_allocation(s->rhs);
}

/* Checks that the wrappers can size their buffers and that the adjoint can be differentiated
 * again; returns the number of errors. */
/* Whether a function of prog has a long double variable (second order is double and float). */
static bool has_long_double(const Program *prog) {
    for (int i = 0; i < prog->nfuncs; i++)
        for (int k = 0; k < prog->funcs[i]->nvars; k++) {
            const Type *t = type_scalar(prog->funcs[i]->vars[k]->type);
            if (t && t->kind == TY_LONG_DOUBLE)
                return true;
        }
    return false;
}

static int check_second_order(const Program *prog, const Func *fn) {
    int errors = 0, which;
    if (has_long_double(prog)) {
        error_at(fn->loc, "modes hvp and hessian do not support long double; ask for first order only");
        errors++;
    }
    const Stmt *omp = stmt_find(fn->body, stmt_has_openmp); /* its parallel adjoint is not read back */
    if (omp) {
        error_at(omp->loc, "modes hvp and hessian do not support an OpenMP loop; ask for first order only");
        errors++;
    }
    Seen seen = {ir_alloc(sizeof(Func *) * (size_t)(prog->nfuncs + 1)), 0};
    const Stmt *mpi = stmt_found(fn->body, &seen, mpi_stmt_communicates);
    if (mpi) { /* libadc_mpi's calls are not differentiated again */
        error_at(mpi->loc, "modes hvp and hessian do not support MPI communication of floating data (in '%s' "
                 "or a function it calls); ask for first order only (tangent, adjoint, grad)", fn->name);
        errors++;
    }
    seen.count = 0;
    const Stmt *alloc = stmt_found(fn->body, &seen, allocates);
    if (alloc) {
        error_at(alloc->rhs->loc, "modes hvp and hessian do not support heap memory yet (in '%s' or a function "
                 "it calls); ask for first order only (tangent, adjoint, grad)", fn->name);
        errors++;
    }
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i] && type_is_rows(fn->params[i]->type)) {
            error_at(fn->params[i]->loc, "modes hvp and hessian do not support a pointer to rows ('%s'): their "
                     "wrappers take arrays of directions; pass the matrix as one array", fn->params[i]->name);
            errors++;
        } else if (fn->wrt[i] && type_scalar(fn->params[i]->type)->kind == TY_STRUCT) {
            error_at(fn->params[i]->loc, "modes hvp and hessian do not support a struct parameter ('%s'): their "
                     "wrappers take arrays of directions; pass its floating data as arrays", fn->params[i]->name);
            errors++;
        } else if (fn->wrt[i] && fn->params[i]->type->kind == TY_PTR &&
            (!fn->len[i] || !type_is_floating(fn->params[i]->type->base))) {
            error_at(fn->loc, "modes hvp and hessian need len(%s: ...) and a pointer to double or float",
                     fn->params[i]->name);
            errors++;
        }
    if (active_count(fn, &which) == 0) {
        error_at(fn->loc, "modes hvp and hessian are with respect to parameters, and wrt(...) names none of "
                 "'%s' (only globals)", fn->name);
        errors++;
    } else if ((fn->modes & MODE_HESSIAN) && active_count(fn, &which) != 1) {
        error_at(fn->loc, "mode 'hessian' needs exactly one active parameter in wrt(...)");
        errors++;
    }
    return errors;
}

/* For each active x: x_b for f_adjoint_tangent, and the direction x_d, a copy of x_v when x is
 * updated in place (so is its direction); (H v) goes to x_hv. */
/* The hvp wrapper clears the shadows of the active globals: the first stage's adjoints NAME_b
 * (no seed on them) and the second stage's tangents NAME_d, NAME_b_d (no direction on them). */
static void clear_global_shadows(Buf *b, Func *fn, const Program *stage) {
    for (int i = 0; i < fn->prog->nactive_globals; i++) {
        const Var *global = fn->prog->active_globals[i];
        buf_printf(b, "        %s\n", gen_zero_global(fn, global->type, ir_format("%s_b", global->name)));
    }
    for (int i = 0; i < stage->nactive_globals; i++) {
        const Var *global = stage->active_globals[i];
        buf_printf(b, "        %s\n", gen_zero_global(fn, global->type, ir_format("%s_d", global->name)));
    }
}

static void emit_hvp(Buf *b, Func *fn, const Program *stage) {
    const char *status = func_new_name(fn, "status"), *value_d = func_new_name(fn, "value_d");
    buf_printf(b, "/* %s_hvp: Hessian-vector product of %s (%s:%u): for each active x, x_hv = (H v)\n"
               " * restricted to x, with the direction v in x_v; the tangent of %s_adjoint seeded\n"
               " * with 1. Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, fn->loc.file, fn->loc.line, fn->name);
    hvp_signature(b, fn);
    buf_printf(b, " {\n    int %s = 0;\n", status);
    Buf call = {0}, check = {0}, before = {0}, frees = {0};
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        const char *x = p->name, *t = data_type(p), *n = fn->len[i];
        buf_printf(&call, "%s%s", i ? ", " : "", x);
        if (!fn->wrt[i])
            continue;
        if (p->type->kind != TY_PTR) {
            buf_printf(b, "    %s %s_b = 0;\n", t, x);
            buf_printf(&before, "        *%s_hv = 0;\n", x);
            buf_printf(&call, ", %s_v, &%s_b, %s_hv", x, x, x);
            continue;
        }
        bool copy = !p->type->base->is_const;
        buf_printf(b, "    %s *%s_b = calloc((size_t)(%s), sizeof *%s_b);\n", t, x, n, x);
        buf_printf(&check, " || !%s_b", x);
        buf_printf(&frees, "    free(%s_b);\n", x);
        if (copy) {
            buf_printf(b, "    %s *%s_d = malloc(sizeof *%s_d * (size_t)(%s));\n", t, x, x, n);
            buf_printf(&check, " || !%s_d", x);
            buf_printf(&before, "        memcpy(%s_d, %s_v, sizeof *%s_d * (size_t)(%s));\n", x, x, x, n);
            buf_printf(&frees, "    free(%s_d);\n", x);
        }
        buf_printf(&before, "        memset(%s_hv, 0, sizeof *%s_hv * (size_t)(%s));\n", x, x, n);
        buf_printf(&call, ", %s_%s, %s_b, %s_hv", x, copy ? "d" : "v", x, x);
    }
    clear_global_shadows(&before, fn, stage);
    if (check.len) /* " || !x_b ..." */
        buf_printf(b, "    if (%s)\n        %s = -1;\n    else {\n", buf_str(&check) + 4, status);
    else
        buf_puts(b, "    {\n");
    buf_printf(b, "%s        %s %s;\n        %s_adjoint_tangent(%s, 1.0, &%s);\n    }\n%s    return %s;\n}\n\n",
               buf_str(&before), temp_type(fn->ret), value_d, fn->name, buf_str(&call), value_d, buf_str(&frees),
               status);
    Buf *bufs[] = {&call, &check, &before, &frees};
    for (int i = 0; i < 4; i++)
        buf_free(bufs[i]);
}

static void emit_hessian(Buf *b, Func *fn) {
    int which = 0;
    const char *n_h = func_new_name(fn, "n_h"), *unit = func_new_name(fn, "unit"), *j = func_new_name(fn, "j");
    const char *status = func_new_name(fn, "status"), *hessian = func_new_name(fn, "hessian");
    active_count(fn, &which);
    const Var *x = fn->params[which];
    const char *len = x->type->kind == TY_PTR ? fn->len[which] : "1";
    buf_printf(b, "/* %s_hessian: the dense Hessian of %s with respect to %s, row-major, n = %s: one\n"
               " * Hessian-vector product per unit vector. Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, x->name, len);
    hessian_signature(b, fn);
    buf_printf(b, " {\n    long %s = (long)(%s);\n    %s *%s = calloc((size_t)%s, sizeof *%s);\n", n_h, len,
               data_type(x), unit, n_h, unit);
    buf_printf(b, "    int %s = %s ? 0 : -1;\n", status, unit);
    buf_printf(b, "    for (long %s = 0; %s < %s && %s == 0; %s++) {\n", j, j, n_h, status, j);
    Buf call = {0};
    for (int i = 0; i < fn->nparams; i++) {
        buf_printf(&call, "%s%s", i ? ", " : "", fn->params[i]->name);
        if (i == which && x->type->kind == TY_PTR)
            buf_printf(&call, ", %s, %s + %s * %s", unit, hessian, j, n_h);
        else if (i == which)
            buf_printf(&call, ", %s[0], %s + %s", unit, hessian, j);
    }
    buf_printf(b, "        %s[%s] = 1.0;\n        %s = %s_hvp(%s);\n        %s[%s] = 0.0;\n    }\n    free(%s);\n", unit,
               j, status, fn->name, buf_str(&call), unit, j, unit);
    buf_printf(b, "    return %s;\n}\n\n", status);
    buf_free(&call);
}

/* The dense Hessian by the vector tangent of f_adjoint: W unit directions per sweep. */
static void emit_vector_hessian(Buf *b, Func *fn) {
    int which = 0, w = fn->vector_width;
    const char *n_h = func_new_name(fn, "n_h"), *seed = func_new_name(fn, "seed"), *columns = func_new_name(fn, "columns");
    const char *status = func_new_name(fn, "status"), *hessian = func_new_name(fn, "hessian"), *j0 = func_new_name(fn, "first_col");
    const char *width = func_new_name(fn, "width"), *i = func_new_name(fn, "i"), *k = func_new_name(fn, "k"), *value_d = func_new_name(fn, "value_d");
    active_count(fn, &which);
    const Var *x = fn->params[which];
    const char *t = data_type(x);
    buf_printf(b, "/* %s_hessian: the dense Hessian of %s with respect to %s, row-major, n = %s: the\n"
               " * vector tangent of %s_adjoint seeded with %d unit directions per sweep (columns j0 ..\n"
               " * j0 + %d). Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, x->name, fn->len[which], fn->name, w, w - 1);
    hessian_signature(b, fn);
    buf_printf(b, " {\n    long %s = (long)(%s);\n", n_h, fn->len[which]);
    buf_printf(b, "    %s (*%s)[%d] = malloc((size_t)%s * sizeof *%s);\n", t, seed, w, n_h, seed);
    buf_printf(b, "    %s (*%s)[%d] = malloc((size_t)%s * sizeof *%s);\n", t, columns, w, n_h, columns);
    buf_printf(b, "    %s *%s_b = malloc((size_t)%s * sizeof *%s_b);\n", t, x->name, n_h, x->name);
    buf_printf(b, "    int %s = %s && %s && %s_b ? 0 : -1;\n", status, seed, columns, x->name);
    buf_printf(b, "    for (long %s = 0; %s < %s && %s == 0; %s += %d) {\n", j0, j0, n_h, status, j0, w);
    buf_printf(b, "        int %s = %s - %s < %d ? (int)(%s - %s) : %d;\n", width, n_h, j0, w, n_h, j0, w);
    buf_printf(b, "        memset(%s, 0, (size_t)%s * sizeof *%s);\n", seed, n_h, seed);
    buf_printf(b, "        for (int %s = 0; %s < %s; %s++)\n            %s[%s + %s][%s] = 1.0;\n", k, k, width, k, seed,
               j0, k, k);
    buf_printf(b, "        memset(%s, 0, (size_t)%s * sizeof *%s);\n", columns, n_h, columns);
    buf_printf(b, "        memset(%s_b, 0, (size_t)%s * sizeof *%s_b);\n", x->name, n_h, x->name);
    buf_printf(b, "        %s %s[%d];\n", temp_type(fn->ret), value_d, w);
    Buf call = {0};
    for (int p = 0; p < fn->nparams; p++) {
        buf_printf(&call, "%s%s", p ? ", " : "", fn->params[p]->name);
        if (p == which && x->type->base->is_const) /* a read-only x takes its directions as const */
            buf_printf(&call, ", (const %s (*)[%d])%s, %s_b, %s", t, w, seed, x->name, columns);
        else if (p == which)
            buf_printf(&call, ", %s, %s_b, %s", seed, x->name, columns);
    }
    buf_printf(b, "        %s_adjoint_tangent_vector(%s, 1.0, %s);\n", fn->name, buf_str(&call), value_d);
    buf_printf(b, "        for (long %s = 0; %s < %s; %s++)\n            for (int %s = 0; %s < %s; %s++)\n"
               "                %s[%s * %s + %s + %s] = %s[%s][%s];\n    }\n",
               i, i, n_h, i, k, k, width, k, hessian, i, n_h, j0, k, columns, i, k);
    buf_printf(b, "    free(%s);\n    free(%s);\n    free(%s_b);\n", seed, columns, x->name);
    buf_printf(b, "    return %s;\n}\n\n", status);
    buf_free(&call);
}

void second_order_prototypes(const Program *prog, Buf *out) {
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *fn = prog->funcs[i];
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
            errors += check_second_order(prog, prog->funcs[i]);
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
    Program stage = {.tangent_only = true};
    /* What is reported in the read-back is about adc's own code: said so, at the user's line. */
    diag_set_generated(generated.file, generated.contents, first->sources[0].file);
    errors = frontend_load(&stage, &second);
    diag_set_generated(NULL, NULL, NULL);
    if (errors) {
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
    diag_set_generated(generated.file, generated.contents, first->sources[0].file);
    errors = gen_functions(&stage, out);
    diag_set_generated(NULL, NULL, NULL);
    if (errors)
        return errors;
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *fn = prog->funcs[i];
        if (!wants_second_order(fn))
            continue;
        emit_hvp(out, fn, &stage);
        if (vector_hessian(fn))
            emit_vector_hessian(out, fn);
        else if (fn->modes & MODE_HESSIAN)
            emit_hessian(out, fn);
    }
    return 0;
}
