/* lower_memory.c: memcpy, memmove and memset over floating arrays, written as the element
 * loops they stand for, so that every analysis and transform sees the elements they copy or
 * clear like any assignment (their derivatives are then those of `b[k] = a[k]` and
 * `p[k] = 0.0`).
 *
 * memcpy(b, a, n) becomes `for (long k = 0; k < count; k += 1) b[k] = a[k];`. Each pointer
 * is an array or pointer of double or float elements, possibly offset (`&x[i]`, `x + i`:
 * then x[i + k]); both hold the same floating type; the byte count is `sizeof arr` (a
 * variable-length array too), `k * sizeof(T)` or `sizeof(T) * k` (any sizeof) covering whole
 * elements: count is then the element count. memmove is a memcpy between two array objects
 * (locals or globals, never one memory), a loop upward or downward within one array or
 * pointer variable (move_within), and else stays a call: pointers may reach one memory by
 * other names (a helper's `dst` and `src` given a + 1 and a), where copying upward would
 * smear. memset clears with the byte 0 only. A whole 2-D array (grid_loops) becomes a loop
 * nest over its rows and columns. Anything else stays a call, which adc refuses
 * when it reaches active memory (activity.c). The sizes are those of IEEE binary64 and
 * binary32, the double and float of every target adc supports. posix_memalign(&p, ...) as a
 * statement becomes an assignment of p (memalign_assignment). */
#include <stdlib.h>
#include <string.h>
#include "lower.h"
#include "mathfn.h"

typedef struct Span {
    Expr *base;      /* the array or pointer */
    Expr *offset;    /* index of the first element, or NULL */
} Span;

static long element_size(const Type *t) {
    return t->kind == TY_DOUBLE ? 8 : t->kind == TY_FLOAT ? 4 : 0;
}

static const Expr *without_casts(const Expr *e) {
    while (e->kind == EX_CAST)
        e = e->lhs;
    return e;
}

/* The elements a pointer argument starts at; false when it is not one of the forms above. */
static bool span_of(Expr *arg, Span *span) {
    while (arg->kind == EX_CAST && arg->type->kind == TY_PTR) /* (void *)b */
        arg = arg->lhs;
    *span = (Span){arg, NULL};
    if (arg->kind == EX_ADDR && arg->lhs->kind == EX_INDEX)
        *span = (Span){arg->lhs->lhs, arg->lhs->rhs};
    else if (arg->kind == EX_BINARY && arg->op == OP_ADD && arg->rhs->type->kind == TY_INT)
        *span = (Span){arg->lhs, arg->rhs};
    const Type *t = span->base->type;
    return (t->kind == TY_PTR || t->kind == TY_ARRAY) && element_size(t->base) &&
           (span->base->kind == EX_VAR || span->base->kind == EX_MEMBER) && !expr_has_call(span->offset);
}

/* A constant sizeof whose value is a whole number of elements of size: that number, else 0. */
static long whole_elements(const Expr *e, long size) {
    e = without_casts(e);
    long bytes = e->kind == EX_SIZEOF && e->text ? atol(e->text) : 0;
    return bytes > 0 && bytes % size == 0 ? bytes / size : 0;
}

static Type *integer_type(const char *name) {
    Type *t = type_new(TY_INT);
    t->name = name;
    return t;
}

static Expr *long_literal(long value, SrcLoc loc) {
    Expr *e = expr_new(EX_NUM, integer_type("long"), loc);
    e->text = ir_format("%ld", value);
    return e;
}

static Expr *as_long(Expr *e) {
    Expr *cast = expr_new(EX_CAST, integer_type("long"), e->loc);
    cast->lhs = e;
    return cast;
}

/* `(long)(sizeof(a) / size)` for the size of a variable-length array a of elements of size. */
static Expr *vla_elements(Expr *vla_size, long size) {
    return as_long(expr_binary(OP_DIV, vla_size, long_literal(size, vla_size->loc), vla_size->type));
}

