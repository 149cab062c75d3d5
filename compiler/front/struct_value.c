/* struct_value.c: structs passed and returned by value, made plain for every mode before any
 * analysis sees them.
 *
 * A struct parameter passed by value that the function assigns (`a.x /= d;`) is copied into a
 * local of its name on entry, the parameter renamed (`v2 a = a_in;`): its adjoint then flows
 * from the local's, field by field, as from any struct copy (reverse mode refused it).
 *
 * Helpers returning a struct of floating members by value (vec3 vadd(vec3 a,
 * vec3 b), cplx cmul(cplx, cplx)) fill it through a pointer parameter instead, before any
 * analysis sees them: a derivative travels through a pointer parameter in every mode, never
 * through a returned struct. Lowering has made each call a statement of its own (a nested
 * call's value goes to a local `vec3 vscale_value = vscale(r, k);`), which becomes
 *     vec3 r = vsub(a, b);    ->  vec3 r; vsub(a, b, &r);
 *     f = vadd(f, t);         ->  vec3 vadd_value; vadd(f, t, &vadd_value); f = vadd_value;
 * (a new local, so that the result's shadow never aliases an argument's), and the helper's
 * `return e;` becomes `*result = e; return;`. */
#include "diag.h"
#include "struct_value.h"

/* A struct parameter p (of floating members, no pointers: those point into the caller's shadow
 * arrays) that the body assigns: the body's p becomes a local holding a copy of the parameter,
 * now a new variable (fn->params[k], at p's index) named p_in. */
static void copy_assigned_param(Func *fn, int k) {
    Var *p = fn->params[k];
    if (p->type->kind != TY_STRUCT || !type_has_floating(p->type) || type_holds_pointer(p->type) ||
        !stmt_assigns(fn->body, p))
        return;
    Var *param = func_add_var(fn, func_new_var_name(fn, ir_format("%s_in", p->name)), p->type, VAR_PARAM, p->loc);
    param->source_name = p->source_name; /* wrt(p) still names it */
    int at = p->index;
    p->index = param->index;
    param->index = at;
    fn->vars[at] = param;
    fn->vars[p->index] = p;
    fn->params[k] = param;
    p->kind = VAR_LOCAL;
    Stmt *copy = stmt_new(fn, ST_DECL, p->loc);
    copy->var = p;
    copy->rhs = expr_var(param, p->loc);
    Stmt *body = fn->body;
    block_append(body, copy);
    for (int i = body->nbody - 1; i > 0; i--)
        body->body[i] = body->body[i - 1];
    body->body[0] = copy;
}

/* Whether fn gets the pointer parameter: a helper (the interface of a requested function stays
 * as written) with a body, returning a struct of floating members and no pointers. */
static bool returns_by_pointer(const Func *fn) {
    return fn && !fn->requested && !fn->primal && fn->ret->kind == TY_STRUCT &&
           type_has_floating(fn->ret) && !type_holds_pointer(fn->ret);
}

static bool is_struct_call(const Expr *e) {
    return e && e->kind == EX_CALL && returns_by_pointer(e->callee);
}

/* The call statement `callee(args, &target)`. */
static Stmt *call_into(Func *fn, const Expr *call, Var *target) {
    Expr *addr = expr_new(EX_ADDR, type_pointer_to(target->type), call->loc);
    addr->lhs = expr_var(target, call->loc);
    Expr *c = expr_new(EX_CALL, type_new(TY_VOID), call->loc);
    *c = *call;
    c->type = type_new(TY_VOID);
    c->args = ir_alloc(sizeof(Expr *) * (size_t)(call->nargs + 1));
    for (int i = 0; i < call->nargs; i++)
        c->args[i] = call->args[i];
    c->args[c->nargs++] = addr;
    Stmt *s = stmt_new(fn, ST_CALL, call->loc);
    s->rhs = c;
    return s;
}

static Stmt *declare(Func *fn, Var *v, SrcLoc loc) {
    Stmt *s = stmt_new(fn, ST_DECL, loc);
    s->var = v;
    return s;
}

/* Whether e calls such a helper other than as a statement's whole value (refused). */
static const Expr *nested_struct_call(const Expr *e) {
    if (!e)
        return NULL;
    if (is_struct_call(e))
        return e;
    for (int i = 0; e->kind == EX_CALL || e->kind == EX_INITLIST ? i < e->nargs : false; i++)
        if (nested_struct_call(e->args[i]))
            return nested_struct_call(e->args[i]);
    const Expr *in = nested_struct_call(e->lhs);
    in = in ? in : nested_struct_call(e->rhs);
    return in ? in : nested_struct_call(e->cond);
}

