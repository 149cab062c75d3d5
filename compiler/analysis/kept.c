/* kept.c: which helper parameters the callers keep (see kept.h), and how much of them: when
 * every write through p is p[i] for the index i of a counting loop `for (i = a; i < n; i++)`
 * (a not negative, n an int parameter the helper never assigns), and p is used no other way
 * than by element, the helper writes only p[0..n-1] and callers tape just those. */
#include "kept.h"

/* The element type under t's array levels (double of double[n][m]). */
static const Type *innermost(const Type *t) {
    while (t->kind == TY_ARRAY)
        t = t->base;
    return t;
}

/* A pointer to writable floating data, or to rows of it (`double (*u)[ny]`). */
static bool writable_array_param(const Var *p) {
    if (p->type->kind != TY_PTR)
        return false;
    for (const Type *t = p->type->base; t->kind == TY_ARRAY; t = t->base)
        if (t->is_const)
            return false;
    return type_is_floating(innermost(p->type->base)) && !innermost(p->type->base)->is_const;
}

/* A local array of the caller whose every level has a length, fixed or variable (a VLA's
 * sizeof says it where it is declared), passed whole: its address and size are the array's own. */
static bool whole_local_array(const Expr *arg) {
    if (arg->kind != EX_VAR || arg->var->kind != VAR_LOCAL || arg->var->type->kind != TY_ARRAY)
        return false;
    for (const Type *t = arg->var->type; t->kind == TY_ARRAY; t = t->base)
        if (t->array_len <= 0 && !t->vla)
            return false;
    return type_is_floating(innermost(arg->var->type));
}

/* The address of a floating local scalar (`g(q, &px)`): one element, the scalar's own. */
static bool local_scalar_address(const Expr *arg) {
    return arg->kind == EX_ADDR && arg->lhs->kind == EX_VAR && arg->lhs->var->kind == VAR_LOCAL &&
           type_is_floating(arg->lhs->var->type);
}

/* Whether another argument of call may reach the memory argument i gives (g(A, A), g(A, &A[1]),
 * g(A, p) with a local pointer p): the helper would read through it what it no longer tapes. */
static bool passed_twice(const Expr *call, int i) {
    const Var *kept = expr_root_var(call->args[i]);
    for (int k = 0; k < call->nargs; k++) {
        const Var *root = k != i ? expr_root_var(call->args[k]) : NULL;
        if (root && (root == kept || (root->kind == VAR_LOCAL && root->type->kind == TY_PTR)))
            return true;
    }
    return false;
}

/* Clears the flag of every parameter some call in e fills with anything else. */
static void refuse_in_expr(const Expr *e) {
    if (!e)
        return;
    if (e->kind == EX_CALL && e->callee)
        for (int i = 0; i < e->nargs && i < e->callee->nparams; i++)
            if ((!whole_local_array(e->args[i]) && !local_scalar_address(e->args[i])) || passed_twice(e, i))
                e->callee->params[i]->caller_keeps = false;
    refuse_in_expr(e->lhs);
    refuse_in_expr(e->rhs);
    refuse_in_expr(e->cond);
    for (int i = 0; i < e->nargs; i++)
        refuse_in_expr(e->args[i]);
}

static void refuse_in_stmt(const Stmt *s) {
    if (!s)
        return;
    refuse_in_expr(s->lhs);
    refuse_in_expr(s->rhs);
    refuse_in_expr(s->cond);
    for (int i = 0; i < s->nbody; i++)
        refuse_in_stmt(s->body[i]);
    refuse_in_stmt(s->init);
    refuse_in_stmt(s->step);
    refuse_in_stmt(s->then);
    refuse_in_stmt(s->els);
}

/* ---- the elements a helper writes ---- */

/* A counting loop `for (i = first; i < n; i += c)` of the helper's own body: n an int
 * parameter the helper never assigns, first not negative, i assigned only by the step. */
typedef struct Counting {
    const Var *index, *bound;
} Counting;

typedef struct Extent {
    const Func *fn;
    const Var *param;       /* the kept parameter */
    Counting loops[16];     /* the counting loops around the statement being scanned */
    int nloops;
    const Var *bound;       /* the bound every write so far agrees on */
    bool unknown;           /* some write or use is not of the form p[i] in such a loop */
} Extent;

static const Var *loop_bound_of(const Extent *x, const Var *index) {
    for (int i = x->nloops - 1; i >= 0; i--)
        if (x->loops[i].index == index)
            return x->loops[i].bound;
    return NULL;
}

/* A start no smaller than zero: a literal, an enclosing index, or one of those plus a literal. */
static bool not_negative(const Extent *x, const Expr *e) {
    if (e->kind == EX_NUM)
        return e->text[0] != '-';
    if (e->kind == EX_VAR)
        return loop_bound_of(x, e->var) != NULL;
    return e->kind == EX_BINARY && e->op == OP_ADD && not_negative(x, e->lhs) && not_negative(x, e->rhs);
}

