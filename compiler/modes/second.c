/* second.c: Hessian-vector products by tangent-over-adjoint (see second.h).
 *
 * For double f(x) with adjoint f_adjoint(x, x_b, f_b) (x_b += f_b * grad f), the tangent of
 * f_adjoint along x_d = v with f_b = 1 gives x_b_d = H v: one tangent sweep over the adjoint,
 * a small constant times one gradient. The tape calls in the adjoint carry each value's
 * tangent along (tangent.c). */
#include <string.h>
#include "c_text.h"
#include "deriv.h"
#include "diag.h"
#include "instance.h"
#include "mpi_check.h"
#include "second.h"

static bool wants_second_order(const Func *fn) {
    return fn->requested && (fn->modes & (MODE_HVP | MODE_HESSIAN));
}

/* The type of active parameter p's data ("double", "float" or "struct S"), unqualified: its
 * directions, Hessian products and scratch adjoints have it too. */
static const char *data_type(const Var *p) {
    const Type *t = type_is_rows(p->type) ? p->type->base->base : p->type->kind == TY_PTR ? p->type->base : p->type;
    if (type_is_floating(t))
        return temp_type(t);
    Buf b = {0};
    emit_decl(&b, t, "", true);
    while (b.len && buf_str(&b)[b.len - 1] == ' ')
        b.len--;
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

/* A struct held by value, or through a pointer to one (len 1) whose members point to floating
 * data: its scratch adjoint and direction are built member by member. */
static bool struct_by_member(const Func *fn, int i) {
    const Type *t = fn->params[i]->type;
    return !type_is_rows(t) && type_scalar(t)->kind == TY_STRUCT && (t->kind != TY_PTR || func_param_zeroed_by_member(fn, i));
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
 * sweep, when the annotation asks for vector(N) and the active parameter is a flat array. */
static bool vector_hessian(const Func *fn) {
    int which = 0;
    return (fn->modes & MODE_HESSIAN) && fn->vector_width > 0 && active_count(fn, &which) == 1 &&
           fn->params[which]->type->kind == TY_PTR && !type_is_rows(fn->params[which]->type) &&
           !(fn->prog && fn->prog->nactive_globals); /* one shape of NAME_d */
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

/* For each active x: `const T x_v, T *x_hv` for a scalar or a struct held by value, `const T
 * *x_v, T *x_hv` for a pointer, and x's own shape for a pointer to rows (x_hv's rows, like
 * x_grad's, are the caller's). */
static void hvp_signature(Buf *b, const Func *fn) {
    buf_printf(b, "int %s_hvp(", fn->name);
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        buf_puts(b, i ? ", " : "");
        emit_decl(b, p->type, p->name, false);
        if (!fn->wrt[i])
            continue;
        if (type_is_rows(p->type)) {
            buf_puts(b, ", ");
            emit_decl(b, p->type, ir_format("%s_v", p->name), false);
            buf_puts(b, ", ");
            emit_decl(b, p->type, ir_format("%s_hv", p->name), true);
            continue;
        }
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
    prog->second_order = any;
    return any;
}

/* The variable statement s assigns a new heap block (or a row of one) to, or NULL. */
static const Var *heap_assigned(const Stmt *s) {
    if ((s->kind != ST_DECL && s->kind != ST_ASSIGN) || !s->rhs || !expr_heap_call(s->rhs))
        return NULL;
    return s->kind == ST_DECL ? s->var : expr_root_var(s->lhs);
}

/* Whether s grows an active block of structs with realloc: the forward sweep clears the grown
 * part of its shadow with a memset of whole structs, which second order cannot read back as
 * element stores (lower_memory.c, adjoint.c's heap_regrow_shadow). */
static bool grows_struct_block(const Stmt *s, const Var *v) {
    return expr_is_realloc(s->rhs) && s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && v->active &&
           v->type->kind == TY_PTR && v->type->base->kind == TY_STRUCT;
}

/* Heap blocks that the read-back adjoint code cannot carry tangents for: a block a helper
 * returns (its forward sweep hands the adjoint block back through a double **), a heap
 * row-pointer matrix (its rows' adjoints are rows of a double ** too) and a block of structs
 * grown by realloc. */
static bool heap_beyond_second_order(const Stmt *s) {
    const Var *v = heap_assigned(s);
    const Expr *call = v ? expr_heap_call(s->rhs) : NULL;
    return v && (call->callee || type_is_rows(v->type) || grows_struct_block(s, v));
}

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

/* Active parameter i: its wrappers can size and zero its scratch adjoint and direction. */
static int check_second_order_param(const Func *fn, int i) {
    const Var *p = fn->params[i];
    const char *blocker = struct_by_member(fn, i) ? func_member_zero_blocker(fn, i) : NULL;
    if ((fn->modes & MODE_HESSIAN) && type_scalar(p->type)->kind == TY_STRUCT)
        error_at(p->loc, "mode 'hessian' does not support a struct parameter ('%s'); ask for hvp and apply it to "
                 "unit directions", p->name);
    else if (type_is_rows(p->type) && (!fn->len[i] || !fn->row_len[i]))
        error_at(fn->loc, "mode '%s' needs the length of '%s' and of its rows: add len(%s: ..., %s[]: ...) to "
                 "ADC_DIFF", fn->modes & MODE_HVP ? "hvp" : "hessian", p->name, p->name, p->name);
    else if (blocker)
        error_at(fn->loc, "mode 'hvp' %s", blocker);
    else if (!type_is_rows(p->type) && !struct_by_member(fn, i) && p->type->kind == TY_PTR &&
             (!fn->len[i] || !(type_is_floating(p->type->base) || p->type->base->kind == TY_STRUCT)))
        error_at(fn->loc, "modes hvp and hessian need len(%s: ...) and a pointer to double, float or a struct",
                 p->name);
    else
        return 0;
    return 1;
}

/* Checks that the wrappers can size their buffers and that the adjoint can be differentiated
 * again; returns the number of errors. */
static bool openmp_loop(const Stmt *s, const void *ctx) {
    (void)ctx;
    return stmt_has_openmp(s);
}

static int check_second_order(const Program *prog, const Func *fn) {
    int errors = 0, which;
    if (has_long_double(prog)) {
        error_at(fn->loc, "modes hvp and hessian do not support long double; ask for first order only");
        errors++;
    }
    const Stmt *omp = stmt_find(fn->body, openmp_loop, NULL); /* its parallel adjoint is not read back */
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
    const Stmt *heap = stmt_found(fn->body, &seen, heap_beyond_second_order);
    if (heap) {
        const Expr *call = expr_heap_call(heap->rhs);
        if (call->callee)
            error_at(call->loc, "modes hvp and hessian do not support a function returning a heap block ('%s', "
                     "in '%s' or a function it calls); allocate the block in the caller and pass it, or ask for "
                     "first order only (tangent, adjoint, grad)", call->text, fn->name);
        else if (grows_struct_block(heap, heap_assigned(heap)))
            error_at(call->loc, "modes hvp and hessian do not support growing a block of structs with 'realloc' "
                     "('%s', in '%s' or a function it calls); allocate the block once at its final size, or ask "
                     "for first order only (tangent, adjoint, grad)", heap_assigned(heap)->name, fn->name);
        else
            error_at(call->loc, "modes hvp and hessian do not support a heap row-pointer matrix ('%s', in '%s' or "
                     "a function it calls); allocate its elements as one block, or ask for first order only "
                     "(tangent, adjoint, grad)", heap_assigned(heap)->name, fn->name);
        errors++;
    }
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i])
            errors += check_second_order_param(fn, i);
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

/* The active global of fn's program a global of the second stage is, or the shadow NAME_b of:
 * its block length is that one's. */
static const Var *first_stage_global(const Func *fn, const char *name) {
    size_t n = strlen(name);
    for (int i = 0; i < fn->prog->nactive_globals; i++) {
        const char *primal = fn->prog->active_globals[i]->name;
        size_t k = strlen(primal);
        if (strcmp(primal, name) == 0 || (n == k + 2 && strncmp(primal, name, k) == 0 && strcmp(name + k, "_b") == 0))
            return fn->prog->active_globals[i];
    }
    return NULL;
}

/* The hvp wrapper clears the shadows of the active globals: the first stage's adjoints NAME_b
 * (no seed on them) and the second stage's tangents NAME_d, NAME_b_d (no direction on them). */
static int clear_global_shadows(Buf *b, Func *fn, const Program *stage) {
    for (int i = 0; i < fn->prog->nactive_globals; i++) {
        const Var *global = fn->prog->active_globals[i];
        const char *zero = zero_global_shadow(fn, global, ir_format("%s_b", global->name), "hvp");
        if (!zero)
            return 1;
        buf_printf(b, "        %s\n", zero);
    }
    for (int i = 0; i < stage->nactive_globals; i++) { /* NAME_d, NAME_b_d: NAME's block length */
        const Var *global = stage->active_globals[i];
        const Var *primal = first_stage_global(fn, global->name);
        const char *zero = zero_global_shadow(fn, primal ? primal : global, ir_format("%s_d", global->name), "hvp");
        if (!zero)
            return 1;
        buf_printf(b, "        %s\n", zero);
    }
    return 0;
}

/* The wrapper's text, gathered parameter by parameter: declarations, the allocation checks
 * (" || !x_b ..."), what runs before the call (directions copied, x_hv zeroed), the call's
 * arguments and the frees. */
typedef struct HvpParts {
    Buf decls, check, before, call, frees;
} HvpParts;

/* A block of n elements for the wrapper: declared, checked and freed. */
static void hvp_block(HvpParts *w, const char *type, const char *name, const char *n, bool zeroed) {
    const char *star = type[strlen(type) - 1] == '*' ? "*" : " *"; /* "double **x" */
    if (zeroed)
        buf_printf(&w->decls, "    %s%s%s = calloc((size_t)(%s), sizeof *%s);\n", type, star, name, n, name);
    else
        buf_printf(&w->decls, "    %s%s%s = malloc(sizeof *%s * (size_t)(%s));\n", type, star, name, name, n);
    buf_printf(&w->check, " || !%s", name);
    buf_printf(&w->frees, "    free(%s);\n", name);
}

/* A scalar x: x_b on the stack, the direction x_v itself. */
static void hvp_scalar(HvpParts *w, const Var *p) {
    buf_printf(&w->decls, "    %s %s_b = 0;\n", data_type(p), p->name);
    buf_printf(&w->before, "        *%s_hv = 0;\n", p->name);
    buf_printf(&w->call, ", %s_v, &%s_b, %s_hv", p->name, p->name, p->name);
}

/* An array x of n: x_b zeroed, the direction a copy of x_v when x is updated in place (so is
 * its direction). */
static void hvp_array(HvpParts *w, const Var *p, const char *n) {
    const char *x = p->name, *t = data_type(p);
    bool copy = !p->type->base->is_const;
    hvp_block(w, t, ir_format("%s_b", x), n, true);
    if (copy) {
        hvp_block(w, t, ir_format("%s_d", x), n, false);
        buf_printf(&w->before, "        memcpy(%s_d, %s_v, sizeof *%s_d * (size_t)(%s));\n", x, x, x, n);
    }
    buf_printf(&w->before, "        memset(%s_hv, 0, sizeof *%s_hv * (size_t)(%s));\n", x, x, n);
    buf_printf(&w->call, ", %s_%s, %s_b, %s_hv", x, copy ? "d" : "v", x, x);
}

/* Rows x (len(x: n, x[]: m)): x_b and the direction x_d (a copy of x_v's rows) as n row
 * pointers into one block each; x_hv's rows are zeroed. */
static void hvp_rows(HvpParts *w, Func *fn, int i) {
    const Var *p = fn->params[i];
    const char *x = p->name, *t = temp_type(p->type->base->base), *n = fn->len[i], *m = fn->row_len[i];
    const char *row = func_new_name(fn, "row"), *size = ir_format("(%s) * (%s)", n, m);
    const char *data_b = func_new_name(fn, ir_format("%s_b_rows", x)), *data_d = func_new_name(fn, ir_format("%s_d_rows", x));
    hvp_block(w, t, data_b, size, true);
    hvp_block(w, t, data_d, size, false);
    hvp_block(w, ir_format("%s *", t), ir_format("%s_b", x), n, false);
    hvp_block(w, ir_format("%s *", t), ir_format("%s_d", x), n, false);
    buf_printf(&w->before, "        for (long %s = 0; %s < (long)(%s); %s++) {\n", row, row, n, row);
    buf_printf(&w->before, "            %s_b[%s] = %s + %s * (%s);\n", x, row, data_b, row, m);
    buf_printf(&w->before, "            %s_d[%s] = %s + %s * (%s);\n", x, row, data_d, row, m);
    buf_printf(&w->before, "            memcpy(%s_d[%s], %s_v[%s], sizeof **%s_d * (size_t)(%s));\n", x, row, x, row, x, m);
    buf_printf(&w->before, "            memset(%s_hv[%s], 0, sizeof **%s_hv * (size_t)(%s));\n        }\n", x, row, x, m);
    Buf cast = {0}; /* to const rows: not implicit in C */
    if (p->type->base->is_const || p->type->base->base->is_const) {
        buf_putc(&cast, '(');
        emit_type(&cast, p->type);
        buf_putc(&cast, ')');
    }
    buf_printf(&w->call, ", %s%s_d, %s_b, %s_hv", buf_str(&cast), x, x, x);
    buf_free(&cast);
}

/* One struct x whose members point to floating data (len(x.m: ...)): x_b a copy of x whose
 * floating data is zero (its own blocks), the direction x_d a copy of x_v whose blocks are
 * copies too (x may write through them), x_hv zeroed member by member like x_grad. */
static void hvp_struct(HvpParts *w, Func *fn, int i) {
    const Var *p = fn->params[i];
    const char *x = p->name, *at = p->type->kind == TY_PTR ? "*" : "";
    const Type *t = type_scalar(p->type);
    buf_printf(&w->decls, "    %s %s_b = %s%s, %s_d = %s%s_v;\n", data_type(p), x, at, x, x, at, x);
    for (int k = 0; k < t->nfields; k++) {
        const Field *f = &t->fields[k];
        if (type_is_floating(f->type)) {
            buf_printf(&w->decls, "    %s_b.%s = 0;\n", x, f->name);
            buf_printf(&w->before, "        %s_hv->%s = 0;\n", x, f->name);
        } else if (f->type->kind == TY_PTR && type_has_floating(f->type)) {
            const char *n = func_member_len(fn, i, f->name), *bt = data_type(&(Var){.type = f->type});
            const char *xb = ir_format("%s_b.%s", x, f->name), *xd = ir_format("%s_d.%s", x, f->name);
            buf_printf(&w->decls, "    %s = calloc((size_t)(%s), sizeof *%s);\n", xb, n, xb);
            buf_printf(&w->decls, "    %s = malloc(sizeof *%s * (size_t)(%s));\n", xd, xd, n);
            buf_printf(&w->check, " || !%s || !%s", xb, xd);
            buf_printf(&w->frees, "    free((%s *)%s);\n    free((%s *)%s);\n", bt, xb, bt, xd);
            buf_printf(&w->before, "        memcpy((%s *)%s, %s_v%s%s, sizeof *%s * (size_t)(%s));\n", bt, xd, x,
                       *at ? "->" : ".", f->name, xd, n);
            buf_printf(&w->before, "        memset((void *)%s_hv->%s, 0, sizeof *%s_hv->%s * (size_t)(%s));\n", x,
                       f->name, x, f->name, n);
        } else if (type_has_floating(f->type)) {
            buf_printf(&w->decls, "    memset(&%s_b.%s, 0, sizeof %s_b.%s);\n", x, f->name, x, f->name);
            buf_printf(&w->before, "        memset(&%s_hv->%s, 0, sizeof %s_hv->%s);\n", x, f->name, x, f->name);
        }
    }
    buf_printf(&w->call, ", %s%s_d, &%s_b, %s_hv", *at ? "&" : "", x, x, x);
}

static int emit_hvp(Buf *b, Func *fn, const Program *stage) {
    const char *status = func_new_name(fn, "status"), *value_d = func_new_name(fn, "value_d");
    buf_printf(b, "/* %s_hvp: Hessian-vector product of %s (%s:%u): for each active x, x_hv = (H v)\n"
               " * restricted to x, with the direction v in x_v; the tangent of %s_adjoint seeded\n"
               " * with 1. Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, fn->loc.file, fn->loc.line, fn->name);
    hvp_signature(b, fn);
    buf_printf(b, " {\n    int %s = 0;\n", status);
    HvpParts w = {0};
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        buf_printf(&w.call, "%s%s", i ? ", " : "", p->name);
        if (!fn->wrt[i])
            continue;
        if (type_is_rows(p->type))
            hvp_rows(&w, fn, i);
        else if (struct_by_member(fn, i))
            hvp_struct(&w, fn, i);
        else if (p->type->kind == TY_PTR)
            hvp_array(&w, p, fn->len[i]);
        else
            hvp_scalar(&w, p);
    }
    int errors = clear_global_shadows(&w.before, fn, stage);
    buf_puts(b, buf_str(&w.decls));
    if (w.check.len) /* " || !x_b ..." */
        buf_printf(b, "    if (%s)\n        %s = -1;\n    else {\n", buf_str(&w.check) + 4, status);
    else
        buf_puts(b, "    {\n");
    buf_printf(b, "%s        %s %s;\n        %s_adjoint_tangent(%s, 1.0, &%s);\n    }\n%s    return %s;\n}\n\n",
               buf_str(&w.before), temp_type(fn->ret), value_d, fn->name, buf_str(&w.call), value_d, buf_str(&w.frees),
               status);
    Buf *bufs[] = {&w.decls, &w.check, &w.before, &w.call, &w.frees};
    for (int i = 0; i < 5; i++)
        buf_free(bufs[i]);
    return errors;
}

/* The dense Hessian, one Hessian-vector product per unit vector. For a pointer to rows x
 * (len(x: rows, x[]: cols)) the elements are numbered row by row, x[r][c] at r * cols + c:
 * the unit direction's rows and those of the column being filled point into flat blocks. */
static void emit_hessian(Buf *b, Func *fn) {
    int which = 0;
    const char *n_h = func_new_name(fn, "n_h"), *unit = func_new_name(fn, "unit"), *j = func_new_name(fn, "j");
    const char *status = func_new_name(fn, "status"), *hessian = func_new_name(fn, "hessian");
    active_count(fn, &which);
    const Var *x = fn->params[which];
    bool rows = type_is_rows(x->type);
    const char *len = rows ? ir_format("(%s) * (%s)", fn->len[which], fn->row_len[which])
                           : x->type->kind == TY_PTR ? fn->len[which] : "1";
    buf_printf(b, "/* %s_hessian: the dense Hessian of %s with respect to %s, row-major, n = %s%s: one\n"
               " * Hessian-vector product per unit vector. Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, x->name, len, rows ? ir_format(" (%s[r][c] is element r * (%s) + c)", x->name,
                                                                  fn->row_len[which]) : "");
    hessian_signature(b, fn);
    buf_printf(b, " {\n    long %s = (long)(%s);\n    %s *%s = calloc((size_t)%s, sizeof *%s);\n", n_h, len,
               data_type(x), unit, n_h, unit);
    const char *unit_rows = rows ? func_new_name(fn, "unit_rows") : NULL, *column = func_new_name(fn, "column_rows");
    const char *r = func_new_name(fn, "r"), *cols = func_new_name(fn, "cols");
    Buf given = {0};
    if (rows) {
        emit_decl(&given, x->type, "", false);
        buf_printf(b, "    long %s = (long)(%s);\n", cols, fn->row_len[which]);
        buf_printf(b, "    %s **%s = malloc((size_t)(%s) * sizeof *%s);\n", data_type(x), unit_rows, fn->len[which],
                   unit_rows);
        buf_printf(b, "    %s **%s = malloc((size_t)(%s) * sizeof *%s);\n", data_type(x), column, fn->len[which],
                   column);
        buf_printf(b, "    int %s = %s && %s && %s ? 0 : -1;\n", status, unit, unit_rows, column);
        buf_printf(b, "    for (long %s = 0; %s == 0 && %s < (long)(%s); %s++)\n        %s[%s] = %s + %s * %s;\n", r, status, r,
                   fn->len[which], r, unit_rows, r, unit, r, cols);
    } else {
        buf_printf(b, "    int %s = %s ? 0 : -1;\n", status, unit);
    }
    buf_printf(b, "    for (long %s = 0; %s < %s && %s == 0; %s++) {\n", j, j, n_h, status, j);
    if (rows)
        buf_printf(b, "        for (long %s = 0; %s < (long)(%s); %s++)\n            %s[%s] = %s + %s * %s + %s * %s;\n", r, r,
                   fn->len[which], r, column, r, hessian, j, n_h, r, cols);
    Buf call = {0};
    for (int i = 0; i < fn->nparams; i++) {
        buf_printf(&call, "%s%s", i ? ", " : "", fn->params[i]->name);
        if (i == which && rows)
            buf_printf(&call, ", (%s)%s, %s", buf_str(&given), unit_rows, column);
        else if (i == which && x->type->kind == TY_PTR)
            buf_printf(&call, ", %s, %s + %s * %s", unit, hessian, j, n_h);
        else if (i == which)
            buf_printf(&call, ", %s[0], %s + %s", unit, hessian, j);
    }
    buf_printf(b, "        %s[%s] = 1.0;\n        %s = %s_hvp(%s);\n        %s[%s] = 0.0;\n    }\n    free(%s);\n", unit,
               j, status, fn->name, buf_str(&call), unit, j, unit);
    if (rows)
        buf_printf(b, "    free(%s);\n    free(%s);\n", unit_rows, column);
    buf_printf(b, "    return %s;\n}\n\n", status);
    buf_free(&call);
    buf_free(&given);
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

int second_order_requests(Program *prog, Request *requests, int *nrequests) {
    int errors = 0;
    *nrequests = 0;
    for (int i = 0; i < prog->nfuncs; i++)
        if (wants_second_order(prog->funcs[i])) {
            errors += check_second_order(prog, prog->funcs[i]);
            requests[(*nrequests)++] = adjoint_tangent_request(prog->funcs[i]);
        }
    return errors;
}

void second_order_mark_stage(Program *stage) {
    /* Only what the requests ask: callees were annotated for the first stage, not this one.
     * The tangents of the adjoints serve f_hvp and f_hessian only: static. */
    for (int i = 0; i < stage->nfuncs; i++) {
        if (stage->funcs[i]->requested && (stage->funcs[i]->modes & ~(unsigned)MODE_TANGENT_VECTOR) != MODE_TANGENT)
            stage->funcs[i]->requested = false;
        stage->funcs[i]->is_static |= stage->funcs[i]->requested;
    }
}

int second_order_wrappers(Buf *out, const Program *prog, const Program *stage) {
    int errors = 0;
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *fn = prog->funcs[i];
        if (!wants_second_order(fn))
            continue;
        errors += emit_hvp(out, fn, stage);
        if (vector_hessian(fn))
            emit_vector_hessian(out, fn);
        else if (fn->modes & MODE_HESSIAN)
            emit_hessian(out, fn);
    }
    return errors;
}