/* The element count of a byte count, as a long, or NULL. */
static Expr *element_count(Expr *bytes, long size) {
    const Expr *b = without_casts(bytes);
    long n = whole_elements(b, size);
    if (n)
        return long_literal(n, bytes->loc);
    if (b->kind == EX_SIZEOF && !b->text) /* sizeof a, a of variable length */
        return element_size(type_scalar(b->lhs->type)) == size ? vla_elements(expr_copy(b), size) : NULL;
    if (b->kind != EX_BINARY || b->op != OP_MUL || expr_has_call(b))
        return NULL;
    Expr *factor = (n = whole_elements(b->rhs, size)) ? b->lhs : (n = whole_elements(b->lhs, size)) ? b->rhs : NULL;
    if (!factor)
        return NULL;
    Expr *count = factor->kind != EX_NUM ? as_long(factor) : factor; /* k < (long)(n): no signed/unsigned comparison */
    return n == 1 ? count : expr_binary(OP_MUL, count, long_literal(n, bytes->loc), count->type);
}

/* span's element at index (a long, from 0). */
static Expr *element(const Span *span, Expr *index, SrcLoc loc) {
    if (span->offset)
        index = expr_binary(OP_ADD, expr_copy(span->offset), index, index->type);
    Expr *e = expr_new(EX_INDEX, span->base->type->base, loc);
    e->lhs = span->base;
    e->rhs = index;
    return e;
}

/* `for (long k = 0; k < count; k += 1) {}`, its index in *k. */
static Stmt *counting_loop(Func *fn, Expr *count, Var **k, SrcLoc loc) {
    Stmt *loop = stmt_new(fn, ST_FOR, loc);
    *k = func_add_var(fn, func_new_var_name(fn, "k"), integer_type("long"), VAR_LOCAL, loc);
    loop->init = stmt_new(fn, ST_DECL, loc);
    loop->init->var = *k;
    loop->init->rhs = long_literal(0, loc);
    loop->cond = expr_binary(OP_LT, expr_var(*k, loc), expr_copy(count), integer_type("int"));
    loop->step = stmt_new(fn, ST_ASSIGN, loc);
    loop->step->lhs = expr_var(*k, loc);
    loop->step->op = OP_ADD;
    loop->step->rhs = long_literal(1, loc);
    loop->then = stmt_new(fn, ST_BLOCK, loc);
    return loop;
}

/* `for (long k = 0; k < count; k += 1) { dst[k] = value; }`, value built per element; going
 * down (dst[count - 1 - k]), the elements from the last. */
static Stmt *element_loop(Func *fn, const Span *dst, const Span *src, Expr *count, bool down, SrcLoc loc) {
    Var *k;
    Stmt *loop = counting_loop(fn, count, &k, loc);
    Expr *index = expr_var(k, loc);
    if (down)
        index = expr_binary(OP_SUB, expr_binary(OP_SUB, expr_copy(count), long_literal(1, loc), k->type), index, k->type);
    Stmt *copy = stmt_new(fn, ST_ASSIGN, loc);
    copy->lhs = element(dst, index, loc);
    if (src) {
        copy->rhs = element(src, expr_copy(index), loc);
    } else {
        copy->rhs = expr_new(EX_NUM, copy->lhs->type, loc);
        copy->rhs->text = copy->lhs->type->kind == TY_FLOAT ? "0.0f" : "0.0";
    }
    block_append(loop->then, copy);
    return loop;
}

/* A local or global 2-D array of floating elements named alone (`double g[n][m + 1]`), or NULL. */
static Expr *grid(Expr *arg) {
    while (arg->kind == EX_CAST && arg->type->kind == TY_PTR) /* (void *)g */
        arg = arg->lhs;
    const Type *t = arg->type;
    return arg->kind == EX_VAR && t->kind == TY_ARRAY && t->base->kind == TY_ARRAY && element_size(t->base->base)
               ? arg : NULL;
}

/* `sizeof(e)` of a variable-length e. */
static Expr *runtime_sizeof(Expr *e, const Expr *like) {
    Expr *size = expr_new(EX_SIZEOF, like->type, e->loc);
    size->lhs = e;
    return size;
}