/* The statements s becomes, appended to out; returns the number of errors. */
static int rewrite_stmt(Func *fn, Stmt *s, Stmt *out) {
    const Expr *call = s->rhs;
    if (s->kind == ST_DECL && is_struct_call(call)) { /* T v; f(args, &v); */
        s->rhs = NULL;
        block_append(out, s);
        block_append(out, call_into(fn, call, s->var));
        return 0;
    }
    if ((s->kind == ST_CALL || (s->kind == ST_ASSIGN && s->op == OP_NONE)) && is_struct_call(call)) {
        Var *value = func_add_var(fn, func_new_var_name(fn, ir_format("%s_value", call->callee->name)),
                                  call->type, VAR_LOCAL, call->loc);
        block_append(out, declare(fn, value, call->loc));
        block_append(out, call_into(fn, call, value));
        s->rhs = expr_var(value, call->loc);
        if (s->kind == ST_ASSIGN)
            block_append(out, s);
        return 0;
    }
    const Expr *nested = nested_struct_call(s->lhs);
    nested = nested ? nested : nested_struct_call(s->rhs);
    nested = nested ? nested : nested_struct_call(s->cond);
    for (int k = 0; !nested && s->kind == ST_FOR && k < 2; k++) { /* a loop's init and step */
        const Stmt *part = k ? s->step : s->init;
        for (int i = 0; part && !nested && i < part->nbody; i++)
            nested = nested_struct_call(part->body[i]->rhs);
    }
    if (nested) {
        error_at(nested->loc, "this call of '%s', which returns a struct, is not supported here; "
                 "assign its value to a variable in a statement of its own", nested->callee->name);
        return 1;
    }
    return stmt_rewrite_inside(fn, s, out, rewrite_stmt);
}

/* `return e;` of a helper given the pointer parameter result: `*result = e; return;`. */
static void rewrite_returns(Func *fn, Stmt *s, Var *result) {
    if (!s)
        return;
    for (int i = 0; i < s->nbody; i++)
        rewrite_returns(fn, s->body[i], result);
    rewrite_returns(fn, s->then, result);
    rewrite_returns(fn, s->els, result);
    if (s->kind != ST_RETURN || !s->rhs)
        return;
    Stmt *store = stmt_new(fn, ST_ASSIGN, s->loc);
    store->lhs = expr_new(EX_DEREF, fn->ret, s->loc);
    store->lhs->lhs = expr_var(result, s->loc);
    store->rhs = s->rhs;
    Stmt *ret = stmt_new(fn, ST_RETURN, s->loc);
    *s = (Stmt){.kind = ST_BLOCK, .loc = s->loc, .id = s->id, .scope = true};
    block_append(s, store);
    block_append(s, ret);
}

/* The parameter `T *result` after the others, also among fn's variables (whose first ones are
 * the parameters, Var.index their position). */
static Var *add_result_param(Func *fn) {
    Var *result = func_add_var(fn, func_new_name(fn, "result"), type_pointer_to(fn->ret), VAR_PARAM, fn->loc);
    int n = fn->nparams;
    for (int i = fn->nvars - 1; i > n; i--) {
        fn->vars[i] = fn->vars[i - 1];
        fn->vars[i]->index = i;
    }
    fn->vars[n] = result;
    result->index = n;
    Var **params = ir_alloc(sizeof(Var *) * (size_t)(n + 2));
    bool *wrt = ir_alloc(sizeof(bool) * (size_t)(n + 2));
    const char **len = ir_alloc(sizeof(char *) * (size_t)(n + 2));
    const char **row_len = ir_alloc(sizeof(char *) * (size_t)(n + 2));
    for (int i = 0; i < n; i++) {
        params[i] = fn->params[i];
        wrt[i] = fn->wrt[i];
        len[i] = fn->len[i];
        row_len[i] = fn->row_len[i];
    }
    params[n] = result;
    fn->params = params;
    fn->wrt = wrt;
    fn->len = len;
    fn->row_len = row_len;
    fn->nparams++;
    return result;
}

int structs_by_value(Program *prog) {
    int errors = 0;
    for (int i = 0; i < prog->nfuncs; i++)
        for (int k = 0; prog->funcs[i]->body && k < prog->funcs[i]->nparams; k++)
            copy_assigned_param(prog->funcs[i], k);
    for (int i = 0; i < prog->nfuncs; i++) /* every call first: they read the callees' result types */
        if (prog->funcs[i]->body)
            errors += block_rewrite(prog->funcs[i], prog->funcs[i]->body, rewrite_stmt);
    for (int i = 0; i < prog->nfuncs; i++) {
        Func *fn = prog->funcs[i];
        if (fn->requested && fn->ret->kind == TY_STRUCT && type_has_floating(fn->ret)) {
            error_at(fn->loc, "'%s' returns a struct, which a differentiated function cannot: its derivatives "
                     "would not be returned; fill the struct through a pointer parameter instead", fn->name);
            errors++;
        }
        if (!returns_by_pointer(fn) || !fn->body)
            continue;
        Var *result = add_result_param(fn);
        rewrite_returns(fn, fn->body, result);
        fn->ret = type_new(TY_VOID);
    }
    return errors;
}
