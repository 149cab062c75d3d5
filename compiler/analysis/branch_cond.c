/* branch_cond.c: which if conditions the backward sweep evaluates again (see branch_cond.h).
 * Anything else (a local assigned again or computed from anything else, a global, an array
 * element, a call, floating arithmetic, whose result may differ when compiled twice under
 * --fast-math) keeps its taped bit. A recomputed local is assigned once, by its declaration,
 * so no branch assigns it: where the if is reversed (after its branch) it holds what the
 * condition read. */
#include "branch_cond.h"

typedef struct Fixed {
    const Stmt *body;
    const Var *const *indices;
    int nindices;
    const Stmt *const *recomputed; /* per variable: its recomputed definition, or NULL */
} Fixed;

static bool recomputable(const Fixed *f, const Expr *e);

/* A variable holding the same value wherever the if runs and is reversed. */
static bool fixed_var(const Fixed *f, const Var *v) {
    if (v->type->kind != TY_INT && !type_is_floating(v->type))
        return false;
    if (stmt_takes_address(f->body, v))
        return false;
    for (int i = 0; i < f->nindices; i++)
        if (f->indices[i] == v)
            return true;
    if (v->kind == VAR_LOCAL && v->type->kind == TY_INT && f->recomputed && f->recomputed[v->index])
        return recomputable(f, f->recomputed[v->index]->rhs); /* it reads only earlier ones */
    return v->kind == VAR_PARAM && !stmt_assigns(f->body, v);
}

/* A floating operand of a comparison: a fixed variable or a literal, nothing computed. */
static bool plain_operand(const Fixed *f, const Expr *e) {
    if (e->kind == EX_UNARY && e->op == OP_NEG)
        e = e->lhs;
    return e->kind == EX_NUM || (e->kind == EX_VAR && fixed_var(f, e->var));
}

static bool comparison(Op op) {
    return op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE || op == OP_EQ || op == OP_NE;
}

static bool recomputable(const Fixed *f, const Expr *e) {
    bool integer = e->type && e->type->kind == TY_INT;
    switch (e->kind) {
    case EX_NUM:
        return true;
    case EX_VAR:
        return fixed_var(f, e->var);
    case EX_CAST:
        return integer && e->lhs->type && e->lhs->type->kind == TY_INT && recomputable(f, e->lhs);
    case EX_UNARY:
        return integer && (e->op == OP_NOT || e->op == OP_NEG || e->op == OP_PLUS) && recomputable(f, e->lhs);
    case EX_BINARY:
        if (comparison(e->op) && (type_is_floating(e->lhs->type) || type_is_floating(e->rhs->type)))
            return plain_operand(f, e->lhs) && plain_operand(f, e->rhs);
        if (comparison(e->op) || e->op == OP_LAND || e->op == OP_LOR)
            return recomputable(f, e->lhs) && recomputable(f, e->rhs);
        return integer && (e->op == OP_ADD || e->op == OP_SUB || e->op == OP_MUL || e->op == OP_DIV ||
                           e->op == OP_MOD) && recomputable(f, e->lhs) && recomputable(f, e->rhs);
    default:
        return false;
    }
}

bool branch_cond_recomputable(const Stmt *body, const Expr *cond, const Var *const *indices, int nindices,
                              const Stmt *const *recomputed) {
    Fixed f = {body, indices, nindices, recomputed};
    return cond && recomputable(&f, cond);
}
