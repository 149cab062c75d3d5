/* void_context.c: `void *` context pointers (GSL's `void *params`), typed before any analysis
 * sees them. The `void *` variables of the program (parameters and locals; a dispatch's
 * parameter and its targets' included) fall into classes joined by the copies and calls that
 * pass one to another (`f(t, y, dydt, params)`). A class whose every source is a pointer of one
 * type `T *` (`rk4(vdp, &mu, ...)`, `simpson(g, &p, ...)`) or null, and whose members are only
 * cast back to `T *` (`*(double *)params`, `(params_t *)p`, `const T *q = params;`), copied
 * or passed to functions of the program, is typed `T *` in all its members (`const T *` when a source or a member is
 * const; a cast back to `const T *` does not count, as another may write): the program is then the one written with `T *`, and every mode gives the pointer the
 * shadow of what it was made from (`&mu_d`, `&p_b`). Any other class (two types, a source adc
 * cannot see: a parameter of a requested function, a member, a global, a call's result;
 * arithmetic or a comparison on the pointer, its address taken) stays `void *`, and activity.c
 * refuses it when it carries derivatives. */
#include <string.h>
#include "buf.h"
#include "c_text.h"
#include "alias.h"
#include "void_context.h"

typedef struct Context {
    Var **vars;     /* the `void *` variables of the program */
    int nvars;
    int *parent;    /* union-find over vars */
    Type **pointee; /* per class root: the T of its sources and casts (NULL: none yet) */
    bool *is_const; /* per class root: a source or member points to const */
    bool *opaque;   /* per class root: a source or use other than those above, or two types */
} Context;

static int node_of(const Context *cx, const Var *v) {
    for (int i = 0; v && i < cx->nvars; i++)
        if (cx->vars[i] == v)
            return i;
    return -1;
}

static int root_of(Context *cx, int i) {
    while (cx->parent[i] != i)
        i = cx->parent[i];
    return i;
}

/* T as C text without its own const: two pointees are one type when these agree. */
static const char *pointee_text(const Type *t) {
    Type plain = *t;
    plain.is_const = false;
    Buf b = {0};
    emit_type(&b, &plain);
    const char *text = ir_strdup(buf_str(&b));
    buf_free(&b);
    return text;
}

/* t: the pointee of a source (its const counts: the pointer may not be written through) or of
 * a cast back (`(const T *)params` does not make the pointer const: another cast may write). */
static void add_pointee(Context *cx, int node, Type *t, bool source) {
    int r = root_of(cx, node);
    cx->is_const[r] |= source && t->is_const;
    if (!cx->pointee[r])
        cx->pointee[r] = t;
    else if (strcmp(pointee_text(cx->pointee[r]), pointee_text(t)) != 0)
        cx->opaque[r] = true;
}

static void join(Context *cx, int a, int b) {
    a = root_of(cx, a);
    b = root_of(cx, b);
    if (a == b)
        return;
    cx->parent[b] = a;
    cx->opaque[a] |= cx->opaque[b];
    cx->is_const[a] |= cx->is_const[b];
    if (cx->pointee[b])
        add_pointee(cx, a, cx->pointee[b], false);
}

static int var_node(const Context *cx, const Expr *e) {
    return e && e->kind == EX_VAR ? node_of(cx, e->var) : -1;
}

static void walk_expr(Context *cx, Expr *e);

/* node receives value: another node's (joined), a typed pointer's (its pointee), or null. */
static void flow_into(Context *cx, int node, Expr *value) {
    Expr *e = value;
    while (e->kind == EX_CAST && type_is_void_pointer(e->type)) /* (void *)&mu */
        e = e->lhs;
    int from = var_node(cx, e);
    if (from >= 0)
        join(cx, node, from);
    else if (expr_is_null(e))
        return;
    else if ((e->type->kind == TY_PTR || e->type->kind == TY_ARRAY) && e->type->base->kind != TY_VOID)
        add_pointee(cx, node, e->type->base, true);
    else
        cx->opaque[root_of(cx, node)] = true;
    if (from < 0)
        walk_expr(cx, e);
}

