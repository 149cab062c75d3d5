/* adjoint.c: the reverse-mode transform. Each function gets two halves working on one tape:
 *   f_forward runs the original computation, saving what the backward sweep will need and
 *             cannot recompute (overwritten values, branch decisions, loop trip counts);
 *   f_reverse walks the statements backwards, restoring saved values and propagating the
 *             adjoints (x_b) from each statement's result to its operands.
 * f_adjoint runs both on a fresh tape; f_grad zeroes the gradient and seeds 1. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "activity.h"
#include "pointer_check.h"
#include "adjoint.h"
#include "adjoint_internal.h"
#include "adjoint_swaps.h"
#include "c_text.h"
#include "carry.h"
#include "companion.h"
#include "deriv.h"
#include "diag.h"
#include "fusion.h"
#include "kept.h"
#include "loop_adjoint.h"
#include "loop_pragma.h"
#include "mpi_calls.h"
#include "normalize.h"
#include "omp_reverse.h"
#include "param_reads.h"
#include "tbr.h"
#include "useful.h"

void adj_line(Adj *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_indent(a->out, a->depth);
    buf_vprintf(a->out, fmt, ap);
    buf_putc(a->out, '\n');
    va_end(ap);
}

/* The name of what the generator introduces in the function (func_new_name): "tape", "adj". */
const char *adj_named(Adj *a, const char *base) {
    return func_new_name(a->fn, base);
}

static const char *decl_of(const Type *t, const char *name, bool drop_const) {
    Buf b = {0};
    emit_decl(&b, t, name, drop_const);
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

/* t without its own (top-level, or array element) const: a local that is assigned. */
static const Type *assignable(const Type *t) {
    Type *copy = ir_alloc(sizeof *copy);
    *copy = *t;
    copy->is_const = false;
    if (t->kind == TY_ARRAY)
        copy->base = (Type *)assignable(t->base);
    return copy;
}

static const char *zero_of(const Type *t) {
    return t->kind == TY_ARRAY || t->kind == TY_STRUCT ? "{0}" : "0";
}

/* `decl = value;` at the top of a sweep, for a variable of type t named name; a variable-length
 * array, which takes no initializer, is declared and then zeroed by loops. */
static void declare_at_top(Adj *a, const Type *t, const char *decl, const char *name, const char *value) {
    if (t->kind != TY_ARRAY || !t->vla) {
        adj_line(a, "%s = %s;", decl, value);
        return;
    }
    adj_line(a, "%s;", decl);
    adj_line(a, "%s", zero_shadow_stmt(a->fn, t, name));
}

typedef struct LengthRead {
    const Stmt *body;
} LengthRead;

/* A variable a length reads that may hold another value at the top of the function: a local,
 * or a parameter the body assigns. */
static FindVerdict reads_changing(const Expr *e, const void *ctx) {
    const LengthRead *read = ctx;
    if (e->kind != EX_VAR)
        return FIND_INSIDE;
    return e->var->kind != VAR_PARAM || stmt_assigns(read->body, e->var) ? FIND_FOUND : FIND_SKIP;
}

/* Every local is declared at the top of each sweep: a variable-length array's length (or that
 * of the arrays a local pointer points to) must have there the value it has where the array is
 * declared. Returns the number of errors. */
static int check_vla_lengths(Func *fn) {
    LengthRead read = {fn->reverse_body};
    int errors = 0;
    for (int i = 0; i < fn->nvars; i++) {
        const Var *v = fn->vars[i];
        for (const Type *t = v->kind == VAR_LOCAL ? v->type : NULL; t && (t->kind == TY_ARRAY || t->kind == TY_PTR);
             t = t->base) {
            const Expr *changing = t->vla_len ? expr_find(t->vla_len, reads_changing, &read) : NULL;
            if (changing) {
                error_at(changing->loc, "in reverse mode, the length of variable-length array '%s' may read only "
                         "parameters the function does not assign ('%s' is %s)", v->source_name,
                         changing->var->source_name, changing->var->kind == VAR_PARAM ? "assigned" : "no parameter");
                errors++;
                break;
            }
        }
    }
    return errors;
}

/* ---- the tape ---- */

/* A pointer walking a heap block: taped as an offset from the heap pointer, which therefore
 * comes off the tape before it, and a bit that says it is set; a null one (not yet set) comes
 * back null, with no arithmetic on a heap pointer that may be null too. */
static bool walks_heap(const Var *v) {
    return v && v->pointer_root && v->pointer_root->heap && !var_is_entry(v);
}

/* A pointer into a local array, a parameter, a moving parameter's entry or a heap block travels
 * as an offset from it: each sweep has its own local arrays, a parameter may be one of the
 * caller's, and a heap pointer holds one block wherever its walkers are used (tbr.c). */
static const Var *local_base(const Var *v) {
    const Var *root = v && !var_is_entry(v) ? v->pointer_root : NULL;
    return root && (root->type->kind == TY_ARRAY || root->kind == VAR_PARAM || var_is_entry(root) || root->heap)
               ? root : NULL;
}

/* A pointer taped as an offset that may be null when taped: one walking a heap block, or one
 * whose address the function passes on (`call(&p)` may null it, metarwr's `data[0] = 0`). It
 * travels with a bit that says it is set, and no arithmetic is done on a null one. */
static bool may_be_null(const Adj *a, const Var *v) {
    return walks_heap(v) || (local_base(v) && v->kind == VAR_LOCAL && stmt_takes_address(a->fn->body, v));
}

/* An array a pointer may point into, as the sweeps hold it: a moving parameter's entry. */
static const Var *fixed_array(const Var *root) {
    return root->entry ? root->entry : root;
}

static const char *shadow_name(const Var *v) {
    return v->shadow ? v->shadow : ir_format("%s_b", v->name);
}

/* Whether pointers root and t point to different types, const aside: libf2c's
 * `unsigned char *a = (unsigned char *)a0;` for a `char *a0`. */
static bool points_to_other_type(const Type *root, const Type *t) {
    return root->kind == TY_PTR && t->kind == TY_PTR && root->base->kind != TY_ARRAY &&
           strcmp(type_text(assignable(root->base)), type_text(assignable(t->base))) != 0;
}

/* The start of root (or of its shadow) as a pointer of type t (pointer_base_text), cast when
 * the program cast const away (`double *w = (double *)x` for a const double *x) or cast to
 * another pointer type. */
static const char *root_base_text(const Var *root, bool shadow, const Type *t) {
    const char *base = pointer_base_text(root->type, shadow ? shadow_name(root) : root->name, t);
    if (shadow || ((!type_element_const(root->type) || type_element_const(t)) && !points_to_other_type(root->type, t)))
        return base;
    return ir_format("(%s)%s", type_text(t), base);
}

/* local_base(v) as a pointer of v's type. */
static const char *local_base_text(const Var *v) {
    return root_base_text(local_base(v), false, v->type);
}

/* The number a which variable gives root, an array switched pointers point into. */
static int switched_number(const Func *fn, const Var *root) {
    int at = 0;
    while (fn->switched[at] != root)
        at++;
    return at;
}

/* The value which variable v starts with: its pointer starts at its first root (NULL: v is
 * no pointer's which). */
static const char *which_start(const Func *fn, const Var *v) {
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->which == v)
            return ir_format("%d", switched_number(fn, fn->vars[i]->roots[0]));
    return NULL;
}

/* A switched pointer p (Var.which): the array it points into now, chosen by its which, or
 * (shadow) the same element of that array's shadow. */
static const char *switched(const Adj *a, const Var *p, bool shadow) {
    Buf b = {0};
    for (int i = 0; i < p->nroots; i++) {
        const Var *array = fixed_array(p->roots[i]);
        int at = switched_number(a->fn, p->roots[i]);
        if (i + 1 < p->nroots)
            buf_printf(&b, "%s == %d ? ", p->which->name, at);
        const char *base = root_base_text(array, false, p->type);
        if (shadow)
            buf_printf(&b, "%s + %s", root_base_text(array, true, p->type),
                       pointer_offset_text(p->type, p->name, base));
        else
            buf_puts(&b, base);
        buf_puts(&b, i + 1 < p->nroots ? " : " : "");
    }
    const char *chain = ir_format("(%s)", buf_str(&b));
    buf_free(&b);
    return chain;
}

static const Var *lvalue_var(const Expr *lhs) {
    return lhs->kind == EX_VAR ? lhs->var : NULL;
}

static void push(Adj *a, const Type *t, const char *lvalue, const Var *v) {
    bool plain_double = !v || (!v->heap && !v->which && !may_be_null(a, v) && !local_base(v));
    plain_double = plain_double && type_is_floating(t) && t->kind != TY_LONG_DOUBLE;
    a->room_missed |= a->room && !plain_double;
    if (a->room && plain_double) {
        adj_line(a, "adc_room_push_double(&%s, %s);", a->room, lvalue);
        a->room_pushes++;
    } else if (v && v->heap) { /* the block and its shadow (a pointer that stays valid: frees wait) */
        adj_line(a, "adc_push_ptr(%s, %s);", adj_named(a, "tape"), lvalue);
        if (v->active)
            adj_line(a, "adc_push_ptr(%s, %s_b);", adj_named(a, "tape"), v->name);
    } else if (v && v->which) {
        adj_line(a, "adc_push_int(%s, (long)%s);", adj_named(a, "tape"), pointer_offset_text(t, lvalue, switched(a, v, false)));
        adj_line(a, "adc_push_int(%s, %s);", adj_named(a, "tape"), v->which->name);
    } else if (may_be_null(a, v)) { /* null until set, or nulled by a callee given its address */
        adj_line(a, "if (%s)", lvalue);
        adj_line(a, "    adc_push_int(%s, (long)%s);", adj_named(a, "tape"), pointer_offset_text(t, lvalue, local_base_text(v)));
        adj_line(a, "adc_push_bit(%s, %s != 0);", adj_named(a, "tape"), lvalue);
    } else if (local_base(v))
        adj_line(a, "adc_push_int(%s, (long)%s);", adj_named(a, "tape"), pointer_offset_text(t, lvalue, local_base_text(v)));
    else if (type_is_floating(t) && t->kind != TY_LONG_DOUBLE) /* long double: its bytes, below */
        adj_line(a, "adc_push_double(%s, %s);", adj_named(a, "tape"), lvalue);
    else if (t->kind == TY_INT)
        adj_line(a, "adc_push_int(%s, (long)%s);", adj_named(a, "tape"), lvalue);
    else if (t->kind == TY_PTR)
        adj_line(a, "adc_push_ptr(%s, %s);", adj_named(a, "tape"), lvalue);
    else
        adj_line(a, "adc_tape_push_bytes(%s, &%s, %s);", adj_named(a, "tape"), lvalue, sizeof_text(t, lvalue));
}

static void pop(Adj *a, const Type *t, const char *lvalue, const Var *v) {
    a->nzero_elements = 0; /* an index of a zero element may change */
    if (v && v->heap) {
        if (v->active)
            adj_line(a, "%s_b = (%s)adc_pop_ptr(%s);", v->name, decl_of(t, "", true), adj_named(a, "tape"));
        adj_line(a, "%s = (%s)adc_pop_ptr(%s);", lvalue, decl_of(t, "", true), adj_named(a, "tape"));
        /* a swapped member's pointer: the member (where the backward sweep has the struct,
         * declare_locals) and its shadow follow it */
        if (v->member_of && (v->member_of->needed || stmt_has_checkpoint(a->fn->reverse_body)))
            adj_line(a, "%s.%s = %s;", v->member_of->name, v->member, v->name);
        if (v->member_of && v->member_of->active && v->active)
            adj_line(a, "%s.%s = %s_b;", shadow_name(v->member_of), v->member, v->name);
    } else if (v && v->which) {
        adj_line(a, "%s = (int)adc_pop_int(%s);", v->which->name, adj_named(a, "tape"));
        adj_line(a, "%s = %s + adc_pop_int(%s);", lvalue, switched(a, v, false), adj_named(a, "tape"));
    } else if (may_be_null(a, v)) {
        adj_line(a, "if (adc_pop_bit(%s))", adj_named(a, "tape"));
        adj_line(a, "    %s = %s + adc_pop_int(%s);", lvalue, local_base_text(v), adj_named(a, "tape"));
        adj_line(a, "else");
        adj_line(a, "    %s = 0;", lvalue);
    } else if (local_base(v)) {
        adj_line(a, "%s = %s + adc_pop_int(%s);", lvalue, local_base_text(v), adj_named(a, "tape"));
    } else if ((type_is_floating(t) && t->kind != TY_LONG_DOUBLE) || t->kind == TY_INT) {
        adj_line(a, "%s = (%s)adc_pop_%s(%s);", lvalue, decl_of(assignable(t), "", false),
             t->kind == TY_INT ? "int" : "double", adj_named(a, "tape"));
    } else if (t->kind == TY_PTR) {
        adj_line(a, "%s = (%s)adc_pop_ptr(%s);", lvalue, decl_of(t, "", true), adj_named(a, "tape"));
    } else {
        adj_line(a, "adc_tape_pop_bytes(%s, &%s, %s);", adj_named(a, "tape"), lvalue, sizeof_text(t, lvalue));
    }
}

/* ---- calls ---- */

static bool *call_mask(const Expr *call, bool *any) {
    bool *mask = ir_alloc(sizeof(bool) * (size_t)(call->nargs + 1));
    *any = call_reversed_regardless(call);
    for (int i = 0; i < call->nargs; i++)
        *any |= mask[i] = arg_is_active(call->args[i]);
    return mask;
}

