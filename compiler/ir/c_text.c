/* c_text.c: prints IR types and expressions as C, with the fewest parentheses that keep the
 * meaning, so that generated code reads like the source it came from. */
#include <string.h>
#include "c_text.h"

static const char *base_name(const Type *t) {
    switch (t->kind) {
    case TY_VOID: return "void";
    case TY_FLOAT: return "float";
    case TY_DOUBLE: return "double";
    case TY_LONG_DOUBLE: return "long double";
    default: return t->name;
    }
}

/* The declarator of t around inner ("x", "*x", ...), then the base specifier. */
static void emit_declarator(Buf *b, const Type *t, const char *inner, bool drop_const) {
    if (t->kind == TY_PTR) {
        const char *q = t->is_const && !drop_const ? "const " : "";
        const char *d = t->base->kind == TY_ARRAY ? ir_format("(*%s%s)", q, inner) : ir_format("*%s%s", q, inner);
        emit_declarator(b, t->base, d, drop_const);
        return;
    }
    if (t->kind == TY_ARRAY) {
        const char *d = ir_format("%s[%s]", inner, array_len_text(t));
        emit_declarator(b, t->base, d, drop_const);
        return;
    }
    const char *star = t->kind == TY_FUNCPTR ? strstr(t->name, "(*") : NULL;
    if (star) { /* double (*g)(double) */
        buf_printf(b, "%.*s%s%s%s", (int)(star + 2 - t->name), t->name, t->is_const && !drop_const ? "const " : "",
                   inner, star + 2);
        return;
    }
    buf_printf(b, "%s%s%s%s", t->is_const && !drop_const ? "const " : "", base_name(t), *inner ? " " : "", inner);
}

const char *array_len_text(const Type *t) {
    if (t->vla_len)
        return expr_text(t->vla_len);
    return t->array_len >= 0 ? ir_format("%ld", t->array_len) : "";
}

const char *sizeof_text(const Type *t, const char *lvalue) {
    if (t->kind != TY_ARRAY || !type_has_vla(t))
        return ir_format("sizeof %s", lvalue);
    const Type *element = t;
    while (element->kind == TY_ARRAY)
        element = element->base;
    Buf b = {0};
    emit_type(&b, element);
    const char *bytes = ir_format("sizeof(%s)", buf_str(&b));
    buf_free(&b);
    for (; t->kind == TY_ARRAY; t = t->base)
        bytes = ir_format("%s * (size_t)(%s)", bytes, array_len_text(t));
    return bytes;
}

const char *element_size_text(const Type *t, const char *pointer) {
    const char *stars = "*";
    for (t = t->base; t && t->kind == TY_ARRAY; t = t->base)
        stars = ir_format("*%s", stars);
    return ir_format("sizeof %s%s", stars, pointer);
}

const char *pointer_offset_text(const Type *t, const char *p, const char *base) {
    if (t->kind != TY_PTR || !t->base || t->base->kind != TY_ARRAY || !type_has_vla(t->base))
        return ir_format("(%s - %s)", p, base);
    return ir_format("(((const char *)%s - (const char *)%s) / (long)(%s))", p, base,
                     sizeof_text(t->base, ""));
}

/* Levels of indexing into one block t takes to reach a non-array element: 2 for double[3][2]
 * and double (*)[2], 1 for double * and double ** (its rows are blocks of their own). */
static int index_levels(const Type *t) {
    if (!t || (t->kind != TY_ARRAY && t->kind != TY_PTR))
        return 0;
    int levels = 1;
    for (t = t->base; t && t->kind == TY_ARRAY; t = t->base)
        levels++;
    return levels;
}

const char *pointer_base_text(const Type *root, const char *text, const Type *t) {
    int extra = index_levels(root) - index_levels(t);
    if (extra <= 0)
        return text;
    for (; extra >= 0; extra--)
        text = ir_format("%s[0]", text);
    return ir_format("&%s", text);
}

void emit_decl(Buf *b, const Type *t, const char *name, bool drop_const) {
    emit_declarator(b, t, name, drop_const);
}

void emit_type(Buf *b, const Type *t) {
    emit_declarator(b, t, "", false);
}

