/* deriv.c: cuts an active expression into primitive operations with local partial
 * derivatives (the rules of differentiation live here and in mathfn.c). */
#include <ctype.h>
#include <string.h>
#include "c_text.h"
#include "deriv.h"
#include "overlap.h"
#include "diag.h"
#include "mathfn.h"

const char *namer_temp(Namer *n) {
    for (;;) {
        const char *name = ir_format("t%d", ++n->next);
        if (func_name_free(n->fn, name))
            return name;
    }
}

const char *temp_type(const Type *type) {
    return type->kind == TY_FLOAT ? "float" : type->kind == TY_LONG_DOUBLE ? "long double" : "double";
}

static int add_node(Linear *lin, const Expr *e) {
    if (lin->count == lin->cap) {
        int cap = lin->cap ? lin->cap * 2 : 16;
        LinNode *nodes = ir_alloc(sizeof(LinNode) * (size_t)cap);
        if (lin->count)
            memcpy(nodes, lin->nodes, sizeof(LinNode) * (size_t)lin->count);
        lin->nodes = nodes;
        lin->cap = cap;
    }
    LinNode *n = &lin->nodes[lin->count];
    memset(n, 0, sizeof *n);
    n->expr = e;
    return lin->count++;
}

/* Substitutes $0, $1, $r and @ in a partial-derivative template (fsuffix: of the float or long
 * double math functions, whose constants are then long double). */
