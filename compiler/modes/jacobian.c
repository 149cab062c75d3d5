/* jacobian.c: the Jacobian wrappers of modes(jacobian). For f with active inputs (scalars and
 * pointers in wrt) and active outputs (the floating result, then non-const pointers in wrt,
 * which are inputs too: their values on entry), it writes
 *     int f_jacobian_forward(params..., double *jacobian)   one tangent per input
 *     int f_jacobian_reverse(params..., double *jacobian)   one adjoint per output
 *     int f_jacobian(params..., double *jacobian)           the cheaper of the two
 * The Jacobian is row-major, m rows (outputs) by n columns (inputs), each in parameter order.
 * With vector(W) in the annotation, _forward runs f_tangent_vector: W columns per call.
 * In-out arrays are restored before every sweep and hold f's outputs on return. */
#include <string.h>
#include "c_text.h"
#include "deriv.h"
#include "diag.h"
#include "jacobian.h"
#include "writes_all.h"

/* Index texts of y's elements written so far in the current scope (y[i] = ... makes "i"). */
typedef struct Written {
    const char **index;
    int count;
} Written;

static const char *element_of(const Expr *e, const Var *y) {
    if (e->kind == EX_INDEX && e->lhs->kind == EX_VAR && e->lhs->var == y)
        return expr_text(e->rhs);
    if (e->kind == EX_DEREF && e->lhs->kind == EX_VAR && e->lhs->var == y)
        return "*";
    return NULL;
}

static bool passed_unread(const Expr *call, int i);

/* Whether e reads y other than at an element already written in this scope. */
static bool exposed_in(const Expr *e, const Var *y, const Written *w) {
    if (!e)
        return false;
    const char *element = element_of(e, y);
    if (element) {
        for (int i = 0; i < w->count; i++)
            if (strcmp(w->index[i], element) == 0)
                return exposed_in(e->rhs, y, w);
        return true;
    }
    if (e->kind == EX_VAR)
        return e->var == y;
    for (int i = 0; i < e->nargs; i++) {
        bool passed = e->args[i]->kind == EX_VAR && e->args[i]->var == y;
        if (passed ? !passed_unread(e, i) : exposed_in(e->args[i], y, w))
            return true;
    }
    return exposed_in(e->lhs, y, w) || exposed_in(e->rhs, y, w) || exposed_in(e->cond, y, w);
}

static bool exposed_read(const Stmt *s, const Var *y, Written w);

/* Whether call passes y as argument i to a function adc sees into that never reads what its
 * parameter points to before writing it (put(y, a) with y[0] = a; y[1] = 2 * a). */
static bool passed_unread(const Expr *call, int i) {
    static int depth; /* calls followed at once: a recursive callee stays exposed */
    const Func *callee = call->callee;
    if (!callee || !callee->body || i >= callee->nparams || depth > 8)
        return false;
    Written none = {NULL, 0};
    depth++;
    bool unread = !exposed_read(callee->body, callee->params[i], none);
    depth--;
    return unread;
}

/* Forgets written elements whose index mentions a variable s assigns. */
static void invalidate(Written *w, const Stmt *s) {
    const Var *v = s->kind == ST_ASSIGN ? expr_root_var(s->lhs) : s->kind == ST_DECL ? s->var : NULL;
    for (int i = 0; v && i < w->count; i++)
        if (strstr(w->index[i], v->name)) /* by name: conservative */
            w->index[i--] = w->index[--w->count];
}

static bool exposed_block(const Stmt *s, const Var *y, Written w) {
    const char **copy = ir_alloc(sizeof(char *) * (size_t)(w.count + s->nbody + 1));
    if (w.count)
        memcpy(copy, w.index, sizeof(char *) * (size_t)w.count);
    w.index = copy;
    for (int i = 0; i < s->nbody; i++) {
        const Stmt *part = s->body[i];
        if (exposed_read(part, y, w))
            return true;
        invalidate(&w, part);
        const char *element = part->kind == ST_ASSIGN && part->op == OP_NONE ? element_of(part->lhs, y) : NULL;
        if (element)
            w.index[w.count++] = element;
    }
    return false;
}

