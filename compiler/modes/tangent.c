/* tangent.c: the forward (tangent) transform. Every active statement is preceded by the
 * statements that compute its tangent, in the source's own control flow: for
 * `y = w2 * log(w1)` it writes
 *     double t1 = log(w1);
 *     double t1_d = w1_d / w1;  ... y_d = ...; y = ...;
 * The vector mode carries `width` directions at once: every scalar tangent becomes an array
 * (t1_d[4]) and every derivative assignment a loop over the directions k. An instance of kind
 * KIND_PRIMAL (no active parameter) writes the function unchanged, but in adc's reverse code read
 * back for second order, whose heap blocks carry tangents even there (zeros, taped as the
 * other sweep pops them: activity.c), and what they make active. */
#include <string.h>
#include "activity.h"
#include "c_text.h"
#include "deriv.h"
#include "diag.h"
#include "instance.h"
#include "loop_pragma.h"
#include "mpi_calls.h"
#include "tangent.h"

typedef struct Tangent {
    Instances *instances;
    const Instance *in;
    Buf *out;
    Namer names;
    int width;          /* directions of the vector mode; 0 in scalar mode */
    const char *k;      /* the vector mode's direction index (func_new_name) */
    int depth;
    int errors;
    const char *discarded; /* the shadow of a heap block a call returned and the code drops:
                              freed after the statement (call_text) */
} Tangent;

static void stmt(Tangent *t, const Stmt *s);