const char *type_text(const Type *t) {
    Buf b = {0};
    emit_type(&b, t);
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

const char *float_suffix(const Type *t) {
    return !t ? "" : t->kind == TY_FLOAT ? "f" : t->kind == TY_LONG_DOUBLE ? "l" : "";
}

/* Binding strength of an expression: higher binds tighter. */
static int precedence(const Expr *e) {
    switch (e->kind) {
    case EX_UNARY: case EX_DEREF: case EX_ADDR: case EX_CAST: return 14;
    case EX_COND: return 3;
    case EX_BINARY:
        switch (e->op) {
        case OP_MUL: case OP_DIV: case OP_MOD: return 13;
        case OP_ADD: case OP_SUB: return 12;
        case OP_SHL: case OP_SHR: return 11;
        case OP_LT: case OP_LE: case OP_GT: case OP_GE: return 10;
        case OP_EQ: case OP_NE: return 9;
        case OP_BITAND: return 8;
        case OP_BITXOR: return 7;
        case OP_BITOR: return 6;
        case OP_LAND: return 5;
        default: return 4;
        }
    default: return 16;
    }
}

static bool is_comparison(Op op) {
    return op >= OP_LT && op <= OP_NE;
}

/* Whether operand, binding tighter than op, still gets parentheses: the mixes gcc's
 * -Wparentheses asks to spell out (&& in ||, + in <<, a comparison or + in &, a < b < c). */
static bool clarified(Op op, const Expr *operand) {
    if (operand->kind != EX_BINARY || operand->op == op)
        return false;
    Op inner = operand->op;
    bool arithmetic = inner == OP_ADD || inner == OP_SUB;
    switch (op) {
    case OP_LOR: return inner == OP_LAND;
    case OP_SHL: case OP_SHR: return arithmetic;
    case OP_BITAND: case OP_BITOR: case OP_BITXOR:
        return arithmetic || is_comparison(inner) || inner == OP_BITAND || inner == OP_BITXOR;
    default: return is_comparison(op) && is_comparison(inner);
    }
}

/* Prints e as an operand that must bind at least as tightly as min. */
static void emit_operand(Buf *b, const Expr *e, int min) {
    bool paren = precedence(e) < min;
    if (paren)
        buf_putc(b, '(');
    emit_expr(b, e);
    if (paren)
        buf_putc(b, ')');
}

static void emit_call(Buf *b, const Expr *e) {
    buf_printf(b, "%s(", e->text);
    for (int i = 0; i < e->nargs; i++) {
        if (i)
            buf_puts(b, ", ");
        emit_expr(b, e->args[i]);
    }
    buf_putc(b, ')');
}

void emit_expr(Buf *b, const Expr *e) {
    int p = precedence(e);
    switch (e->kind) {
    case EX_NUM: buf_puts(b, e->text); break;
    case EX_SIZEOF:
        if (e->text) {
            buf_puts(b, e->text);
        } else {
            buf_puts(b, "sizeof(");
            emit_expr(b, e->lhs);
            buf_putc(b, ')');
        }
        break;
    case EX_VAR: buf_puts(b, e->var->name); break;
    case EX_INDEX:
        emit_operand(b, e->lhs, 16);
        buf_putc(b, '[');
        emit_expr(b, e->rhs);
        buf_putc(b, ']');
        break;
    case EX_MEMBER:
        emit_operand(b, e->lhs, 16);
        buf_printf(b, "%s%s", e->arrow ? "->" : ".", e->text);
        break;
    case EX_DEREF: buf_putc(b, '*'); emit_operand(b, e->lhs, 14); break;
    case EX_ADDR: buf_putc(b, '&'); emit_operand(b, e->lhs, 14); break;
    case EX_UNARY:
        buf_puts(b, op_spelling(e->op));
        /* keep `- -x` from becoming `--x` */
        if ((e->op == OP_NEG || e->op == OP_PLUS) && e->lhs->kind == EX_UNARY)
            buf_putc(b, ' ');
        emit_operand(b, e->lhs, 14);
        break;
    case EX_CAST:
        buf_putc(b, '(');
        emit_type(b, e->type);
        buf_putc(b, ')');
        emit_operand(b, e->lhs, 14);
        break;
    case EX_BINARY:
        emit_operand(b, e->lhs, clarified(e->op, e->lhs) ? 17 : p);
        buf_printf(b, " %s ", op_spelling(e->op));
        emit_operand(b, e->rhs, clarified(e->op, e->rhs) ? 17 : p + 1);
        break;
    case EX_COND:
        emit_operand(b, e->cond, 4);
        buf_puts(b, " ? ");
        emit_operand(b, e->lhs, 3);
        buf_puts(b, " : ");
        emit_operand(b, e->rhs, 3);
        break;
    case EX_CALL: emit_call(b, e); break;
    case EX_INITLIST:
        buf_putc(b, '{');
        for (int i = 0; i < e->nargs; i++) {
            buf_puts(b, i ? ", " : "");
            emit_expr(b, e->args[i]);
        }
        buf_putc(b, '}');
        break;
    }
}

const char *expr_text(const Expr *e) {
    Buf b = {0};
    emit_expr(&b, e);
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

static bool shadow_into(Buf *b, const Expr *e, const char *suffix, const VectorShadow *vector) {
    switch (e->kind) {
    case EX_VAR:
        if (e->var->shadow && strcmp(suffix, "_b") == 0)
            buf_puts(b, e->var->shadow);
        else if (e->var->shadow_d && strcmp(suffix, "_d") == 0)
            buf_puts(b, e->var->shadow_d);
        else
            buf_printf(b, "%s%s", e->var->name, suffix);
        return true;
    case EX_INDEX: { /* ((double *)s_b_d->m)[i], (*row_d)[j]: a cast, sum or dereference binds looser than [] */
        bool group = e->lhs->kind == EX_CAST || e->lhs->kind == EX_BINARY || e->lhs->kind == EX_DEREF ||
                     e->lhs->kind == EX_ADDR;
        buf_puts(b, group ? "(" : "");
        if (!shadow_into(b, e->lhs, suffix, vector))
            return false;
        buf_printf(b, "%s[%s]", group ? ")" : "", expr_text(e->rhs));
        return true;
    }
    case EX_MEMBER: { /* (*p_b_d).x: a dereference binds looser than the member */
        bool prefix = e->lhs->kind == EX_DEREF;
        /* an adjoint written through a member `const double *m` of a shadow struct (the
         * caller's own array): ((double *)s_b->m)[i] */
        bool writable = strcmp(suffix, "_b") == 0 && e->type->kind == TY_PTR && e->type->base->is_const;
        if (writable) {
            buf_puts(b, "((");
            emit_decl(b, e->type, "", true);
            buf_putc(b, ')');
        }
        buf_puts(b, prefix ? "(" : "");
        if (!shadow_into(b, e->lhs, suffix, vector))
            return false;
        buf_printf(b, "%s%s%s%s", prefix ? ")" : "", e->arrow ? "->" : ".", e->text, writable ? ")" : "");
        return true;
    }
    case EX_DEREF: case EX_ADDR:
        buf_puts(b, e->kind == EX_DEREF ? "*" : "&");
        if (e->lhs->kind != EX_VAR && e->lhs->kind != EX_INDEX && e->lhs->kind != EX_MEMBER) {
            buf_putc(b, '(');
            bool ok = shadow_into(b, e->lhs, suffix, vector);
            buf_putc(b, ')');
            return ok;
        }
        return shadow_into(b, e->lhs, suffix, vector);
    case EX_BINARY: { /* pointer arithmetic: p + k, k + p, p - k */
        bool left = e->lhs->type->kind == TY_PTR || e->lhs->type->kind == TY_ARRAY;
        if (e->op != OP_ADD && !(e->op == OP_SUB && left))
            return false;
        if (left) {
            if (!shadow_into(b, e->lhs, suffix, vector))
                return false;
            buf_printf(b, " %s %s", op_spelling(e->op), paren_if_needed(expr_text(e->rhs)));
            return true;
        }
        if (e->rhs->type->kind != TY_PTR && e->rhs->type->kind != TY_ARRAY)
            return false;
        buf_printf(b, "%s + ", paren_if_needed(expr_text(e->lhs)));
        return shadow_into(b, e->rhs, suffix, vector);
    }
    case EX_CAST:
        if (e->type->kind != TY_PTR)
            return false;
        buf_putc(b, '('); /* adjoints are written, also through a cast to const data */
        emit_decl(b, vector ? vector->type_of(e->type, vector->width) : e->type, "", strcmp(suffix, "_b") == 0);
        buf_putc(b, ')');
        return shadow_into(b, e->lhs, suffix, vector);
    case EX_COND: { /* a pointer chosen by ?: chooses its shadow the same way */
        if (e->type->kind != TY_PTR)
            return false;
        buf_printf(b, "(%s ? ", paren_if_needed(expr_text(e->cond)));
        bool ok = shadow_into(b, e->lhs, suffix, vector);
        buf_puts(b, " : ");
        ok = ok && shadow_into(b, e->rhs, suffix, vector);
        buf_putc(b, ')');
        return ok;
    }
    default:
        return false;
    }
}

const char *shadow_text(const Expr *e, const char *suffix) {
    return shadow_text_vector(e, suffix, NULL);
}

const char *shadow_text_vector(const Expr *e, const char *suffix, const VectorShadow *vector) {
    Buf b = {0};
    bool ok = shadow_into(&b, e, suffix, vector);
    const char *text = ok ? ir_strdup(buf_str(&b)) : NULL;
    buf_free(&b);
    return text;
}

const char *block_shadow_text(const Expr *e, const char *suffix) {
    return expr_block_at_offset(e) ? shadow_text(expr_without_casts(e), suffix) : NULL;
}

const char *paren_if_needed(const char *text) {
    int depth = 0;
    for (const char *p = text; *p; p++) {
        depth += (*p == '(' || *p == '[') - (*p == ')' || *p == ']');
        if (depth == 0 && p != text && strchr("+-*/?<>=!&|%^ ", *p))
            return ir_format("(%s)", text);
    }
    return text;
}