/* Each use of a node in e: cast back to a typed pointer, or passed to a function of the
 * program's `void *` parameter; any other makes its class opaque. */
static void walk_expr(Context *cx, Expr *e) {
    if (!e)
        return;
    int node = var_node(cx, e);
    if (node >= 0) {
        cx->opaque[root_of(cx, node)] = true;
        return;
    }
    node = e->kind == EX_CAST ? var_node(cx, e->lhs) : -1;
    if (node >= 0 && e->type->kind == TY_VOID) /* (void)params; */
        return;
    if (node >= 0 && e->type->kind == TY_PTR && e->type->base->kind != TY_VOID) {
        add_pointee(cx, node, e->type->base, false);
        return;
    }
    for (int i = 0; i < e->nargs; i++) {
        int param = e->kind == EX_CALL && e->callee && i < e->callee->nparams ? node_of(cx, e->callee->params[i]) : -1;
        if (param >= 0)
            flow_into(cx, param, e->args[i]);
        else
            walk_expr(cx, e->args[i]);
    }
    walk_expr(cx, e->lhs);
    walk_expr(cx, e->rhs);
    walk_expr(cx, e->cond);
}

/* The variable a declaration or plain assignment s sets (NULL: none). */
static Var *set_var(const Stmt *s) {
    if (s->kind == ST_DECL)
        return s->var;
    return s->kind == ST_ASSIGN && s->op == OP_NONE && s->lhs->kind == EX_VAR ? s->lhs->var : NULL;
}

/* `const T *p = params;`: C's implicit conversion from `void *`, a cast back to T * like
 * `(const T *)params` (GSL's integrands are written so). */
static bool implicit_cast_back(Context *cx, const Var *target, const Expr *value) {
    int node = var_node(cx, value);
    if (node < 0 || !target || target->type->kind != TY_PTR || target->type->base->kind == TY_VOID)
        return false;
    add_pointee(cx, node, target->type->base, false);
    return true;
}

static void walk_stmt(Context *cx, Stmt *s) {
    if (!s)
        return;
    Var *target = set_var(s);
    int node = node_of(cx, target);
    if (node >= 0 && s->rhs) {
        flow_into(cx, node, s->rhs);
    } else if (!s->rhs || !implicit_cast_back(cx, target, s->rhs)) {
        walk_expr(cx, s->lhs);
        walk_expr(cx, s->rhs);
    }
    walk_expr(cx, s->cond);
    for (int i = 0; i < s->nbody; i++)
        walk_stmt(cx, s->body[i]);
    walk_stmt(cx, s->init);
    walk_stmt(cx, s->step);
    walk_stmt(cx, s->then);
    walk_stmt(cx, s->els);
}

/* The `void *` variables: those whose values adc cannot see arriving (a requested function's
 * parameters, a variable whose address is taken) start opaque. */
static void collect(Context *cx, Program *prog) {
    for (int f = 0; f < prog->nfuncs; f++) {
        Func *fn = prog->funcs[f];
        for (int i = 0; i < fn->nvars; i++) {
            Var *v = fn->vars[i];
            if (v->kind == VAR_GLOBAL || !type_is_void_pointer(v->type))
                continue;
            int n = cx->nvars;
            IR_APPEND(cx->vars, cx->nvars, v);
            cx->parent = ir_grow(cx->parent, n, sizeof(int));
            cx->pointee = ir_grow(cx->pointee, n, sizeof(Type *));
            cx->is_const = ir_grow(cx->is_const, n, sizeof(bool));
            cx->opaque = ir_grow(cx->opaque, n, sizeof(bool));
            cx->parent[n] = n;
            cx->pointee[n] = NULL;
            cx->is_const[n] = v->type->base->is_const;
            cx->opaque[n] = (v->kind == VAR_PARAM && fn->requested) || stmt_takes_address(fn->body, v);
        }
    }
}

/* ---- typing the classes ---- */