static void line(Tangent *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line(Tangent *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_indent(t->out, t->depth);
    buf_vprintf(t->out, fmt, ap);
    buf_putc(t->out, '\n');
    va_end(ap);
}

/* The tangent held by a shadow: itself, or its direction k in vector mode ((*p_d)[k]). */
static const char *direction(const Tangent *t, const char *shadow) {
    if (!t->width)
        return shadow;
    bool prefix = shadow[0] == '*' || shadow[0] == '&';
    return ir_format(prefix ? "(%s)[%s]" : "%s[%s]", prefix ? shadow : paren_if_needed(shadow), t->k);
}

/* One derivative assignment `target op value` (value may use direction k). */
static void derivative(Tangent *t, const char *target, const char *op, const char *value) {
    if (t->width)
        line(t, "for (int %s = 0; %s < %d; %s++) %s %s %s;", t->k, t->k, t->width, t->k, direction(t, target), op, value);
    else
        line(t, "%s %s %s;", target, op, value);
}

/* `T name_d` (an array of the directions in vector mode). */
static const char *shadow_decl(const Tangent *t, const char *type, const char *name) {
    return t->width ? ir_format("%s %s_d[%d]", type, name, t->width) : ir_format("%s %s_d", type, name);
}

static const char *tangent_of(const Tangent *t, const Linear *lin, int id) {
    const LinNode *n = &lin->nodes[id];
    return direction(t, n->temp ? ir_format("%s_d", n->temp) : n->shadow);
}

/* The tangent of an operation: the sum of its partials times its operands' tangents. */
static const char *sum_of_terms(const Tangent *t, const Linear *lin, const LinNode *n) {
    Buf b = {0};
    for (int k = 0; k < n->nkids; k++) {
        if (!n->partial[k])
            continue;
        const char *term = partial_times(n, k, tangent_of(t, lin, n->kid[k]));
        if (b.len && term[0] == '-')
            buf_printf(&b, " - %s", term + 1);
        else
            buf_printf(&b, "%s%s", b.len ? " + " : "", term);
    }
    const char *s = ir_strdup(b.len ? buf_str(&b) : "0.0");
    buf_free(&b);
    return s;
}

/* Writes the value and tangent temporaries of every operation of lin (a tangent only where
 * an operation uses it: floor(x) has none). */
static void operations(Tangent *t, const Linear *lin) {
    bool *used = ir_alloc(sizeof(bool) * (size_t)(lin->count + 1));
    if (lin->root >= 0)
        used[lin->root] = true;
    for (int i = 0; i < lin->count; i++)
        for (int k = 0; k < lin->nodes[i].nkids; k++)
            used[lin->nodes[i].kid[k]] |= used[i] && lin->nodes[i].partial[k] != NULL;
    for (int i = lin->count - 1; i >= 0; i--) {
        const LinNode *n = &lin->nodes[i];
        if (!n->temp)
            continue;
        const char *type = temp_type(n->expr->type);
        line(t, "%s %s = %s;", type, n->temp, n->op_text);
        if (!used[i])
            continue;
        if (t->width) {
            line(t, "%s;", shadow_decl(t, type, n->temp));
            derivative(t, ir_format("%s_d", n->temp), "=", sum_of_terms(t, lin, n));
        } else {
            line(t, "%s = %s;", shadow_decl(t, type, n->temp), sum_of_terms(t, lin, n));
        }
    }
}

/* Linearizes an active expression, writes its operations; returns its value and tangent. */
static int differentiate(Tangent *t, const Expr *e, const char **value, const char **tangent) {
    Linear lin;
    if (linearize(&lin, e, &t->names, "_d") != 0) {
        t->errors++;
        return -1;
    }
    operations(t, &lin);
    if (lin.root < 0) {
        *value = expr_text(e);
        *tangent = "0.0";
        return 0;
    }
    if (!lin.nodes[lin.root].shadow && !lin.nodes[lin.root].temp) {
        error_at(e->loc, "adc cannot name the derivative of this expression");
        t->errors++;
        return -1;
    }
    *value = lin.nodes[lin.root].value;
    *tangent = tangent_of(t, &lin, lin.root);
    return 0;
}

static const char *shadow_or_error(Tangent *t, const Expr *e) {
    const VectorShadow vector = {t->width, vector_type};
    const char *s = shadow_text_vector(e, "_d", t->width ? &vector : NULL);
    if (!s) {
        error_at(e->loc, "adc cannot name the derivative of this expression");
        t->errors++;
    }
    return s;
}

/* ---- heap blocks ---- */

/* `T *name_d` for a heap pointer of type ptr (`double (*name_d)[4]` in vector mode). */
static const char *heap_shadow_decl(const Tangent *t, const Type *ptr, const char *name) {
    Buf b = {0};
    emit_decl(&b, t->width ? vector_type(ptr, t->width) : ptr, ir_format("%s_d", name), false);
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

/* Whether struct type s ends in a flexible array member (`struct v { int n; double a[]; }`). */
static bool struct_has_flexible_array(const Type *s) {
    const Type *last = s->nfields ? s->fields[s->nfields - 1].type : NULL;
    return last && last->kind == TY_ARRAY && last->array_len < 0 && !last->vla;
}

/* The bytes of a shadow block for `bytes` of primal data of type block: width times as many in
 * vector mode, but for a table of row pointers (double **), whose shadow holds pointers too. A
 * struct ending in a flexible array member gets its shadow struct and width times the bytes:
 * its elements, after the struct's own bytes, grow width times in the shadow. */
static const char *shadow_bytes(const Tangent *t, const Expr *bytes, const Type *block) {
    const char *text = expr_text(bytes);
    if (t->width && block->base->kind == TY_STRUCT) { /* as many shadow structs (struct T_dW) as structs */
        Buf primal = {0}, shadow = {0};
        emit_type(&primal, block->base);
        emit_type(&shadow, vector_type(block->base, t->width));
        const char *p = buf_str(&primal), *s =
            struct_has_flexible_array(block->base)
                ? ir_format("sizeof(%s) + (%s) * %d", buf_str(&shadow), text, t->width)
                : ir_format("((%s) + sizeof(%s) - 1) / sizeof(%s) * sizeof(%s)", text, p, p, buf_str(&shadow));
        buf_free(&primal);
        buf_free(&shadow);
        return s;
    }
    return t->width && !type_is_rows(block) ? ir_format("(%s) * %d", text, t->width) : text;
}

/* After `p = alloc(...)` (p a heap pointer, or a row a[i] of a heap matrix): p's shadow p_d,
 * a zeroed block of the same elements (realloc grows the one p had). A failed allocation of
 * either leaves p null and both freed: the code sees the failure its own allocation would have. */
static void heap_allocate_shadow(Tangent *t, const Expr *lhs, const Expr *alloc) {
    const char *name = alloc->text, *p = expr_text(lhs), *p_d = shadow_text(lhs, "_d");
    const Type *block = lhs->type;
    if (expr_is_realloc(alloc)) { /* adc_realloc_kept's shadow never shrinks either */
        const char *grown = namer_temp(&t->names);
        line(t, "void *%s = %s(%s, %s);", grown, name, p_d, shadow_bytes(t, alloc->args[1], block));
        line(t, "if (!%s) free(%s);", grown, p_d);
        line(t, "%s = %s;", p_d, grown);
    } else if (strcmp(name, "calloc") == 0) {
        line(t, "%s = calloc(%s, %s);", p_d, expr_text(alloc->args[0]), shadow_bytes(t, alloc->args[1], block));
    } else { /* malloc(bytes), aligned_alloc(alignment, bytes) */
        line(t, "%s = calloc(1, %s);", p_d, shadow_bytes(t, alloc->args[alloc->nargs - 1], block));
    }
    line(t, "if (!%s || !%s) {", p, p_d);
    line(t, "    free(%s);", p_d);
    line(t, "    free(%s);", p);
    line(t, "    %s = 0;", p);
    line(t, "    %s = 0;", p_d);
    line(t, "}");
}

/* `free(p)` of an active heap pointer (or of a block parameter: var_holds_blocks; or
 * `free(a[i])`, a row of a heap matrix) frees its shadow too. */
static bool heap_free(Tangent *t, const Expr *call) {
    const Var *p = expr_freed_var(call);
    const Expr *row = expr_freed_row(call);
    if (row ? !row->lhs->var->active : !p || !var_holds_blocks(p) || !p->active)
        return false;
    const Expr *block = row ? row : expr_without_casts(call->args[0]); /* free(v + nl - NR_END): v_d + nl - NR_END */
    line(t, "free(%s);", shadow_text(block, "_d"));
    line(t, "free(%s);", expr_text(call->args[0]));
    return true;
}

/* A dropped heap block's shadow (call_text), freed once the statement has run. */
static void free_discarded(Tangent *t) {
    if (t->discarded)
        line(t, "free(%s);", t->discarded);
    t->discarded = NULL;
}

/* ---- calls ---- */

/* An MPI call with active buffers (or a wait): libadc_mpi sends the tangents alongside. */
static void mpi_call(Tangent *t, const Stmt *s) {
    if (t->width) {
        error_at(s->loc, "the vector tangent mode does not differentiate MPI calls (use the scalar tangent "
                 "or reverse mode)");
        t->errors++;
        return;
    }
    const char *text = mpi_call_text(NULL, s->rhs, MPI_STAGE_TANGENT);
    if (text)
        line(t, "%s;", text);
    else
        t->errors++;
}

static const char *call_args(Tangent *t, const Expr *call, const bool *mask) {
    Buf b = {0};
    for (int i = 0; i < call->nargs; i++) {
        const Expr *arg = call->args[i];
        const Type *param = call->callee->params[i]->type;
        const char *value = expr_text(arg), *tangent = NULL;
        bool leaf = arg->kind == EX_VAR || arg->kind == EX_INDEX || arg->kind == EX_MEMBER || arg->kind == EX_DEREF;
        bool row = t->width && leaf && arg->type->kind == param->kind; /* not float x given to double */
        if (mask[i] && (arg->type->kind == TY_PTR || arg->type->kind == TY_ARRAY || row)) {
            tangent = shadow_or_error(t, arg); /* a buffer, or a variable's row of directions */
        } else if (mask[i] && differentiate(t, arg, &value, &tangent) != 0) {
            tangent = NULL;
        } else if (mask[i] && t->width) { /* the directions go in an array of the parameter's type */
            const char *name = namer_temp(&t->names);
            line(t, "%s;", shadow_decl(t, temp_type(param), name));
            derivative(t, ir_format("%s_d", name), "=", tangent);
            tangent = ir_format("%s_d", name);
        }
        buf_printf(&b, "%s%s", i ? ", " : "", value);
        if (mask[i])
            buf_printf(&b, ", %s", tangent ? tangent : "0");
    }
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

/* Whether fn, or a function it calls, pushes values onto the tape or pops them off (adc's own
 * forward and backward sweeps, read back for second order): its tangent then moves a tangent
 * per value and direction. seen: the functions already walked (recursion). */
typedef struct TapeWalk {
    const Func **seen;
    int nseen;
} TapeWalk;

static bool func_uses_tape(const Func *fn, TapeWalk *w);

static FindVerdict uses_tape(const Expr *e, const void *walk) {
    bool values = e->tape_op == TAPE_PUSH_DOUBLE || e->tape_op == TAPE_PUSH_BYTES || e->tape_op == TAPE_POP_DOUBLE ||
                  e->tape_op == TAPE_POP_BYTES;
    return e->kind == EX_CALL && (values || (e->callee && func_uses_tape(e->callee, (TapeWalk *)walk)))
               ? FIND_FOUND : FIND_INSIDE;
}

static bool func_uses_tape(const Func *fn, TapeWalk *w) {
    for (int i = 0; i < w->nseen; i++)
        if (w->seen[i] == fn)
            return false;
    IR_APPEND(w->seen, w->nseen, fn);
    return stmt_find_expr(fn->body, uses_tape, w) != NULL;
}

/* A call to a user function: to its tangent for this pattern of active arguments, or to an
 * unchanged copy when nothing is active (then a result that sets an active variable has the
 * tangent 0). A copy that pushes onto the tape pushes a zero tangent per direction, as many as
 * the backward sweep differentiated with this width pops (difftest seed 1000260), and a copy
 * that pops drops as many as the forward sweep pushed (entry 132): in vector mode it is a copy
 * of that width. result_d: where the result's tangent goes. */
static const char *call_text(Tangent *t, const Expr *call, const char *result_d) {
    bool *mask = ir_alloc(sizeof(bool) * (size_t)(call->nargs + 1));
    bool any = call_reaches_active_global(call) || call_returns_active_heap(call);
    for (int i = 0; i < call->nargs; i++)
        any |= mask[i] = arg_is_active(call->args[i]);
    InstanceKind kind = !any ? KIND_PRIMAL : t->width ? KIND_TANGENT_VECTOR : KIND_TANGENT;
    int width = any || (t->width && func_uses_tape(call->callee, &(TapeWalk){0})) ? t->width : 0;
    const char *name = instance_request(t->instances, call->callee, mask, kind, width);
    const char *args = call_args(t, call, mask);
    bool heap = expr_heap_call(call) != NULL; /* a new heap block and its shadow */
    if (!any && result_d && type_is_floating(call->type))
        derivative(t, result_d, "=", "0.0");
    if (!any || !(type_is_floating(call->type) || heap))
        return ir_format("%s(%s)", name, args);
    if (!result_d && heap) { /* the block is dropped: so is its shadow */
        const char *ignored = namer_temp(&t->names);
        line(t, "%s = 0;", heap_shadow_decl(t, call->type, ignored));
        result_d = t->discarded = ir_format("%s_d", ignored);
    } else if (!result_d) { /* the result's tangent is not needed */
        const char *ignored = namer_temp(&t->names);
        line(t, "%s;", shadow_decl(t, temp_type(call->type), ignored));
        result_d = ir_format("%s_d", ignored);
    }
    return ir_format("%s(%s%s%s%s)", name, args, *args ? ", " : "", t->width && !heap ? "" : "&", result_d);
}

/* ---- assignments ---- */

/* `lhs op= value` as written in C (`i++` for an increment by one; not `*k++`, which would
 * move the pointer k). */
static const char *assign_text(const Stmt *s, const char *value) {
    const char *lhs = expr_text(s->lhs);
    if (s->op == OP_NONE)
        return ir_format("%s = %s", lhs, value);
    if ((s->op == OP_ADD || s->op == OP_SUB) && strcmp(value, "1") == 0 && s->rhs->kind == EX_NUM &&
        s->lhs->kind != EX_DEREF)
        return ir_format("%s%s", lhs, s->op == OP_ADD ? "++" : "--");
    return ir_format("%s %s= %s", lhs, op_spelling(s->op), value);
}

/* The line before an update under `#pragma omp atomic`: the same pragma. */
static void atomic_pragma(Tangent *t, const Stmt *s) {
    if (s->atomic)
        line(t, "#pragma omp atomic");
}

static void primal_assign(Tangent *t, const Stmt *s, const char *value) {
    atomic_pragma(t, s);
    line(t, "%s;", assign_text(s, value));
}

/* lhs_d for `lhs op= value` whose right side has tangent rhs_d (NULL: inactive). */
static void compound_tangent(Tangent *t, const Stmt *s, const char *lhs_d, const char *value, const char *rhs_d) {
    const char *lhs = paren_if_needed(expr_text(s->lhs)), *old_d = direction(t, lhs_d);
    value = paren_if_needed(value);
    switch (s->op) {
    case OP_NONE: derivative(t, lhs_d, "=", rhs_d ? rhs_d : "0.0"); break;
    case OP_ADD: case OP_SUB:
        if (rhs_d && !t->width) /* vector tangents: the loop runs serially */
            atomic_pragma(t, s);
        if (rhs_d)
            derivative(t, lhs_d, s->op == OP_ADD ? "+=" : "-=", rhs_d);
        break;
    case OP_MUL:
        if (rhs_d)
            derivative(t, lhs_d, "=", ir_format("%s * %s + %s * %s", old_d, value, lhs, paren_if_needed(rhs_d)));
        else
            derivative(t, lhs_d, "*=", value);
        break;
    case OP_DIV:
        if (rhs_d)
            derivative(t, lhs_d, "=", ir_format("(%s - %s / %s * %s) / %s", old_d, lhs, value,
                                                paren_if_needed(rhs_d), value));
        else
            derivative(t, lhs_d, "/=", value);
        break;
    default:
        error_at(s->loc, "cannot differentiate the compound assignment '%s='", op_spelling(s->op));
        t->errors++;
    }
}

/* adc's own reverse code, differentiated again: a value and its tangent travel together on the
 * tape, the tangent pushed last and so popped first (in vector mode, the directions k in
 * increasing order, popped in decreasing order). */
static bool popped(const Expr *e) {
    return e->kind == EX_CALL ? e->tape_op == TAPE_POP_DOUBLE : e->kind == EX_CAST && popped(e->lhs);
}

static void tape_push(Tangent *t, const Expr *call) {
    const char *value, *tangent = "0.0";
    if (call->args[1]->active && differentiate(t, call->args[1], &value, &tangent) != 0)
        return;
    line(t, "%s;", expr_text(call));
    if (t->width)
        line(t, "for (int %s = 0; %s < %d; %s++) adc_push_double(%s, %s);", t->k, t->k, t->width, t->k,
             expr_text(call->args[0]), tangent);
    else
        line(t, "adc_push_double(%s, %s);", expr_text(call->args[0]), tangent);
}

/* Bytes on the tape (an array parameter on entry, a local array or struct): for floating data
 * their tangents go on top of them, so they come off first; zeros where the data is not active
 * here, and dropped where it is not active there, so that the two sweeps always agree. */
static void tape_bytes(Tangent *t, const Expr *call) {
    const Expr *array = call->args[1];
    const char *shadow = array->active ? shadow_or_error(t, array) : NULL;
    const char *tape = expr_text(call->args[0]), *bytes = expr_text(call->args[2]);
    const char *tangent_bytes = t->width ? ir_format("(%s) * %d", bytes, t->width) : bytes;
    const Type *data = array->type->kind == TY_PTR ? array->type->base : NULL;
    if (t->width && data && data->kind == TY_STRUCT) { /* its vector shadow struct has a layout of its own */
        Buf b = {0};
        buf_printf(&b, "(%s) / sizeof(", bytes);
        emit_type(&b, data);
        buf_puts(&b, ") * sizeof(");
        emit_type(&b, vector_type(data, t->width));
        buf_putc(&b, ')');
        tangent_bytes = ir_strdup(buf_str(&b));
        buf_free(&b);
    }
    bool push = call->tape_op == TAPE_PUSH_BYTES;
    if (push)
        line(t, "%s;", expr_text(call));
    if (shadow)
        line(t, "adc_tape_%s_bytes(%s, %s, %s);", push ? "push" : "pop", tape, shadow, tangent_bytes);
    else if (type_has_floating(array->type))
        line(t, "adc_tape_%s(%s, %s);", push ? "push_zeros" : "drop", tape, tangent_bytes);
    if (!push)
        line(t, "%s;", expr_text(call));
}

static void tape_pop(Tangent *t, const Stmt *s, bool active) {
    const char *lhs_d = active ? shadow_or_error(t, s->lhs) : NULL;
    const char *target = lhs_d ? ir_format("%s = ", direction(t, lhs_d)) : "(void)";
    const Expr *call = s->rhs;
    while (call->kind == EX_CAST)
        call = call->lhs;
    const char *tape = expr_text(call->args[0]);
    if (t->width)
        line(t, "for (int %s = %d; %s >= 0; %s--) %sadc_pop_double(%s);", t->k, t->width - 1, t->k, t->k, target, tape);
    else
        line(t, "%sadc_pop_double(%s);", target, tape);
    primal_assign(t, s, expr_text(s->rhs));
}

/* A block pointer on the tape (a heap block and its adjoint, in adc's reverse code): its
 * tangent block goes on top of it, so it comes off first; null where the pointer is not active
 * here, and dropped where it is not active there (floating heap blocks always are, activity.c). */
static bool pointer_taped(const Expr *e) {
    const Type *t = e->type; /* popped: the type it is cast to */
    while (e->kind == EX_CAST)
        e = e->lhs;
    if (e->kind != EX_CALL || (e->tape_op != TAPE_PUSH_PTR && e->tape_op != TAPE_POP_PTR))
        return false;
    if (e->tape_op == TAPE_PUSH_PTR)
        for (t = e->args[1]->type, e = e->args[1]; e->kind == EX_CAST; e = e->lhs)
            t = e->lhs->type;
    return t->kind == TY_PTR && type_has_floating(t);
}

static void tape_push_pointer(Tangent *t, const Expr *call) {
    const Var *v = expr_root_var(call->args[1]);
    line(t, "%s;", expr_text(call));
    line(t, "adc_push_ptr(%s, %s);", expr_text(call->args[0]),
         v && v->active ? shadow_or_error(t, call->args[1]) : "0"); /* p_d, g_d->u */
}

static void tape_pop_pointer(Tangent *t, const Stmt *s, bool active) {
    const char *lhs_d = active ? shadow_or_error(t, s->lhs) : NULL;
    const Expr *call = s->rhs;
    while (call->kind == EX_CAST)
        call = call->lhs;
    line(t, "%sadc_pop_ptr(%s);", lhs_d ? ir_format("%s = ", lhs_d) : "(void)", expr_text(call->args[0]));
    primal_assign(t, s, expr_text(s->rhs));
}

/* The pointer a pointer value is an offset from: p in p + k, (c ? a : b) in (c ? a : b) + k,
 * s->x in s->x + k, &M[0][0] in &M[0][0] + k (a row pointer into a 2-D array); NULL unless a
 * variable, a ?:, a member or an address. */
static const Expr *offset_base(const Expr *e) {
    while (e->kind == EX_BINARY || e->kind == EX_CAST)
        e = e->kind == EX_BINARY && e->lhs->type->kind != TY_PTR && e->lhs->type->kind != TY_ARRAY ? e->rhs : e->lhs;
    return e->kind == EX_VAR || e->kind == EX_COND || e->kind == EX_MEMBER || e->kind == EX_ADDR ? e : NULL;
}

static void assign(Tangent *t, const Stmt *s) {
    Var *dst = expr_root_var(s->lhs);
    bool active = dst && dst->active && type_has_floating(s->lhs->type);
    if (popped(s->rhs)) {
        tape_pop(t, s, active);
        return;
    }
    if (pointer_taped(s->rhs)) {
        tape_pop_pointer(t, s, active);
        return;
    }
    if (s->rhs->kind == EX_CALL && s->rhs->callee) {
        const char *lhs_d = active ? shadow_or_error(t, s->lhs) : NULL;
        primal_assign(t, s, call_text(t, s->rhs, lhs_d ? ir_format("%s", lhs_d) : NULL));
        free_discarded(t);
        return;
    }
    if (!active) {
        primal_assign(t, s, expr_text(s->rhs));
        return;
    }
    if (dst->heap && expr_allocation(s->rhs) && (s->lhs->kind == EX_VAR || stmt_allocates_row(s))) {
        primal_assign(t, s, expr_text(s->rhs));
        heap_allocate_shadow(t, s->lhs, expr_allocation(s->rhs));
        return;
    }
    const char *lhs_d = shadow_or_error(t, s->lhs);
    if (!lhs_d)
        return;
    if (!type_is_floating(s->lhs->type)) { /* pointers and structs: their shadows move along */
        const Expr *base = s->lhs->type->kind == TY_PTR && s->op == OP_NONE ? offset_base(s->rhs) : NULL;
        if (base && expr_has_call(s->rhs) && !expr_has_call(base)) { /* q = p + adc_pop_int(tape): call once, then offset q_d */
            const char *base_d = shadow_or_error(t, base);
            primal_assign(t, s, expr_text(s->rhs));
            if (base_d && type_element_const(base->type) && !type_element_const(s->lhs->type))
                base_d = ir_format("(%s)%s", type_text(s->lhs->type), base_d); /* const cast away */
            if (base_d)
                line(t, "%s = %s + %s;", lhs_d, base_d,
                     pointer_offset_text(s->lhs->type, expr_text(s->lhs), paren_if_needed(expr_text(base))));
            return;
        }
        if (expr_has_call(s->rhs)) { /* its shadow would call again (a tape pop twice) */
            error_at(s->loc, "the tangent of this pointer assignment would evaluate its calls twice");
            t->errors++;
            return;
        }
        if (s->op != OP_NONE) { /* pointer arithmetic: p += k moves p_d by k too */
            line(t, "%s %s= %s;", lhs_d, op_spelling(s->op), expr_text(s->rhs));
        } else {
            const char *rhs_d = s->rhs->active ? shadow_or_error(t, s->rhs) : NULL;
            if (s->rhs->active && !rhs_d)
                return;
            if (!rhs_d && stmt_points_member(s) && !expr_is_null(s->rhs)) { /* member_blocks.c */
                error_at(s->loc, "'%s', an array without derivatives here, assigned to a member of '%s', which "
                         "carries derivatives, is not supported: its shadow would have no array; add it to wrt(...)",
                         expr_text(s->rhs), dst->name);
                t->errors++;
                return;
            }
            if (rhs_d)
                line(t, "%s = %s;", lhs_d, rhs_d);
            else
                line(t, "memset(&%s, 0, sizeof %s);", lhs_d, lhs_d);
        }
        primal_assign(t, s, expr_text(s->rhs));
        return;
    }
    const char *value, *rhs_d;
    if (differentiate(t, s->rhs, &value, &rhs_d) != 0)
        return;
    compound_tangent(t, s, lhs_d, value, s->rhs->active ? rhs_d : NULL);
    primal_assign(t, s, value);
}

/* ---- declarations ---- */

static const char *decl_text(const Var *v, const char *name, bool drop_const) {
    Buf b = {0};
    if (v->is_static_const)
        buf_puts(&b, "static ");
    emit_decl(&b, v->type, name, drop_const);
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

/* Sets the tangents of the active elements of an initializer list of type, whose tangent
 * lvalue is target_d: a[k] of arrays, .field of structs, nested lists (2-D arrays, arrays of
 * structs) element by element. Returns the primal list written with the values computed on
 * the way ({x[2], t17}), NULL on error. */
static const char *initial_tangents(Tangent *t, const char *target_d, const Type *type,
                                    const Expr *init) {
    if (init->kind != EX_INITLIST && type->kind == TY_STRUCT) { /* {q, r} of structs: their shadows */
        const char *value_d = init->active ? shadow_or_error(t, init) : NULL;
        if (init->active && !value_d)
            return NULL;
        if (value_d)
            line(t, "%s = %s;", target_d, value_d);
        return expr_text(init);
    }
    if (init->kind != EX_INITLIST) {
        const char *value, *tangent;
        if (differentiate(t, init, &value, &tangent) != 0)
            return NULL;
        if (init->active)
            derivative(t, target_d, "=", tangent);
        return value;
    }
    const char *list = "{";
    for (int i = 0; i < init->nargs; i++) {
        const char *part = target_d;
        const Type *part_type = type;
        if (type->kind == TY_ARRAY) {
            part = ir_format("%s[%d]", target_d, i);
            part_type = type->base;
        } else if (type->kind == TY_STRUCT && i < type->nfields) {
            part = ir_format("%s.%s", target_d, type->fields[i].name);
            part_type = type->fields[i].type;
        }
        const char *value = initial_tangents(t, part, part_type, init->args[i]);
        if (!value)
            return NULL;
        list = ir_format("%s%s%s", list, i ? ", " : "", value);
    }
    return ir_format("%s}", list);
}

/* `(void)p; (void)p_d;`: a pointer and its tangent move along even where nothing reads them. */
static void keep_pointer_pair(Tangent *t, const char *name, const char *name_d) {
    line(t, "(void)%s; (void)%s; /* a pointer and its tangent move along even where not read */", name, name_d);
}

/* Whether s reads struct v other than by storing into its members (gcc's "set but not used"
 * counts `v.m = p;` as setting v: swapped members are read through their heap pointers). */
static bool reads_struct_here(const Stmt *s, const void *v) {
    bool member_store = s->kind == ST_ASSIGN && s->lhs->kind == EX_MEMBER && !s->lhs->arrow &&
                        s->lhs->lhs->kind == EX_VAR && s->lhs->lhs->var == v;
    return (!member_store && expr_mentions(s->lhs, v)) || expr_mentions(s->rhs, v) || expr_mentions(s->cond, v);
}

/* Whether the compilers count v as set but never read in fn. */
static bool unread(const Func *fn, const Var *v) {
    return !stmt_reads(fn->body, v) || (v->type->kind == TY_STRUCT && !stmt_find(fn->body, reads_struct_here, v));
}

static void declare(Tangent *t, const Stmt *s) {
    const Var *v = s->var;
    const char *decl = decl_text(v, v->name, false), *name_d = ir_format("%s_d", v->name);
    if (!v->active) {
        if (s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee) {
            line(t, "%s = %s;", decl, call_text(t, s->rhs, NULL));
            free_discarded(t);
        }
        else if (s->rhs)
            line(t, "%s = %s;", decl, expr_text(s->rhs));
        else
            line(t, "%s;", decl);
        if (unread(t->in->fn, v)) /* a flag of adc's own code, read back for second order; a struct of swapped members */
            line(t, "(void)%s;", v->name);
        return;
    }
    Var shadow = *v;
    if (t->width) { /* the directions are assigned one by one: no const array levels */
        shadow.type = vector_type(v->type, t->width);
        for (Type *level = shadow.type; level && (level->kind == TY_ARRAY || type_is_floating(level));
             level = level->kind == TY_ARRAY ? level->base : NULL)
            level->is_const = false;
    }
    /* a list's tangents are assigned element by element, a call's through a pointer: no const
     * (const double c[3] = {...}, const double cd = h(...)) */
    bool set_later = s->rhs && (s->rhs->kind == EX_INITLIST || (s->rhs->kind == EX_CALL && s->rhs->callee));
    const char *decl_d = decl_text(&shadow, name_d, set_later);
    if (v->heap) { /* null until an allocation gives it a block */
        const Var *from = stmt_copies_heap(s); /* `double *t = u;`: u's block, and its shadow */
        line(t, "%s = %s;", heap_shadow_decl(t, v->type, v->name), from ? shadow_text(expr_var((Var *)from, s->loc), "_d") : "0");
        const Expr *alloc = s->rhs ? expr_allocation(s->rhs) : NULL;
        bool call = s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee;
        line(t, "%s%s%s;", decl, s->rhs ? " = " : "", !s->rhs ? "" : call ? call_text(t, s->rhs, name_d) : expr_text(s->rhs));
        if (alloc)
            heap_allocate_shadow(t, expr_var(s->var, s->loc), alloc);
        if (!stmt_reads(t->in->fn->body, v)) /* a swap's third pointer, restored by adc's reverse code */
            line(t, "(void)%s; (void)%s;", v->name, name_d);
        return;
    }
    if (!s->rhs) { /* structs: members without a tangent (an id) are copied with the others */
        bool structs = v->type->kind != TY_PTR && type_scalar(v->type)->kind == TY_STRUCT && !type_has_vla(v->type);
        line(t, structs ? "%s = {0};" : "%s;", decl_d);
        line(t, "%s;", decl);
        if (v->type->kind == TY_ARRAY && v->type->vla) /* see zero_vla_stmt */
            line(t, "%s %s", zero_vla_stmt(name_d), zero_vla_stmt(v->name));
        if (v->type->kind == TY_PTR) /* assigned later (entry 91) */
            keep_pointer_pair(t, v->name, name_d);
    } else if (s->rhs->kind == EX_CALL && s->rhs->callee) { /* zero if no argument is active */
        line(t, "%s = {0};", decl_d);
        line(t, "%s = %s;", decl, call_text(t, s->rhs, ir_format("%s_d", v->name)));
    } else if (s->rhs->kind == EX_INITLIST) {
        line(t, "%s = {0};", decl_d);
        const char *list = initial_tangents(t, name_d, v->type, s->rhs);
        if (!list)
            return;
        line(t, "%s = %s;", decl, list);
    } else if (!type_is_floating(v->type)) {
        const char *rhs_d = s->rhs->active ? shadow_or_error(t, s->rhs) : NULL;
        line(t, "%s = %s;", decl_d, rhs_d ? rhs_d : "{0}");
        line(t, "%s = %s;", decl, expr_text(s->rhs));
        keep_pointer_pair(t, v->name, name_d);
    } else {
        const char *value, *tangent;
        if (differentiate(t, s->rhs, &value, &tangent) != 0)
            return;
        if (t->width) {
            line(t, "%s;", decl_d);
            derivative(t, name_d, "=", tangent);
        } else {
            line(t, "%s = %s;", decl_d, tangent);
        }
        line(t, "%s = %s;", decl, value);
    }
    if (v->type->kind != TY_STRUCT || (s->rhs && s->rhs->kind != EX_INITLIST))
        return;
    if (unread(t->in->fn, v))
        line(t, "(void)%s; (void)%s; /* swapped members: read through their heap pointers */", v->name, name_d);
    else if (type_field_pointing_to_floating(v->type)) /* `s.x[i]` reads x[i] (member_blocks.c) */
        line(t, "(void)%s; /* its members' tangents are read through the arrays they point to */", name_d);
}

/* ---- control flow ---- */

/* A statement written inside a for header: `i = 0`, `int i = 0, j = n`, `i++`. */
static const char *header_text(Tangent *t, const Stmt *s) {
    if (!s)
        return "";
    /* an integer member of an active struct (for (s->i = 0; ...; s->i++)) has no tangent */
    bool integer = s->kind == ST_ASSIGN && !type_has_floating(s->lhs->type) && !expr_has_call(s->rhs);
    if (s->active && !integer) {
        error_at(s->loc, "a for-loop header that updates an active variable is not supported; "
                 "move the update into the loop body");
        t->errors++;
        return "";
    }
    if (s->kind == ST_ASSIGN)
        return assign_text(s, expr_text(s->rhs));
    if (s->kind == ST_DECL)
        return s->rhs ? ir_format("%s = %s", decl_text(s->var, s->var->name, false), expr_text(s->rhs))
                      : decl_text(s->var, s->var->name, false);
    Buf b = {0};
    for (int i = 0; i < s->nbody; i++) {
        const Stmt *part = s->body[i];
        if (i > 0 && part->kind == ST_DECL) /* `int i = 0, j = n`: the type is written once */
            buf_printf(&b, ", %s%s%s", part->var->name, part->rhs ? " = " : "",
                       part->rhs ? expr_text(part->rhs) : "");
        else
            buf_printf(&b, "%s%s", i ? ", " : "", header_text(t, part));
    }
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

static void body(Tangent *t, const Stmt *s) {
    t->depth++;
    for (int i = 0; s && i < s->nbody; i++)
        stmt(t, s->body[i]);
    t->depth--;
}

static void control(Tangent *t, const Stmt *s) {
    switch (s->kind) {
    case ST_IF:
        line(t, "if (%s) {", expr_text(s->cond));
        body(t, s->then);
        for (const Stmt *next; (next = stmt_else_if(s)); s = next) {
            line(t, "} else if (%s) {", expr_text(next->cond));
            body(t, next->then);
        }
        if (s->els) {
            line(t, "} else {");
            body(t, s->els);
        }
        line(t, "}");
        break;
    case ST_FOR:
        t->errors += loop_pragmas_check(t->in->fn->body, s);
        loop_pragmas_tangent(t->out, t->depth, s, t->width > 0);
        line(t, "for (%s; %s; %s) {", header_text(t, s->init), s->cond ? expr_text(s->cond) : "",
             header_text(t, s->step));
        body(t, s->then);
        line(t, "}");
        break;
    case ST_WHILE:
        line(t, "while (%s) {", expr_text(s->cond));
        body(t, s->then);
        line(t, "}");
        break;
    case ST_DO:
        line(t, "do {");
        body(t, s->then);
        line(t, "} while (%s);", expr_text(s->cond));
        break;
    default:
        break;
    }
}

static void return_stmt(Tangent *t, const Stmt *s) {
    if (!s->rhs) {
        line(t, "return;");
        return;
    }
    if (t->in->kind != KIND_PRIMAL && t->in->fn->ret->kind == TY_PTR) { /* a heap block (pointer_check.c) */
        const char *shadow = block_shadow_text(s->rhs, "_d");
        line(t, "*%s_d = %s;", t->in->fn->name, shadow ? shadow : "0");
        line(t, "return %s;", expr_text(s->rhs));
        return;
    }
    if (t->in->kind == KIND_PRIMAL || !type_is_floating(t->in->fn->ret)) {
        line(t, "return %s;", expr_text(s->rhs));
        return;
    }
    const char *value, *tangent;
    if (differentiate(t, s->rhs, &value, &tangent) != 0)
        return;
    if (t->width)
        derivative(t, ir_format("%s_d", t->in->fn->name), "=", tangent);
    else
        line(t, "*%s_d = %s;", t->in->fn->name, tangent);
    line(t, "return %s;", value);
}

static void stmt(Tangent *t, const Stmt *s) {
    switch (s->kind) {
    case ST_BLOCK:
        if (s->scope)
            line(t, "{");
        t->depth += s->scope;
        for (int i = 0; i < s->nbody; i++)
            stmt(t, s->body[i]);
        t->depth -= s->scope;
        if (s->scope)
            line(t, "}");
        break;
    case ST_DECL: declare(t, s); break;
    case ST_ASSIGN: assign(t, s); break;
    case ST_CALL:
        if (s->rhs->tape_op == TAPE_PUSH_DOUBLE) /* also in a primal copy: its pops take tangents */
            tape_push(t, s->rhs);
        else if (s->rhs->tape_op == TAPE_PUSH_BYTES || s->rhs->tape_op == TAPE_POP_BYTES)
            tape_bytes(t, s->rhs);
        else if (pointer_taped(s->rhs))
            tape_push_pointer(t, s->rhs);
        else if (mpi_routed(s) && t->in->kind != KIND_PRIMAL)
            mpi_call(t, s);
        else if (!heap_free(t, s->rhs))
            line(t, "%s;", s->rhs->callee ? call_text(t, s->rhs, NULL) : expr_text(s->rhs));
        free_discarded(t);
        break;
    case ST_BREAK: line(t, "break;"); break;
    case ST_CONTINUE: line(t, "continue;"); break;
    case ST_RETURN: return_stmt(t, s); break;
    default: control(t, s); break;
    }
}

/* Shadows the body needs that are not parameters: active scalar parameters outside the
 * mask (every one in a copy without derivatives) start with a zero tangent (a pointer, given
 * an inactive one such as null, a null shadow), the directions of one the body assigns are
 * copied (unless it is inactive here: the body never names them; gen.c marks unused shadow
 * parameters used). */
static void prologue(Tangent *t) {
    const Func *fn = t->in->fn;
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        if (t->in->mask[i] && p->active && instance_copies_directions(t->in, p))
            line(t, "%s; for (int %s = 0; %s < %d; %s++) %s_d[%s] = %s_d_in[%s];",
                 shadow_decl(t, temp_type(p->type), p->name), t->k, t->k, t->width, t->k,
                 p->name, t->k, p->name, t->k);
        else if (!t->in->mask[i] && p->active && p->type->kind == TY_PTR) /* given null: as the adjoint's */
            line(t, "%s = 0; (void)%s_d;", heap_shadow_decl(t, p->type, p->name), p->name);
        else if (!t->in->mask[i] && p->active)
            line(t, "%s = {0};", shadow_decl(t, temp_type(p->type), p->name));
    }
}

int tangent_emit(Instances *g, const Instance *in) {
    Func *fn = in->fn;
    bool primal = in->kind == KIND_PRIMAL;
    if (activity_analyze(fn, fn->body, primal ? NULL : in->mask, fn->requested && !primal) != 0)
        return 1;
    for (int i = 0; i < fn->nvars; i++) /* an active global's directions: NAME_dv[...][W] (gen.c) */
        fn->vars[i]->shadow_d = in->width && global_is_active(fn, fn->vars[i]) ? ir_format("%s_dv", fn->vars[i]->name) : NULL;
    Tangent t = {.instances = g, .in = in, .out = &g->defs, .names = {fn, 0}, .width = in->width,
                 .k = in->width ? func_new_name(fn, "k") : NULL, .depth = 1};
    const char *what = primal ? "a copy of the original, called where nothing is active"
                     : t.width ? ir_format("vector forward mode: %d tangent directions at once; a "
                                           "pointer x has x_d[i][k] for element i, direction k", t.width)
                               : "forward-mode (tangent) derivative";
    buf_printf(t.out, "/* %s: %s,\n * of %s (%s:%u). */\n", in->name, what, fn->name, fn->loc.file, fn->loc.line);
    buf_puts(t.out, in->is_static ? "static " : "");
    instance_signature(t.out, in, true);
    buf_puts(t.out, " {\n");
    for (int i = 0; i < fn->nparams; i++) /* unread in the source too (`(void)p;` is not kept), or
                                              only restored from the tape in adc's own code */
        if (!stmt_reads(fn->body, fn->params[i]))
            line(&t, "(void)%s;", fn->params[i]->name);
    prologue(&t);
    /* the user's interface only: an instance for other active arguments is called by this file's
     * code, whose global shadows carry directions (they were zeroed: difftest seed 103) */
    bool interface = fn->requested && !in->inner && memcmp(in->mask, fn->wrt, sizeof(bool) * (size_t)fn->nparams) == 0;
    for (int i = 0; interface && !primal && i < fn->prog->nactive_globals; i++) {
        const Var *global = fn->prog->active_globals[i]; /* no direction on it */
        const char *shadow = ir_format("%s_d%s", global->name, t.width ? "v" : "");
        if (interface_clears_global(fn, global))
            line(&t, "%s", zero_shadow_stmt(fn, t.width ? vector_type(global->type, t.width) : global->type, shadow));
    }
    for (int i = 0; i < fn->body->nbody; i++)
        stmt(&t, fn->body->body[i]);
    buf_puts(t.out, "}\n\n");
    return t.errors;
}