/* Whether s can read a value y had on entry (y[i] = 0; y[i] += ... does not). */
static bool exposed_read(const Stmt *s, const Var *y, Written w) {
    if (!s)
        return false;
    if (s->kind == ST_BLOCK)
        return exposed_block(s, y, w);
    if (exposed_in(s->rhs, y, &w) || exposed_in(s->cond, y, &w) ||
        (s->kind == ST_ASSIGN && (s->op != OP_NONE ? exposed_in(s->lhs, y, &w)
                                                   : element_of(s->lhs, y) ? exposed_in(s->lhs->rhs, y, &w)
                                                                            : exposed_in(s->lhs, y, &w))))
        return true;
    return exposed_read(s->init, y, w) || exposed_read(s->step, y, w) || exposed_read(s->then, y, w) ||
           exposed_read(s->els, y, w);
}

static bool is_output(const Func *fn, int i) {
    const Type *t = fn->params[i]->type;
    return fn->wrt[i] && t->kind == TY_PTR && !t->base->is_const;
}

/* An input: a parameter in wrt, except an output whose entry values the body never reads
 * and overwrites every one of (y in y = A x, also written y[i] = 0; y[i] += ...): an element
 * left as it was is an output of its own value on entry. */
static bool is_input(const Func *fn, int i) {
    Written none = {NULL, 0};
    return fn->wrt[i] && (!is_output(fn, i) || exposed_read(fn->body, fn->params[i], none) ||
                          !writes_all(fn, fn->params[i], fn->len[i]));
}

static const char *length(const Func *fn, int i) {
    return fn->params[i]->type->kind == TY_PTR ? ir_format("(long)(%s)", fn->len[i]) : "1";
}

static void signature(Buf *b, Func *fn, const char *suffix) {
    buf_printf(b, "int %s_jacobian%s(", fn->name, suffix);
    for (int i = 0; i < fn->nparams; i++) {
        emit_decl(b, fn->params[i]->type, fn->params[i]->name, false);
        buf_puts(b, ", ");
    }
    buf_printf(b, "double *%s)", func_new_name(fn, "jacobian"));
}

/* long n_in and, when rows, m_out; with positions the column/row where each parameter starts
 * (col_x, row_y). */
static void layout(Buf *b, Func *fn, bool positions, bool rows) {
    const char *n_in = func_new_name(fn, "n_in"), *m_out = func_new_name(fn, "m_out");
    buf_printf(b, "    long %s = 0;\n", n_in);
    if (rows)
        buf_printf(b, "    long %s = %d;\n", m_out, type_is_floating(fn->ret) ? 1 : 0);
    for (int i = 0; i < fn->nparams; i++) {
        const char *p = fn->params[i]->name;
        if (is_input(fn, i) && positions)
            buf_printf(b, "    long %s = %s;\n", func_new_name(fn, ir_format("col_%s", p)), n_in);
        if (is_input(fn, i))
            buf_printf(b, "    %s += %s;\n", n_in, length(fn, i));
        if (is_output(fn, i) && positions)
            buf_printf(b, "    long %s = %s;\n", func_new_name(fn, ir_format("row_%s", p)), m_out);
        if (is_output(fn, i))
            buf_printf(b, "    %s += %s;\n", m_out, length(fn, i));
    }
}

/* Whether some parameter is an output (then the rows need m_out). */
static bool has_pointer_output(const Func *fn) {
    for (int i = 0; i < fn->nparams; i++)
        if (is_output(fn, i))
            return true;
    return false;
}

static bool in_out(const Func *fn, int i) {
    return is_input(fn, i) && is_output(fn, i);
}

static const char *entry_copy(Func *fn, int i) {
    return func_new_name(fn, ir_format("%s_entry", fn->params[i]->name));
}

/* Shadow buffers `p<suffix>` for every parameter in wrt (width directions each in vector
 * mode, else one) and copies of in-out arrays; status is -1 when one cannot be allocated. */