static bool typed(Context *cx, const Var *v) {
    int node = node_of(cx, v);
    return node >= 0 && !type_is_void_pointer(v->type);
}

/* e without the casts that only made a typed pointer `void *` for a now typed node, and each
 * cast of a typed node to its own type or to its const form (`(const T *)params`: C adds the
 * const where needed, and a vector tangent's shadow would be cast to the primal type). */
static Expr *retyped_expr(Context *cx, Expr *e) {
    if (!e)
        return NULL;
    if (e->kind == EX_VAR && typed(cx, e->var))
        e->type = e->var->type;
    for (int i = 0; i < e->nargs; i++) {
        e->args[i] = retyped_expr(cx, e->args[i]);
        Var *param = e->kind == EX_CALL && e->callee && i < e->callee->nparams ? e->callee->params[i] : NULL;
        while (param && typed(cx, param) && e->args[i]->kind == EX_CAST && type_is_void_pointer(e->args[i]->type))
            e->args[i] = e->args[i]->lhs;
    }
    e->lhs = retyped_expr(cx, e->lhs);
    e->rhs = retyped_expr(cx, e->rhs);
    e->cond = retyped_expr(cx, e->cond);
    if (e->kind == EX_CAST && e->lhs->kind == EX_VAR && typed(cx, e->lhs->var) && e->type->kind == TY_PTR &&
        strcmp(pointee_text(e->type->base), pointee_text(e->lhs->type->base)) == 0 &&
        (e->type->base->is_const || !e->lhs->type->base->is_const))
        return e->lhs;
    return e;
}

static void retype_stmt(Context *cx, Stmt *s) {
    if (!s)
        return;
    s->lhs = retyped_expr(cx, s->lhs);
    s->rhs = retyped_expr(cx, s->rhs);
    s->cond = retyped_expr(cx, s->cond);
    Var *target = s->kind == ST_DECL ? s->var : s->kind == ST_ASSIGN && s->lhs->kind == EX_VAR ? s->lhs->var : NULL;
    while (target && typed(cx, target) && s->rhs && s->rhs->kind == EX_CAST && type_is_void_pointer(s->rhs->type))
        s->rhs = s->rhs->lhs;
    for (int i = 0; i < s->nbody; i++)
        retype_stmt(cx, s->body[i]);
    retype_stmt(cx, s->init);
    retype_stmt(cx, s->step);
    retype_stmt(cx, s->then);
    retype_stmt(cx, s->els);
}

/* T * (const T * when the class asks it), keeping the variable's own const (`void *const p`). */
static Type *typed_pointer(Context *cx, int root, const Type *old) {
    Type *base = ir_alloc(sizeof *base);
    *base = *cx->pointee[root];
    base->is_const = cx->is_const[root];
    Type *t = type_pointer_to(base);
    t->is_const = old->is_const;
    return t;
}

static bool has_typed_local(Context *cx, const Func *fn) {
    for (int i = 0; i < fn->nvars; i++)
        if (fn->vars[i]->kind == VAR_LOCAL && typed(cx, fn->vars[i]))
            return true;
    return false;
}

int void_contexts(Program *prog) {
    Context cx = {0};
    collect(&cx, prog);
    if (!cx.nvars)
        return 0;
    for (int f = 0; f < prog->nfuncs; f++)
        walk_stmt(&cx, prog->funcs[f]->body);
    bool any = false;
    for (int i = 0; i < cx.nvars; i++) {
        int r = root_of(&cx, i);
        if (cx.opaque[r] || !cx.pointee[r] || cx.pointee[r]->kind == TY_FUNCPTR)
            continue;
        cx.vars[i]->type = typed_pointer(&cx, r, cx.vars[i]->type);
        any = true;
    }
    int errors = 0;
    for (int f = 0; any && f < prog->nfuncs; f++) {
        Func *fn = prog->funcs[f];
        retype_stmt(&cx, fn->body);
        if (has_typed_local(&cx, fn)) /* `void *ctx = &p;` is now `struct pr *ctx = &p;`: ctx is p */
            errors += alias_substitute(fn);
    }
    return errors;
}