/* Row `g[index]` of grid g. */
static Expr *row_of(Expr *g, Expr *index) {
    Expr *row = expr_new(EX_INDEX, g->type->base, g->loc);
    row->lhs = g;
    row->rhs = index;
    return row;
}

/* The row count and row length of grid g, as longs: its dimensions, or for variable ones
 * `sizeof(g) / sizeof(g[0])` and `sizeof(g[0]) / size`. */
static void grid_shape(Expr *g, const Expr *bytes, Expr **rows, Expr **cols) {
    const Type *t = g->type;
    long size = element_size(t->base->base);
    Expr *row = row_of(g, long_literal(0, g->loc));
    *rows = t->array_len > 0 ? long_literal(t->array_len, g->loc)
                             : as_long(expr_binary(OP_DIV, runtime_sizeof(g, bytes), runtime_sizeof(row, bytes),
                                                   bytes->type));
    *cols = t->base->array_len > 0 ? long_literal(t->base->array_len, g->loc)
                                   : vla_elements(runtime_sizeof(row, bytes), size);
}

/* memset(g, 0, sizeof g) of a whole grid, or memcpy(h, g, sizeof h) between grids of one
 * fixed shape: `for (r...) for (c...) h[r][c] = g[r][c];` (0.0 for memset); NULL for another
 * form (a copy between grids of variable lengths may not match row for row). */
static Stmt *grid_loops(Func *fn, Expr *call, bool set) {
    Expr *dst = grid(call->args[0]), *src = set ? NULL : grid(call->args[1]);
    const Expr *bytes = without_casts(call->args[2]);
    if (!dst || bytes->kind != EX_SIZEOF)
        return NULL;
    bool whole = bytes->text ? dst->type->array_len > 0 && dst->type->base->array_len > 0 &&
                                   atol(bytes->text) == dst->type->array_len * dst->type->base->array_len *
                                                            element_size(dst->type->base->base)
                             : bytes->lhs->kind == EX_VAR && bytes->lhs->var == dst->var;
    bool same = set || (src && bytes->text && src->type->array_len >= dst->type->array_len &&
                        src->type->base->array_len == dst->type->base->array_len &&
                        src->type->base->base->kind == dst->type->base->base->kind && src->var != dst->var);
    if (!whole || !same)
        return NULL;
    Expr *rows, *cols;
    grid_shape(dst, bytes, &rows, &cols);
    Var *r;
    Stmt *outer = counting_loop(fn, rows, &r, call->loc);
    Span to = {row_of(dst, expr_var(r, call->loc)), NULL};
    Span from = {src ? row_of(src, expr_var(r, call->loc)) : NULL, NULL};
    block_append(outer->then, element_loop(fn, &to, src ? &from : NULL, cols, false, call->loc));
    return outer;
}

/* A mention of the variable the loop writes through, other than inside an integer member read
 * (`ann->inputs` beside memcpy(ann->output, ...): the loop stores floating elements, which C
 * does not let change an int) or a sizeof (of the type alone). */
static FindVerdict mentions_written(const Expr *e, const void *root) {
    if ((e->kind == EX_MEMBER && e->type->kind == TY_INT) || e->kind == EX_SIZEOF)
        return FIND_SKIP;
    return e->kind == EX_VAR && e->var == root ? FIND_FOUND : FIND_INSIDE;
}

/* Whether e is evaluated the same on every trip of a loop writing through dst. */
static bool stays(const Expr *e, const Span *dst) {
    return !e || !expr_find(e, mentions_written, expr_root_var(dst->base));
}

/* `posix_memalign((void **)&p, alignment, size);` (its status unused) as the allocation
 * `p = (T *)adc_memalign(alignment, size);` (adc_heap.h), which the heap analyses follow like
 * aligned_alloc; NULL for another form (the call stays, refused where p carries derivatives). */