static void buffers(Buf *b, Func *fn, const char *suffix, int width) {
    const char *status = func_new_name(fn, "status");
    bool copies = false;
    buf_printf(b, "    int %s = 0;\n", status);
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        if (!fn->wrt[i])
            continue;
        if (p->type->kind != TY_PTR) {
            buf_printf(b, width ? "    double %s%s[%d] = {0};\n" : "    double %s%s = 0.0;\n", p->name, suffix, width);
            continue;
        }
        if (width)
            buf_printf(b, "    double (*%s%s)[%d] = calloc((size_t)%s, sizeof *%s%s);\n", p->name, suffix, width,
                       length(fn, i), p->name, suffix);
        else
            buf_printf(b, "    double *%s%s = calloc((size_t)%s, sizeof(double));\n", p->name, suffix, length(fn, i));
        if (in_out(fn, i))
            buf_printf(b, "    double *%s = malloc(sizeof(double) * (size_t)%s);\n", entry_copy(fn, i), length(fn, i));
        copies |= in_out(fn, i);
    }
    buf_puts(b, "    if (0");
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i] && fn->params[i]->type->kind == TY_PTR)
            buf_printf(b, " || !%s%s%s", fn->params[i]->name, suffix,
                       in_out(fn, i) ? ir_format(" || !%s", entry_copy(fn, i)) : "");
    buf_printf(b, ")\n        %s = -1;\n", status);
    if (copies)
        buf_puts(b, "    else {\n");
    for (int i = 0; i < fn->nparams; i++)
        if (in_out(fn, i))
            buf_printf(b, "        memcpy(%s, %s, sizeof(double) * (size_t)%s);\n", entry_copy(fn, i),
                       fn->params[i]->name, length(fn, i));
    if (copies)
        buf_puts(b, "    }\n");
}

static void free_buffers(Buf *b, Func *fn, const char *suffix) {
    for (int i = 0; i < fn->nparams; i++)
        if (fn->wrt[i] && fn->params[i]->type->kind == TY_PTR) {
            buf_printf(b, "    free(%s%s);\n", fn->params[i]->name, suffix);
            if (in_out(fn, i))
                buf_printf(b, "    free(%s);\n", entry_copy(fn, i));
        }
    buf_printf(b, "    return %s;\n}\n\n", func_new_name(fn, "status"));
}

/* Restores in-out arrays and zeroes the shadows. */
static void reset(Buf *b, Func *fn, const char *suffix, int width) {
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        if (in_out(fn, i))
            buf_printf(b, "        memcpy(%s, %s, sizeof(double) * (size_t)%s);\n", p->name, entry_copy(fn, i),
                       length(fn, i));
        if (fn->wrt[i] && p->type->kind == TY_PTR)
            buf_printf(b, "        memset(%s%s, 0, sizeof *%s%s * (size_t)%s);\n", p->name, suffix, p->name, suffix,
                       length(fn, i));
        else if (fn->wrt[i] && width)
            buf_printf(b, "        memset(%s%s, 0, sizeof %s%s);\n", p->name, suffix, p->name, suffix);
        else if (fn->wrt[i])
            buf_printf(b, "        %s%s = 0.0;\n", p->name, suffix);
    }
}

/* The call to f_tangent or f_adjoint with the shadows. */
static const char *call(const Func *fn, const char *kind, const char *suffix, bool by_address, const char *last) {
    Buf b = {0};
    buf_printf(&b, "%s_%s(", fn->name, kind);
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        buf_printf(&b, "%s%s", i ? ", " : "", p->name);
        if (fn->wrt[i])
            buf_printf(&b, ", %s%s%s", by_address && p->type->kind != TY_PTR ? "&" : "", p->name, suffix);
    }
    buf_printf(&b, "%s%s)", type_is_floating(fn->ret) ? ", " : "", type_is_floating(fn->ret) ? last : "");
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

/* Seeds the input tangents with column j of the identity (direction: "" or "[k]"). */
static void seed_column(Buf *b, Func *fn, const char *indent, const char *direction) {
    const char *j = func_new_name(fn, "j");
    for (int i = 0; i < fn->nparams; i++) {
        const char *p = fn->params[i]->name, *col = func_new_name(fn, ir_format("col_%s", p));
        if (!is_input(fn, i))
            continue;
        if (fn->params[i]->type->kind == TY_PTR)
            buf_printf(b, "%sif (%s >= %s && %s < %s + %s)\n%s    %s_d[%s - %s]%s = 1.0;\n", indent, j, col, j, col,
                       length(fn, i), indent, p, j, col, direction);
        else
            buf_printf(b, "%s%s_d%s = %s == %s ? 1.0 : 0.0;\n", indent, p, direction, j, col);
    }
}