/* The loop's index and bound when s is a counting loop as described above. */
static bool counting(const Extent *x, const Stmt *s, Counting *c) {
    const Stmt *init = stmt_unwrapped(s->init), *step = stmt_unwrapped(s->step);
    const Expr *cond = s->cond;
    if (s->kind != ST_FOR || !init || !step || !cond || cond->kind != EX_BINARY || cond->op != OP_LT ||
        cond->lhs->kind != EX_VAR || cond->rhs->kind != EX_VAR)
        return false;
    const Var *index = cond->lhs->var, *bound = cond->rhs->var;
    const Expr *first = init->kind == ST_DECL && init->var == index ? init->rhs
                        : init->kind == ST_ASSIGN && init->op == OP_NONE && init->lhs->kind == EX_VAR &&
                                  init->lhs->var == index ? init->rhs : NULL;
    bool steps = step->kind == ST_ASSIGN && step->op == OP_ADD && step->lhs->kind == EX_VAR &&
                 step->lhs->var == index && step->rhs->kind == EX_NUM && step->rhs->text[0] != '-';
    if (!first || !steps || !not_negative(x, first) || bound->kind != VAR_PARAM || bound->type->kind != TY_INT ||
        stmt_assigns(x->fn->body, bound) || stmt_assigns(s->then, index))
        return false;
    *c = (Counting){index, bound};
    return true;
}

/* Any use of the parameter in e other than an element read makes the extent unknown (it may
 * be written through another name or by a call). */
static void scan_uses(Extent *x, const Expr *e, bool element) {
    if (!e)
        return;
    if ((e->kind == EX_VAR && e->var == x->param && !element) ||
        (e->kind == EX_ADDR && expr_root_var(e->lhs) == x->param))
        x->unknown = true;
    scan_uses(x, e->lhs, e->kind == EX_INDEX);
    scan_uses(x, e->rhs, false);
    scan_uses(x, e->cond, false);
    for (int i = 0; i < e->nargs; i++)
        scan_uses(x, e->args[i], false);
}

static void note_write(Extent *x, const Expr *lhs) {
    if (expr_root_var(lhs) != x->param)
        return;
    const Var *bound = lhs->kind == EX_INDEX && lhs->lhs->kind == EX_VAR && lhs->rhs->kind == EX_VAR
                       ? loop_bound_of(x, lhs->rhs->var) : NULL;
    if (!bound || (x->bound && x->bound != bound))
        x->unknown = true;
    x->bound = bound;
}

static void scan_writes(Extent *x, const Stmt *s) {
    if (!s || x->unknown)
        return;
    if (s->kind == ST_ASSIGN) {
        note_write(x, s->lhs);
        scan_uses(x, s->lhs, false);
    }
    scan_uses(x, s->rhs, false);
    scan_uses(x, s->cond, false);
    Counting c;
    bool loop = counting(x, s, &c) && x->nloops < 16;
    if (loop)
        x->loops[x->nloops++] = c;
    for (int i = 0; i < s->nbody; i++)
        scan_writes(x, s->body[i]);
    scan_writes(x, s->init);
    scan_writes(x, s->step);
    scan_writes(x, s->then);
    scan_writes(x, s->els);
    x->nloops -= loop;
}

/* The int parameter bounding the elements fn writes through p, or NULL. */
static Var *write_extent(const Func *fn, const Var *p) {
    Extent x = {.fn = fn, .param = p};
    scan_writes(&x, fn->body);
    for (int i = 0; !x.unknown && i < fn->nparams; i++)
        if (fn->params[i] == x.bound)
            return fn->params[i];
    return NULL;
}

/* An assignment to memory param points to (`*p = ...`, `p[i] += ...`). */
static bool writes_through(const Stmt *s, const void *param) {
    return s->kind == ST_ASSIGN && s->lhs->kind != EX_VAR && expr_root_var(s->lhs) == param;
}

/* A call of a helper given param or memory it points to (`g(p)`, `g(&p[1])`). */
static FindVerdict passes_on(const Expr *e, const void *param) {
    for (int i = 0; e->kind == EX_CALL && e->callee && i < e->nargs; i++)
        if (expr_root_var(e->args[i]) == param)
            return FIND_FOUND;
    return FIND_INSIDE;
}

/* A parameter fn only hands on to helpers, which tape their own writes: keeping it would tape
 * the memory twice. */
static bool only_passed_on(const Func *fn, const Var *param) {
    return stmt_find_expr(fn->body, passes_on, param) && !stmt_find(fn->body, writes_through, param);
}

void kept_params_find(Program *prog) {
    for (int f = 0; f < prog->nfuncs; f++) {
        Func *fn = prog->funcs[f];
        for (int i = 0; i < fn->nparams; i++)
            fn->params[i]->caller_keeps = !fn->requested && writable_array_param(fn->params[i]) &&
                                          !only_passed_on(fn, fn->params[i]);
    }
    for (int f = 0; f < prog->nfuncs; f++)
        refuse_in_stmt(prog->funcs[f]->body);
    for (int f = 0; f < prog->nfuncs; f++) {
        Func *fn = prog->funcs[f];
        for (int i = 0; i < fn->nparams; i++)
            fn->params[i]->kept_extent = fn->params[i]->caller_keeps ? write_extent(fn, fn->params[i]) : NULL;
    }
}

bool kept_arg(const Expr *call, int arg) {
    return call->callee && arg < call->callee->nparams && call->callee->params[arg]->caller_keeps;
}