static const char *instantiate(const char *tmpl, const char *args[], const char *result, const char *fsuffix) {
    Buf b = {0};
    for (const char *p = tmpl; *p; p++) {
        if (*p == '$' && p[1] >= '0' && p[1] < '0' + MATH_MAX_ARGS)
            buf_puts(&b, paren_if_needed(args[p[1] - '0']));
        else if (*p == '$' && p[1] == 'r')
            buf_puts(&b, result);
        else if (*p == '@') {
            size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789");
            buf_printf(&b, "%.*s%s", (int)n, p + 1, fsuffix);
            p += n;
            continue;
        } else if (*fsuffix == 'l' && isdigit((unsigned char)*p) && (p == tmpl || !isalnum((unsigned char)p[-1]))) {
            size_t n = strspn(p, "0123456789.");
            buf_printf(&b, "%.*sL", (int)n, p); /* ln 2 and the like to long double's precision */
            p += n - 1;
            continue;
        } else {
            buf_putc(&b, *p);
            continue;
        }
        p++;
    }
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

static bool is_leaf(const Expr *e) {
    return e->kind == EX_VAR || e->kind == EX_INDEX || e->kind == EX_MEMBER || e->kind == EX_DEREF;
}

static int visit(Linear *lin, const Expr *e, Namer *names, const char *suffix);

/* Sets the operands and partials of an active operation node. */
static int operation(Linear *lin, int id, Namer *names, const char *suffix) {
    const Expr *e = lin->nodes[id].expr;
    const Expr *ops[MATH_MAX_ARGS] = {e->lhs, e->rhs};
    int nops = e->kind == EX_CALL ? e->nargs : (e->kind == EX_BINARY ? 2 : 1);
    if (e->kind == EX_CALL)
        for (int i = 0; i < nops; i++)
            ops[i] = e->args[i];
    int kid[MATH_MAX_ARGS] = {-1, -1, -1};
    const char *val[MATH_MAX_ARGS] = {"", "", ""};
    for (int i = 0; i < nops; i++) {
        if ((kid[i] = visit(lin, ops[i], names, suffix)) < 0 && ops[i]->active)
            return -1;
        val[i] = kid[i] >= 0 ? lin->nodes[kid[i]].value : paren_if_needed(expr_text(ops[i]));
    }
    LinNode *n = &lin->nodes[id];
    n->temp = namer_temp(names);
    n->value = n->temp;
    const char *partial[MATH_MAX_ARGS] = {NULL, NULL, NULL};
    const char *text = NULL;
    if (e->kind == EX_CALL) {
        const char *fs = float_suffix(e->type);
        text = ir_format("%s(", e->text);
        for (int i = 0; i < nops; i++) {
            partial[i] = e->math->partial[i] ? instantiate(e->math->partial[i], val, n->temp, fs) : NULL;
            text = ir_format("%s%s%s", text, i ? ", " : "", val[i]);
        }
        text = ir_format("%s)", text);
    } else if (e->kind == EX_CAST) {
        partial[0] = "1.0";
        text = ir_format("(%s)%s", temp_type(e->type), val[0]);
    } else if (e->kind == EX_UNARY) {
        partial[0] = e->op == OP_NEG ? "-1.0" : "1.0";
        text = ir_format("%s%s", e->op == OP_NEG ? "-" : "", val[0]);
    } else {
        switch (e->op) {
        case OP_ADD: partial[0] = "1.0"; partial[1] = "1.0"; break;
        case OP_SUB: partial[0] = "1.0"; partial[1] = "-1.0"; break;
        case OP_MUL: partial[0] = val[1]; partial[1] = val[0]; break;
        case OP_DIV:
            partial[0] = ir_format("1.0 / %s", val[1]);
            partial[1] = ir_format("-%s / %s", n->temp, val[1]);
            break;
        default: break;
        }
        text = ir_format("%s %s %s", val[0], op_spelling(e->op), val[1]);
    }
    for (int i = 0; i < nops; i++)
        if (kid[i] >= 0 && lin->nodes[kid[i]].active) {
            n->operand[n->nkids] = i;
            n->kid[n->nkids] = kid[i];
            n->partial[n->nkids++] = partial[i];
        }
    n->op_text = text;
    return 0;
}

static bool differentiable(const Expr *e) {
    switch (e->kind) {
    case EX_UNARY: return e->op == OP_NEG || e->op == OP_PLUS;
    case EX_BINARY: return e->op == OP_ADD || e->op == OP_SUB || e->op == OP_MUL || e->op == OP_DIV;
    case EX_CAST: return type_is_floating(e->type) && type_is_floating(e->lhs->type);
    case EX_CALL: return e->math != NULL;
    default: return false;
    }
}

/* Returns the node of an active e, or -1 (e inactive: used by its text). */
static int visit(Linear *lin, const Expr *e, Namer *names, const char *suffix) {
    if (!e->active)
        return -1;
    int id = add_node(lin, e);
    lin->nodes[id].active = true;
    if (is_leaf(e)) {
        lin->nodes[id].value = paren_if_needed(expr_text(e));
        lin->nodes[id].shadow = shadow_text(e, suffix);
        return id;
    }
    if (!differentiable(e)) {
        error_at(e->loc, "cannot differentiate this %s",
                 e->kind == EX_CAST ? "cast (an active value converted to an integer or pointer)"
                                    : "operation on an active value");
        return -1;
    }
    return operation(lin, id, names, suffix) == 0 ? id : -1;
}

static void mark_carries(Linear *lin);

int linearize(Linear *lin, const Expr *e, Namer *names, const char *suffix) {
    memset(lin, 0, sizeof *lin);
    lin->root = visit(lin, e, names, suffix);
    mark_carries(lin);
    return lin->root < 0 && e->active ? -1 : 0;
}

bool operand_value_needed(const Expr *e, int i) {
    if (e->kind == EX_CALL) { /* the partials name operand i as $i */
        const char ref[3] = {'$', (char)('0' + i), '\0'};
        for (int k = 0; k < e->nargs && e->math; k++)
            if (e->args[k]->active && e->math->partial[k] && strstr(e->math->partial[k], ref))
                return true;
        return false;
    }
    if (e->kind != EX_BINARY)
        return false;
    if (e->op == OP_MUL) /* d(ab)/da = b */
        return (i == 0 ? e->rhs : e->lhs)->active;
    if (e->op == OP_DIV) /* d(a/b)/da = 1/b, d(a/b)/db = -(a/b)/b: a only through the result */
        return i == 1 && (e->lhs->active || e->rhs->active);
    return false;
}

bool carries_derivative(const Linear *lin, int id) {
    return lin->nodes[id].carries;
}

/* Operands come after their operation in creation order: fill `carries` bottom-up, once. */
static void mark_carries(Linear *lin) {
    for (int i = lin->count - 1; i >= 0; i--) {
        LinNode *n = &lin->nodes[i];
        n->carries = !n->temp;
        for (int k = 0; k < n->nkids && !n->carries; k++)
            n->carries = n->partial[k] && lin->nodes[n->kid[k]].carries;
    }
}

/* Whether memory named by u may be memory named by v: a pointer of unknown target (a global's,
 * one no assignment gave a root), a switched or copied block (Var.aliased), or roots
 * (pointer_check.c) that meet. */
static bool may_share(const Var *u, const Var *v) {
    if (u == v || u->aliased || v->aliased)
        return true;
    if ((u->type->kind == TY_PTR && (!u->nroots || u->kind == VAR_GLOBAL)) ||
        (v->type->kind == TY_PTR && (!v->nroots || v->kind == VAR_GLOBAL)))
        return true;
    for (int i = 0; i < (u->nroots ? u->nroots : 1); i++)
        for (int k = 0; k < (v->nroots ? v->nroots : 1); k++)
            if (overlap_roots_meet(u->nroots ? u->roots[i] : u, v->nroots ? v->roots[k] : v))
                return true;
    return false;
}

/* The memory an assignment writes: a variable's (for a scalar local or parameter, scalar). */
typedef struct Target {
    const Var *var;
    bool scalar;
} Target;

/* A read of memory (a[i], *p, p->x) that may read the target: for a scalar only through a
 * pointer known to point at it (alias.c replaced the others). */
static FindVerdict reads_target_here(const Expr *e, const void *ctx) {
    const Target *t = ctx;
    if (e->kind == EX_ADDR)
        return FIND_SKIP; /* &a[k] names memory without reading it */
    if (e->kind != EX_INDEX && e->kind != EX_DEREF && !(e->kind == EX_MEMBER && e->arrow))
        return FIND_INSIDE;
    const Var *base = expr_memory_var(e);
    if (!t->scalar)
        return !base || may_share(base, t->var) ? FIND_FOUND : FIND_INSIDE;
    for (int i = 0; base && i < base->nroots; i++)
        if (base->roots[i] == t->var)
            return FIND_FOUND;
    return FIND_INSIDE;
}

/* Whether rhs may read what lhs names, under any name: p[0] where p = y + d and lhs is y[0]
 * (difftest seed 2014337: the partials read the new value for the old). */
static bool reads_assigned_memory(const Expr *rhs, const Expr *lhs) {
    Target t = {lhs->kind == EX_VAR ? lhs->var : expr_memory_var(lhs), false};
    if (!t.var)
        return expr_reads_memory(rhs);
    t.scalar = lhs->kind == EX_VAR && t.var->kind != VAR_GLOBAL;
    return expr_mentions(rhs, t.var) || expr_find(rhs, reads_target_here, &t);
}

bool reuses_result(const Stmt *s) {
    const Expr *rhs = s->rhs;
    bool operation = (rhs->kind == EX_CALL && rhs->math) || (rhs->kind == EX_BINARY && rhs->op == OP_DIV);
    return s->kind == ST_ASSIGN && s->active && s->op == OP_NONE && operation && type_is_floating(s->lhs->type) &&
           expr_uses_result(rhs) && !reads_assigned_memory(rhs, s->lhs);
}

bool expr_uses_result(const Expr *e) {
    if (e->kind == EX_BINARY)
        return e->op == OP_DIV && e->rhs->active;
    if (e->kind != EX_CALL || !e->math)
        return false;
    for (int i = 0; i < e->math->nargs; i++)
        if (e->math->partial[i] && strstr(e->math->partial[i], "$r") && e->args[i]->active)
            return true;
    return false;
}

void emit_needed_temps(Buf *b, Linear *lin, bool root_value, int depth) {
    /* Operations come before their operands in creation order: mark top-down. */
    if (lin->root >= 0 && root_value)
        lin->nodes[lin->root].needed = true;
    for (int i = 0; i < lin->count; i++) {
        LinNode *n = &lin->nodes[i];
        if (!n->temp)
            continue;
        n->needed |= expr_uses_result(n->expr);
        bool partials_used = false; /* no operand carries a derivative through floor(x)*ceil(y) */
        for (int k = 0; k < n->nkids; k++)
            partials_used |= n->partial[k] && carries_derivative(lin, n->kid[k]);
        for (int k = 0; k < n->nkids; k++)
            lin->nodes[n->kid[k]].needed |=
                (n->needed && !n->known) || (partials_used && operand_value_needed(n->expr, n->operand[k]));
    }
    /* Every operand's temporary must come before its user: write in reverse order. */
    for (int i = lin->count - 1; i >= 0; i--) {
        const LinNode *n = &lin->nodes[i];
        if (!n->temp || !n->needed)
            continue;
        buf_indent(b, depth);
        buf_printf(b, "%s %s = %s;\n", temp_type(n->expr->type), n->temp, n->op_text);
    }
}

const char *scaled(const char *partial, const char *derivative) {
    if (strcmp(partial, "1.0") == 0)
        return derivative;
    if (strcmp(partial, "-1.0") == 0)
        return ir_format("-%s", paren_if_needed(derivative));
    return ir_format("%s * %s", paren_if_needed(partial), paren_if_needed(derivative));
}

/* partial with its $d (mathfn.h) replaced by derivative. */
static const char *selected(const char *partial, const char *derivative) {
    Buf b = {0};
    for (const char *p = partial; *p; p++) {
        if (p[0] == '$' && p[1] == 'd') {
            buf_puts(&b, paren_if_needed(derivative));
            p++;
        } else {
            buf_putc(&b, *p);
        }
    }
    const char *s = ir_strdup(buf_str(&b));
    buf_free(&b);
    return s;
}

const char *partial_times(const LinNode *n, int k, const char *derivative) {
    const char *partial = n->partial[k];
    const char *term = strstr(partial, "$d") ? selected(partial, derivative) : scaled(partial, derivative);
    bool unbounded = n->expr->kind == EX_CALL && n->expr->math && n->expr->math->unbounded;
    return unbounded ? ir_format("(%s == 0.0 ? 0.0 : %s)", paren_if_needed(derivative), term) : term;
}