/* Copies the output tangents (direction: "" or "[k]") into Jacobian column `column`. */
static void store_column(Buf *b, Func *fn, const char *indent, const char *column, const char *direction) {
    const char *jacobian = func_new_name(fn, "jacobian"), *e = func_new_name(fn, "e");
    if (type_is_floating(fn->ret))
        buf_printf(b, "%s%s[%s] = %s%s;\n", indent, jacobian, column, func_new_name(fn, "value_d"), direction);
    for (int i = 0; i < fn->nparams; i++)
        if (is_output(fn, i))
            buf_printf(b, "%sfor (long %s = 0; %s < %s; %s++)\n%s    %s[(%s + %s) * %s + %s] = %s_d[%s]%s;\n", indent,
                       e, e, length(fn, i), e, indent, jacobian,
                       func_new_name(fn, ir_format("row_%s", fn->params[i]->name)), e, func_new_name(fn, "n_in"),
                       column, fn->params[i]->name, e, direction);
}

static void emit_forward(Buf *b, Func *fn) {
    const char *j = func_new_name(fn, "j"), *value_d = func_new_name(fn, "value_d");
    signature(b, fn, "_forward");
    buf_puts(b, " {\n");
    layout(b, fn, true, has_pointer_output(fn));
    buffers(b, fn, "_d", 0);
    buf_printf(b, "    for (long %s = 0; %s < %s && %s == 0; %s++) {\n", j, j, func_new_name(fn, "n_in"),
               func_new_name(fn, "status"), j);
    reset(b, fn, "_d", 0);
    seed_column(b, fn, "        ", "");
    if (type_is_floating(fn->ret))
        buf_printf(b, "        double %s = 0.0;\n", value_d);
    buf_printf(b, "        %s;\n", call(fn, "tangent", "_d", false, ir_format("&%s", value_d)));
    store_column(b, fn, "        ", j, "");
    buf_puts(b, "    }\n");
    free_buffers(b, fn, "_d");
}

/* With vector(W): W columns per call of f_tangent_vector, direction k being column j0 + k. */
static void emit_forward_vector(Buf *b, Func *fn) {
    int w = fn->vector_width;
    const char *j = func_new_name(fn, "j"), *j0 = func_new_name(fn, "first_col"), *k = func_new_name(fn, "k"),
               *width = func_new_name(fn, "width");
    const char *n_in = func_new_name(fn, "n_in"), *direction = ir_format("[%s]", k);
    signature(b, fn, "_forward");
    buf_puts(b, " {\n");
    layout(b, fn, true, has_pointer_output(fn));
    buffers(b, fn, "_d", w);
    buf_printf(b, "    for (long %s = 0; %s < %s && %s == 0; %s += %d) {\n", j0, j0, n_in, func_new_name(fn, "status"),
               j0, w);
    reset(b, fn, "_d", w);
    buf_printf(b, "        int %s = %s - %s < %d ? (int)(%s - %s) : %d;\n", width, n_in, j0, w, n_in, j0, w);
    buf_printf(b, "        for (int %s = 0; %s < %s; %s++) {\n            long %s = %s + %s;\n", k, k, width, k, j, j0,
               k);
    seed_column(b, fn, "            ", direction);
    buf_puts(b, "        }\n");
    if (type_is_floating(fn->ret))
        buf_printf(b, "        double %s[%d];\n", func_new_name(fn, "value_d"), w);
    buf_printf(b, "        %s;\n        for (int %s = 0; %s < %s; %s++) {\n",
               call(fn, "tangent_vector", "_d", false, func_new_name(fn, "value_d")), k, k, width, k);
    store_column(b, fn, "            ", ir_format("%s + %s", j0, k), direction);
    buf_puts(b, "        }\n    }\n");
    free_buffers(b, fn, "_d");
}