static const char *arg_list(const Expr *call) {
    Buf b = {0};
    for (int i = 0; i < call->nargs; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", expr_text(call->args[i]));
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

/* The elements (rows) of a kept array a call may write, as C text: its length, or the
 * helper's bound (kept_extent) from the call's argument (unless that calls something: it
 * would run twice), clamped to the length; a VLA's length as declared (not its sizeof, which
 * adc refuses when it reads its own adjoint back for second order: seed 3400164). */
static const char *kept_count(const Expr *call, int arg) {
    const Var *bound = call->callee->params[arg]->kept_extent;
    const Type *array = call->args[arg]->var->type;
    if (array->vla) /* its length where it is declared, which its declaration in the backward sweep repeats */
        return ir_format("(long)(%s)", array_len_text(array));
    long len = array->array_len;
    for (int k = 0; bound && k < call->nargs; k++)
        if (call->callee->params[k] == bound && !expr_has_call(call->args[k])) {
            const char *n = ir_format("(long)(%s)", expr_text(call->args[k]));
            return ir_format("%s < 0 ? 0 : %s < %ld ? %s : %ld", n, n, len, n, len);
        }
    return ir_format("%ld", len);
}

/* The local arrays (or scalars, by address) the call of s passes for kept parameters (kept.c)
 * and must tape: the forward sweep tapes the elements the callee may write before the call,
 * the backward sweep restores them after reversing it. */
static void keep_arrays(Adj *a, const Stmt *s, bool forward) {
    const Expr *call = s->rhs;
    for (int k = 0; k < call->nargs; k++) {
        int i = forward ? k : call->nargs - 1 - k;
        if (!s->tapes_kept || !s->tapes_kept[i])
            continue;
        if (call->args[i]->kind == EX_ADDR) { /* a scalar: its value */
            const Var *v = call->args[i]->lhs->var;
            (forward ? push : pop)(a, v->type, v->name, v);
            continue;
        }
        const char *array = expr_text(call->args[i]), *count = adj_named(a, "count"), *tape = adj_named(a, "tape");
        adj_line(a, "{");
        a->depth++;
        if (forward) {
            adj_line(a, "long %s = %s; /* %s given to %s */", count, kept_count(call, i), array, call->callee->name);
            adj_line(a, "adc_tape_push_bytes(%s, %s, sizeof *%s * (size_t)%s);", tape, array, array, count);
            adj_line(a, "adc_push_int(%s, %s);", tape, count);
        } else {
            adj_line(a, "long %s = adc_pop_int(%s); /* %s as before %s */", count, tape, array, call->callee->name);
            adj_line(a, "adc_tape_pop_bytes(%s, %s, sizeof *%s * (size_t)%s);", tape, array, array, count);
        }
        a->depth--;
        adj_line(a, "}");
    }
}

/* ---- heap blocks (Var.heap) ----
 * The forward sweep allocates each block and, for an active pointer, its zeroed shadow; it
 * frees nothing: every block stays valid until the backward sweep, which frees the block and
 * its shadow where it reverses their allocation (a helper returning a block frees it in its
 * own backward sweep). The pointers travel on the tape like any overwritten value. */

/* `, &p_b` for g_forward in `p = g(...)`: where g's forward sweep puts the shadow of the block
 * it returns (a scratch pointer when p is not active: g's backward sweep frees the block). */
static const char *heap_result_shadow(Adj *a, const Stmt *s) {
    const Var *p = s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR ? s->lhs->var : NULL;
    if (p && p->heap && p->active)
        return ir_format(", &%s_b", p->name);
    const char *scratch = namer_temp(&a->names);
    adj_line(a, "%s = 0;", decl_of(s->rhs->type, scratch, false));
    return ir_format(", &%s", scratch);
}

/* After `p = alloc(...)` in the forward sweep (p a heap pointer, or a row a[i] of a heap
 * matrix): p's shadow block, zeroed. If it cannot be had the tape fails: no backward sweep,
 * NaN (adc_tape_set_failed). */
static void heap_allocate_shadow(Adj *a, const Expr *p, const Expr *alloc) {
    const char *name = alloc->text, *bytes = expr_text(alloc->args[alloc->nargs - 1]);
    const char *count = strcmp(name, "calloc") == 0 ? expr_text(alloc->args[0]) : "1";
    const char *p_b = shadow_text(p, "_b");
    adj_line(a, "%s = calloc(%s, %s);", p_b, count, bytes);
    adj_line(a, "if (%s && !%s)", expr_text(p), p_b);
    adj_line(a, "    adc_tape_set_failed(%s);", adj_named(a, "tape"));
}

/* The forward sweep's call of s: g_forward(tape, args) when active and taping, else g(args)
 * (also for a call whose effect reaches no output: useful.c); in the first case the kept
 * arrays go on the tape first. */
static const char *forward_call(Adj *a, const Stmt *s) {
    const Expr *call = s->rhs;
    bool any;
    bool *mask = call_mask(call, &any);
    const char *args = arg_list(call);
    if (!any || !a->taping || !s->active)
        return ir_format("%s(%s)", instance_request(a->instances, call->callee, mask, KIND_PRIMAL, 0), args);
    keep_arrays(a, s, true);
    const char *result_b = func_returns_heap(call->callee) ? heap_result_shadow(a, s) : "";
    return ir_format("%s(%s%s%s%s)", instance_request(a->instances, call->callee, mask, KIND_FORWARD, 0), adj_named(a, "tape"),
                     *args ? ", " : "", args, result_b);
}

/* e, with a realloc it assigns (through casts) made adc_realloc_kept: the backward sweep leaves
 * the pointer on its last block (tbr.c saves nothing), where a smaller one could not hold the
 * elements it restores. */
static const Expr *never_shrinking(const Expr *e) {
    if (!expr_is_realloc(e))
        return e;
    Expr *copy = ir_alloc(sizeof *copy);
    *copy = *e;
    if (e->kind == EX_CAST)
        copy->lhs = (Expr *)never_shrinking(e->lhs);
    else
        copy->text = "adc_realloc_kept";
    return copy;
}

/* After `p = realloc(p, n)` in the forward sweep: p's shadow, all zero there, grown with it
 * (never shrunk either: the backward sweep adds to the elements it had). Its memset counts
 * whole elements, which second order reads back as element stores (lower_memory.c). */
static void heap_regrow_shadow(Adj *a, const Var *p, const Expr *alloc) {
    const char *bytes = expr_text(alloc->args[1]);
    adj_line(a, "%s_b = adc_realloc_kept(%s_b, %s);", p->name, p->name, bytes);
    adj_line(a, "if (%s_b)", p->name);
    adj_line(a, "    memset(%s_b, 0, sizeof *%s_b * ((%s) / sizeof *%s_b));", p->name, p->name, bytes, p->name);
    adj_line(a, "else if (%s)", p->name);
    adj_line(a, "    adc_tape_set_failed(%s);", adj_named(a, "tape"));
}

/* The forward sweep of `p = allocation or g(...)`: the old block (and shadow) are taped. A
 * realloc keeps nothing (tbr.c): p stays on its last block, whose shadow grows with it; a bit
 * says whether it allocated (from a null p), to free the block where the backward sweep
 * reverses it. */
static void forward_heap_assign(Adj *a, const Stmt *s) {
    const Var *p = s->lhs->var;
    const Expr *alloc = expr_allocation(s->rhs);
    bool grows = expr_is_realloc(s->rhs);
    if (!a->taping) {
        error_at(s->rhs->loc, "heap memory allocated inside an ADC_CHECKPOINT loop is not supported");
        a->errors++;
        return;
    }
    if (s->saves)
        push(a, p->type, p->name, p);
    if (grows)
        adj_line(a, "adc_push_bit(%s, %s == 0);", adj_named(a, "tape"), p->name);
    adj_line(a, "%s = %s;", p->name, alloc ? expr_text(never_shrinking(s->rhs)) : forward_call(a, s));
    if (grows && p->active)
        heap_regrow_shadow(a, p, alloc);
    else if (alloc && p->active)
        heap_allocate_shadow(a, s->lhs, alloc);
}

/* The forward sweep of `a[i] = malloc(...)`, a row of a heap matrix: allocated once
 * (pointer_check.c), so nothing is taped; the backward sweep frees it there. */
static void forward_row_allocation(Adj *a, const Stmt *s) {
    if (!a->taping) {
        error_at(s->rhs->loc, "heap memory allocated inside an ADC_CHECKPOINT loop is not supported");
        a->errors++;
        return;
    }
    adj_line(a, "%s = %s;", expr_text(s->lhs), expr_text(s->rhs));
    if (s->lhs->lhs->var->active)
        heap_allocate_shadow(a, s->lhs, expr_allocation(s->rhs));
}

/* The forward sweep of a function returning a heap block: the block's shadow goes to the
 * caller with it (`f_result = u;` then `*f_b = u_b;`). */
static bool forward_heap_result(Adj *a, const Stmt *s) {
    if (!func_returns_heap(a->fn) || s->lhs->kind != EX_VAR || s->lhs->var != a->fn->result)
        return false;
    const Var *block = expr_block_at_offset(s->rhs); /* `v - nl + NR_END`: v_b at the same offset */
    adj_line(a, "%s = %s;", s->lhs->var->name, expr_text(s->rhs));
    adj_line(a, "*%s_b = %s;", a->fn->name, block && block->active ? block_shadow_text(s->rhs, "_b") : "0");
    return true;
}

/* After `p = q;` between heap pointers: p's shadow is q's (the backward sweep restores both
 * where it reverses the copy: push/pop). Activity makes p and q active together (a pointer and
 * what it points into are one value). After `p -= k;` (Numerical Recipes' `v -= nl;`, `m +=
 * NR_END;`) p's shadow moves by k too, and the backward sweep restores both the same way. */
static void forward_heap_shadow(Adj *a, const Stmt *s) {
    const Var *q = stmt_copies_heap(s), *p = s->lhs->kind == EX_VAR ? s->lhs->var : NULL;
    if (q && p->active)
        adj_line(a, "%s_b = %s_b;", p->name, q->name);
    else if (p && p->heap && p->active && s->op != OP_NONE)
        adj_line(a, "%s_b %s= %s;", p->name, op_spelling(s->op), expr_text(s->rhs));
}

/* ---- forward sweep ---- */


void forward_body(Adj *a, const Stmt *s, const char *extra) {
    a->depth++;
    if (s)
        forward_stmt(a, s);
    if (extra)
        adj_line(a, "%s", extra);
    a->depth--;
}

/* The values a trip of loop body s pushes, when s is assignments only (in blocks), calling no
 * function but math.h's, each pushing floating values or nothing: their number, else -1. */
static int straight_double_pushes(const Stmt *s) {
    if (s->kind == ST_BLOCK) {
        int n = 0;
        for (int i = 0; i < s->nbody && n >= 0; i++) {
            int k = straight_double_pushes(s->body[i]);
            n = k < 0 ? -1 : n + k;
        }
        return n;
    }
    if (s->kind != ST_ASSIGN || stmt_assigns_heap(s) || stmt_allocates_row(s) || expr_calls_function(s->lhs) ||
        expr_calls_function(s->rhs))
        return -1;
    int n = (s->saves && !tbr_inverts(s)) + s->tapes_result;
    return n && (!type_is_floating(s->lhs->type) || s->lhs->type->kind == TY_LONG_DOUBLE) ? -1 : n;
}

static void forward_loop_text(Adj *a, const Stmt *s, bool taped, bool counting, const char *trips);
static const char *first_index_type(const Stmt *s);
static const char *trip_count(Adj *a, const Stmt *s, const Expr *bound);

/* A counting loop whose trip count follows from its first index and bound (as the backward
 * sweep computes it), with a body of straight_double_pushes, takes the room for all its pushes
 * before its first trip; its trips store through a pointer of their own (no size to update and
 * check per push, no reload of the tape after each store). The pushes counted as written must
 * be those predicted, or adc stops: a wrong count would misalign the whole tape. Not in a file
 * whose adjoint code second order reads back (its tangent pushes each value's tangent too). */
static void room_loop(Adj *a, const Stmt *s, const Expr *bound, int pushes) {
    const char *first_index = adj_named(a, ir_format("first_%d", s->id));
    adj_line(a, "{");
    a->depth++;
    adj_line(a, "%s %s = %s;", first_index_type(s), first_index, s->var->name);
    const char *count = trip_count(a, s, bound), *room = adj_named(a, ir_format("room_%d", s->id));
    Buf body = {0}, *out = a->out;
    a->out = &body;
    a->room = room;
    a->room_pushes = 0;
    a->room_missed = false;
    forward_loop_text(a, s, false, true, NULL);
    a->out = out;
    a->room = NULL;
    if (a->room_missed || a->room_pushes != pushes) {
        error_at(s->loc, "adc internal error: the forward sweep of this loop pushes %d values per trip where "
                 "%d were counted; please report it", a->room_pushes, pushes);
        a->errors++;
    }
    adj_line(a, "unsigned char *%s = adc_tape_room(%s, (size_t)(%s) * %zu);", room, adj_named(a, "tape"), count,
             (size_t)pushes * sizeof(double));
    buf_puts(a->out, buf_str(&body));
    buf_free(&body);
    a->depth--;
    adj_line(a, "}");
}

/* A loop tapes its trip count (and a counting loop its first index) if its body has
 * anything to undo, unless the backward sweep can count the trips from the loop's bounds. */
static void forward_loop(Adj *a, const Stmt *s) {
    const Expr *first, *bound = tbr_loop_bound(s, &first);
    bool taped = a->taping && tbr_reversible(s->then) && !bound;
    bool counting = s->kind == ST_FOR && s->var;
    bool recomputed = taped && counting && s->var->needed; /* the backward sweep reads the index */
    const char *trips = adj_named(a, ir_format("trips_%d", s->id)), *first_index = adj_named(a, ir_format("first_%d", s->id));
    a->errors += loop_pragmas_check(a->fn->reverse_body, s);
    if (s->init)
        forward_stmt(a, s->init);
    bool room = a->taping && bound && !a->room && !a->instances->prog->second_order;
    int pushes = room ? straight_double_pushes(s->then) : -1;
    if (pushes > 0) {
        room_loop(a, s, bound, pushes);
        return;
    }
    if (recomputed)
        adj_line(a, "long %s = %s;", first_index, s->var->name);
    if (taped)
        adj_line(a, "long %s = 0;", trips);
    forward_loop_text(a, s, taped, counting, trips);
    if (taped)
        adj_line(a, "adc_push_int(%s, %s);", adj_named(a, "tape"), trips);
    if (recomputed)
        adj_line(a, "adc_push_int(%s, %s);", adj_named(a, "tape"), first_index);
}

/* The loop itself, counting its trips in trips if taped. */
static void forward_loop_text(Adj *a, const Stmt *s, bool taped, bool counting, const char *trips) {
    const char *cond = s->cond ? expr_text(s->cond) : "1";
    adj_line(a, s->kind == ST_DO ? "do {" : "while (%s) {", cond);
    a->depth++;
    forward_stmt(a, s->then);
    if (counting)
        adj_line(a, "%s += %s;", s->var->name, expr_text(counting_step(s)->rhs));
    else if (s->step)
        forward_stmt(a, s->step);
    if (taped)
        adj_line(a, "%s++;", trips);
    a->depth--;
    if (s->kind == ST_DO)
        adj_line(a, "} while (%s);", cond);
    else
        adj_line(a, "}");
}

/* What ends branch k of a taped if in the forward sweep: a bit for if/else, the branch's number
 * for an else-if chain. */
static const char *branch_mark(Adj *a, bool taped, bool chain, int k) {
    if (!taped)
        return NULL;
    if (chain)
        return ir_format("adc_push_int(%s, %d);", adj_named(a, "tape"), k);
    return ir_format("adc_push_bit(%s, %d);", adj_named(a, "tape"), k == 0);
}

/* An if tapes the branch it takes if any branch has something to undo, unless the backward sweep
 * evaluates its condition again (branch_cond.c). An else-if chain is written flat. */
static void forward_if(Adj *a, const Stmt *s) {
    bool taped = a->taping && tbr_reversible(s) && !s->cond_recomputed, chain = stmt_else_if(s) != NULL;
    int k = 0;
    adj_line(a, "if (%s) {", expr_text(s->cond));
    forward_body(a, s->then, branch_mark(a, taped, chain, k++));
    for (const Stmt *next; (next = stmt_else_if(s)); s = next) {
        adj_line(a, "} else if (%s) {", expr_text(next->cond));
        forward_body(a, next->then, branch_mark(a, taped, chain, k++));
    }
    if (s->els || taped) {
        adj_line(a, "} else {");
        forward_body(a, s->els, branch_mark(a, taped, chain, k));
    }
    adj_line(a, "}");
}

static void forget_zeros(Adj *a);

/* An MPI call with active buffers, or a wait: libadc_mpi records it in the forward sweep and
 * reverses it in the backward sweep, adding to adjoints through pointers. */
static void mpi_call(Adj *a, const Stmt *s, MpiStage stage) {
    if (!a->taping) {
        error_at(s->loc, "an MPI call inside an ADC_CHECKPOINT loop is not supported (its steps run again)");
        a->errors++;
        return;
    }
    const char *text = mpi_call_text(a->fn->reverse_body, s->rhs, stage);
    if (!text) {
        a->errors++;
        return;
    }
    if (stage == MPI_STAGE_REVERSE)
        adj_line(a, "/* %s:%u */", s->loc.file, s->loc.line);
    adj_line(a, "%s;", text);
    forget_zeros(a);
}

/* MPI_Comm_free, MPI_Comm_disconnect: the backward sweep would reverse communication on a
 * communicator freed in the forward sweep. */
static bool frees_communicator(const Stmt *s) {
    const Expr *call = s->rhs;
    return call && call->kind == EX_CALL && !call->callee &&
           (strcmp(call->text, "MPI_Comm_free") == 0 || strcmp(call->text, "MPI_Comm_disconnect") == 0);
}

void forward_stmt(Adj *a, const Stmt *s) {
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            forward_stmt(a, s->body[i]);
        break;
    case ST_ASSIGN: {
        if (stmt_assigns_heap(s)) {
            forward_heap_assign(a, s);
            break;
        }
        if (stmt_allocates_row(s)) {
            forward_row_allocation(a, s);
            break;
        }
        if (forward_heap_result(a, s))
            break;
        const char *lhs = expr_text(s->lhs);
        bool call = s->rhs->kind == EX_CALL && s->rhs->callee;
        bool save = a->taping && s->saves && !tbr_inverts(s);
        /* The backward sweep restores the old value before it reverses the callee, so the
         * old value goes on the tape after the callee's own entries. */
        const char *old = save && call ? namer_temp(&a->names) : NULL;
        if (old) {
            adj_line(a, "{");
            a->depth++;
            adj_line(a, "%s = %s;", decl_of(assignable(s->lhs->type), old, false), lhs);
        } else if (save) {
            push(a, s->lhs->type, lhs, lvalue_var(s->lhs));
        }
        const char *rhs = call ? forward_call(a, s) : expr_text(never_shrinking(s->rhs));
        if (s->op == OP_NONE)
            adj_line(a, "%s = %s;", lhs, rhs);
        else
            adj_line(a, "%s %s= %s;", lhs, op_spelling(s->op), rhs);
        forward_heap_shadow(a, s);
        if (a->taping && s->tapes_result)
            push(a, s->lhs->type, lhs, lvalue_var(s->lhs));
        if (old) {
            push(a, s->lhs->type, old, lvalue_var(s->lhs));
            a->depth--;
            adj_line(a, "}");
        }
        break;
    }
    case ST_CALL:
        if (mpi_routed(s))
            mpi_call(a, s, MPI_STAGE_FORWARD);
        else if ((expr_freed_var(s->rhs) && var_holds_blocks(expr_freed_var(s->rhs))) || expr_freed_row(s->rhs))
            adj_line(a, "/* %s: in the backward sweep */", expr_text(s->rhs));
        else if (stmt_frees_later(s) && !a->taping) {
            error_at(s->rhs->loc, "'free' inside an ADC_CHECKPOINT loop is not supported in reverse mode (the "
                     "loop runs again from its snapshots, which do not hold heap memory)");
            a->errors++;
        } else if (stmt_frees_later(s))
            adj_line(a, "adc_tape_defer_free(%s, %s); /* the backward sweep may read it */", adj_named(a, "tape"),
                 expr_text(s->rhs->args[0]));
        else if (frees_communicator(s)) {
            error_at(s->rhs->loc, "'%s' is not supported in reverse mode: the backward sweep communicates on the "
                     "communicator after the function has returned; free it after calling the derivative",
                     s->rhs->text);
            a->errors++;
        } else
            adj_line(a, "%s;", s->rhs->callee ? forward_call(a, s) : expr_text(s->rhs));
        break;
    case ST_IF:
        forward_if(a, s);
        break;
    case ST_FOR: case ST_WHILE: case ST_DO:
        if (s->checkpoint && a->taping)
            forward_checkpointed(a, s);
        else
            forward_loop(a, s);
        break;
    default:
        break;
    }
}

/* ---- backward sweep ---- */

/* ---- adjoints known to be zero ---- */

/* A floating local whose adjoint is the local name_b. */
static bool zero_tracked(const Var *v) {
    return v->kind == VAR_LOCAL && v->active && !v->shadow && type_is_floating(v->type);
}

/* Such a local, or a parameter whose adjoint starts at 0.0 like one (set_aside_increments):
 * a statement that wrote it where it is dead passes nothing on, not 0 times an overflowed
 * partial (NaN; difftest seed 311204). */
static bool zero_followed(const Adj *a, const Var *v) {
    return zero_tracked(v) || (v->kind == VAR_PARAM && a->set_aside[v->index]);
}

/* Forgets what is known (control flow joins, calls; for elements also anything that may
 * change an index: pops, undone steps, recomputations). */
static void forget_zeros(Adj *a) {
    memset(a->zero, 0, sizeof(bool) * (size_t)(a->fn->nvars + 1));
    a->nzero_elements = 0;
}

/* Splits the index of an element shadow "u_b[i + 1]" into its base and constant offset ("i",
 * 1); false unless the text is root[index] with one bracket pair. */
static bool element_parts(const char *shadow, const char **root_end, const char **base, size_t *base_len,
                          long *offset) {
    const char *open = strchr(shadow, '['), *close = strrchr(shadow, ']');
    if (!open || close != shadow + strlen(shadow) - 1 || strchr(open + 1, '['))
        return false;
    *root_end = open;
    *base = open + 1;
    *base_len = (size_t)(close - open - 1);
    *offset = 0;
    const char *sign = NULL;
    for (const char *p = open + 1; p + 3 < close; p++)
        if ((p[0] == ' ' && (p[1] == '+' || p[1] == '-') && p[2] == ' '))
            sign = p;
    if (sign && strspn(sign + 3, "0123456789") == (size_t)(close - sign - 3)) {
        *offset = strtol(sign + 3, NULL, 10) * (sign[1] == '-' ? -1 : 1);
        *base_len = (size_t)(sign - open - 1);
    }
    return true;
}

/* Whether two adjoint lvalues are provably different memory: u_b[i] and u_b[i + 1]. */
static bool distinct_elements(const char *x, const char *y) {
    const char *xr, *xb, *yr, *yb;
    size_t xl, yl;
    long xo, yo;
    return element_parts(x, &xr, &xb, &xl, &xo) && element_parts(y, &yr, &yb, &yl, &yo) && xr - x == yr - y &&
           strncmp(x, y, (size_t)(xr - x)) == 0 && xl == yl && strncmp(xb, yb, xl) == 0 && xo != yo;
}

/* Whether an adjoint lvalue is memory (x_b[i], (*s_b), p_b.f) rather than a local's name. */
static bool in_memory(const char *shadow) {
    return strpbrk(shadow, "[(*.") != NULL;
}

/* A write to adjoint memory: the elements it may be are no longer known to be zero. */
static void wrote_memory(Adj *a, const char *shadow) {
    int kept = 0;
    for (int i = 0; i < a->nzero_elements; i++)
        if (distinct_elements(a->zero_elements[i], shadow))
            a->zero_elements[kept++] = a->zero_elements[i];
    a->nzero_elements = kept;
}

static void set_zero(Adj *a, const Expr *lvalue, bool zero) {
    if (lvalue->kind == EX_VAR && zero_followed(a, lvalue->var)) {
        a->zero[lvalue->var->index] = zero;
        return;
    }
    const char *shadow = shadow_text(lvalue, "_b");
    if (!shadow || !in_memory(shadow))
        return;
    wrote_memory(a, shadow);
    if (zero && a->nzero_elements < (int)(sizeof a->zero_elements / sizeof a->zero_elements[0]))
        a->zero_elements[a->nzero_elements++] = shadow;
}

/* Whether shadow is an element known to be zero; it is not from here on (it is written). */
static bool take_zero_element(Adj *a, const char *shadow) {
    for (int i = 0; i < a->nzero_elements; i++)
        if (strcmp(a->zero_elements[i], shadow) == 0) {
            a->zero_elements[i] = a->zero_elements[--a->nzero_elements];
            return true;
        }
    return false;
}

/* The locals a leaf reads through their address (`(&u)[0]`; `*&u` is lowered to u, memory
 * chosen by ?: refused): the increment reaches their adjoints through memory, so none of them
 * is known to be zero any more. */
static void forget_addressed(Adj *a, const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_ADDR && expr_root_var(e->lhs))
        a->zero[expr_root_var(e->lhs)->index] = false;
    forget_addressed(a, e->lhs);
    forget_addressed(a, e->rhs);
    forget_addressed(a, e->cond);
}