static Stmt *memalign_assignment(Func *fn, Expr *call) {
    const Expr *out = without_casts(call->args[0]);
    if (out->kind != EX_ADDR || out->lhs->kind != EX_VAR || out->lhs->type->kind != TY_PTR)
        return NULL;
    Expr *alloc = expr_new(EX_CALL, type_pointer_to(type_new(TY_VOID)), call->loc);
    alloc->text = "adc_memalign";
    alloc->nargs = 2;
    alloc->args = ir_alloc(sizeof(Expr *) * 2);
    alloc->args[0] = call->args[1];
    alloc->args[1] = call->args[2];
    Stmt *s = stmt_new(fn, ST_ASSIGN, call->loc);
    s->lhs = out->lhs;
    s->rhs = expr_new(EX_CAST, out->lhs->type, call->loc);
    s->rhs->lhs = alloc;
    return s;
}

/* An array object named here (a local's or a global's, not a parameter's pointer): two
 * different ones never overlap. */
static bool array_object(const Expr *base) {
    return base->kind == EX_VAR && base->type->kind == TY_ARRAY && base->var->kind != VAR_PARAM;
}

static Expr *offset_or_zero(const Span *span, SrcLoc loc) {
    return span->offset ? expr_copy(span->offset) : long_literal(0, loc);
}

static Stmt *block_of(Func *fn, Stmt *s) {
    Stmt *block = stmt_new(fn, ST_BLOCK, s->loc);
    block_append(block, s);
    return block;
}

/* memmove within the one array or pointer variable of dst and src, element by element: upward
 * when dst starts at or below src (each element is read before a later one overwrites it),
 * else downward; `if (dst_offset <= src_offset)` chooses unless both offsets are constants. */
static Stmt *move_within(Func *fn, const Span *dst, const Span *src, Expr *count, SrcLoc loc) {
    Expr *from = offset_or_zero(src, loc), *to = offset_or_zero(dst, loc);
    if (from->kind == EX_NUM && to->kind == EX_NUM)
        return element_loop(fn, dst, src, count, atol(to->text) > atol(from->text), loc);
    Stmt *choice = stmt_new(fn, ST_IF, loc);
    choice->cond = expr_binary(OP_LE, to, from, integer_type("int"));
    choice->then = block_of(fn, element_loop(fn, dst, src, count, false, loc));
    choice->els = block_of(fn, element_loop(fn, dst, src, count, true, loc));
    return choice;
}

static bool is_zero_byte(const Expr *value) {
    const Expr *byte = without_casts(value);
    return byte->kind == EX_NUM && strcmp(byte->text, "0") == 0;
}

Stmt *lower_memory_call(Func *fn, Expr *call) {
    if (strcmp(call->text, "posix_memalign") == 0 && call->nargs == 3 && !call->callee)
        return memalign_assignment(fn, call);
    const char *name = mathfn_memory(call->text);
    if (!name || call->nargs != 3)
        return NULL;
    bool set = strcmp(name, "memset") == 0, move = strcmp(name, "memmove") == 0;
    if (grid(call->args[0]) && (!set || is_zero_byte(call->args[1])))
        return move ? NULL : grid_loops(fn, call, set);
    Span dst, src;
    if (!span_of(call->args[0], &dst) || !expr_root_var(dst.base))
        return NULL;
    const Type *elem = dst.base->type->base;
    if (set) {
        if (!is_zero_byte(call->args[1]))
            return NULL;
    } else if (!span_of(call->args[1], &src) || src.base->type->base->kind != elem->kind || !stays(src.offset, &dst)) {
        return NULL;
    }
    Expr *count = element_count(call->args[2], element_size(elem));
    if (!count || !stays(count, &dst) || !stays(dst.offset, &dst))
        return NULL;
    if (move && dst.base->kind == EX_VAR && src.base->kind == EX_VAR && dst.base->var == src.base->var)
        return move_within(fn, &dst, &src, count, call->loc);
    if (move && !(array_object(dst.base) && array_object(src.base))) /* memory that may meet by other names */
        return NULL;
    return element_loop(fn, &dst, set ? NULL : &src, count, false, call->loc);
}