static void emit_reverse(Buf *b, Func *fn) {
    const char *i = func_new_name(fn, "i"), *e = func_new_name(fn, "e"), *jacobian = func_new_name(fn, "jacobian"),
               *n_in = func_new_name(fn, "n_in");
    signature(b, fn, "_reverse");
    buf_puts(b, " {\n");
    layout(b, fn, true, true);
    buffers(b, fn, "_b", 0);
    buf_printf(b, "    for (long %s = 0; %s < %s && %s == 0; %s++) {\n", i, i, func_new_name(fn, "m_out"),
               func_new_name(fn, "status"), i);
    reset(b, fn, "_b", 0);
    for (int k = 0; k < fn->nparams; k++) {
        const char *p = fn->params[k]->name, *row = func_new_name(fn, ir_format("row_%s", p));
        if (is_output(fn, k))
            buf_printf(b, "        if (%s >= %s && %s < %s + %s)\n            %s_b[%s - %s] = 1.0;\n", i, row, i, row,
                       length(fn, k), p, i, row);
    }
    buf_printf(b, "        %s;\n", call(fn, "adjoint", "_b", true, ir_format("%s == 0 ? 1.0 : 0.0", i)));
    for (int k = 0; k < fn->nparams; k++) {
        const char *p = fn->params[k]->name, *col = func_new_name(fn, ir_format("col_%s", p));
        if (!is_input(fn, k))
            continue;
        if (fn->params[k]->type->kind == TY_PTR)
            buf_printf(b, "        for (long %s = 0; %s < %s; %s++)\n            %s[%s * %s + %s + %s] = %s_b[%s];\n",
                       e, e, length(fn, k), e, jacobian, i, n_in, col, e, p, e);
        else
            buf_printf(b, "        %s[%s * %s + %s] = %s_b;\n", jacobian, i, n_in, col, p);
    }
    buf_printf(b, "    }\n    if (%s == 0) { /* leave f's outputs in the output arrays */\n",
               func_new_name(fn, "status"));
    reset(b, fn, "_b", 0);
    /* the tangent in the zero directions the reset adjoints hold: unlike a forward sweep alone,
     * it frees the heap blocks it allocates */
    const char *value_d = func_new_name(fn, "value_d");
    if (type_is_floating(fn->ret))
        buf_printf(b, "        %s %s;\n", temp_type(fn->ret), value_d);
    buf_printf(b, "        %s;\n    }\n", call(fn, "tangent", "_b", false, ir_format("&%s", value_d)));
    free_buffers(b, fn, "_b");
}

int jacobian_check(const Func *fn) {
    int outputs = type_is_floating(fn->ret);
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        outputs += is_output(fn, i);
        if (fn->wrt[i] && p->type->kind == TY_PTR && (!fn->len[i] || p->type->base->kind != TY_DOUBLE)) {
            error_at(fn->loc, "mode 'jacobian' needs len(%s: ...) and a pointer to double", p->name);
            return 1;
        }
        if (fn->wrt[i] && p->type->kind != TY_PTR && p->type->kind != TY_DOUBLE) {
            error_at(fn->loc, "mode 'jacobian' supports double scalars and pointers to double only ('%s')", p->name);
            return 1;
        }
    }
    if (outputs == 0) {
        error_at(fn->loc, "mode 'jacobian' needs an output: a double result or a non-const pointer in wrt(...)");
        return 1;
    }
    return 0;
}


void jacobian_prototypes(Buf *b, Func *fn) {
    static const char *const suffixes[] = {"_forward", "_reverse", ""};
    for (int k = 0; k < 3; k++) {
        signature(b, fn, suffixes[k]);
        buf_puts(b, ";\n");
    }
}

void jacobian_emit(Buf *b, Func *fn) {
    buf_printf(b, "/* %s_jacobian: the Jacobian of %s (%s:%u), row-major, one row per output (the\n"
               " * result, then each non-const pointer in wrt) and one column per input (each\n"
               " * parameter in wrt, pointers on entry); _forward uses one tangent per column, _reverse\n"
               " * one adjoint per row, and %s_jacobian the fewer. Returns 0, or -1 when out of memory. */\n",
               fn->name, fn->name, fn->loc.file, fn->loc.line, fn->name);
    if (fn->vector_width > 0)
        emit_forward_vector(b, fn);
    else
        emit_forward(b, fn);
    emit_reverse(b, fn);
    signature(b, fn, "");
    buf_puts(b, " {\n");
    layout(b, fn, false, true);
    const char *n_in = func_new_name(fn, "n_in"), *m_out = func_new_name(fn, "m_out"),
               *jacobian = func_new_name(fn, "jacobian");
    Buf args = {0};
    for (int i = 0; i < fn->nparams; i++)
        buf_printf(&args, "%s, ", fn->params[i]->name);
    buf_printf(b, "    return %s <= %s ? %s_jacobian_forward(%s%s) : %s_jacobian_reverse(%s%s);\n}\n\n", n_in, m_out,
               fn->name, buf_str(&args), jacobian, fn->name, buf_str(&args), jacobian);
    buf_free(&args);
}