/* `shadow += value` (-= when negated) for the leaf whose adjoint shadow is, `shadow = value`
 * when it is known to be zero, or into the local sum that stands for shadow in this loop. */
static void increment(Adj *a, const Expr *leaf, const char *shadow, const char *value, bool negated) {
    bool zero = leaf->kind == EX_VAR && a->zero[leaf->var->index];
    if (leaf->kind == EX_VAR)
        a->zero[leaf->var->index] = false;
    else
        forget_addressed(a, leaf);
    if (in_memory(shadow)) {
        zero |= take_zero_element(a, shadow);
        wrote_memory(a, shadow);
    }
    if (zero) {
        adj_line(a, "%s = %s%s;", shadow, negated ? "-" : "", negated ? paren_if_needed(value) : value);
        return;
    }
    int sum = a->nsums - 1;
    while (sum >= 0 && strcmp(a->sums[sum].shadow, shadow) != 0)
        sum--;
    if (sum >= 0)
        shadow = a->sums[sum].name;
    bool own = sum >= a->parallel_sums || (leaf->kind == EX_VAR && a->private_var[leaf->var->index]);
    if (a->parallel && !own) /* other trips may add to it at the same time */
        adj_line(a, "#pragma omp atomic");
    adj_line(a, "%s %c= %s;", shadow, negated ? '-' : '+', value);
}

/* Whether both operands of n are one leaf with one partial (x * x, x + x): their two
 * contributions are then one, p * (2.0 * seed), bit for bit the same as p * seed added twice,
 * and the C compiler can share or hoist 2.0 * seed (dx * dx + dy * dy). */
static bool same_twice(const Linear *lin, const LinNode *n) {
    if (n->nkids != 2 || !n->partial[0] || !n->partial[1] || strcmp(n->partial[0], n->partial[1]) != 0)
        return false;
    const LinNode *first = &lin->nodes[n->kid[0]], *second = &lin->nodes[n->kid[1]];
    return !first->temp && !second->temp && strcmp(first->shadow, second->shadow) == 0;
}

/* Adds seed (negated: minus seed) times the derivative of node's value to the adjoints of its
 * leaves; a partial of -1.0 (a - b, -a) flips the sign instead of naming -seed. */
static void propagate(Adj *a, const Linear *lin, int id, const char *seed, bool negated) {
    const LinNode *n = &lin->nodes[id];
    if (!n->temp) {
        increment(a, n->expr, n->shadow, seed, negated);
        return;
    }
    if (same_twice(lin, n)) {
        const LinNode *leaf = &lin->nodes[n->kid[0]];
        increment(a, leaf->expr, leaf->shadow, partial_times(n, 0, ir_format("2.0 * %s", paren_if_needed(seed))),
                  negated);
        return;
    }
    for (int k = 0; k < n->nkids; k++) {
        if (!n->partial[k] || !carries_derivative(lin, n->kid[k]))
            continue;
        const LinNode *kid = &lin->nodes[n->kid[k]];
        bool flip = strcmp(n->partial[k], "-1.0") == 0;
        const char *contribution = flip ? seed : partial_times(n, k, seed);
        if (!kid->temp) {
            increment(a, kid->expr, kid->shadow, contribution, negated != flip);
        } else if (flip) {
            propagate(a, lin, n->kid[k], seed, !negated);
        } else {
            adj_line(a, "%s %s_b = %s;", temp_type(kid->expr->type), kid->temp, contribution);
            propagate(a, lin, n->kid[k], ir_format("%s_b", kid->temp), negated);
        }
    }
}

