/* tbr.c: to-be-recorded analysis (see tbr.h). A variable is needed when the backward sweep
 * reads it: in an index of an active access, in an operand of an operation whose partials
 * depend on operand values (x*y, sin x), or as an argument of an active call. A needed
 * variable is saved when a later assignment could destroy the value: it is assigned more
 * than once, or in a loop, or it is a parameter. */
#include "activity.h"
#include "deriv.h"
#include "diag.h"
#include "tbr.h"

typedef struct Tbr {
    Func *fn;
    int *assignments;   /* per variable: assignments seen (2 = several or in a loop) */
    int loop_depth;
    int errors;
} Tbr;

static void need_all(const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_VAR)
        e->var->needed = true;
    need_all(e->lhs);
    need_all(e->rhs);
    need_all(e->cond);
    for (int i = 0; i < e->nargs; i++)
        need_all(e->args[i]);
}

/* Index expressions of an lvalue, and pointer locals it goes through. */
static void need_address(const Expr *e) {
    for (; e; e = e->lhs) {
        if (e->kind == EX_INDEX)
            need_all(e->rhs);
        if (e->kind == EX_VAR && e->var->kind == VAR_LOCAL && e->var->type->kind == TY_PTR)
            e->var->needed = true;
        if (e->kind == EX_BINARY) { /* pointer arithmetic */
            need_all(e->rhs);
            need_all(e->lhs);
            return;
        }
    }
}

/* value: the backward sweep needs e's value (not only its derivative). */
static void need_expr(const Expr *e, bool value) {
    if (!e->active) {
        if (value)
            need_all(e);
        return;
    }
    if (e->kind == EX_VAR || e->kind == EX_INDEX || e->kind == EX_MEMBER || e->kind == EX_DEREF) {
        need_address(e);
        if (value)
            need_all(e);
        return;
    }
    bool whole = value || expr_uses_result(e); /* the operation itself is recomputed */
    if (e->kind == EX_CALL)
        for (int i = 0; i < e->nargs; i++)
            need_expr(e->args[i], whole || operand_value_needed(e, i));
    if (e->lhs)
        need_expr(e->lhs, whole || operand_value_needed(e, 0));
    if (e->rhs)
        need_expr(e->rhs, whole || operand_value_needed(e, 1));
}

static void count_assignment(Tbr *t, const Expr *lhs) {
    if (lhs->kind == EX_VAR)
        t->assignments[lhs->var->index] += t->loop_depth > 0 ? 2 : 1;
}

static void visit(Tbr *t, const Stmt *s) {
    if (!s)
        return;
    switch (s->kind) {
    case ST_ASSIGN:
        count_assignment(t, s->lhs);
        if (s->lhs->kind != EX_VAR) /* a saved element is restored through its address */
            need_address(s->lhs);
        if (!s->active)
            break;
        need_address(s->lhs);
        if (s->rhs->kind == EX_CALL && s->rhs->callee) {
            need_all(s->rhs);
        } else if (type_is_floating(s->lhs->type)) {
            bool compound = s->op == OP_MUL || s->op == OP_DIV;
            need_expr(s->rhs, compound);
            if (compound && s->rhs->active) /* the old value is the other factor */
                need_all(s->lhs);
        } else {
            need_address(s->rhs);
        }
        break;
    case ST_CALL:
        if (s->active)
            need_all(s->rhs);
        break;
    case ST_BLOCK:
        for (int i = 0; i < s->nbody; i++)
            visit(t, s->body[i]);
        break;
    case ST_IF:
        visit(t, s->then);
        visit(t, s->els);
        break;
    default: /* loops */
        visit(t, s->init);
        t->loop_depth++;
        visit(t, s->step);
        visit(t, s->then);
        t->loop_depth--;
        break;
    }
}

/* The array a local pointer points into, from its assignments: an active pointer's adjoint
 * is found from it, and a pointer into a local array is taped as an offset. */
static void find_pointer_roots(Tbr *t, const Stmt *s) {
    if (!s)
        return;
    if (s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR && s->lhs->var->kind == VAR_LOCAL &&
        s->lhs->var->type->kind == TY_PTR) {
        Var *p = s->lhs->var, *root = s->op == OP_NONE ? expr_root_var(s->rhs) : p->pointer_root;
        if (root && root->pointer_root)
            root = root->pointer_root;
        bool fixed = root && (root->kind == VAR_PARAM || root->type->kind == TY_ARRAY);
        if ((!fixed || (p->pointer_root && p->pointer_root != root)) && p->active) {
            error_at(s->loc, "in reverse mode an active pointer must always point into the same "
                     "parameter or local array");
            t->errors++;
        }
        p->pointer_root = root;
    }
    for (int i = 0; i < s->nbody; i++)
        find_pointer_roots(t, s->body[i]);
    find_pointer_roots(t, s->init);
    find_pointer_roots(t, s->step);
    find_pointer_roots(t, s->then);
    find_pointer_roots(t, s->els);
}

int tbr_analyze(Func *fn, Stmt *body) {
    Tbr t = {fn, ir_alloc(sizeof(int) * (size_t)(fn->nvars + 1)), 0, 0};
    for (int i = 0; i < fn->nvars; i++) {
        fn->vars[i]->needed = fn->vars[i]->saved = false;
        fn->vars[i]->pointer_root = NULL;
    }
    visit(&t, body);
    find_pointer_roots(&t, body);
    for (int i = 0; i < fn->nvars; i++) {
        Var *v = fn->vars[i];
        if (v->pointer_root && v->active)
            v->needed = true;
        v->saved = v->needed && (t.assignments[i] >= 2 || (v->kind == VAR_PARAM && t.assignments[i] > 0));
    }
    return t.errors;
}

/* Memory reached through a parameter is saved whatever this function needs: a caller's
 * backward sweep may read it as it was before the call. */
bool tbr_saves(const Expr *lhs) {
    if (lhs->kind == EX_VAR)
        return lhs->var->saved;
    Var *root = expr_root_var(lhs);
    return root && (root->needed || root->kind == VAR_PARAM);
}

bool tbr_reversible(const Stmt *s) {
    if (!s)
        return false;
    if (s->active)
        return true;
    if (s->kind == ST_ASSIGN)
        return tbr_saves(s->lhs);
    for (int i = 0; i < s->nbody; i++)
        if (tbr_reversible(s->body[i]))
            return true;
    return tbr_reversible(s->init) || tbr_reversible(s->step) || tbr_reversible(s->then) ||
           tbr_reversible(s->els);
}