/* The type of a statement's seed (adj): double, long double for a long double target. */
static const char *seed_type_of(const Type *t) {
    return t->kind == TY_LONG_DOUBLE ? "long double" : "double";
}

/* The backward sweep of `lhs op= rhs` for a floating lhs (its old value already restored). */
static void reverse_assign(Adj *a, const Stmt *s) {
    const char *lhs_b = shadow_text(s->lhs, "_b");
    Linear lin;
    if (s->lhs->kind == EX_VAR && a->zero[s->lhs->var->index]) /* no adjoint to pass on */
        return;
    if (!lhs_b || linearize(&lin, s->rhs, &a->names, "_b") != 0) {
        if (!lhs_b)
            error_at(s->loc, "adc cannot name the adjoint of this assignment's target");
        a->errors++;
        return;
    }
    bool compound = s->op == OP_MUL || s->op == OP_DIV;
    if (reuses_result(s)) {
        lin.nodes[lin.root].op_text = expr_text(s->lhs);
        lin.nodes[lin.root].known = true;
    }
    if (s->companion)
        lin.nodes[lin.root].partial[0] = companion_partial(s);
    size_t seed_at = a->out->len; /* before the temps the partials read */
    emit_needed_temps(a->out, &lin, compound, a->depth);
    const char *value = paren_if_needed(lin.root >= 0 ? lin.nodes[lin.root].value : expr_text(s->rhs));
    const char *lhs = paren_if_needed(expr_text(s->lhs));
    const char *seed = a->adj;
    if (lin.root < 0) { /* an inactive right side: only the overwritten value's adjoint changes */
        if (s->op == OP_NONE)
            adj_line(a, "%s = 0.0;", lhs_b);
        else if (compound)
            adj_line(a, "%s %s= %s;", lhs_b, op_spelling(s->op), value);
        set_zero(a, s->lhs, s->op == OP_NONE);
        return;
    }
    const char *seed_type = seed_type_of(s->lhs->type);
    switch (s->op) {
    case OP_NONE:
        adj_line(a, "%s %s = %s;", seed_type, seed, lhs_b);
        adj_line(a, "%s = 0.0;", lhs_b);
        set_zero(a, s->lhs, true);
        break;
    case OP_ADD: case OP_SUB:
        adj_line(a, "%s %s = %s%s;", seed_type, seed, s->op == OP_SUB ? "-" : "", lhs_b);
        break;
    case OP_MUL: case OP_DIV:
        adj_line(a, "%s %s = %s;", seed_type, seed, lhs_b);
        adj_line(a, "%s = %s %s %s;", lhs_b, seed, op_spelling(s->op), value);
        set_zero(a, s->lhs, false);
        seed = s->op == OP_MUL ? ir_format("%s * %s", lhs, a->adj)
                               : ir_format("-%s / (%s * %s) * %s", lhs, value, value, a->adj);
        break;
    default:
        error_at(s->loc, "cannot differentiate the compound assignment '%s='", op_spelling(s->op));
        a->errors++;
        return;
    }
    size_t propagated_at = a->out->len;
    propagate(a, &lin, lin.root, seed, false);
    if (a->out->len == propagated_at && (s->op == OP_NONE || s->op == OP_ADD || s->op == OP_SUB)) {
        a->out->len = seed_at; /* every partial is zero (floor, round, ...): nothing reads the seed or temps */
        a->out->data[seed_at] = '\0';
        if (s->op == OP_NONE)
            adj_line(a, "%s = 0.0;", lhs_b);
    }
}

/* The backward sweep of an active call `[lhs =] g(args)`. A call with no active argument (an
 * active lhs set from constants) ran as g itself in the forward sweep (forward_call): it taped
 * nothing and has no adjoint to pass on; only the lhs's adjoint is cleared. */
static void reverse_call(Adj *a, const Stmt *s, const Expr *call) {
    bool any;
    bool *mask = call_mask(call, &any);
    const char *seed = "0.0";
    const char *lhs_b = s->kind == ST_ASSIGN && type_is_floating(s->lhs->type) && s->lhs->active
                            ? shadow_text(s->lhs, "_b") : NULL;
    if (!any) {
        if (lhs_b)
            adj_line(a, "%s = 0.0;", lhs_b);
        return;
    }
    if (lhs_b) {
        adj_line(a, "%s %s = %s;", seed_type_of(s->lhs->type), a->adj, lhs_b);
        adj_line(a, "%s = 0.0;", lhs_b);
        seed = a->adj;
    }
    Buf args = {0};
    const char **arg_b = ir_alloc(sizeof(char *) * (size_t)(call->nargs + 1)); /* scalar arguments' adjoints */
    buf_puts(&args, adj_named(a, "tape"));
    for (int i = 0; i < call->nargs; i++) {
        const Expr *arg = call->args[i];
        buf_printf(&args, ", %s", expr_text(arg));
        if (!mask[i])
            continue;
        if (arg->type->kind == TY_PTR || arg->type->kind == TY_ARRAY) {
            const char *shadow = shadow_text(arg, "_b");
            buf_printf(&args, ", %s", shadow ? shadow : "0");
        } else if (arg->type->kind == TY_STRUCT) { /* the callee adds to the struct's adjoint */
            const char *shadow = shadow_text(arg, "_b");
            if (!shadow) {
                error_at(arg->loc, "in reverse mode, an active struct argument must be a variable, "
                         "a field or an element");
                a->errors++;
            }
            buf_printf(&args, ", &%s", shadow ? shadow : "0");
        } else {
            arg_b[i] = ir_format("%s_b", namer_temp(&a->names));
            adj_line(a, "%s %s = 0.0;", temp_type(call->callee->params[i]->type), arg_b[i]); /* the parameter's type */
            buf_printf(&args, ", &%s", arg_b[i]);
        }
    }
    if (type_is_floating(call->type)) /* the seed, in every instance's signature (instance.c) */
        buf_printf(&args, ", %s", seed);
    adj_line(a, "%s(%s);", instance_request(a->instances, call->callee, mask, KIND_REVERSE, 0), buf_str(&args));
    buf_free(&args);
    if (any)
        keep_arrays(a, s, false);
    forget_zeros(a); /* the callee may add to adjoints through pointers */
    for (int i = 0; i < call->nargs; i++) {
        const Expr *arg = call->args[i];
        Linear lin;
        if (!mask[i] || arg->type->kind == TY_PTR || arg->type->kind == TY_ARRAY || arg->type->kind == TY_STRUCT)
            continue;
        if (linearize(&lin, arg, &a->names, "_b") != 0) {
            a->errors++;
            continue;
        }
        emit_needed_temps(a->out, &lin, false, a->depth);
        propagate(a, &lin, lin.root, arg_b[i], false);
    }
}

static void pointer_shadow(Adj *a, const Var *p) {
    if (p->which) {
        adj_line(a, "%s_b = %s;", p->name, switched(a, p, true));
        return;
    }
    const Var *root = p->pointer_root;
    const char *shadow = ir_format("%s + %s", root_base_text(root, true, p->type),
                                   pointer_offset_text(p->type, p->name, root_base_text(root, false, p->type)));
    if (!walks_heap(p)) {
        adj_line(a, "%s_b = %s;", p->name, shadow);
        return;
    }
    adj_line(a, "if (%s)", p->name); /* null until set (pop): its shadow is never read then */
    adj_line(a, "    %s_b = %s;", p->name, shadow);
}

static void reverse_simple(Adj *a, const Stmt *s) {
    bool call = s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee;
    bool restores = s->kind == ST_ASSIGN && s->saves;
    bool restores_last = restores && reuses_result(s); /* the partials read the new value */
    if ((!s->active || stmt_points_member(s)) && !restores) /* a member's shadow: member_shadows */
        return;
    adj_line(a, "/* %s:%u */", s->loc.file, s->loc.line);
    adj_line(a, "{");
    a->depth++;
    if (s->tapes_result) /* this trip's value, for the earlier companion */
        pop(a, s->lhs->type, expr_text(s->lhs), lvalue_var(s->lhs));
    if (restores && tbr_inverts(s)) {
        adj_line(a, "%s %s= %s; /* undone */", expr_text(s->lhs), s->op == OP_ADD ? "-" : "+", expr_text(s->rhs));
        a->nzero_elements = 0;
    } else if (restores && !restores_last) {
        pop(a, s->lhs->type, expr_text(s->lhs), lvalue_var(s->lhs));
        swaps_restore_shadow(a, s->lhs, shadow_name);
    }
    if (restores && !restores_last && s->lhs->kind == EX_VAR && (s->lhs->var->pointer_root || s->lhs->var->which) &&
        s->lhs->var->active)
        pointer_shadow(a, s->lhs->var);
    if (s->active && call) {
        reverse_call(a, s, s->rhs);
    } else if (s->active && s->kind == ST_ASSIGN && type_is_floating(s->lhs->type)) {
        reverse_assign(a, s);
    } else if (s->active && s->kind == ST_ASSIGN && s->lhs->type->kind == TY_STRUCT) {
        error_at(s->loc, "in reverse mode, assigning a whole active struct is not supported; "
                 "assign its fields");
        a->errors++;
    }
    if (restores_last) {
        pop(a, s->lhs->type, expr_text(s->lhs), lvalue_var(s->lhs));
        swaps_restore_shadow(a, s->lhs, shadow_name);
    }
    a->depth--;
    adj_line(a, "}");
}

/* The loops that fill again, where the backward sweep begins, the local arrays whose final
 * values are not taped (refill.c): untaped, each over an index of its own. */
static void refill_arrays(Adj *a) {
    bool taping = a->taping;
    a->taping = false;
    for (int i = 0; i < a->fn->nrefills; i++) {
        const Stmt *loop = a->fn->refills[i];
        Var *index = loop->var; /* refill.c's own, named here */
        index->name = adj_named(a, index->source_name ? index->source_name : index->name);
        adj_line(a, "for (%s = %s; %s; %s += %s) { /* refilled, not taped */", decl_of(index->type, index->name, false),
                 expr_text(loop->init->rhs), expr_text(loop->cond), index->name, expr_text(loop->step->rhs));
        forward_body(a, loop->then, NULL);
        adj_line(a, "}");
    }
    a->taping = taping;
}

/* The definitions of a loop body that are computed again rather than taped (recompute.c). */
static void recompute_trip(Adj *a, const Stmt *s) {
    if (s->kind == ST_BLOCK)
        for (int i = 0; i < s->nbody; i++)
            recompute_trip(a, s->body[i]);
    else if (s->kind == ST_ASSIGN && s->recompute) {
        adj_line(a, "%s = %s; /* recomputed */", expr_text(s->lhs), expr_text(s->rhs));
        a->nzero_elements = 0;
    }
}

/* The type the backward sweep holds a loop's first index (and bound) in: an unsigned index's
 * own type (its values wrap in it; first + trips * step then computes in unsigned long, or in
 * long from a narrower type, exactly), else long. */
static const char *first_index_type(const Stmt *s) {
    return s->var && type_is_wide_unsigned(s->var->type) ? decl_of(s->var->type, "", true) : "long";
}

/* The trip count of a counting loop from its first index and bound (after `long bound_N`; for
 * an unsigned index, its type: tbr_loop_bound). */
static const char *trip_count(Adj *a, const Stmt *s, const Expr *bound) {
    const char *step = paren_if_needed(expr_text(counting_step(s)->rhs));
    const char *first = adj_named(a, ir_format("first_%d", s->id)), *last = adj_named(a, ir_format("bound_%d", s->id));
    adj_line(a, "%s %s = %s;", first_index_type(s), last, expr_text(bound));
    if (s->cond->op == OP_LE)
        return ir_format("%s <= %s ? (%s - %s) / %s + 1 : 0", first, last, last, first, step);
    if (strcmp(step, "1") == 0)
        return ir_format("%s < %s ? %s - %s : 0", first, last, last, first);
    return ir_format("%s < %s ? (%s - %s - 1) / %s + 1 : 0", first, last, last, first, step);
}

/* Whether fn's backward sweep may reassociate: options(fast_math), or --fast-math (every
 * function, the helpers its backward sweep calls too). */
static bool fast_math(const Adj *a) {
    return a->fn->fast_math || a->instances->prog->fast_math;
}

/* Whether a sum of the loop (from sums[outer] on) has two halves. */
static bool has_halves(const Adj *a, int outer) {
    for (int i = outer; i < a->nsums; i++)
        if (a->sums[i].alt)
            return true;
    return false;
}

/* Swaps the names of the two halves of each sum of the loop (from sums[outer] on) that has
 * them: the code emitted next adds to the other half. */
static void flip_halves(Adj *a, int outer) {
    for (int i = outer; i < a->nsums; i++) {
        Sum *sum = &a->sums[i];
        if (sum->alt) {
            const char *name = sum->name;
            sum->name = sum->alt;
            sum->alt = name;
        }
    }
}

/* At the end of a trip: each sum of the loop (from sums[outer] on) that has two halves swaps them. */
static void swap_sums(Adj *a, int outer) {
    for (int i = outer; i < a->nsums; i++) {
        const Sum *sum = &a->sums[i];
        if (!sum->alt)
            continue;
        const char *tmp = func_new_var_name(a->fn, ir_format("%s_swap", sum->name));
        adj_line(a, "{ %s %s = %s; %s = %s; %s = %s; } /* the next trip adds to the other half */", sum->type,
             tmp, sum->name, sum->name, sum->alt, sum->alt, tmp);
    }
}

/* Fused (emit_fused): the trips in their own order, each running its forward sweep, then its
 * backward sweep; a loop holding only the next loop runs that loop's fused trips. */
static void fused_trips(Adj *a, const Stmt *s, int outer) {
    forward_stmt(a, s->init);
    adj_line(a, "while (%s) {", expr_text(s->cond));
    a->depth++;
    loop_fresh_locals(a->fn, s, a->mentions, a->zero);
    for (int i = 0; i < a->fn->nvars; i++)
        a->zero[i] = a->zero[i] && zero_tracked(a->fn->vars[i]);
    if (stmt_unwrapped(s->then)->kind != ST_FOR)
        forward_stmt(a, s->then);
    reverse_stmt(a, s->then);
    swap_sums(a, outer);
    forget_zeros(a);
    adj_line(a, "%s += %s;", s->var->name, expr_text(counting_step(s)->rhs));
    a->depth--;
    adj_line(a, "}");
}

/* One backward trip of loop s: its index steps back (index: a counting loop, not parallel),
 * then the definitions it computes again and its body, knowing which local adjoints are zero
 * at its top. */
static void reverse_trip(Adj *a, const Stmt *s, const char *index, const char *step) {
    if (index)
        adj_line(a, "%s -= %s;", index, step);
    recompute_trip(a, s->then);
    loop_fresh_locals(a->fn, s, a->mentions, a->zero);
    for (int i = 0; i < a->fn->nvars; i++)
        a->zero[i] = a->zero[i] && zero_tracked(a->fn->vars[i]);
    reverse_stmt(a, s->then);
}

static bool is_loop(const Stmt *s, const void *unused) {
    (void)unused;
    return s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO;
}

static bool calls_user_function(const Stmt *s, const void *unused) {
    (void)unused;
    return s->rhs && s->rhs->kind == EX_CALL && s->rhs->callee;
}

/* Whether loop s's backward trips may carry an adjoint from one to the next other than in the
 * halves of its sums: an active variable that is no array or pointer, that the body mentions
 * and does not define afresh in each trip; an element read at one place on every trip but
 * not summed (loop_reads_unsummed); or whatever a call's backward sweep adds to. A pair of
 * trips would add to it twice, and gcc 12 -O2 vectorizes two floating additions to one
 * variable per iteration (a "reduction chain") reordering them: e2e loop_adjoint_locals,
 * pr_b.a, went wrong. */
static bool carries_adjoint(const Adj *a, const Stmt *s) {
    if (loop_reads_unsummed(s) || stmt_find(s->then, calls_user_function, NULL))
        return true;
    bool *fresh = ir_alloc(sizeof(bool) * (size_t)(a->fn->nvars + 1));
    loop_fresh_locals(a->fn, s, a->mentions, fresh);
    for (int i = 0; i < a->fn->nvars; i++) {
        const Var *v = a->fn->vars[i];
        if (v->active && v->type->kind != TY_ARRAY && v->type->kind != TY_PTR && !fresh[i] &&
            stmt_mentions(s->then, v))
            return true;
    }
    return false;
}

/* Whether loop s's backward trips go in pairs (paired_trips): an innermost loop whose sums
 * have two halves and whose trips carry no other adjoint from one to the next. */
static bool pairs_trips(Adj *a, const Stmt *s, int outer) {
    return has_halves(a, outer) && a->parallel != s && !stmt_find(s->then, is_loop, NULL) &&
           !carries_adjoint(a, s);
}

/* The trips count of them (trips, a long the loop may change) two at a time, the first adding
 * to one half of each sum and the second to the other, after a first trip of its own for an
 * odd count: the pair is straight-line code, which the compiler may interleave (SLP
 * vectorization) where it knows the arrays apart. Each half sums the same trips in the same
 * order as when the halves swap after every trip, so the gradient is the same to the bit. */
static void paired_trips(Adj *a, const Stmt *s, int outer, const char *trips, const char *index, const char *step) {
    adj_line(a, "if (%s %% 2 != 0) { /* an odd trip count: the first trip adds to the other halves */", trips);
    a->depth++;
    flip_halves(a, outer);
    int errors = error_count();
    reverse_trip(a, s, index, step);
    forget_zeros(a);
    flip_halves(a, outer);
    a->depth--;
    adj_line(a, "}");
    if (error_count() > errors) /* reported once */
        return;
    adj_line(a, "for (%s /= 2; %s > 0; %s--) { /* two trips at a time, one for each half */", trips, trips, trips);
    a->depth++;
    reverse_trip(a, s, index, step);
    forget_zeros(a);
    flip_halves(a, outer);
    reverse_trip(a, s, index, step);
    forget_zeros(a);
    flip_halves(a, outer);
    a->depth--;
    adj_line(a, "}");
}

/* 1 or -1 for a step spelled 1 or -1, else 0. */
static int unit_step(const Expr *step) {
    bool negated = step->kind == EX_UNARY && step->op == OP_NEG;
    const Expr *number = negated ? step->lhs : step;
    if (number->kind != EX_NUM || strcmp(number->text, "1") != 0)
        return 0;
    return negated ? -1 : 1;
}

/* text with one level of indentation less on each line. */
static const char *dedented(const char *text) {
    Buf b = {0};
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        end = end ? end + 1 : line + strlen(line);
        if (strncmp(line, "    ", 4) == 0)
            line += 4;
        buf_printf(&b, "%.*s", (int)(end - line), line);
        line = end;
    }
    const char *out = ir_strdup(buf_str(&b));
    buf_free(&b);
    return out;
}

/* single_trips for a loop whose trips share an element of an adjoint array (carry.c): the
 * trip's code, written aside, touches the element it shares with the previous trip and the one
 * it hands to the next in two locals, and stores the shared one, final then, at its end; the
 * first trip loads its shared element before the loop, the last trip's next element is stored
 * after it. False (nothing written) unless the loop is such and the code of its trips reaches
 * the array through those two elements only. */
static bool carried_trips(Adj *a, const Stmt *s, int outer, const char *trips, const char *index, const char *step) {
    const Expr *shared, *next;
    if (!index || a->parallel ||
        !loop_carried_element(a->fn, s, unit_step(counting_step(s)->rhs), &shared, &next))
        return false;
    const char *shared_b = shadow_text(shared, "_b"), *next_b = shadow_text(next, "_b"),
               *array_b = shadow_text(shared->lhs, "_b");
    if (!shared_b || !next_b || !array_b)
        return false;
    const char *type = temp_type(shared->type), *name = expr_root_var(shared)->name;
    const char *held = func_new_var_name(a->fn, ir_format("%s_b_shared", name));
    const char *handed = func_new_var_name(a->fn, ir_format("%s_b_next", name));
    Buf aside = {0};
    Buf *out = a->out;
    a->out = &aside;
    a->depth += 2;
    reverse_trip(a, s, NULL, NULL);
    swap_sums(a, outer);
    forget_zeros(a);
    a->depth -= 2;
    a->out = out;
    const char *trip = rename_lvalue(rename_lvalue(buf_str(&aside), shared_b, held), next_b, handed);
    bool carried = !mentions_name(trip, array_b);
    if (!carried)
        trip = dedented(buf_str(&aside));
    buf_free(&aside);
    if (carried) {
        adj_line(a, "if (%s > 0) { /* each trip hands %s to the next in %s */", trips, next_b, handed);
        a->depth++;
        adj_line(a, "%s %s = %s;", type, held, next_b);
    }
    adj_line(a, "for (; %s > 0; %s--) {", trips, trips);
    a->depth++;
    adj_line(a, "%s -= %s;", index, step);
    if (carried)
        adj_line(a, "%s %s = %s;", type, handed, next_b);
    buf_puts(a->out, trip);
    if (carried) {
        adj_line(a, "%s = %s;", shared_b, held);
        adj_line(a, "%s = %s;", held, handed);
    }
    a->depth--;
    adj_line(a, "}");
    if (carried) {
        adj_line(a, "%s = %s;", next_b, held);
        a->depth--;
        adj_line(a, "}");
    }
    return true;
}

/* One trip after another, each swapping the halves of the sums at its end. */
static void single_trips(Adj *a, const Stmt *s, int outer, const char *trips, const char *index, const char *step) {
    if (carried_trips(a, s, outer, trips, index, step))
        return;
    adj_line(a, "for (; %s > 0; %s--) {", trips, trips);
    a->depth++;
    reverse_trip(a, s, index, step);
    swap_sums(a, outer);
    forget_zeros(a);
    a->depth--;
    adj_line(a, "}");
}

/* Trips that compute their index from the trip count: those of a loop whose trips run in
 * parallel, or of a loop without an index. */
static void counted_trips(Adj *a, const Stmt *s, int outer, const char *trips, const char *count,
                          const char *first_index) {
    if (a->parallel == s)
        adj_line(a, "#pragma omp %s", a->pending_pragma);
    adj_line(a, "for (long %s = %s; %s > 0; %s--) {", trips, count, trips, trips);
    a->depth++;
    const Var *index = s->kind == ST_FOR && s->var && s->var->needed ? s->var : NULL;
    if (index) /* the index of this trip, from the trip count: the trips run in parallel */
        adj_line(a, "%s = (%s)(%s + (%s - 1) * %s);", index->name, decl_of(index->type, "", true), first_index,
             trips, paren_if_needed(expr_text(counting_step(s)->rhs)));
    for (int i = 0; a->parallel == s && i < a->fn->nvars; i++) /* a trip's own locals start afresh */
        if (a->private_var[i] && zero_tracked(a->fn->vars[i]))
            adj_line(a, "%s = 0.0;", shadow_name(a->fn->vars[i]));
    reverse_trip(a, s, NULL, NULL);
    swap_sums(a, outer);
    forget_zeros(a);
    a->depth--;
    adj_line(a, "}");
}

static void reverse_trips(Adj *a, const Stmt *s, int outer) {
    if (a->fused) {
        fused_trips(a, s, outer);
        return;
    }
    const Expr *first, *bound = tbr_loop_bound(s, &first);
    bool counting = s->kind == ST_FOR && s->var && s->var->needed, paired = pairs_trips(a, s, outer);
    bool stepping = (counting && a->parallel != s) || paired, block = counting || bound || paired;
    const char *trips = adj_named(a, ir_format("trips_%d", s->id)), *first_index = adj_named(a, ir_format("first_%d", s->id));
    const char *count = ir_format("adc_pop_int(%s)", adj_named(a, "tape"));
    if (block) {
        adj_line(a, "{");
        a->depth++;
    }
    if (counting || bound)
        adj_line(a, "%s %s = %s;", first_index_type(s), first_index, bound ? expr_text(first) : count);
    if (bound)
        count = trip_count(a, s, bound);
    if (!stepping) {
        counted_trips(a, s, outer, trips, count, first_index);
    } else {
        /* The index steps back by the user's own step, in its own type: each `i -= c` undoes
         * an `i += c` of the forward loop exactly, starting from the value that loop ended
         * with, and the compiler sees a plain induction variable it can widen. */
        const char *index = counting ? s->var->name : NULL, *step = counting ? expr_text(counting_step(s)->rhs) : NULL;
        adj_line(a, "long %s = %s;", trips, count);
        if (index)
            adj_line(a, "%s = (%s)(%s + %s * %s);", index, decl_of(s->var->type, "", true), first_index, trips,
                 paren_if_needed(step));
        if (paired)
            paired_trips(a, s, outer, trips, index, step);
        else
            single_trips(a, s, outer, trips, index, step);
    }
    if (block) {
        a->depth--;
        adj_line(a, "}");
    }
    if (s->init)
        reverse_stmt(a, s->init);
}

static void add_sum(Adj *a, const char *shadow, const char *name, const char *alt, const char *type) {
    IR_APPEND(a->sums, a->nsums, (Sum){shadow, name, alt, type});
}

/* The backward sweep of a loop; the adjoints of the elements it reads at the same place on
 * every trip are summed in locals and added to memory after it (loop_adjoint.c). */
/* Whether the forward sweep of s writes to the tape: written aside, and the tape's name
 * looked for. */
static bool tapes(Adj *a, const Stmt *s) {
    Buf aside = {0};
    Buf *out = a->out;
    int errors = a->errors;
    a->out = &aside;
    forward_stmt(a, s);
    a->out = out;
    a->errors = errors;
    const char *tape = adj_named(a, "tape"), *text = buf_str(&aside);
    size_t n = strlen(tape);
    bool found = false;
    for (const char *p = strstr(text, tape); p && !found; p = strstr(p + 1, tape))
        found = (p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
                !(isalnum((unsigned char)p[n]) || p[n] == '_');
    buf_free(&aside);
    return found;
}

/* Whether the forward sweep of loop s's body writes to the tape (the backward trips would
 * then read it in order). */
static bool body_tapes(Adj *a, const Stmt *s) {
    return tapes(a, s->then);
}

/* The private and reduction clauses of loop s's parallel backward trips. */
static const char *parallel_clauses(Adj *a, const Pragma *p, int outer) {
    Buf b = {0};
    buf_puts(&b, loop_parallel_kept(p));
    const char *sep = " private(";
    for (int i = 0; i < a->fn->nvars; i++) {
        const Var *v = a->fn->vars[i];
        if (!a->private_var[i])
            continue;
        buf_printf(&b, "%s%s", sep, v->name);
        if (zero_tracked(v))
            buf_printf(&b, ", %s", shadow_name(v));
        sep = ", ";
    }
    buf_puts(&b, *sep == ',' ? ")" : "");
    sep = " reduction(+ : ";
    for (int i = outer; i < a->nsums; i++, sep = ", ")
        buf_printf(&b, "%s%s", sep, a->sums[i].name);
    buf_puts(&b, *sep == ',' ? ")" : "");
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

/* Whether loop s's backward trips run in parallel: under `omp parallel for`, when they read
 * nothing from the tape and write only what omp_reverse_safe allows (not inside another). */
static bool reverse_in_parallel(Adj *a, const Stmt *s) {
    const Pragma *p = loop_parallel_pragma(s);
    if (!p || a->parallel || a->in->kind != KIND_REVERSE)
        return false;
    if (omp_reverse_safe(a->fn, s, p, a->private_var) && !body_tapes(a, s))
        return true;
    note_at(s->loc, "the backward sweep of this OpenMP loop runs serially (%s)",
            omp_last_private(p) ? "the adjoint of its lastprivate variable belongs to the last trip"
            : body_tapes(a, s) ? "its trips read values back from the tape" : "its trips write what they may share");
    return false;
}

static void reverse_loop(Adj *a, const Stmt *s) {
    bool parallel = reverse_in_parallel(a, s);
    int count, outer = a->nsums;
    const Expr **reads = loop_invariant_reads(s, &count);
    for (int i = 0; i < count; i++) {
        const char *shadow = shadow_text(reads[i], "_b");
        bool known = !shadow;
        for (int k = 0; k < a->nsums && !known; k++)
            known = strcmp(a->sums[k].shadow, shadow) == 0;
        if (known)
            continue;
        if (a->nsums == outer) {
            adj_line(a, "{");
            a->depth++;
        }
        const char *name = func_new_var_name(a->fn, ir_format("%s_b_sum", expr_root_var(reads[i])->name));
        /* two halves, except under `omp parallel for`, whose reduction clause takes the sum, and
         * under fast math, where clang vectorizes the sum itself (the swap would prevent it) */
        const char *alt = parallel || fast_math(a) ? NULL : func_new_var_name(a->fn, ir_format("%s_odd", name));
        const char *type = temp_type(reads[i]->type);
        adj_line(a, "%s %s = 0.0; /* %s, added after the loop */", type, name, shadow);
        if (alt)
            adj_line(a, "%s %s = 0.0; /* its other half */", type, alt);
        add_sum(a, shadow, name, alt, type);
    }
    if (parallel) {
        a->parallel = s;
        a->parallel_sums = outer;
        a->pending_pragma = parallel_clauses(a, loop_parallel_pragma(s), outer);
    }
    reverse_trips(a, s, outer);
    if (parallel) { /* a loop inside parallel trips leaves them parallel */
        a->parallel = NULL;
        a->parallel_sums = 0;
    }
    if (a->nsums == outer)
        return;
    for (int i = outer; i < a->nsums; i++) {
        if (a->parallel) /* in a parallel trip: other trips may add to it at the same time */
            adj_line(a, "#pragma omp atomic");
        if (a->sums[i].alt)
            adj_line(a, "%s += %s + %s;", a->sums[i].shadow, a->sums[i].name, a->sums[i].alt);
        else
            adj_line(a, "%s += %s;", a->sums[i].shadow, a->sums[i].name);
    }
    a->nsums = outer;
    a->depth--;
    adj_line(a, "}");
}

/* `if (branch == k)`: the backward sweep of body, if it has one. */
static void reverse_branch(Adj *a, const Stmt *body, const char *branch, int k) {
    if (!tbr_reversible(body))
        return;
    forget_zeros(a);
    adj_line(a, "if (%s == %d) {", branch, k);
    a->depth++;
    reverse_stmt(a, body);
    a->depth--;
    adj_line(a, "}");
}

/* The number of the branch a chain from s takes, from its conditions (branch_cond.c): the
 * first that holds, tested in order as the forward sweep did. */
static const char *chain_branch_number(const Stmt *s) {
    Buf text = {0};
    int k = 0;
    for (const Stmt *link = s; link; link = stmt_else_if(link))
        buf_printf(&text, "(%s) ? %d : ", expr_text(link->cond), k++);
    buf_printf(&text, "%d", k);
    const char *number = ir_strdup(buf_str(&text));
    buf_free(&text);
    return number;
}

/* An else-if chain replays the branch whose number the forward sweep taped, or that its
 * conditions give again. The branches are separate ifs: gcc's -Wuninitialized analysis is
 * quadratic in a chain of `else if` tests of one variable (minutes for 10^4 branches). */
static void reverse_chain(Adj *a, const Stmt *s) {
    if (!tbr_reversible(s))
        return;
    const char *branch = adj_named(a, ir_format("branch_%d", s->id));
    adj_line(a, "{");
    a->depth++;
    if (s->cond_recomputed) /* the same values as in the forward sweep */
        adj_line(a, "long %s = %s;", branch, chain_branch_number(s));
    else
        adj_line(a, "long %s = adc_pop_int(%s);", branch, adj_named(a, "tape"));
    int k = 0;
    const Stmt *last = s;
    for (const Stmt *link = s; link; link = stmt_else_if(link)) {
        reverse_branch(a, link->then, branch, k++);
        last = link;
    }
    reverse_branch(a, last->els, branch, k);
    a->depth--;
    adj_line(a, "}");
}

/* The backward sweep of `p = allocation or g(...)`: the block is freed (by g's backward sweep
 * when the forward sweep called g_forward), then p is the block it held before. */
static void reverse_heap_assign(Adj *a, const Stmt *s) {
    const Var *p = s->lhs->var;
    bool any = false;
    if (s->rhs->kind == EX_CALL && s->rhs->callee)
        call_mask(s->rhs, &any);
    adj_line(a, "/* %s:%u */", s->loc.file, s->loc.line);
    adj_line(a, "{");
    a->depth++;
    bool grows = expr_is_realloc(s->rhs);
    if (any) {
        reverse_call(a, s, s->rhs);
    } else {
        if (grows)
            adj_line(a, "if (adc_pop_bit(%s)) {", adj_named(a, "tape"));
        if (p->active)
            adj_line(a, "%sfree(%s_b);", grows ? "    " : "", p->name);
        adj_line(a, "%sfree(%s);", grows ? "    " : "", p->name);
        if (grows)
            adj_line(a, "}");
    }
    forget_zeros(a);
    if (s->saves)
        pop(a, p->type, p->name, p);
    a->depth--;
    adj_line(a, "}");
}

/* The backward sweep of `a[i] = malloc(...)`: the row and its shadow are freed (a[i] is the
 * row this allocation gave: each row is allocated once, and frees wait for the backward sweep). */
static void reverse_row_allocation(Adj *a, const Stmt *s) {
    adj_line(a, "/* %s:%u */", s->loc.file, s->loc.line);
    if (s->lhs->lhs->var->active)
        adj_line(a, "free(%s);", shadow_text(s->lhs, "_b"));
    adj_line(a, "free(%s);", expr_text(s->lhs));
}

void reverse_stmt(Adj *a, const Stmt *s) {
    switch (s->kind) {
    case ST_BLOCK:
        for (int i = s->nbody - 1; i >= 0; i--)
            reverse_stmt(a, s->body[i]);
        break;
    case ST_ASSIGN: case ST_CALL:
        if (mpi_routed(s))
            mpi_call(a, s, MPI_STAGE_REVERSE);
        else if (stmt_assigns_heap(s))
            reverse_heap_assign(a, s);
        else if (stmt_allocates_row(s))
            reverse_row_allocation(a, s);
        else
            reverse_simple(a, s);
        break;
    case ST_IF:
        forget_zeros(a); /* each branch starts, and the code after ends, not knowing which ran */
        if (stmt_else_if(s)) {
            reverse_chain(a, s);
            forget_zeros(a);
            break;
        }
        if (!tbr_reversible(s))
            break;
        if (s->cond_recomputed) /* the same values as in the forward sweep (branch_cond.c) */
            adj_line(a, "if (%s) {", expr_text(s->cond));
        else
            adj_line(a, "if (adc_pop_bit(%s)) {", adj_named(a, "tape"));
        a->depth++;
        if (s->then)
            reverse_stmt(a, s->then);
        a->depth--;
        if (tbr_reversible(s->els)) {
            adj_line(a, "} else {");
            a->depth++;
            forget_zeros(a);
            reverse_stmt(a, s->els);
            a->depth--;
        }
        adj_line(a, "}");
        forget_zeros(a);
        break;
    case ST_FOR: case ST_WHILE: case ST_DO:
        forget_zeros(a);
        if (s->checkpoint)
            reverse_checkpointed(a, s);
        else if (tbr_reversible(s->then))
            reverse_loop(a, s);
        else if (s->init)
            reverse_stmt(a, s->init);
        forget_zeros(a);
        break;
    default:
        break;
    }
}

/* ---- the functions ---- */

static const Stmt *find_decl(const Stmt *s, const Var *v) {
    if (!s)
        return NULL;
    if (s->kind == ST_DECL && s->var == v)
        return s;
    const Stmt *found = NULL;
    for (int i = 0; i < s->nbody && !found; i++)
        found = find_decl(s->body[i], v);
    const Stmt *parts[4] = {s->init, s->step, s->then, s->els};
    for (int i = 0; i < 4 && !found; i++)
        found = find_decl(parts[i], v);
    return found;
}

/* Marks in popped (indexed by Var.index) the variable of a statement whose backward sweep pops
 * back the value it left there (Stmt.tapes_result); finds nothing, so stmt_find walks them all. */
static bool mark_popped_result(const Stmt *s, const void *popped) {
    if (s->tapes_result && s->lhs->var->index >= 0)
        ((bool *)popped)[s->lhs->var->index] = true;
    return false;
}

/* The locals of the function (all, or those the backward sweep reads), declared once at the
 * top of a sweep. They, and the parameters, are then marked used: a sweep need not read all. */
static void declare_locals(Adj *a, bool only_needed) {
    Buf unused = {0};
    const char *sep = "";
    if (a->taping) { /* else a fused adjoint (emit_fused), which has no tape */
        buf_printf(&unused, "(void)%s;", adj_named(a, "tape"));
        sep = " ";
    }
    bool *root = ir_alloc(sizeof(bool) * (size_t)(a->fn->nvars + 1)); /* a needed pointer points in */
    bool *popped = ir_alloc(sizeof(bool) * (size_t)(a->fn->nvars + 1)); /* a companion's result (companion.c) */
    stmt_find(a->fn->reverse_body, mark_popped_result, popped);
    for (int i = 0; i < a->fn->nvars; i++) {
        const Var *v = a->fn->vars[i];
        if (v->needed && v->pointer_root && v->pointer_root->index >= 0) /* not a member (tbr.c) */
            root[v->pointer_root->index] = true;
        for (int k = 0; v->needed && v->which && k < v->nroots; k++)
            root[fixed_array(v->roots[k])->index] = true;
    }
    /* pointers last, entries (Var.entry) first and pointers into heap blocks last among them:
     * each starts at the array it points into, so that restoring the value it had before its
     * first assignment leaves it valid */
    for (int pass = 0; pass < 4; pass++)
        for (int i = 0; i < a->fn->nvars; i++) {
            const Var *v = a->fn->vars[i];
            int rank = v->type->kind != TY_PTR ? 0 : var_is_entry(v) ? 1 : walks_heap(v) ? 3 : 2;
            if (v->kind == VAR_GLOBAL || rank != pass)
                continue;
            if (v->kind == VAR_LOCAL && only_needed && !v->needed && !root[v->index] && !popped[v->index])
                continue;
            buf_printf(&unused, "%s(void)%s;", sep, v->name);
            sep = " ";
            if (v->kind == VAR_PARAM)
                continue;
            if (v->is_static_const) {
                const Stmt *d = find_decl(a->fn->body, v);
                adj_line(a, "static %s = %s;", decl_of(v->type, v->name, false), expr_text(d->rhs));
            } else {
                const char *which = which_start(a->fn, v);
                declare_at_top(a, v->type, decl_of(assignable(v->type), v->name, false), v->name,
                               v->pointer_root ? root_base_text(v->pointer_root, false, v->type)
                               : v->which ? root_base_text(fixed_array(v->roots[0]), false, v->type)
                               : which ? which : zero_of(v->type));
            }
        }
    adj_line(a, "%s", buf_str(&unused));
    buf_free(&unused);
}

/* Locals the backward sweep reads travel from one sweep to the other on the tape. */
static bool transferred(const Var *v) {
    return v->live_out && !v->is_static_const &&
           (v->kind == VAR_LOCAL || (v->kind == VAR_PARAM && v->saved));
}

/* Whether v's value travels as its bytes: not as an offset, a heap block or a switched pointer. */
static bool plain_value(Adj *a, const Var *v) {
    return !v->heap && !v->which && !may_be_null(a, v) && !local_base(v);
}

/* The plain values of a pass of exit_values as one block: one room on the tape for all, and one
 * take, in place of a push and a pop each. */
static void value_block(Adj *a, const Var **vars, int n, bool forward) {
    Buf size = {0};
    for (int i = 0; i < n; i++)
        buf_printf(&size, "%s%s", i ? " + " : "", sizeof_text(vars[i]->type, vars[i]->name));
    const char *block = adj_named(a, "exit_values"), *tape = adj_named(a, "tape");
    if (forward)
        adj_line(a, "unsigned char *%s = adc_tape_room(%s, %s);", block, tape, buf_str(&size));
    else
        adj_line(a, "const unsigned char *%s = adc_tape_take(%s, %s);", block, tape, buf_str(&size));
    buf_free(&size);
    adj_line(a, "if (%s) {", block);
    for (int i = 0; i < n; i++)
        adj_line(a, "    adc_room_%s(&%s, &%s, %s);", forward ? "put" : "get", block, vars[i]->name,
                 sizeof_text(vars[i]->type, vars[i]->name));
    adj_line(a, "}");
    a->nzero_elements = 0; /* as pop does */
}

/* The final values of the locals the backward sweep starts from (transferred): pushed on exit
 * by the forward sweep (forward), popped on entry by the backward one, walkers of heap blocks
 * first (popped after the blocks). In each of these two passes, two or more plain values travel
 * as one block, last (popped first); not in second-order programs, whose tangent sweep follows
 * the tape calls one by one (tangent.c). */
static void exit_values(Adj *a, bool forward) {
    Func *fn = a->fn;
    const Var **block = ir_alloc(sizeof *block * (size_t)(fn->nvars + 1));
    for (int pass = 0; pass < 2; pass++) {
        bool walkers = pass == (forward ? 0 : 1);
        int n = 0;
        for (int i = 0; i < fn->nvars; i++)
            if (transferred(fn->vars[i]) && walks_heap(fn->vars[i]) == walkers && plain_value(a, fn->vars[i]))
                block[n++] = fn->vars[i];
        bool grouped = n >= 2 && !a->instances->prog->second_order;
        if (grouped && !forward)
            value_block(a, block, n, false);
        for (int k = 0; k < fn->nvars; k++) {
            const Var *v = fn->vars[forward ? k : fn->nvars - 1 - k];
            if (!transferred(v) || walks_heap(v) != walkers || (grouped && plain_value(a, v)))
                continue;
            if (forward)
                push(a, v->type, v->name, v);
            else
                pop(a, v->type, v->name, v);
        }
        if (grouped && forward)
            value_block(a, block, n, true);
    }
}

/* Array parameters taped whole on entry (Var.entry_len): pushed first, so restored last, the
 * last pushed first. */
static void snapshots(Adj *a, bool forward) {
    for (int k = 0; k < a->fn->nparams; k++) {
        const Var *p = a->fn->params[forward ? k : a->fn->nparams - 1 - k];
        const char *len = p->entry_len;
        if (!len)
            continue;
        const char *count = adj_named(a, ir_format("%s_count", p->name)), *tape = adj_named(a, "tape");
        if (forward) {
            adj_line(a, "long %s = (long)(%s); /* %s on entry */", count, len, p->name);
            adj_line(a, "adc_tape_push_bytes(%s, %s, %s * (size_t)%s);", tape, p->name, element_size_text(p->type, p->name),
                     count);
            adj_line(a, "adc_push_int(%s, %s);", tape, count);
        } else {
            adj_line(a, "long %s = adc_pop_int(%s); /* %s as on entry */", count, tape, p->name);
            adj_line(a, "adc_tape_pop_bytes(%s, %s, %s * (size_t)%s);", tape, p->name, element_size_text(p->type, p->name),
                     count);
        }
    }
}

static void emit_forward(Adj *a) {
    Func *fn = a->fn;
    declare_locals(a, false);
    for (int i = 0; i < fn->nvars; i++) /* the shadows of heap blocks, allocated with them (a global's: the caller's) */
        if (fn->vars[i]->heap && fn->vars[i]->active && fn->vars[i]->kind != VAR_GLOBAL)
            adj_line(a, "%s = 0; (void)%s_b;", decl_of(fn->vars[i]->type, ir_format("%s_b", fn->vars[i]->name), false),
                 fn->vars[i]->name);
    snapshots(a, true);
    forward_stmt(a, fn->reverse_body);
    exit_values(a, true);
    if (fn->result)
        adj_line(a, "return %s;", fn->result->name);
}

/* A scalar parameter the body assigns has its adjoint moved to the entry value at each
 * assignment (`adj = (*j_b); (*j_b) = 0.0; ...`): what the caller had in *j_b is set aside
 * first and added back at the end, so that adjoints of inputs are incremented. Returns, per
 * parameter, the name holding it, or NULL. */
/* Whether lvalue e is storage of its root variable itself: s.k, a[i] of an array, not s.x[i]
 * through a pointer member (the caller's memory, like a pointer parameter's). */
static bool own_storage(const Expr *e) {
    switch (e->kind) {
    case EX_VAR: return true;
    case EX_MEMBER: return !e->arrow && own_storage(e->lhs);
    case EX_INDEX: return e->lhs->type->kind == TY_ARRAY && own_storage(e->lhs);
    default: return false;
    }
}

/* Whether s assigns the storage of struct v itself (stmt_assigns, but for writes through v's
 * pointer members, which do not change v). */
static bool assigns_own_storage(const Stmt *s, const Var *v) {
    if (!s)
        return false;
    if (s->kind == ST_ASSIGN && expr_root_var(s->lhs) == v)
        return own_storage(s->lhs);
    if (s->kind == ST_BLOCK || s->kind == ST_IF || s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO) {
        for (int i = 0; i < s->nbody; i++)
            if (assigns_own_storage(s->body[i], v))
                return true;
        return assigns_own_storage(s->init, v) || assigns_own_storage(s->step, v) ||
               assigns_own_storage(s->then, v) || assigns_own_storage(s->els, v);
    }
    return stmt_assigns(s, v);
}

static const char **set_aside_increments(Adj *a) {
    Func *fn = a->fn;
    const char **entries = ir_alloc(sizeof(char *) * (size_t)(fn->nparams + 1));
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        if (!a->in->mask[i] || !p->active || p->type->kind == TY_PTR || !stmt_assigns(fn->reverse_body, p))
            continue;
        if (p->type->kind == TY_STRUCT && !assigns_own_storage(fn->reverse_body, p))
            continue;
        if (p->type->kind == TY_STRUCT) {
            error_at(p->loc, "in reverse mode, a struct parameter passed by value that the function assigns "
                     "('%s') is not supported; pass it by pointer", p->name);
            a->errors++;
            continue;
        }
        entries[i] = adj_named(a, ir_format("%s_b_entry", p->name));
        a->set_aside[p->index] = true;
        adj_line(a, "%s = %s;", decl_of(assignable(p->type), entries[i], true), p->shadow);
        adj_line(a, "%s = 0.0;", p->shadow);
    }
    return entries;
}

/* Whether a loop in s mentions v. */
static bool loop_mentions(const Stmt *s, const void *v) {
    return (s->kind == ST_FOR || s->kind == ST_WHILE || s->kind == ST_DO) && stmt_mentions(s, v);
}

/* A floating scalar parameter's adjoint (*x_b) that a loop may add to lives in a local while
 * the backward sweep runs and is stored back at its end (the same additions in the same
 * order): the C compiler cannot tell that x_b aliases none of the arrays' adjoints, and would
 * store to and load from *x_b on every trip. Not under OpenMP, where the local would need a
 * data-sharing clause. Returns, per parameter, the adjoint's lvalue in the caller, or NULL. */
static const char **local_scalar_adjoints(Adj *a) {
    Func *fn = a->fn;
    const char **callers = ir_alloc(sizeof(char *) * (size_t)(fn->nparams + 1));
    for (int i = 0; i < fn->nparams && !stmt_has_openmp(fn->reverse_body); i++) {
        Var *p = fn->params[i];
        if (!p->shadow || !p->active || !type_is_floating(p->type) || !stmt_find(fn->reverse_body, loop_mentions, p))
            continue;
        callers[i] = p->shadow;
        p->shadow = adj_named(a, ir_format("%s_b_local", p->name));
        adj_line(a, "%s = %s;", decl_of(assignable(p->type), p->shadow, true), callers[i]);
    }
    return callers;
}

/* The adjoints of the active variables that are not parameters, zero. */
static void declare_adjoints(Adj *a) {
    for (int i = 0; i < a->fn->nvars; i++) {
        const Var *v = a->fn->vars[i];
        bool in_mask = v->kind == VAR_PARAM && a->in->mask[v->index];
        if (v->active && !v->shadow && !in_mask && v->kind != VAR_GLOBAL) {
            const char *name_b = ir_format("%s_b", v->name);
            declare_at_top(a, v->type, decl_of(assignable(v->type), name_b, true), name_b, zero_of(v->type));
            adj_line(a, "(void)%s_b;", v->name);
        }
    }
}

/* The members of local structs pointing to arrays (member_blocks.c: each assigned once, outside
 * loops, a heap block, a parameter or a local array, before any use): the backward sweep begins
 * by pointing their shadows to the arrays' (the blocks' are back from the tape), and a member
 * pointing to a parameter or a local array to it again: the struct taped by the forward sweep
 * holds the forward sweep's pointers, to its own local arrays or to the caller's forward
 * sweep's argument, gone by now (the backward sweep's local array is its own, needed whenever
 * the struct is, tbr.c). */
static void member_shadows(Adj *a, const Stmt *s) {
    if (!s)
        return;
    const Expr *lhs = s->lhs;
    if (stmt_points_member(s) && lhs->lhs->var->active && !expr_is_null(s->rhs)) {
        const Var *array = expr_root_var(s->rhs);
        if (array && array->active) {
            bool own = array->kind == VAR_PARAM || (array->kind == VAR_LOCAL && array->type->kind == TY_ARRAY);
            if (own && lhs->lhs->var->needed) /* declared: read back */
                adj_line(a, "%s.%s = %s;", lhs->lhs->var->name, lhs->text, expr_text(s->rhs));
            if (!swaps_member_shadow(a, s, shadow_name))
                adj_line(a, "%s.%s = %s;", shadow_name(lhs->lhs->var), lhs->text, shadow_text(s->rhs, "_b"));
        } else {
            error_at(s->loc, "'%s', an array without derivatives here, assigned to a member of '%s', which carries "
                     "derivatives, is not supported: its shadow would have no array; add it to wrt(...)",
                     array ? array->name : expr_text(s->rhs), lhs->lhs->var->name);
            a->errors++;
        }
    }
    for (int i = 0; i < s->nbody; i++)
        member_shadows(a, s->body[i]);
    member_shadows(a, s->init);
    member_shadows(a, s->then);
    member_shadows(a, s->els);
}

/* Whether s gives the local pointer v anything but a new heap block or null. */
static bool gives_other_than_block(const Stmt *s, const void *v) {
    const Expr *value = (s->kind == ST_DECL && s->var == v) ||
                        (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var == v) ? s->rhs : NULL;
    return value && !expr_allocation(value) && !expr_is_null(value);
}

/* The local variable value, in fn, may point into, when that is a local array of the forward
 * sweep (`ci`, `&ci[1]`, `ci + 2`, a local pointer given anything but heap blocks), or NULL: a
 * static const table and a heap block stay where they are. */
static const Var *forward_local_array(const Func *fn, const Expr *value) {
    const Var *v = expr_root_var(value);
    if (!v || v->kind != VAR_LOCAL || v->is_static_const)
        return NULL;
    bool moves = v->type->kind == TY_ARRAY ||
                 (v->type->kind == TY_PTR && stmt_find(fn->body, gives_other_than_block, v));
    return moves ? v : NULL;
}

/* Refuses member of the local struct s, given value, when value may point into a local array
 * of the forward sweep. */
static void check_member_table(Adj *a, const Var *s, const char *member, const Expr *value) {
    const Var *array = forward_local_array(a->fn, value);
    if (!array)
        return;
    error_at(value->loc, "in reverse mode, '%s.%s' given '%s' (a local array, or a pointer that may point into one) "
             "is not supported: the backward sweep restores '%s' as the forward sweep left it, pointing to that "
             "sweep's array, which is gone; make the array static const, or give it to the callees as an argument "
             "of its own",
             s->source_name, member, array->source_name, s->source_name);
    a->errors++;
}

/* Refuses each member of a local struct the backward sweep reads (active or needed) that points
 * to data without derivatives (an int index table) and is given a local array: member_shadows
 * points back only the members to floating data (difftest seed 940052: `struct csr A = {n,
 * row_ptr, col_idx, val};` with a local col_idx, whose backward sweep read col_idx through a
 * dead pointer; a struct of int tables alone, `struct idx I = {3, ci};`, did the same). */
static void check_member_tables(Adj *a, const Stmt *s) {
    if (!s)
        return;
    const Var *local = s->kind == ST_DECL ? s->var : NULL;
    if (local && (local->active || local->needed) && local->type->kind == TY_STRUCT && s->rhs &&
        s->rhs->kind == EX_INITLIST)
        for (int i = 0; i < s->rhs->nargs && i < local->type->nfields; i++) {
            const Field *f = &local->type->fields[i];
            if (f->type->kind == TY_PTR && !type_has_floating(f->type))
                check_member_table(a, local, f->name, s->rhs->args[i]);
        }
    const Expr *m = s->kind == ST_ASSIGN ? s->lhs : NULL;
    if (m && m->kind == EX_MEMBER && !m->arrow && m->lhs->kind == EX_VAR && m->lhs->var->kind == VAR_LOCAL &&
        (m->lhs->var->active || m->lhs->var->needed) && m->type->kind == TY_PTR && !type_has_floating(m->type))
        check_member_table(a, m->lhs->var, m->text, s->rhs);
    for (int i = 0; i < s->nbody; i++)
        check_member_tables(a, s->body[i]);
    check_member_tables(a, s->init);
    check_member_tables(a, s->then);
    check_member_tables(a, s->els);
}

static void emit_reverse(Adj *a) {
    Func *fn = a->fn;
    /* Fast math: adjoint arithmetic only (the forward sweep, which computes f, stays strict); in
     * a block of its own, which the pragma must begin: gen.c may put lines before it */
    if (fast_math(a)) {
        adj_line(a, "{");
        a->depth++;
        adj_line(a, "#if defined(__clang__)");
        adj_line(a, "#pragma clang fp reassociate(on)");
        adj_line(a, "#endif");
    }
    declare_locals(a, !stmt_has_checkpoint(fn->reverse_body)); /* replayed steps read everything */
    declare_adjoints(a);
    for (int i = 0; i < fn->nvars; i++) /* before the parameters move */
        if (var_is_entry(fn->vars[i]) && fn->vars[i]->active)
            pointer_shadow(a, fn->vars[i]);
    exit_values(a, false);
    recompute_trip(a, fn->reverse_body); /* the top level's definitions read no popped value */
    refill_arrays(a);
    for (int i = 0; i < fn->nvars; i++)
        if ((fn->vars[i]->pointer_root || fn->vars[i]->which) && fn->vars[i]->active && !var_is_entry(fn->vars[i]))
            pointer_shadow(a, fn->vars[i]);
    swaps_note_exits(a, shadow_name);
    member_shadows(a, fn->reverse_body);
    check_member_tables(a, fn->reverse_body);
    count_mentions(fn->reverse_body, a->mentions);
    const char **callers = local_scalar_adjoints(a);
    const char **entries = set_aside_increments(a);
    for (int i = 0; i < fn->nvars; i++)
        a->zero[i] = zero_followed(a, fn->vars[i]); /* as declared and set aside above */
    reverse_stmt(a, fn->reverse_body);
    for (int i = 0; i < fn->nparams; i++)
        if (entries[i])
            adj_line(a, "%s += %s;", fn->params[i]->shadow, entries[i]);
    for (int i = 0; i < fn->nparams; i++)
        if (callers[i]) {
            adj_line(a, "%s = %s;", callers[i], fn->params[i]->shadow);
            fn->params[i]->shadow = callers[i];
        }
    snapshots(a, false);
    if (fast_math(a)) {
        a->depth--;
        adj_line(a, "}");
    }
}

static bool points_member(const Stmt *s, const void *ctx) {
    (void)ctx;
    return stmt_points_member(s);
}

/* The adjoint of a sum over a loop nest of terms local to each trip (fusion.c), when its
 * forward sweep tapes nothing, in one pass: the statements before the nest, the seed into the
 * sum's adjoint, the nest with each trip's forward and backward sweeps together, the result,
 * the backward sweep of the statements before the nest. The sum adds its terms in the
 * primal's order (f is the primal's to the bit); the adjoints add up the trips' contributions
 * in that order too, not in the reverse one (the same sums in another fixed order). Also under
 * fast math, without reassociation: the trips compute f. */
static bool emit_fused(Adj *a) {
    Func *fn = a->fn;
    Fusion fused;
    if (!fusion_find(fn, &fused) || tapes(a, fn->reverse_body) || stmt_find(fn->reverse_body, points_member, NULL))
        return false; /* member_shadows: where the backward sweep begins */
    if (!a->in->is_static) { /* f_forward and f_reverse stay part of the user's interface */
        instance_request(a->instances, fn, a->in->mask, KIND_FORWARD, 0);
        instance_request(a->instances, fn, a->in->mask, KIND_REVERSE, 0);
    }
    a->taping = false;
    declare_locals(a, false);
    declare_adjoints(a);
    count_mentions(fn->reverse_body, a->mentions);
    for (int i = 0; i < fn->nvars; i++)
        a->zero[i] = zero_followed(a, fn->vars[i]);
    for (int i = 0; i < fused.nbefore; i++)
        forward_stmt(a, fused.before[i]);
    reverse_stmt(a, fused.result);
    a->fused = true;
    reverse_stmt(a, fused.loop);
    a->fused = false;
    forward_stmt(a, fused.result);
    for (int i = fused.nbefore - 1; i >= 0; i--)
        reverse_stmt(a, fused.before[i]);
    adj_line(a, "return %s;", fn->result->name);
    return true;
}

/* Out of memory for the tape: no backward sweep (it would read zeros), and the failure shows
 * as NaN in the returned value, or in the adjoints when nothing floating is returned. */
static void tape_failure(Adj *a) {
    const Func *fn = a->fn;
    adj_line(a, "if (adc_tape_failed(&%s)) {", adj_named(a, "tape"));
    a->depth++;
    adj_line(a, "adc_tape_free(&%s);", adj_named(a, "tape"));
    if (type_is_floating(fn->ret)) {
        adj_line(a, "return 0.0 / 0.0; /* NaN */");
    } else {
        for (int i = 0; i < fn->nparams; i++) {
            const Var *p = fn->params[i];
            if (!a->in->mask[i])
                continue;
            if (p->type->kind != TY_PTR)
                adj_line(a, "*%s_b = 0.0 / 0.0; /* NaN */", p->name);
            else if (fn->len[i] && type_is_floating(p->type->base))
                adj_line(a, "for (long %s = 0; %s < (long)(%s); %s++) %s_b[%s] = 0.0 / 0.0; /* NaN */", adj_named(a, "e"),
                     adj_named(a, "e"), fn->len[i], adj_named(a, "e"), p->name, adj_named(a, "e"));
            else if (fn->len[i] && fn->row_len[i] && type_is_rows(p->type))
                adj_line(a, "for (long %s = 0; %s < (long)(%s); %s++) for (long %s = 0; %s < (long)(%s); %s++) "
                     "%s_b[%s][%s] = 0.0 / 0.0; /* NaN */", adj_named(a, "e"), adj_named(a, "e"), fn->len[i], adj_named(a, "e"),
                     adj_named(a, "col"), adj_named(a, "col"), fn->row_len[i], adj_named(a, "col"), p->name, adj_named(a, "e"),
                     adj_named(a, "col"));
        }
        adj_line(a, "return%s%s;", fn->ret->kind == TY_VOID ? "" : " ", fn->ret->kind == TY_VOID ? "" : adj_named(a, "result"));
    }
    a->depth--;
    adj_line(a, "}");
}

/* NAME_b = 0 for an active global. */
static void clear_global(Adj *a, const Var *global) {
    adj_line(a, "%s", zero_shadow_stmt(a->fn, global->type, ir_format("%s_b", global->name)));
}

/* f_adjoint of a function returning a heap block: the seed f_b (len(return) elements) goes into
 * the block's shadow; the backward sweep frees block and shadow, so the caller gets a copy of
 * the block (null when it, or the copy, could not be allocated). Returns the copy's name. */
static const char *seed_heap_result(Adj *a, const char *result, const char *result_b) {
    const char *count = adj_named(a, "count"), *k = adj_named(a, "k"), *copy = adj_named(a, "copy");
    adj_line(a, "long %s = %s ? (long)(%s) : 0;", count, result, a->fn->result_len);
    adj_line(a, "%s = %s > 0 ? malloc((size_t)%s * sizeof *%s) : 0;", decl_of(a->fn->ret, copy, false), count, count,
         result);
    adj_line(a, "for (long %s = 0; %s < %s; %s++) {", k, k, count, k);
    adj_line(a, "    %s[%s] += %s_b[%s];", result_b, k, a->fn->name, k);
    adj_line(a, "    if (%s)", copy);
    adj_line(a, "        %s[%s] = %s[%s];", copy, k, result, k);
    adj_line(a, "}");
    return copy;
}

static void emit_wrapper(Adj *a) {
    const Func *fn = a->fn;
    const Instance *in = a->in;
    Buf args = {0}, shadows = {0};
    for (int i = 0; i < fn->nparams; i++) {
        buf_printf(&args, ", %s", fn->params[i]->name);
        buf_printf(&shadows, ", %s", fn->params[i]->name);
        if (in->mask[i])
            buf_printf(&shadows, ", %s_b", fn->params[i]->name);
    }
    bool floating = type_is_floating(fn->ret);
    const char *tape = adj_named(a, "tape"), *result = adj_named(a, "result");
    for (int i = 0; fn->prog && i < fn->prog->nactive_globals; i++) /* no seed on them */
        if (interface_clears_global(fn, fn->prog->active_globals[i]))
            clear_global(a, fn->prog->active_globals[i]);
    adj_line(a, "adc_tape %s;", tape);
    adj_line(a, "adc_tape_init(&%s);", tape);
    const char *result_b = func_returns_heap(fn) ? adj_named(a, "result_b") : NULL;
    if (result_b)
        adj_line(a, "%s = 0;", decl_of(fn->ret, result_b, false));
    const char *call = ir_format("%s(&%s%s%s%s);", instance_request(a->instances, in->fn, in->mask, KIND_FORWARD, 0), tape,
                                 buf_str(&args), result_b ? ", &" : "", result_b ? result_b : "");
    if (fn->ret->kind != TY_VOID)
        adj_line(a, "%s = %s", decl_of(fn->ret, result, false), call);
    else
        adj_line(a, "%s", call);
    tape_failure(a);
    const char *kept = result_b ? seed_heap_result(a, result, result_b) : result;
    adj_line(a, "%s(&%s%s%s%s);", instance_request(a->instances, in->fn, in->mask, KIND_REVERSE, 0), tape, buf_str(&shadows),
         floating ? ", " : "", floating ? ir_format("%s_b", fn->name) : "");
    adj_line(a, "adc_tape_free(&%s);", tape);
    if (fn->ret->kind != TY_VOID)
        adj_line(a, "return %s;", kept);
    buf_free(&args);
    buf_free(&shadows);
}

/* The gradient of a struct holding pointers (a shadow struct), member by member: its floating
 * members and what its pointers to floating data point to (len(s.x: ...)) are zeroed; the
 * pointers themselves, which the caller set, and its other members are left alone. */
static void zero_by_member(Adj *a, int param) {
    const char *blocker = func_member_zero_blocker(a->fn, param);
    if (blocker) {
        error_at(a->fn->loc, "mode 'grad' %s (or ask for modes(tangent, adjoint) and set up the adjoint yourself)",
                 blocker);
        a->errors++;
        return;
    }
    const char *g = ir_format("%s_grad", a->fn->params[param]->name);
    const Type *t = type_scalar(a->fn->params[param]->type);
    for (int i = 0; i < t->nfields; i++) {
        const Field *f = &t->fields[i];
        if (type_is_floating(f->type))
            adj_line(a, "%s->%s = 0.0;", g, f->name);
        else if (f->type->kind == TY_PTR && type_has_floating(f->type))
            adj_line(a, "memset((void *)%s->%s, 0, sizeof *%s->%s * (size_t)(%s));", g, f->name, g, f->name,
                 func_member_len(a->fn, param, f->name));
        else if (type_has_floating(f->type))
            adj_line(a, "memset(&%s->%s, 0, sizeof %s->%s);", g, f->name, g, f->name);
    }
}

/* The gradient of a pointer to rows (double **a): each row the caller's a_grad points to,
 * given len(a: n, a[]: m); the row pointers are left alone. */
static void zero_rows(Adj *a, int param) {
    const Func *fn = a->fn;
    const char *name = fn->params[param]->name;
    if (!fn->len[param] || !fn->row_len[param]) {
        error_at(fn->loc, "mode 'grad' needs the length of '%s' and of its rows: add len(%s: ..., %s[]: ...) to "
                 "ADC_DIFF", name, name, name);
        a->errors++;
        return;
    }
    const char *row = adj_named(a, "row");
    adj_line(a, "for (long %s = 0; %s < (long)(%s); %s++)", row, row, fn->len[param], row);
    adj_line(a, "    memset(%s_grad[%s], 0, sizeof **%s_grad * (size_t)(%s));", name, row, name, fn->row_len[param]);
}

static void emit_grad(Adj *a) {
    const Func *fn = a->fn;
    Buf args = {0};
    for (int i = 0; i < fn->nparams; i++) {
        const Var *p = fn->params[i];
        buf_printf(&args, "%s%s", i ? ", " : "", p->name);
        if (!a->in->mask[i])
            continue;
        buf_printf(&args, ", %s_grad", p->name);
        if (func_param_zeroed_by_member(fn, i)) {
            zero_by_member(a, i);
        } else if (p->type->kind == TY_STRUCT) {
            adj_line(a, "memset(%s_grad, 0, sizeof *%s_grad);", p->name, p->name);
        } else if (p->type->kind != TY_PTR) {
            adj_line(a, "*%s_grad = 0.0;", p->name);
        } else if (type_is_rows(p->type)) {
            zero_rows(a, i);
        } else if (!fn->len[i]) {
            error_at(fn->loc, "mode 'grad' needs the length of '%s': add len(%s: ...) to ADC_DIFF",
                     p->name, p->name);
            a->errors++;
        } else {
            /* len counts scalars (or structs): 9 for a double[3][3] */
            adj_line(a, "memset(%s_grad, 0, sizeof(%s) * (size_t)(%s));", p->name,
                 decl_of(assignable(type_scalar(p->type)), "", false), fn->len[i]);
        }
    }
    for (int i = 0; fn->prog && i < fn->prog->nactive_globals; i++) { /* no seed on them; their gradient */
        const Var *global = fn->prog->active_globals[i];
        if (fn->default_modes && global_is_pointer(global) && !global_len(fn, global))
            continue; /* active since this pass began: the next leaves grad out (gen.c, drop_default_grad) */
        const char *zero = zero_global_shadow(a->fn, global, ir_format("%s_b", global->name), "grad");
        if (zero)
            adj_line(a, "%s", zero);
        a->errors += !zero;
    }
    adj_line(a, "return %s(%s%s1.0);", instance_request(a->instances, a->fn, a->in->mask, KIND_ADJOINT, 0), buf_str(&args),
         args.len ? ", " : "");
    buf_free(&args);
}

static const char *describe(InstanceKind kind) {
    switch (kind) {
    case KIND_FORWARD: return "forward sweep of reverse mode: computes the function and tapes what the backward sweep needs";
    case KIND_REVERSE: return "backward sweep of reverse mode: adds the adjoints of the inputs (x_b += ...)";
    case KIND_ADJOINT: return "reverse-mode (adjoint) derivative: increments each x_b by (df/dx)^T times the seed";
    default: return "gradient: zeroes each x_grad, then stores df/dx";
    }
}

/* Sets the adjoint lvalues that are not name_b: scalar parameters and the result. */
static void set_shadows(Func *fn, const bool *mask) {
    for (int i = 0; i < fn->nvars; i++)
        fn->vars[i]->shadow = NULL;
    for (int i = 0; i < fn->nparams; i++)
        if (mask[i] && fn->params[i]->type->kind != TY_PTR)
            fn->params[i]->shadow = ir_format("(*%s_b)", fn->params[i]->name);
    if (fn->result && !func_returns_heap(fn))
        fn->result->shadow = ir_format("%s_b", fn->name);
}

int adjoint_emit(Instances *g, const Instance *in) {
    Func *fn = in->fn;
    Adj a = {.instances = g, .in = in, .fn = fn, .out = &g->defs, .names = {fn, 0}, .adj = func_new_name(fn, "adj"),
             .taping = true, .depth = 1};
    if (func_returns_heap(fn) && in->kind == KIND_ADJOINT && !fn->result_len) {
        error_at(fn->loc, "the adjoint of '%s', which returns a heap block, needs the block's length for its "
                 "seed: add len(return: ...) (--len return=...)", fn->name);
        return 1;
    }
    if (normalize_for_reverse(fn) != 0 || check_vla_lengths(fn) != 0)
        return 1;
    a.zero = ir_alloc(sizeof(bool) * (size_t)(fn->nvars + 1));
    a.set_aside = ir_alloc(sizeof(bool) * (size_t)(fn->nvars + 1));
    a.mentions = ir_alloc(sizeof(int) * (size_t)(fn->nvars + 1));
    a.private_var = ir_alloc(sizeof(bool) * (size_t)(fn->nvars + 1));
    if (activity_analyze(fn, fn->reverse_body, in->mask, fn->requested && in->kind != KIND_FORWARD) != 0)
        return 1;
    useful_statements(fn, fn->reverse_body);
    companions_find(fn->reverse_body);
    if (tbr_analyze(fn, fn->reverse_body) != 0)
        return 1;
    if (companions_in_loops(fn->reverse_body) && tbr_analyze(fn, fn->reverse_body) != 0)
        return 1;
    if (in->kind == KIND_REVERSE) /* what callers run in their backward sweeps */
        param_reads_record(fn, in->mask);
    set_shadows(fn, in->mask);
    swaps_check(&a, !fn->swaps_checked); /* reported once, by the first of its instances */
    fn->swaps_checked = true;
    if (a.errors)
        return a.errors;
    buf_printf(a.out, "/* %s: %s,\n * of %s (%s:%u). */\n", in->name, describe(in->kind), fn->name,
               fn->loc.file, fn->loc.line);
    buf_puts(a.out, in->is_static ? "static " : "");
    instance_signature(a.out, in, true);
    buf_puts(a.out, " {\n");
    switch (in->kind) {
    case KIND_FORWARD: emit_forward(&a); break;
    case KIND_REVERSE: emit_reverse(&a); break;
    case KIND_ADJOINT:
        if (!emit_fused(&a))
            emit_wrapper(&a);
        break;
    default: emit_grad(&a); break;
    }
    buf_puts(a.out, "}\n\n");
    return a.errors;
}
